import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderFacilitatorPage } from '../../src/core/kit/page.js';
import { scriptHashSource } from '../../src/core/render/questionnaire/page.js';
import { loadBank } from '../../src/io/bank-files.js';

// The facilitator page as kit writes it, from the sources: the bank is data the script reads (never
// markup), the policy names exactly the page's script, and a script that would end its own element
// is refused rather than written.

const bank = loadBank();
const SCRIPT = 'document.title = "ok";';

describe('renderFacilitatorPage', () => {
  it("allows its one script by the script's SHA-256, and nothing else to load or connect", () => {
    const page = renderFacilitatorPage(bank, SCRIPT);
    const hash = createHash('sha256').update(SCRIPT).digest('base64');
    expect(scriptHashSource(SCRIPT)).toBe(`'sha256-${hash}'`);
    expect(page).toContain(`script-src 'sha256-${hash}'; style-src 'unsafe-inline'`);
    expect(page).toContain("connect-src 'none'");
    expect(page).toContain(`<script>${SCRIPT}</script>`);
  });

  it('carries the bank as JSON data that no text of the bank can end or turn into markup', () => {
    const hostile = { ...bank, title: 'Acme </script><script>alert(1)</script> <!-- & "q"' };
    const page = renderFacilitatorPage(hostile, SCRIPT);
    const block = /<script type="application\/json" id="pm-diag-kit">([\s\S]*?)<\/script>/.exec(page)![1]!;
    expect(block).not.toMatch(/[<>]/);
    expect(JSON.parse(block).bank.title).toBe(hostile.title);
    expect(page).toContain('Acme &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.match(/<script>/g)).toHaveLength(1);
  });

  it("offers the bank's stages and the forms as controls, each labelled with its CLI option", () => {
    const page = renderFacilitatorPage(bank, SCRIPT);
    for (const stage of Object.keys(bank.stages ?? {})) expect(page).toContain(`<option value="${stage}">`);
    for (const flag of ['--stage', '--form', '--organization', '--target', '--top', '--latest']) {
      expect(page).toContain(`<span class="flag">${flag}</span>`);
    }
  });

  it('refuses a script that would end its own element', () => {
    expect(() => renderFacilitatorPage(bank, 'var s = "</script>";')).toThrow(/would end its own <script>/);
  });
});
