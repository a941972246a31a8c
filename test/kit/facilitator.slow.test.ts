import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/io/bank-files.js';
import { browserAvailable, watchedPage } from '../helpers/browser.js';
import { kitWithBrowser, reportReady } from './page-helpers.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { cellValue, csvLine, itemColumns, team } from '../formtool/helpers.js';
import { xlsxWorkbook } from '../formtool/xlsx-writer.js';

// The facilitator page (`pm-diag kit`) in a real browser, from file://, with real file inputs: the
// examples and form-tool exports added to it give the report `pm-diag report` gives for the same files
// (apart from the date), a broken file is named with the CLI's own message while the others are
// reported, the options are the CLI's, nothing leaves the page, and axe-core and a phone's width
// find nothing wrong. Skipped without chromium unless PM_DIAG_REQUIRE_BROWSER=1.

const available = browserAvailable();
const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-kit-page-'));
const inputs = join(scratch, 'answers');
const kit = join(scratch, 'kit');
const page = join(kit, 'facilitator.html');
const bank = loadBank();
const ORGANIZATION = 'Northwind Analytics';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A Google Forms export of three more people of the examples' company: its own columns, its labels. */
function googleCsv(): string {
  const columns = itemColumns(bank);
  const label = (field: string, value: string | number | undefined) => {
    if (value === undefined) return '';
    if (value === 'n/a') return 'Not applicable';
    if (value === 'unknown') return "Don't know";
    if (field === 'capability' || field === 'capacity' || field === 'delivery') {
      return `${value} - ${bank.scales[field][String(value) as '1'].label}`;
    }
    return String(value);
  };
  const header = ['Timestamp', 'Email Address', 'Your name [respondent]', 'Your role [role]', 'Organization'];
  const head = [...header, ...columns.map(({ id, field, item }) => `${item.title} - ${field}? [${id}.${field}]`)];
  const rows = team(bank).map((p, i) => [
    `2026/11/3${i} 10:0${i}:00 AM GMT+1`,
    `${p.name.split(' ')[0]!.toLowerCase()}@northwind.example`,
    p.name,
    p.role,
    ORGANIZATION,
    ...columns.map(({ id, field }) => label(field, cellValue(p, id, field))),
  ]);
  return [head, ...rows].map((row) => csvLine(row)).join('\n') + '\n';
}

/** A Microsoft Forms workbook of another company's team (its own report). */
function microsoftXlsx(): Uint8Array {
  const columns = itemColumns(bank);
  const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Your name [respondent]', 'Your role [role]'];
  const head = [
    ...header,
    'Organization [organization]',
    ...columns.map(({ id, field }) => `[${id}.${field}] ${field}`),
  ];
  const rows = team(bank).map((p, i) => [
    i + 1,
    46356.4 + i,
    46356.41 + i,
    'anonymous',
    'anonymous',
    p.name,
    p.role,
    'Contoso',
    ...columns.map(({ id, field }) => cellValue(p, id, field) ?? ''),
  ]);
  return xlsxWorkbook([head, ...rows]);
}

const BROKEN = 'broken.yaml';
const examples = readdirSync(join(ROOT, 'examples/team')).sort();
/** The team's files, the Google export and a broken file: the names as the page lists them. */
const teamInputs = [...examples, 'google.csv'].sort();

/** The CLI's report of files in the answers folder, named as the page names them. */
function cliReport(files: string[], format: string, options: string[] = []): string {
  const r = runCli(['report', ...files, '--format', format, ...options], { cwd: inputs });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** The report's date is the day it is made: the one thing allowed to differ. */
const undated = (text: string) => text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, 'YYYY-MM-DD');

const browser = kitWithBrowser({
  scratch,
  kit,
  available,
  prepare: () => {
    mkdirSync(inputs);
    for (const name of examples) copyFileSync(join(ROOT, 'examples/team', name), join(inputs, name));
    writeFileSync(join(inputs, 'google.csv'), googleCsv());
    writeFileSync(join(inputs, 'contoso.xlsx'), microsoftXlsx());
    writeFileSync(join(inputs, BROKEN), 'organization: Northwind Analytics\nanswers:\n  market-problem-discovery: [\n');
  },
});

const addAnswers = (p: Page, names: string[]) =>
  p.getByLabel('Add answers').setInputFiles(names.map((n) => join(inputs, n)));

const settled = (p: Page) =>
  p.waitForFunction(() => document.getElementById('kit-report')!.getAttribute('aria-busy') === 'false');

/** What a download button saves. */
async function downloaded(p: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: button }).click()]);
  const path = join(scratch, 'downloads', download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe.skipIf(!available)('the facilitator page in chromium', () => {
  it('gives the CLI report for the examples and a Google Forms export; names the broken file', async () => {
    const w = await watchedPage(browser(), { acceptDownloads: true });
    await w.open(page);
    await addAnswers(w.page, [...teamInputs, BROKEN]);
    await reportReady(w.page);

    const html = await downloaded(w.page, 'Download report (HTML)');
    const markdown = await downloaded(w.page, 'Download report (markdown)');
    const json = await downloaded(w.page, 'Download report (JSON)');
    expect(undated(html.text)).toBe(undated(cliReport(teamInputs, 'html')));
    expect(undated(markdown.text)).toBe(undated(cliReport(teamInputs, 'markdown')));
    expect(undated(json.text)).toBe(undated(cliReport(teamInputs, 'json')));
    expect(html.name).toMatch(/^northwind-analytics-report-\d{4}-\d{2}-\d{2}\.html$/);
    expect(JSON.parse(json.text).respondents).toBe(7);

    // The page shows the report it downloads: the same text, section for section.
    const shown = await w.page.evaluate((source) => {
      const own = new DOMParser().parseFromString(source, 'text/html').body.textContent ?? '';
      const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
      return { own: squash(own), shown: squash(document.getElementById('kit-report')!.textContent ?? '') };
    }, html.text);
    expect(shown.shown).toBe(shown.own);

    // The broken file is named with the message the CLI gives for it; the others are listed as read.
    const cli = runCli(['report', BROKEN], { cwd: inputs });
    expect(cli.code).toBe(2);
    const cliMessage = cli.stderr.trim().replace(/^pm-diag: /, '');
    const broken = w.page.locator('#kit-files li', { hasText: BROKEN });
    await expect(broken.locator('.problems li').first().textContent()).resolves.toBe(cliMessage);
    expect(cliMessage).toMatch(/^broken\.yaml:4:1: /);
    const status = await w.page.locator('#kit-status').textContent();
    expect(status).toBe('6 files, 7 respondents; 1 file not read (see below). The report is below.');
    expect(await w.page.locator('#kit-files > li:not(.bad)').count()).toBe(5);

    await w.context.close();
    expect({ requests: w.requests, errors: w.errors }).toEqual({ requests: [], errors: [] });
  }, 120_000);

  it('takes the CLI options as controls: stage, form, target and top as the options give them', async () => {
    const w = await watchedPage(browser(), { acceptDownloads: true });
    await w.open(page);
    await addAnswers(w.page, teamInputs);
    await reportReady(w.page);
    await w.page.getByLabel('Stage').selectOption('startup');
    await w.page.getByLabel('Form --form').selectOption('full');
    await w.page.getByLabel('Target level').fill('3.5');
    const top = w.page.getByRole('spinbutton', { name: /^Top gaps/ });
    await top.fill('3');
    await top.press('Tab');
    await reportReady(w.page);
    const json = await downloaded(w.page, 'Download report (JSON)');
    const options = ['--stage', 'startup', '--form', 'full', '--target', '3.5', '--top', '3'];
    expect(undated(json.text)).toBe(undated(cliReport(teamInputs, 'json', options)));

    // A value the CLI would refuse is refused here too, and the report waits for a good one.
    await top.fill('-1');
    await top.press('Tab');
    await settled(w.page);
    await expect(w.page.locator('#kit-option-problem').textContent()).resolves.toBe(
      'Top gaps: found "-1", expected a whole number from 0 to 1000',
    );
    expect(await w.page.getByRole('button', { name: 'Download report (JSON)' }).isDisabled()).toBe(true);
    await w.context.close();
    expect({ requests: w.requests, errors: w.errors }).toEqual({ requests: [], errors: [] });
  }, 120_000);

  it('refuses a person who answered twice, as report does, and keeps the latest with --latest', async () => {
    const again = readFileSync(join(inputs, 'alex.yaml'), 'utf8').replace(/capability: 2\b/, 'capability: 4');
    writeFileSync(join(inputs, 'alex-again.yaml'), again);
    utimesSync(join(inputs, 'alex.yaml'), new Date('2026-11-01'), new Date('2026-11-01'));
    utimesSync(join(inputs, 'alex-again.yaml'), new Date('2026-11-02'), new Date('2026-11-02'));
    const files = [...examples, 'alex-again.yaml'].sort();
    try {
      const w = await watchedPage(browser(), { acceptDownloads: true });
      await w.open(page);
      await addAnswers(w.page, files);
      await settled(w.page);
      const refused = runCli(['report', ...files], { cwd: inputs });
      expect(refused.code).toBe(2);
      const problem = await w.page.locator('#kit-team li').first().textContent();
      expect(refused.stderr).toContain(problem!);
      expect(problem).toMatch(/"Alex Chen" answered 2 times with different answers: alex-again\.yaml, alex\.yaml/);

      await w.page.getByLabel("Keep each person's most recent answers").check();
      await reportReady(w.page);
      const json = await downloaded(w.page, 'Download report (JSON)');
      expect(undated(json.text)).toBe(undated(cliReport(files, 'json', ['--latest'])));
      await w.context.close();
      expect({ requests: w.requests, errors: w.errors }).toEqual({ requests: [], errors: [] });
    } finally {
      rmSync(join(inputs, 'alex-again.yaml'));
    }
  }, 120_000);

  it('reads a Microsoft Forms workbook dropped on the page, as report reads it', async () => {
    const w = await watchedPage(browser(), { acceptDownloads: true });
    await w.open(page);
    const bytes = [...readFileSync(join(inputs, 'contoso.xlsx'))];
    // A drop as the browser makes it: a DataTransfer carrying the file, on the page's drop zone.
    await w.page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(content)], 'contoso.xlsx', { lastModified: 0 }));
      const zone = document.getElementById('kit-drop')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes);
    await reportReady(w.page);
    const markdown = await downloaded(w.page, 'Download report (markdown)');
    expect(undated(markdown.text)).toBe(undated(cliReport(['contoso.xlsx'], 'markdown')));
    await w.context.close();
    expect({ requests: w.requests, errors: w.errors }).toEqual({ requests: [], errors: [] });
  }, 120_000);

  it('reads a dropped folder as report reads one: its answers files, and names the form export it leaves', async () => {
    const w = await watchedPage(browser());
    await w.open(page);
    const folder = Object.fromEntries(
      [...examples, 'google.csv'].map((name) => [name, readFileSync(join(inputs, name), 'utf8')]),
    );
    // A folder as the browser hands it over: an entry whose reader lists its files, then nothing more.
    await w.page.evaluate((contents) => {
      const entries = Object.entries(contents).map(([name, text]) => {
        const file = new File([text], name, { lastModified: 0 });
        return { isFile: true, isDirectory: false, name, file: (ok: (f: File) => void) => ok(file) };
      });
      let listed = false;
      const directory = {
        isFile: false,
        isDirectory: true,
        name: 'answers',
        createReader: () => ({
          readEntries: (ok: (batch: unknown[]) => void) => ok(listed ? [] : ((listed = true), entries)),
        }),
      };
      const transfer = {
        items: [{ kind: 'file', webkitGetAsEntry: () => directory, getAsFile: () => null }],
        files: [],
      };
      const drop = new Event('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(drop, 'dataTransfer', { value: transfer });
      document.getElementById('kit-drop')!.dispatchEvent(drop);
    }, folder);
    await reportReady(w.page);
    const status = await w.page.locator('#kit-status').textContent();
    expect(status).toContain(`${examples.length} files`);
    expect(status).toContain(
      '(not read: google.csv: a form export in a folder is not read; add it as a file of its own)',
    );
    await w.context.close();
    expect({ requests: w.requests, errors: w.errors }).toEqual({ requests: [], errors: [] });
  }, 120_000);

  it("leaves out pm-diag's own CSV outputs added with the answers, naming them, as report does", async () => {
    const own = join(scratch, 'own');
    mkdirSync(own);
    for (const [name, args] of [
      ['report.csv', ['report', join(ROOT, 'examples/team'), '--format', 'csv']],
      ['export.csv', ['export', join(ROOT, 'examples/team')]],
    ] as const) {
      const r = runCli([...args, '--out', join(own, name)]);
      expect(r.code, r.stderr).toBe(0);
    }
    const w = await watchedPage(browser());
    await w.open(page);
    await w.page
      .getByLabel('Add answers')
      .setInputFiles([...examples.map((n) => join(inputs, n)), join(own, 'report.csv'), join(own, 'export.csv')]);
    await reportReady(w.page);
    const status = await w.page.locator('#kit-status').textContent();
    expect(status).toContain(
      '(not read: report.csv: a pm-diag report (CSV), not answers; export.csv: a pm-diag export, not answers)',
    );
    expect(status).toContain(`${examples.length} files`);
    await w.context.close();
    expect({ requests: w.requests, errors: w.errors }).toEqual({ requests: [], errors: [] });
  }, 120_000);

  it('works with only a browser and the two files: questionnaire answers dropped on the page', async () => {
    const machine = join(scratch, 'laptop');
    mkdirSync(machine);
    const rapid = join(scratch, 'rapid-kit');
    const made = runCli(['kit', '--form', 'rapid', '--organization', 'Acme Corp', '--out', rapid]);
    expect(made.code, made.stderr).toBe(0);
    for (const name of ['questionnaire.html', 'facilitator.html']) copyFileSync(join(rapid, name), join(machine, name));

    // A respondent answers every item with the second choice offered, and downloads the file.
    const q = await watchedPage(browser(), { acceptDownloads: true });
    await q.open(join(machine, 'questionnaire.html'));
    await q.page.fill('#respondent-name', 'Kim Ode');
    await q.page.locator('label[for="role-0"]').click();
    for (let screen = 0; screen < 100 && (await q.page.locator('#next').isVisible()); screen++) {
      await q.page.locator('#next').click();
      const groups = q.page.locator('section.screen:not([hidden]) fieldset');
      for (let g = 0; g < (await groups.count()); g++) await groups.nth(g).locator('label.opt').nth(1).click();
    }
    const [download] = await Promise.all([q.page.waitForEvent('download'), q.page.click('#download')]);
    const answers = join(inputs, download.suggestedFilename());
    await download.saveAs(answers);
    await q.context.close();
    expect({ requests: q.requests, errors: q.errors }).toEqual({ requests: [], errors: [] });

    const f = await watchedPage(browser(), { acceptDownloads: true });
    await f.open(join(machine, 'facilitator.html'));
    await addAnswers(f.page, [download.suggestedFilename()]);
    await reportReady(f.page);
    const json = await downloaded(f.page, 'Download report (JSON)');
    const cli = cliReport([download.suggestedFilename()], 'json');
    expect(undated(json.text)).toBe(undated(cli));
    expect(JSON.parse(cli)).toMatchObject({ organization: 'Acme Corp', form: 'rapid', respondents: 1 });
    await f.context.close();
    expect({ requests: f.requests, errors: f.errors }).toEqual({ requests: [], errors: [] });
    rmSync(answers);
  }, 180_000);

  it('shows a hostile file name and content as text: no markup or script from them', async () => {
    const name = '<img src=x onerror="window.__pwned=1">.yaml';
    const organization = '</script><img src=y onerror="window.__pwned=2">';
    const answers = readFileSync(join(inputs, 'alex.yaml'), 'utf8').replace(
      `organization: ${ORGANIZATION}`,
      `organization: ${JSON.stringify(organization)}`,
    );
    writeFileSync(join(inputs, name), answers);
    try {
      const w = await watchedPage(browser());
      await w.open(page);
      await addAnswers(w.page, [name]);
      await reportReady(w.page);
      const state = await w.page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: number }).__pwned,
        images: document.querySelectorAll('img').length,
        listed: document.querySelector('#kit-files strong')?.textContent,
        text: document.getElementById('kit-report')!.textContent,
      }));
      expect(state).toMatchObject({ pwned: undefined, images: 0, listed: name });
      expect(state.text).toContain(organization);
      await w.context.close();
      expect({ requests: w.requests, errors: w.errors }).toEqual({ requests: [], errors: [] });
    } finally {
      rmSync(join(inputs, name));
    }
  }, 120_000);

  it('reads an untagged export through a form map, as report --map does; names a bad map', async () => {
    const columns = itemColumns(bank);
    const people = team(bank);
    const head = ['Your name', 'Your role', ...columns.map((_, i) => `Question ${i + 1}`)];
    const rows = people.map((p) => [p.name, p.role, ...columns.map(({ id, field }) => cellValue(p, id, field) ?? '')]);
    writeFileSync(join(inputs, 'untagged.csv'), [head, ...rows].map((row) => csvLine(row)).join('\n') + '\n');
    const entries = columns.map(({ id, field }, i) => `  "Question ${i + 1}": ${id}.${field}`);
    const map = ['columns:', '  "Your name": respondent', '  "Your role": role', ...entries].join('\n') + '\n';
    writeFileSync(join(inputs, 'map.yaml'), map);
    writeFileSync(join(inputs, 'bad-map.yaml'), 'columns:\n  "Your name": respondant\n');
    try {
      const w = await watchedPage(browser(), { acceptDownloads: true });
      await w.open(page);
      await addAnswers(w.page, ['untagged.csv']);
      await settled(w.page);
      expect(await w.page.locator('#kit-files > li.bad').count()).toBe(1);

      await w.page.getByLabel('Form map --map').setInputFiles(join(inputs, 'bad-map.yaml'));
      await settled(w.page);
      const cliBad = runCli(['report', 'untagged.csv', '--map', 'bad-map.yaml'], { cwd: inputs });
      expect(cliBad.code).toBe(2);
      const shown = await w.page.locator('#kit-map-status li').first().textContent();
      expect(cliBad.stderr).toContain(shown!);
      expect(shown).toMatch(/^bad-map\.yaml:2:16: columns.Your name: unknown column "respondant"/);

      await w.page.getByLabel('Form map --map').setInputFiles(join(inputs, 'map.yaml'));
      await reportReady(w.page);
      const json = await downloaded(w.page, 'Download report (JSON)');
      expect(undated(json.text)).toBe(undated(cliReport(['untagged.csv'], 'json', ['--map', 'map.yaml'])));
      await w.context.close();
      expect({ requests: w.requests, errors: w.errors }).toEqual({ requests: [], errors: [] });
    } finally {
      for (const name of ['untagged.csv', 'map.yaml', 'bad-map.yaml']) rmSync(join(inputs, name));
    }
  }, 120_000);

  it("works with a bank of no stages: the stage control is hidden and the report is report's", async () => {
    const own = join(scratch, 'minimal-kit');
    const bankPath = join(ROOT, 'test/fixtures/banks/minimal.yaml');
    const made = runCli(['kit', '--bank', bankPath, '--out', own]);
    expect(made.code, made.stderr).toBe(0);
    const answers = join(ROOT, 'test/fixtures/answers/minimal-complete.yaml');
    const w = await watchedPage(browser(), { acceptDownloads: true });
    await w.open(join(own, 'facilitator.html'));
    expect(await w.page.getByLabel('Stage').isVisible()).toBe(false);
    await w.page.getByLabel('Add answers').setInputFiles(answers);
    await reportReady(w.page);
    const json = await downloaded(w.page, 'Download report (JSON)');
    const cli = runCli(['report', 'minimal-complete.yaml', '--bank', bankPath, '--format', 'json'], {
      cwd: join(ROOT, 'test/fixtures/answers'),
    });
    expect(cli.code, cli.stderr).toBe(0);
    expect(undated(json.text)).toBe(undated(cli.stdout));
    await w.context.close();
    expect({ requests: w.requests, errors: w.errors }).toEqual({ requests: [], errors: [] });
  }, 120_000);

  it("is used by keyboard: the file input, each file's Remove button and the report buttons", async () => {
    const w = await watchedPage(browser());
    await w.open(page);
    await w.page.keyboard.press('Tab');
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('kit-add');
    await addAnswers(w.page, ['alex.yaml', BROKEN]);
    await reportReady(w.page);
    await w.page.getByRole('button', { name: `Remove ${BROKEN}` }).focus();
    await w.page.keyboard.press('Enter');
    await settled(w.page);
    expect(await w.page.locator('#kit-files > li').allTextContents()).toEqual([expect.stringContaining('alex.yaml')]);
    // Focus stays in the list, on the next file's button, not lost to the top of the page.
    expect(await w.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Remove alex.yaml');
    // A file of the same name given again replaces the first, and the page says so.
    await addAnswers(w.page, ['alex.yaml']);
    // The report of the first alex.yaml is still ready while the page reads the second: wait for the new status.
    await expect
      .poll(() => w.page.locator('#kit-status').textContent(), { timeout: 10_000 })
      .toBe('1 file, 1 respondent (alex.yaml: replaced by the file of the same name). The report is below.');
    await reportReady(w.page);
    await w.context.close();
    expect({ requests: w.requests, errors: w.errors }).toEqual({ requests: [], errors: [] });
  }, 120_000);

  it('has no serious or critical axe violation, reads at 390 px, and prints the report alone', async () => {
    const w = await watchedPage(browser(), { viewport: { width: 390, height: 844 } });
    await w.open(page);
    // Injected through the debugging protocol, which the page's policy does not govern: the page is as sent.
    await w.page.evaluate(AXE_SOURCE);
    const run = async () => {
      const found: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        await w.page.emulateMedia({ colorScheme });
        const violations = await w.page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run(
                  c: Document,
                ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
              };
            }
          ).axe;
          return (await axe.run(document)).violations;
        });
        for (const v of violations) {
          if (v.impact === 'serious' || v.impact === 'critical')
            found.push(`${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
      }
      return found;
    };
    const wide = () => w.page.evaluate(() => document.documentElement.scrollWidth);
    /** How far the page's own part (the controls and the file list) reaches, in CSS pixels. */
    const ownWidth = () =>
      w.page.evaluate(() =>
        Math.max(...Array.from(document.querySelectorAll('.kit, .kit *')).map((e) => e.getBoundingClientRect().right)),
      );
    expect({ empty: await run(), width: await wide() }).toEqual({ empty: [], width: 390 });
    await addAnswers(w.page, [...teamInputs, BROKEN]);
    await reportReady(w.page);
    expect(await run()).toEqual([]);
    expect(await ownWidth()).toBeLessThanOrEqual(390);
    // The report is as wide in the page as in its own file: the page adds no width of its own.
    const alone = join(scratch, 'report.html');
    writeFileSync(alone, cliReport(teamInputs, 'html'));
    const inPage = await wide();
    const r = await watchedPage(browser(), { viewport: { width: 390, height: 844 } });
    await r.open(alone);
    expect(inPage).toBe(await r.page.evaluate(() => document.documentElement.scrollWidth));
    await r.context.close();

    await w.page.emulateMedia({ media: 'print' });
    const printed = await w.page.evaluate(() => ({
      kit: getComputedStyle(document.querySelector('.kit')!).display,
      report: getComputedStyle(document.getElementById('kit-report')!).display,
    }));
    expect(printed).toEqual({ kit: 'none', report: 'block' });
    await w.context.close();
    expect({ requests: w.requests, errors: w.errors }).toEqual({ requests: [], errors: [] });
    expect(statSync(page).size).toBeLessThanOrEqual(600 * 1024);
  }, 180_000);
});
