import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/core/render/report-html.js';
import { AXE, axeViolations, browserAvailable, launchBrowser, watchedPage } from '../helpers/browser.js';
import { v3TeamDiagnosis } from './v3-team.js';

// The v3 team report (seven hand-off directions, practices by area) in chromium: axe-clean, and at
// 1280 and 390 px wide the page never scrolls sideways and the interlock chart's labels stay inside
// the chart. PM_DIAG_SCREENSHOTS=dir keeps a screenshot of each width for a person to look at.

const available = browserAvailable();
const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-v3-html-'));
const file = join(scratch, 'report.html');
let browser: Browser;

beforeAll(async () => {
  writeFileSync(file, renderReportHtml(v3TeamDiagnosis(), { top: 10 }));
  if (available) browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!available)('the bank v3 HTML report in chromium', () => {
  it('has no serious or critical accessibility violation, light or dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const a = await watchedPage(browser, { bypassCSP: true, colorScheme });
      await a.open(file);
      await a.page.addScriptTag({ path: AXE });
      const violations = await axeViolations(a.page);
      await a.context.close();
      expect(violations, colorScheme).toEqual([]);
    }
  }, 120_000);

  it.each([1280, 390])(
    'at %i px: no sideways scroll, and the interlock chart holds its seven directions',
    async (width) => {
      const w = await watchedPage(browser, { viewport: { width, height: 900 } });
      await w.open(file);
      const layout = await w.page.evaluate(() => {
        const chart = document.querySelector('#chart-interlock-title')!.closest('svg')!;
        const box = chart.getBoundingClientRect();
        const labels = Array.from(chart.querySelectorAll('text.label')).map((t) => t.getBoundingClientRect());
        return {
          scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          directions: chart.querySelectorAll('text.strong').length,
          outside: labels.filter((l) => l.left < box.left - 1 || l.right > box.right + 1).length,
        };
      });
      const shots = process.env.PM_DIAG_SCREENSHOTS;
      if (shots) {
        await w.page.screenshot({ path: join(shots, `v3-report-${width}.png`), fullPage: true });
        for (const part of ['header', '#summary', '#interlock', '#groups'])
          await w.page.locator(part).screenshot({ path: join(shots, `v3-${part.replace('#', '')}-${width}.png`) });
      }
      await w.context.close();
      expect(w.errors).toEqual([]);
      expect(layout).toEqual({ scroll: 0, directions: 7, outside: 0 });
    },
    120_000,
  );
});
