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
    item.kind === 'responsibility'
      ? { owner: OWNERS[(k * 3) % OWNERS.length]!, capability: level(k), capacity: level(k + 2) }
      : item.kind === 'practice'
        ? { frequency: level(k + 1) }
        : { delivery: level(k) };
  if (k % 3 === 0) answer.evidence = `battlecard v${k}`;
  if (k === 1 || k === items.length - 1) answer.note = HOSTILE_NOTE;
  return answer;
}
const planned = items.map(plan);
/** The organization facts the keyboard test gives (bank v3): an option, a number; the others skipped. */
const FACTS = { revenue: '10-50m', 'pm-people': 6 };

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
    return {
      id: e?.id ?? '',
      name: e?.getAttribute('name') ?? '',
      value: e?.value ?? '',
      checked: e?.checked ?? false,
    };
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

/** The organization facts, by keyboard: Tab to each field, then its option or its number. */
async function giveFacts(page: Page): Promise<void> {
  await tabTo(page, 'facts.revenue', (f) => f.name === 'facts.revenue');
  await page.selectOption('[name="facts.revenue"]', FACTS.revenue);
  await type(page, 'facts.pm-people', String(FACTS['pm-people']));
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
    await giveFacts(w.page);
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
    expect(await w.page.textContent('#progress-text')).toBe(
      `Item ${half + 1} of ${items.length} · ${half + 1} of ${items.length} answered`,
    );
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
    await w.page.evaluate(() =>
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new Error('blocked')) },
      }),
    );
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
    expect(file).toMatchObject({
      bank: bank.id,
      'bank-version': bank.version,
      stage,
      form: 'rapid',
      respondent: { name: NAME, role: ROLE },
      facts: FACTS,
    });
    expect(file['bank-hash']).toMatch(/^sha256:[0-9a-f]{64}$/);
    const assess = runCli(['assess', '--answers', downloaded, '--bank', RAPID_BANK_PATH, '--format', 'json']);
    expect(assess.stderr).toBe('');
    expect(assess.code).toBe(0);

    mkdirSync(join(scratch, 'typed'));
    const typed = join(scratch, 'typed', download.suggestedFilename());
    const answers = Object.fromEntries(items.map((item, k) => [item.id, planned[k]]));
    writeFileSync(
      typed,
      stringify({
        bank: bank.id,
        'bank-version': bank.version,
        stage,
        form: 'rapid',
        respondent: { name: NAME, role: ROLE },
        facts: FACTS,
        answers,
      }),
    );
    const fromForm = report(downloaded);
    expect(fromForm).toEqual(report(typed));
    expect(JSON.stringify(fromForm)).toContain(JSON.stringify(HOSTILE_NOTE));
  }, 180_000);

  it('a shared browser: the next person starts a new response and sees and sends nothing of the previous one', async () => {
    // bypassCSP lets axe-core in for the choice screen.
    const context = await browser.newContext({ acceptDownloads: true, bypassCSP: true });
    const errors: string[] = [];
    const url = new URL(`file://${questionnaire}`).href;
    /** One visit: a new tab on the same browser profile, as the next person at a workshop laptop opens the file. */
    const visit = async () => {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url, { waitUntil: 'load' });
      return page;
    };
    const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
    const finish = async (page: Page, name: string, note: string, level: string) => {
      await page.fill('[name="respondent.name"]', name);
      await page.check(`[name="respondent.role"][value="${ROLE}"]`);
      await button(page, 'Next').click();
      // The organization facts, each skippable: skipped.
      await button(page, 'Next').click();
      const { rated, text } = controlNames(items[0]!);
      for (const field of rated)
        await page.check(`[name="${field}"][value="${field.endsWith('.owner') ? 'pm' : level}"]`);
      await page.fill(`[name="${text.find((t) => t.endsWith('.note'))!}"]`, note);
      while (await button(page, 'Next').isVisible()) await button(page, 'Next').click();
      const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Download answers').click()]);
      const path = join(scratch, 'shared', `${name}.yaml`);
      await download.saveAs(path);
      return path;
    };

    const first = await visit();
    const dana = await finish(first, NAME, 'Dana only: the pricing review slipped', '2');
    await first.close();

    // The next person: asked before anything is shown, and nothing of Dana's on the page.
    const second = await visit();
    await expect.poll(() => button(second, `Continue as ${NAME}`).isVisible()).toBe(true);
    expect(await button(second, 'Start a new response').isVisible()).toBe(true);
    expect(await button(second, 'Download answers').isVisible()).toBe(false);
    expect(await second.isVisible('#questionnaire')).toBe(false);
    expect(await formState(second)).toEqual({});
    await second.addScriptTag({ path: AXE });
    expect(await axeViolations(second)).toEqual([]);
    await button(second, 'Start a new response').click();
    expect(await formState(second)).toEqual({});
    expect(await second.inputValue('[name="respondent.name"]')).toBe('');
    const lee = await finish(second, 'Lee Park', 'Lee: fine', '4');
    // Lee, back in another tab: "Continue as Lee Park" brings Lee's answers back.
    const back = await visit();
    await button(back, 'Continue as Lee Park').click();
    expect(await back.inputValue('[name="respondent.name"]')).toBe('Lee Park');
    expect(Object.values(await formState(back))).toContain('Lee: fine');
    await back.close();
    // Finishing offers the next person a new response too, which empties the page.
    await button(second, 'Start a new response').click();
    expect(await formState(second)).toEqual({});
    await second.close();

    // Lee started a new response before leaving: the next visit starts empty, with no one to continue.
    const third = await visit();
    await expect.poll(() => third.isVisible('#questionnaire')).toBe(true);
    expect(await third.isVisible('#returning')).toBe(false);
    expect(await formState(third)).toEqual({});
    await third.close();
    await context.close();
    expect(errors).toEqual([]);

    const danaFile = parse(readFileSync(dana, 'utf8')) as Record<string, unknown>;
    const leeText = readFileSync(lee, 'utf8');
    const leeFile = parse(leeText) as Record<string, unknown>;
    expect(leeText).not.toContain('Dana');
    expect(leeFile).toMatchObject({ respondent: { name: 'Lee Park', role: ROLE } });
    expect(danaFile.response).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(leeFile.response).toMatch(/^[0-9a-f-]{36}$/);
    expect(leeFile.response).not.toBe(danaFile.response);
    for (const file of [danaFile, leeFile])
      expect(Date.parse(String(file['answered-at']))).toBeGreaterThan(Date.parse('2026-01-01'));

    const both = runCli(['report', dana, lee, '--bank', RAPID_BANK_PATH, '--format', 'json']);
    expect(both.code, both.stderr).toBe(0);
    const names = (JSON.parse(both.stdout) as { respondentList: { name: string }[] }).respondentList.map((r) => r.name);
    expect(names).toEqual([NAME, 'Lee Park']);
    // The same download sent twice is one response.
    const copy = join(scratch, 'shared', 'copy-of-dana.yaml');
    writeFileSync(copy, readFileSync(dana));
    const twice = runCli(['report', dana, copy, '--bank', RAPID_BANK_PATH, '--format', 'json']);
    expect(twice.code, twice.stderr).toBe(0);
    expect(twice.stderr).toContain(`the same response (${String(danaFile.response)})`);
  }, 120_000);

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
    await check('the organization facts');
    await w.page.click('#next');
    await check('a responsibility');
    let at = 0;
    for (const kind of ['practice', 'interlock'] as const) {
      const k = items.findIndex((item) => item.kind === kind);
      if (k <= at) continue;
      for (; at < k; at++) await w.page.click('#next');
      await check(`a ${kind} item`);
    }
    const interlock = at;
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
    // The organization's screen, each item's, and the end.
    for (let k = 0; k <= items.length + 1; k++) {
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
    for (const scale of Object.values(bank.scales) as Record<string, { label: string; description: string }>[])
      for (const level of Object.values(scale)) level.label = attack;
    for (const area of bank.areas) {
      area.title = attack;
      for (const r of area.responsibilities) Object.assign(r, { title: attack, question: attack, evidence: attack });
      for (const p of area.practices ?? []) Object.assign(p, { title: attack, question: attack });
    }
    for (const fact of Object.values(bank.facts ?? {}) as { question: string; options?: Record<string, string> }[]) {
      fact.question = attack;
      for (const option of Object.keys(fact.options ?? {})) fact.options![option] = attack;
    }
    for (const i of bank.interlock) Object.assign(i, { title: attack, question: attack });
    mkdirSync(join(scratch, 'hostile'), { recursive: true });
    const bankFile = join(scratch, 'hostile', 'bank.yaml');
    writeFileSync(bankFile, stringify(bank));
    const page = writeForm(join(scratch, 'hostile', 'questionnaire.html'), [
      '--bank',
      bankFile,
      '--form',
      'rapid',
      '--organization',
      attack,
    ]);

    const w = await watchedPage(browser);
    await w.open(page);
    await w.page.fill('#respondent-name', NAME);
    await w.page.click('#next');
    const factLabels = await w.page.evaluate(() =>
      Array.from(document.querySelectorAll('#screen-facts label, #screen-facts option:not([value=""])')).map(
        (e) => e.textContent,
      ),
    );
    expect(new Set(factLabels)).toEqual(new Set([attack]));
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
    expect(state).toEqual({
      pwned: undefined,
      scripts: 2,
      embedded: 0,
      heading: attack,
      title: `${attack}: questionnaire`,
    });
  }, 60_000);
});
