import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/core/answers/load.js';
import { AXE, axeViolations, browserAvailable, launchBrowser, watchedPage } from '../helpers/browser.js';
import { RAPID_BANK_PATH, rapidForm, writeForm } from './helpers.js';

// The questionnaire on bank v3 in chromium: the organization facts asked first, a practice answered
// with how often it happens (its own statements shown for the levels) lands in the answers file as
// `{ frequency: N }`; the page stays within its size budget and passes axe-core on a phone and a desktop.

const available = browserAvailable();
const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-form-v3-'));
const { bank, items } = rapidForm();
const practiceAt = items.findIndex((item) => item.kind === 'practice');
const practice = items[practiceAt]!;
/** Where the screenshots go, for a person to look at (PM_DIAG_SHOTS), else nowhere. */
const SHOTS = process.env.PM_DIAG_SHOTS;

let browser: Browser;
let rapid: string;
let full: string;
beforeAll(async () => {
  rapid = writeForm(join(scratch, 'rapid.html'), ['--bank', RAPID_BANK_PATH, '--form', 'rapid']);
  full = writeForm(join(scratch, 'full.html'), ['--bank', RAPID_BANK_PATH, '--form', 'full', '--stage', 'enterprise']);
  if (available) browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the questionnaire on bank v3', () => {
  it('stays within 250 KB for the full form and asks at most 36 questions in the rapid one', () => {
    expect(statSync(full).size).toBeLessThanOrEqual(250 * 1024);
    const questions = Number(/(\d+) questions/.exec(readFileSync(rapid, 'utf8'))![1]);
    expect(questions).toBeGreaterThan(0);
    expect(questions).toBeLessThanOrEqual(36);
  });

  describe.skipIf(!available)('in chromium', () => {
    it('asks the facts first and saves a practice as { frequency: N }, with the facts', async () => {
      expect(practiceAt).toBeGreaterThanOrEqual(0);
      const w = await watchedPage(browser, { acceptDownloads: true });
      await w.open(rapid);
      await w.page.fill('#respondent-name', 'Dana Lee');
      await w.page.check('[name="respondent.role"][value="pm"]');
      await w.page.click('#next');
      expect(await w.page.textContent('section.screen:not([hidden]) h2')).toBe('About the organization');
      await w.page.selectOption('[name="facts.revenue"]', '50-250m');
      await w.page.fill('[name="facts.products"]', '2.5');
      await w.page.click('#next');
      // A number that is not whole keeps the person on the screen, told why.
      expect(await w.page.isVisible('#screen-facts')).toBe(true);
      expect(await w.page.locator('#screen-facts .error:not([hidden])').count()).toBe(1);
      await w.page.fill('[name="facts.products"]', '3');
      await w.page.click('#next');
      for (let k = 0; k < practiceAt; k++) await w.page.click('#next');
      const screen = w.page.locator('section.screen:not([hidden])');
      expect(await screen.locator('h2').textContent()).toBe(practice.title);
      const own = (practice.levels as { frequency?: Record<string, string> } | undefined)?.frequency;
      if (own) expect(await screen.locator('.desc').allTextContents()).toEqual(expect.arrayContaining([own['4']]));
      expect(
        await screen.locator('input[type=radio]').evaluateAll((e) => e.map((i) => (i as HTMLInputElement).name)),
      ).toEqual(Array(7).fill(`${practice.id}.frequency`));
      await w.page.check(`[name="${practice.id}.frequency"][value="4"]`);
      const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.click('#download')]);
      const path = join(scratch, 'dana.yaml');
      await download.saveAs(path);
      await w.context.close();
      expect(w.errors).toEqual([]);
      expect(w.requests).toEqual([]);
      const { respondent } = parseAnswers({ source: path, text: readFileSync(path, 'utf8') }, bank);
      expect(respondent.answers.get(practice.id)).toEqual({ frequency: 4 });
      expect(respondent.facts).toEqual({ revenue: '50-250m', products: 3 });
    }, 60_000);

    for (const width of [390, 1280])
      it(`has no serious or critical accessibility violation at ${width} pixels, facts and practice screens too`, async () => {
        const w = await watchedPage(browser, { bypassCSP: true, viewport: { width, height: 900 } });
        await w.open(rapid);
        await w.page.addScriptTag({ path: AXE });
        const found: Record<string, string[]> = {};
        const widths: number[] = [];
        const look = async (screen: string) => {
          found[screen] = await axeViolations(w.page);
          widths.push(await w.page.evaluate(() => document.documentElement.scrollWidth));
          if (SHOTS) await w.page.screenshot({ path: join(SHOTS, `${width}-${screen}.png`), fullPage: true });
        };
        await look('about-you');
        await w.page.fill('#respondent-name', 'Dana Lee');
        await w.page.click('#next');
        await look('facts');
        await w.page.click('#next');
        for (let k = 0; k < practiceAt; k++) await w.page.click('#next');
        await look('practice');
        const handOff = items.findIndex((item) => item.kind === 'interlock');
        for (let k = practiceAt; k < handOff; k++) await w.page.click('#next');
        await look('hand-off');
        await w.context.close();
        expect(w.errors).toEqual([]);
        expect(found).toEqual(Object.fromEntries(Object.keys(found).map((screen) => [screen, []])));
        expect(Math.max(...widths)).toBeLessThanOrEqual(width);
      }, 60_000);
  });
});
