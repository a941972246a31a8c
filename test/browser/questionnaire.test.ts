import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNERS } from '../../src/core/answers/schema.js';
import type { BankItem } from '../../src/core/bank/items.js';
import { AXE, axeViolations, browserAvailable, launchBrowser, watchedPage } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { RAPID_BANK_PATH, controlNames, rapidForm, writeForm } from '../form/helpers.js';

// The questionnaire (`pm-diag form`) in a real browser, driven by the keyboard alone: it opens from
// file://, keeps every answer through a reload, downloads an answers file that `report` reads as
// it reads one typed by hand, sends no request, logs no error, passes axe-core, reads on a phone,
// and a hostile bank runs no script in it. Skipped without chromium unless PM_DIAG_REQUIRE_BROWSER=1.

const available = browserAvailable();
const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-form-'));
const { items } = rapidForm();
const NAME = 'Dana Lee';
const ROLE = 'pmm';
/** A note that YAML and HTML both have opinions about. */
const HOSTILE_NOTE = 'Said "no": #1 — it\'s <b>fine</b> & ünïcødé 🙂 C:\\path\n- not a list\n{ owner: pm }';

type Planned = 'n/a' | Record<string, string | number>;

/** What the test answers to item k: every owner code and level in turn, a "don't know", an n/a, evidence and notes. */
function plan(item: BankItem, k: number): Planned {
  if (k === 2) return 'n/a';
  const level = (n: number) => (n % 6 === 5 ? 'unknown' : (n % 5) + 1);
  const answer: Record<string, string | number> =
    item.kind === 'responsibility' ? { owner: OWNERS[(k * 3) % OWNERS.length]!, capability: level(k), capacity: level(k + 2) } : { delivery: level(k) };
  if (k % 3 === 0) answer.evidence = `battlecard v${k}`;
  if (k === 1 || k === items.length - 1) answer.note = HOSTILE_NOTE;
  return answer;
}
const planned = items.map(plan);

let browser: Browser;
let questionnaire: string;
beforeAll(async () => {
  questionnaire = writeForm(join(scratch, 'questionnaire.html'), ['--bank', RAPID_BANK_PATH, '--form', 'rapid']);
  if (available) browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

interface Focused {
  id: string;
  name: string;
  value: string;
  checked: boolean;
}
const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLInputElement | null;
    return { id: e?.id ?? '', name: e?.getAttribute('name') ?? '', value: e?.value ?? '', checked: e?.checked ?? false };
  });

/** Presses Tab until the focused control is the one wanted. */
async function tabTo(page: Page, what: string, wanted: (f: Focused) => boolean): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (wanted(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Tabs into a radio group and chooses `value` with Space and the arrow keys, as a keyboard user does. */
async function choose(page: Page, name: string, value: string): Promise<void> {
  await tabTo(page, name, (f) => f.name === name);
  await page.keyboard.press('Space');
  for (let i = 0; i < 20; i++) {
    const f = await focused(page);
    if (f.name !== name) throw new Error(`the arrow keys left the group ${name}`);
    if (f.value === value && f.checked) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no choice ${value} in ${name}`);
}

async function type(page: Page, name: string, text: string): Promise<void> {
  await tabTo(page, name, (f) => f.name === name);
  await page.keyboard.type(text);
}

async function next(page: Page): Promise<void> {
  await tabTo(page, 'Next', (f) => f.id === 'next');
  await page.keyboard.press('Enter');
}

/** Answers item k on its screen by keyboard, in the order its controls come. */
async function answer(page: Page, k: number): Promise<void> {
  const item = items[k]!;
  const want = planned[k]!;
  const { rated, text } = controlNames(item);
  if (want === 'n/a') return choose(page, rated[0]!, 'n/a');
  for (const name of rated) await choose(page, name, String(want[name.slice(item.id.length + 1)]));
  for (const name of text) {
    const value = want[name.slice(item.id.length + 1)];
    if (value !== undefined) await type(page, name, String(value));
  }
}

/** Every control's state: the checked radio of each group, each text field's value. */
const formState = (page: Page) =>
  page.evaluate(() => {
    const state: Record<string, string> = {};
    for (const e of Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('form [name]'))) {
      if (e instanceof HTMLInputElement && e.type === 'radio' && !e.checked) continue;
      if (e.value !== '') state[e.name] = e.value;
    }
    return state;
  });

/** The JSON report of one answers file, named as it is in its own folder (the report lists each respondent's file). */
function report(file: string): unknown {
  const r = runCli(['report', basename(file), '--bank', RAPID_BANK_PATH, '--format', 'json'], { cwd: dirname(file) });
  if (r.code !== 0) throw new Error(`report ${file} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe.skipIf(!available)('the questionnaire in chromium', () => {
  it('is answered by keyboard alone, survives a reload, and downloads answers that report exactly as typed ones', async () => {
    const w = await watchedPage(browser, { acceptDownloads: true });
    await w.open(questionnaire);
    await type(w.page, 'respondent.name', NAME);
    await choose(w.page, 'respondent.role', ROLE);
    await next(w.page);
    const half = Math.floor(items.length / 2);
    for (let k = 0; k < half; k++) {
      await answer(w.page, k);
      await next(w.page);
    }
    await answer(w.page, half);
    const before = await formState(w.page);
    // Midway through: every answer given so far must come back, on the same item.
    await w.page.reload({ waitUntil: 'load' });
    expect(await formState(w.page)).toEqual(before);
    expect(before['respondent.name']).toBe(NAME);
    expect(await w.page.textContent('#progress-text')).toBe(`Item ${half + 1} of ${items.length} · ${half + 1} of ${items.length} answered`);
    await next(w.page);
    for (let k = half + 1; k < items.length; k++) {
      await answer(w.page, k);
      await next(w.page);
    }
    expect(await w.page.textContent('#progress-text')).toBe(`Finished · ${items.length} of ${items.length} answered`);

    await tabTo(w.page, 'Download answers', (f) => f.id === 'download');
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('dana-lee-answers.yaml');
    const downloaded = join(scratch, 'downloads', download.suggestedFilename());
    await download.saveAs(downloaded);

    // The second way out, where the clipboard is refused: the same text in a box to copy by hand.
    await w.page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('blocked')) } }));
    await tabTo(w.page, 'Copy answers', (f) => f.id === 'copy');
    await w.page.keyboard.press('Enter');
    await w.page.waitForSelector('#answers-text', { state: 'visible' });
    const copied = await w.page.inputValue('#answers-text');
    await w.context.close();
    expect(w.errors).toEqual([]);
    expect(w.requests).toEqual([]);
    expect(copied).toBe(readFileSync(downloaded, 'utf8'));

    const file = parse(readFileSync(downloaded, 'utf8'));
    const { bank, stage } = rapidForm();
    expect(file).toMatchObject({ bank: bank.id, 'bank-version': bank.version, stage, form: 'rapid', respondent: { name: NAME, role: ROLE } });
    expect(file['bank-hash']).toMatch(/^sha256:[0-9a-f]{64}$/);
    const assess = runCli(['assess', '--answers', downloaded, '--bank', RAPID_BANK_PATH, '--format', 'json']);
    expect(assess.stderr).toBe('');
    expect(assess.code).toBe(0);

    mkdirSync(join(scratch, 'typed'));
    const typed = join(scratch, 'typed', download.suggestedFilename());
    const answers = Object.fromEntries(items.map((item, k) => [item.id, planned[k]]));
    writeFileSync(typed, stringify({ bank: bank.id, 'bank-version': bank.version, stage, form: 'rapid', respondent: { name: NAME, role: ROLE }, answers }));
    const fromForm = report(downloaded);
    expect(fromForm).toEqual(report(typed));
    expect(JSON.stringify(fromForm)).toContain(JSON.stringify(HOSTILE_NOTE));
  }, 180_000);

  it('has no serious or critical accessibility violation, light or dark, on any kind of screen', async () => {
    const w = await watchedPage(browser, { bypassCSP: true });
    await w.open(questionnaire);
    await w.page.addScriptTag({ path: AXE });
    const found: Record<string, string[]> = {};
    const check = async (screen: string) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await w.page.emulateMedia({ colorScheme });
        found[`${screen}, ${colorScheme}`] = await axeViolations(w.page);
      }
    };
    await check('about you');
    await w.page.fill('#respondent-name', NAME);
    await w.page.click('#next');
    await check('a responsibility');
    const interlock = items.findIndex((item) => item.kind === 'interlock');
    for (let k = 1; k <= interlock; k++) await w.page.click('#next');
    if (interlock > 0) await check('an interlock item');
    await w.page.evaluate(() => (document.getElementById('copy-fallback')!.hidden = false));
    for (let k = Math.max(interlock, 0); k < items.length; k++) await w.page.click('#next');
    await check('the end');
    await w.context.close();
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((screen) => [screen, []])));
  }, 120_000);

  it('reads on a 375-pixel-wide phone screen: nothing wider than the screen', async () => {
    const w = await watchedPage(browser, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await w.open(questionnaire);
    const widths: number[] = [await w.page.evaluate(() => document.documentElement.scrollWidth)];
    await w.page.fill('#respondent-name', NAME);
    for (let k = 0; k <= items.length; k++) {
      await w.page.click('#next');
      widths.push(await w.page.evaluate(() => document.documentElement.scrollWidth));
    }
    await w.context.close();
    expect(w.errors).toEqual([]);
    expect(Math.max(...widths)).toBeLessThanOrEqual(375);
  }, 60_000);

  it('runs no script from a hostile bank: its text shows as text', async () => {
    const attack = '</script><script>window.__pwned = 1</script><!-- "><img src=x onerror="window.__pwned = 2">';
    const bank = parse(readFileSync(RAPID_BANK_PATH, 'utf8'));
    bank.title = attack;
    bank.functions.pm.name = attack;
    for (const scale of Object.values(bank.scales) as Record<string, { label: string; description: string }>[]) for (const level of Object.values(scale)) level.label = attack;
    for (const area of bank.areas) {
      area.title = attack;
      for (const r of area.responsibilities) Object.assign(r, { title: attack, question: attack, evidence: attack });
    }
    for (const i of bank.interlock) Object.assign(i, { title: attack, question: attack });
    mkdirSync(join(scratch, 'hostile'), { recursive: true });
    const bankFile = join(scratch, 'hostile', 'bank.yaml');
    writeFileSync(bankFile, stringify(bank));
    const page = writeForm(join(scratch, 'hostile', 'questionnaire.html'), ['--bank', bankFile, '--form', 'rapid', '--organization', attack]);

    const w = await watchedPage(browser);
    await w.open(page);
    await w.page.fill('#respondent-name', NAME);
    await w.page.click('#next');
    const state = await w.page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      scripts: document.scripts.length,
      embedded: document.querySelectorAll('img, iframe, object, embed').length,
      heading: document.querySelector('section.screen:not([hidden]) h2')?.textContent,
      title: document.title,
    }));
    await w.context.close();
    expect(w.errors).toEqual([]);
    expect(w.requests).toEqual([]);
    expect(state).toEqual({ pwned: undefined, scripts: 2, embedded: 0, heading: attack, title: `${attack}: questionnaire` });
  }, 60_000);
});
