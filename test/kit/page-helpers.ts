import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';

// What the facilitator page's browser tests share: the kit made once per file, a browser where there
// is one, and the wait for the page's report.

/**
 * Before the file's tests: `prepare` (its input files), `pm-diag kit --out kit`, and a browser when
 * `available`; after them, the browser closed and `scratch` removed. The browser, once launched.
 */
export function kitWithBrowser(opts: { scratch: string; kit: string; available: boolean; prepare: () => void }) {
  let browser: Browser | undefined;
  beforeAll(async () => {
    opts.prepare();
    const made = runCli(['kit', '--out', opts.kit]);
    expect(made.code, made.stderr).toBe(0);
    if (opts.available) browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(opts.scratch, { recursive: true, force: true });
  });
  return () => browser!;
}

/** Waits for the page to show the report of what it was last given. */
export const reportReady = (p: Page) =>
  p.waitForFunction(() => {
    const report = document.getElementById('kit-report')!;
    return (
      report.getAttribute('aria-busy') === 'false' &&
      !(document.getElementById('kit-download-json') as HTMLButtonElement).disabled
    );
  });
