import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { identityOf, normalizedName } from '../../src/core/answers/identity.js';
import { runCli } from '../helpers/cli.js';

// docs/design.md "Collecting answers": who answered (e-mail, else the normalized name), one response
// id counted once, and --latest by the answers' own time; the same rules in report, export, compare
// and validate.

const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-identity-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
/** A fresh folder with these answers files, each `{ file: text }`, dated as given (file time). */
function team(files: Record<string, string>, times: Record<string, string> = {}): string {
  const dir = join(scratch, `team-${++folders}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    const time = times[name];
    if (time !== undefined) utimesSync(join(dir, name), new Date(time), new Date(time));
  }
  return dir;
}

/** An answers file as the questionnaire writes one: a respondent line, then its submission. */
function answers(who: string, capability: number, extra: string[] = []): string {
  return [
    'organization: Acme',
    `respondent: { ${who}, role: pm }`,
    ...extra,
    'answers:',
    `  competitive-analysis: { owner: pmm, capability: ${capability}, capacity: 3 }`,
    '',
  ].join('\n');
}

type Listed = { respondentList: { name: string; source: string }[] };
const people = (stdout: string) => (JSON.parse(stdout) as Listed).respondentList;

describe('identity', () => {
  it('is the e-mail when there is one, case folded; else the name, normalized', () => {
    const email = 'email:s.oneill@acme.example';
    expect(identityOf({ name: "Siobhan O'Neill", email: 'S.ONeill@Acme.example ' })).toBe(email);
    expect(identityOf({ name: 'Siobhan O\u2019Neill', email: 's.oneill@acme.example' })).toBe(email);
    expect(identityOf({ name: '  Siobhan   O\u2019NEILL ' })).toBe(identityOf({ name: "siobhan o'neill" }));
    // Composed and decomposed accents; full-width letters (NFKC).
    expect(identityOf({ name: 'Ren\u00e9' })).toBe(identityOf({ name: 'Rene\u0301' }));
    expect(identityOf({ name: '\uff24\uff41\uff4e\uff41' })).toBe(identityOf({ name: 'dana' }));
    expect(normalizedName('Stra\u00dfe')).toBe(normalizedName('STRASSE'));
    // Characters that show nothing (a zero-width space or a soft hyphen pasted with a name).
    expect(identityOf({ name: 'Be\u200bn' })).toBe(identityOf({ name: 'Ben' }));
    expect(identityOf({ name: 'Ma\u00adria\u2060 Ode' })).toBe(identityOf({ name: 'maria ode' }));
    expect(identityOf({ name: 'Dana' })).not.toBe(identityOf({ name: 'Dan' }));
    expect(identityOf({ name: '  ' })).toBeUndefined();
  });
});

describe('one person, one set of answers', () => {
  it("O'Neill and O\u2019Neill with one e-mail are one person: refused naming both files", () => {
    const dir = team({
      'a.yaml': answers(`name: "Siobhan O'Neill", email: s.oneill@acme.example`, 2),
      'b.yaml': answers('name: "Siobhan O\u2019Neill", email: S.ONeill@acme.example', 4),
    });
    const r = runCli(['report', dir, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const both = `${join(dir, 'a.yaml')}, ${join(dir, 'b.yaml')}`;
    expect(r.stderr).toContain(`"Siobhan O'Neill" answered 2 times with different answers: ${both}`);
    expect(r.stderr).toContain('--latest');
    expect(r.stderr).not.toContain('two people of one name');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a name with other spaces, case and apostrophes is the same person when there is no e-mail', () => {
    const straight = answers('name: "Ann  O\'Neill"', 2);
    const dir = team({ 'a.yaml': straight, 'b.yaml': answers('name: "ann o\u2019neill"', 3) });
    const r = runCli(['report', dir]);
    expect(r.stderr).toMatch(/"Ann {2}O'Neill" answered 2 times with different answers/);
    // Known by the name alone, they could be two people of one name: what tells them apart.
    expect(r.stderr).toContain('two people of one name are told apart by an e-mail in each file');
  });

  it('the same response id in two files is counted once, with a warning naming the first', () => {
    const id = '6f1c2a90-5b1e-4d7e-9a40-1c2b3d4e5f60';
    const submission = [`response: ${id}`, 'answered-at: 2026-12-06T10:42:00Z'];
    const sent = answers('name: Dana', 3, submission);
    const dir = team({ 'dana.yaml': sent, 'dana (1).yaml': sent });
    const r = runCli(['report', dir, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(people(r.stdout).map((p) => p.source)).toEqual([join(dir, 'dana (1).yaml')]);
    const warning = `warning: the same response (${id}) as ${join(dir, 'dana (1).yaml')}: counted once`;
    expect(r.stderr).toContain(`${join(dir, 'dana.yaml')}: ${warning}`);
  });

  it('a name without an e-mail is the one person of that name who gave one: an export row and a questionnaire file', () => {
    const dir = team({
      'row.yaml': answers('name: "Mia Wong", email: mia@acme.example', 2, ['answered-at: 2026-12-01T09:00:00Z']),
      'file.yaml': answers('name: "MIA  WONG"', 4, ['answered-at: 2026-12-06T09:00:00Z']),
    });
    const refused = runCli(['report', dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `"MIA  WONG" answered 2 times with different answers: ${join(dir, 'file.yaml')}, ${join(dir, 'row.yaml')}`,
    );
    const latest = runCli(['report', dir, '--latest', '--format', 'json']);
    expect(latest.code, latest.stderr).toBe(0);
    expect(people(latest.stdout).map((p) => p.source)).toEqual([join(dir, 'file.yaml')]);
    // The same answers with and without the e-mail: one submission, counted once.
    const same = team({
      'row.yaml': answers('name: "Mia Wong", email: mia@acme.example', 2),
      'file.yaml': answers('name: Mia Wong', 2),
    });
    const once = runCli(['report', same, '--format', 'json']);
    expect(once.code, once.stderr).toBe(0);
    expect(people(once.stdout)).toHaveLength(1);
  });

  it('a name without an e-mail that two people with e-mails share is counted apart, with a warning naming them', () => {
    const dir = team({
      'a.yaml': answers('name: Alex Kim, email: alex.kim@acme.example', 2),
      'b.yaml': answers('name: Alex Kim, email: akim@acme.example', 3),
      'c.yaml': answers('name: alex kim', 4),
    });
    const r = runCli(['report', dir, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(people(r.stdout)).toHaveLength(3);
    expect(r.stderr).toContain(
      `${join(dir, 'c.yaml')}: warning: "alex kim" gives no e-mail, and 2 people of that name do (akim@acme.example, alex.kim@acme.example): counted as another person`,
    );
  });

  it('an e-mail that is no e-mail ("n/a") is refused at its place, never taken as one person of everyone who wrote it', () => {
    const dir = team({
      'a.yaml': answers('name: Ann, email: n/a', 2),
      'b.yaml': answers('name: Ben, email: " Ben@Acme.example "', 4),
    });
    for (const command of ['report', 'validate']) {
      const r = runCli([command, dir, '--latest']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `${join(dir, 'a.yaml')}:2:33: respondent.email: invalid value (found "n/a", expected an e-mail address such as dana@acme.example, or no email)`,
      );
      expect(r.stderr).not.toContain('b.yaml:2');
    }
  });

  it('two people who answered the same are two people', () => {
    const dir = team({ 'a.yaml': answers('name: Ann', 3), 'b.yaml': answers('name: Ben', 3) });
    const r = runCli(['report', dir, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(people(r.stdout)).toHaveLength(2);
  });
});

describe("--latest keeps the latest by the answers' own time", () => {
  // The files' times say the opposite of their answered-at: a copy made later, or a download order.
  const older = answers('name: Bo', 1, ['answered-at: 2026-12-01T09:00:00Z']);
  const newer = answers('name: Bo', 4, ['answered-at: 2026-12-06T10:42:00+01:00']);
  const fileTimes = { 'newer.yaml': '2026-01-01', 'older.yaml': '2026-12-07' };
  const dir = team({ 'newer.yaml': newer, 'older.yaml': older }, fileTimes);

  it('answered-at wins over the file time, and the warning says which was kept and by what', () => {
    const r = runCli(['report', dir, '--latest', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(people(r.stdout).map((p) => p.source)).toEqual([join(dir, 'newer.yaml')]);
    expect(r.stderr).toContain(
      `${join(dir, 'older.yaml')}: warning: set aside (--latest): "Bo" answered again later; ` +
        `kept the latest, ${join(dir, 'newer.yaml')} (2026-12-06T09:42:00Z, by answered-at in the file), ` +
        'over this one (2026-12-01T09:00:00Z, by answered-at in the file)',
    );
  });

  it('without a time of their own, files go by their modification time, and the warning says so', () => {
    const times = { 'x.yaml': '2026-03-01', 'y.yaml': '2026-02-01' };
    const untimed = team({ 'x.yaml': answers('name: Cy', 1), 'y.yaml': answers('name: Cy', 5) }, times);
    const r = runCli(['report', untimed, '--latest', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(people(r.stdout).map((p) => p.source)).toEqual([join(untimed, 'x.yaml')]);
    expect(r.stderr).toContain("(2026-03-01T00:00:00Z, by the file's modification time)");
  });

  it('two answers with the same time cannot be told apart: refused, saying what would tell', () => {
    const times = { 'x.yaml': '2026-03-01', 'y.yaml': '2026-03-01' };
    const tied = team({ 'x.yaml': answers('name: Di', 1), 'y.yaml': answers('name: Di', 5) }, times);
    const r = runCli(['report', tied, '--latest']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--latest cannot tell which is the latest');
    expect(r.stderr).toContain('expected an answered-at in each file');
  });

  it('an answered-at that is no day of the calendar (30 February) is refused at its place, not read as 2 March', () => {
    const file = team({ 'a.yaml': answers('name: Ed', 3, ['answered-at: 2026-02-30T10:00:00Z']) });
    const r = runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${join(file, 'a.yaml')}:3:14: answered-at: invalid value (found "2026-02-30T10:00:00Z", expected a date and time in ISO 8601 with its zone, such as 2026-12-06T10:42:00Z)`,
    );
  });

  it('export and validate follow the same rules as report', () => {
    const exported = runCli(['export', dir, '--format', 'ndjson']);
    expect(exported.code).toBe(2);
    expect(exported.stderr).toContain('"Bo" answered 2 times with different answers');
    const latest = runCli(['export', dir, '--format', 'ndjson', '--latest']);
    expect(latest.code, latest.stderr).toBe(0);
    type Row = { respondent: string; value: unknown; axis: string };
    const rows = latest.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Row);
    expect(new Set(rows.map((row) => row.respondent))).toEqual(new Set(['Bo']));
    expect(rows.find((row) => row.axis === 'capability' && row.value !== null)?.value).toBe(4);

    const validated = runCli(['validate', dir]);
    expect(validated.code).toBe(2);
    expect(validated.stdout + validated.stderr).toContain('FAIL report: would refuse these answers');
    expect(validated.stderr).toContain('"Bo" answered 2 times with different answers');
    const fine = runCli(['validate', dir, '--latest']);
    expect(fine.code, fine.stderr).toBe(0);
    expect(fine.stdout).toContain(`ok   ${join(dir, 'newer.yaml')}: answers for "pm-pmm-diagnostic"`);
    expect(fine.stdout).toContain('ok   report: would count 1 respondent (0 answered the rapid form, 1 the full)');
  });
});

describe('a folder of answers', () => {
  it('skips a report saved in it (JSON, HTML, markdown), with a warning; the next report still runs', () => {
    const notes = '# Workshop notes\n\nRoom 4, 10:00.\n';
    const dir = team({ 'ann.yaml': answers('name: Ann', 3), 'ben.yaml': answers('name: Ben', 2), 'notes.md': notes });
    for (const format of ['json', 'html', 'md']) {
      const first = runCli(['report', dir, '--out', join(dir, `report.${format}`)]);
      expect(first.code, first.stderr).toBe(0);
    }
    const again = runCli(['report', dir, '--format', 'json']);
    expect(again.code, again.stderr).toBe(0);
    expect(people(again.stdout)).toHaveLength(2);
    const page = 'warning: skipped: a pm-diag report page, not answers';
    const json = 'warning: skipped: a pm-diag JSON report, not answers';
    expect(again.stderr).toContain(`${join(dir, 'report.json')}: ${json}`);
    expect(again.stderr).toContain(`${join(dir, 'report.html')}: ${page}`);
    expect(again.stderr).toContain(`${join(dir, 'report.md')}: ${page}`);
    // Other pages are not answers either, and not worth a word.
    expect(again.stderr).not.toContain('notes.md');
  });
});
