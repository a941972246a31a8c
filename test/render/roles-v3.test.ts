import { describe, expect, it } from 'vitest';
import { renderRolesHtml } from '../../src/core/render/roles-html.js';
import { renderRolesMarkdown, renderRolesTerminal } from '../../src/core/render/roles.js';
import { builtinBank } from '../../src/io/bank-files.js';

// The role map of the built-in version-3 bank: marketing, customer success and sales as accountable
// owners and parties, hand-offs between any two of them, and each area's practices named as owned by nobody.

const bank = builtinBank();
const practicesOnly = bank.areas.find((a) => a.responsibilities.length === 0 && (a.practices ?? []).length > 0)!;
const practice = practicesOnly.practices![0]!;

describe('the role map of a v3 bank', () => {
  it.each([
    ['terminal', renderRolesTerminal(bank, false)],
    ['markdown', renderRolesMarkdown(bank)],
    ['html', renderRolesHtml(bank)],
  ])('%s: names the new owners, every direction of hand-off and the practices', (_, text) => {
    const plain = text.replace(/\\/g, '').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
    // The terminal wraps the counts at its width, so a separator may be a line break.
    expect(plain).toMatch(/Marketing \d+(?: ·|,)? Customer success \d+(?: ·|,) Sales \d+/);
    expect(plain).toContain('Product Marketing owes Sales');
    expect(plain).toContain('Product Management owes Customer Success');
    expect(plain).toContain(practice.title);
  });

  it('markdown: an area of practices only has no empty table of owners', () => {
    const md = renderRolesMarkdown(bank);
    const section = md.slice(md.indexOf(`## ${practicesOnly.title}`), md.indexOf('## Interlock'));
    expect(section).not.toContain('| Responsibility |');
    expect(section).toContain('Practices');
  });
});
