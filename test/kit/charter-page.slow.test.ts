import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, browserAvailable, watchedPage } from '../helpers/browser.js';
import { kitWithBrowser, reportReady } from './page-helpers.js';
import { ROOT, runCli } from '../helpers/cli.js';

// The facilitator page's role charter and action plan (issue 29) in a real browser: the room edits
// a row, "Download charter" saves the file `template --format charter` writes for the same report,
// and `report --charter` of that file measures the item against the owner the room chose. A charter
// added with the answers is used as `--charter` uses it. Skipped without chromium unless
// PM_DIAG_REQUIRE_BROWSER=1.

const available = browserAvailable();
const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-kit-charter-'));
const inputs = join(scratch, 'answers');
const downloads = join(scratch, 'downloads');
const kit = join(scratch, 'kit');
const team = readdirSync(join(ROOT, 'examples/team')).sort();
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

const browser = kitWithBrowser({
  scratch,
  kit,
  available,
  prepare: () => {
    mkdirSync(inputs);
    mkdirSync(downloads);
    for (const name of team) copyFileSync(join(ROOT, 'examples/team', name), join(inputs, name));
  },
});

async function downloaded(p: Page, button: string, as: string): Promise<{ name: string; path: string; text: string }> {
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: button }).click()]);
  const path = join(downloads, as);
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

async function openWithTeam(extra: string[] = [], viewport = { width: 1280, height: 900 }) {
  const w = await watchedPage(browser(), { acceptDownloads: true, viewport });
  await w.open(join(kit, 'facilitator.html'));
  await w.page.getByLabel('Add answers').setInputFiles([...team.map((n) => join(inputs, n)), ...extra]);
  await reportReady(w.page);
  return w;
}

/** A row of the role charter, by its item's title. */
const decision = (p: Page, title: string) =>
  p.getByRole('group', { name: 'Role charter', exact: true }).getByRole('group', { name: title, exact: true });

const reportJson = (args: string[]) => {
  const r = runCli(['report', ...team, '--format', 'json', ...args], { cwd: inputs });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
const owner = (json: { items: { id: string; owner?: object }[] }, id: string) =>
  json.items.find((i) => i.id === id)!.owner as { decided?: { owner: string; contributors: string[] }; status: string };

describe.skipIf(!available)('the facilitator page: what the room decided', () => {
  it('saves, unedited, the charter template --format charter writes from the same report', async () => {
    const w = await openWithTeam();
    const json = await downloaded(w.page, 'Download report (JSON)', 'report.json');
    const charter = await downloaded(w.page, 'Download charter', 'suggested.yaml');
    expect(charter.name).toBe('charter.yaml');
    const cli = runCli(['template', '--format', 'charter', '--from', json.path]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(charter.text).toBe(cli.stdout);
    expect(charter.text).toContain('win-loss-programme: { owner: pmm,');
    await w.context.close();
    expect({ requests: w.requests, errors: w.errors }).toEqual({ requests: [], errors: [] });
  }, 120_000);

  it('an edited row is the decided owner when report --charter reads the saved file', async () => {
    const w = await openWithTeam();
    const row = decision(w.page, 'Learning why deals are won and lost');
    await row.getByLabel('Accountable owner').selectOption('sales');
    await row.getByText(/^Contributors:/).click();
    await row.getByLabel('Marketing').check();
    await row.getByLabel('Note').fill('Sales runs it; "PMM" ranks the themes');
    await decision(w.page, 'Pricing and packaging that hold in deals').getByLabel('In the charter').uncheck();
    const action = w.page.getByRole('group', { name: 'Action plan', exact: true }).getByRole('group').first();
    await action.getByLabel('Owner (a person)').fill('Priya Raman');
    await action.getByLabel('Due').fill('2027-02-01');
    await action.getByLabel('Status').selectOption('done');
    await w.page.getByLabel('Who decided (organization)').fill('Northwind Analytics, product leadership');

    // Another report option makes the report again: what the room changed stays.
    const top = w.page.getByRole('spinbutton', { name: /^Top gaps/ });
    await top.fill('12');
    await top.press('Tab');
    await w.page.waitForFunction(() => document.querySelectorAll('#kit-plan fieldset.row').length === 12);
    await expect(row.getByLabel('Accountable owner').inputValue()).resolves.toBe('sales');
    await expect(action.getByLabel('Owner (a person)').inputValue()).resolves.toBe('Priya Raman');

    const charter = await downloaded(w.page, 'Download charter', 'edited.yaml');
    const json = reportJson(['--charter', charter.path]);
    expect(owner(json, 'win-loss-programme').decided).toMatchObject({ owner: 'sales' });
    expect(owner(json, 'win-loss-programme').decided!.contributors).toContain('marketing');
    expect(json.decided.decisions.find((d: { id: string }) => d.id === 'win-loss-programme').note).toBe(
      'Sales runs it; "PMM" ranks the themes',
    );
    expect(json.decided.decisions.map((d: { id: string }) => d.id)).not.toContain('pricing');
    expect(json.decided.organization).toBe('Northwind Analytics, product leadership');
    expect(json.decided.actions).toContainEqual(
      expect.objectContaining({ owner: 'Priya Raman', due: '2027-02-01', status: 'done', overdue: false }),
    );
    // Without the edit, the same answers are measured against the recommendation.
    expect(owner(reportJson([]), 'win-loss-programme').decided).toBeUndefined();
    await w.context.close();
    expect(w.errors).toEqual([]);
  }, 120_000);

  it('a charter added with the answers is used as --charter uses it; its decisions fill the rows', async () => {
    const charter = join(inputs, 'charter.yaml');
    const template = runCli(['template', '--format', 'charter', '--from', '-'], {
      input: JSON.stringify(reportJson([])),
    });
    expect(template.code, template.stderr).toBe(0);
    writeFileSync(
      charter,
      template.stdout.replace('win-loss-programme: { owner: pmm', 'win-loss-programme: { owner: sales'),
    );
    const w = await openWithTeam([charter]);
    await expect(w.page.locator('#kit-charter-status').textContent()).resolves.toMatch(/^In use: charter\.yaml/);
    // The answers are still the team's four files: the charter is not read as answers.
    await expect(w.page.locator('#kit-status').textContent()).resolves.toMatch(/^4 files, 4 respondents/);
    const row = decision(w.page, 'Learning why deals are won and lost');
    await expect(row.getByLabel('Accountable owner').inputValue()).resolves.toBe('sales');
    const json = await downloaded(w.page, 'Download report (JSON)', 'with-charter.json');
    const undated = (text: string) => text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, 'YYYY-MM-DD');
    const cli = runCli(['report', ...team, '--charter', 'charter.yaml', '--format', 'json'], { cwd: inputs });
    expect(undated(json.text)).toBe(undated(cli.stdout));
    expect(JSON.parse(json.text).decided.decisions.length).toBeGreaterThan(0);
    rmSync(charter);
    await w.context.close();
    expect(w.errors).toEqual([]);
  }, 120_000);

  it('names what is wrong instead of saving a charter that would not load; a bad charter file is not used', async () => {
    const bad = join(inputs, 'bad-charter.yaml');
    writeFileSync(bad, 'charter: pm-pmm-diagnostic\ndecided: 2026-12-10\ndecisions:\n  pricng: { owner: pm }\n');
    const w = await openWithTeam();
    await w.page.getByLabel('Charter --charter').setInputFiles(bad);
    await w.page.locator('#kit-charter-status').waitFor({ state: 'visible' });
    await reportReady(w.page);
    const status = await w.page.locator('#kit-charter-status').textContent();
    expect(status).toContain('Not in use: bad-charter.yaml has problems');
    expect(status).toContain(
      'bad-charter.yaml:4:3: decisions.pricng: unknown responsibility id "pricng" (did you mean',
    );

    const action = w.page.getByRole('group', { name: 'Action plan', exact: true }).getByRole('group').first();
    await action.getByLabel('Due').fill('');
    let saved = false;
    w.page.on('download', () => (saved = true));
    await w.page.getByRole('button', { name: 'Download charter' }).click();
    await expect(w.page.locator('#kit-charter-problem').textContent()).resolves.toMatch(
      /^The charter needs a change before it is saved:Action plan, [^:]+: charter\.yaml:\d+:\d+: actions\.0\.due: .*expected a date such as 2026-12-10/,
    );
    expect(saved).toBe(false);
    rmSync(bad);
    await w.context.close();
  }, 120_000);

  it.each([1280, 390])(
    'axe-core finds nothing serious with the rows open, at %i px',
    async (width) => {
      const w = await openWithTeam([], { width, height: 900 });
      await w.page
        .getByRole('group', { name: 'Learning why deals are won and lost', exact: true })
        .getByText(/^Contributors:/)
        .click();
      await w.page.evaluate(AXE_SOURCE);
      expect(await axeViolations(w.page)).toEqual([]);
      // Nothing wider than the screen but the report's own scroll boxes.
      const wide = await w.page.evaluate(
        () => document.getElementById('kit-decide')!.scrollWidth > document.documentElement.clientWidth,
      );
      expect(wide).toBe(false);
      await w.context.close();
    },
    120_000,
  );
});
