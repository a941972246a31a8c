import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/io/bank-files.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { cellValue, itemColumns, scratchDir, team, type Person } from '../formtool/helpers.js';
import { xlsxWorkbook } from '../formtool/xlsx-writer.js';

// A response id names a submission within its form only: Microsoft Forms numbers each form's responses
// 1, 2, 3 (LimeSurvey too), so two forms' exports share ids between different people.

const bank = loadBank();
const columns = itemColumns(bank);
const [ann, ben, cy] = team(bank);
const dee: Person = { ...ben!, name: 'Dee Roy', role: 'cs' };
const dir = scratchDir('response-ids');

/** A Microsoft Forms workbook: its ID, times, e-mail and name columns, then the tagged questions. */
function microsoftForm(file: string, rows: [id: number, person: Person, day: number][]): string {
  const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Your role [role]'];
  const cells = rows.map(([id, person, day]) => [
    id,
    46357 + day,
    46357 + day + 0.01,
    `${person.name.split(' ')[0]!.toLowerCase()}@acme.example`,
    person.name,
    person.role,
    ...columns.map(({ id: item, field }) => cellValue(person, item, field) ?? ''),
  ]);
  const path = join(dir, file);
  writeFileSync(path, xlsxWorkbook([[...header, ...columns.map((c) => `Q [${c.id}.${c.field}]`)], ...cells]));
  return path;
}

const names = (stdout: string) => (JSON.parse(stdout) as { respondentList: { name: string }[] }).respondentList;

describe('the same response id in two forms', () => {
  const first = microsoftForm('workshop.xlsx', [
    [1, ann!, 0],
    [2, ben!, 0],
  ]);
  const second = microsoftForm('sales team.xlsx', [
    [1, cy!, 1],
    [2, dee, 1],
  ]);

  it('from different people: each is a respondent, with or without --latest', () => {
    for (const latest of [[], ['--latest']]) {
      const r = runCli(['report', first, second, '--format', 'json', ...latest]);
      expect(r.code, r.stderr).toBe(0);
      expect(names(r.stdout).map((p) => p.name)).toEqual(['Ann Lee', 'Ben Ode', 'Cy Park', 'Dee Roy']);
      expect(r.stderr).not.toMatch(/answered \d times|set aside|same response/);
    }
    const exported = runCli(['export', first, second, '--format', 'ndjson', '--latest']);
    expect(exported.code, exported.stderr).toBe(0);
    const rows = exported.stdout.trim().split('\n');
    expect(new Set(rows.map((line) => (JSON.parse(line) as { respondent: string }).respondent)).size).toBe(4);
  });

  it('from the same people (the export downloaded again, a row later): each submission counted once', () => {
    const again = microsoftForm('workshop (1).xlsx', [
      [1, ann!, 0],
      [2, ben!, 0],
      [3, cy!, 1],
    ]);
    const r = runCli(['report', first, again, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(names(r.stdout).map((p) => p.name)).toEqual(['Ann Lee', 'Ben Ode', 'Cy Park']);
    expect(r.stderr).toContain(`${again} row 2: warning: the same response (1) as ${first} row 2: counted once`);
  });
});

describe("the questionnaire's response id, which is the same submission's in any file", () => {
  /** Alex's questionnaire file, saved again after the name was corrected and an answer changed. */
  function saved(file: string, name: string, at: string, capability: number): string {
    const text = readFileSync(join(ROOT, 'examples', 'team-rapid', 'alex-pm.yaml'), 'utf8')
      .replace(/^respondent: .*$/m, `respondent: { name: ${name}, role: pm }`)
      .replace(/^form: rapid$/m, `form: rapid\nresponse: 0f6d2c1e-8a4b-4c3d-9e2f-1a2b3c4d5e6f\nanswered-at: ${at}`)
      .replace(/capability: \d/, `capability: ${capability}`);
    const path = join(dir, file);
    writeFileSync(path, text);
    return path;
  }
  const first = saved('alex-answers.yaml', 'Alex Nowak', '2026-12-01T10:00:00Z', 2);
  const corrected = saved('alex-answers (1).yaml', 'Alex Novak', '2026-12-01T10:05:00Z', 4);

  it('names one person even when the name was corrected: refused as twice, and --latest keeps the later', () => {
    const refused = runCli(['report', first, corrected]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"Alex Nowak" answered 2 times with different answers');
    const latest = runCli(['report', first, corrected, '--latest', '--format', 'json']);
    expect(latest.code, latest.stderr).toBe(0);
    expect(names(latest.stdout).map((p) => p.name)).toEqual(['Alex Novak']);
  });
});
