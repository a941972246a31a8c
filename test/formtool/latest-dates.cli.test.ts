import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/io/bank-files.js';
import { runCli } from '../helpers/cli.js';
import { csvLine, itemColumns, scratchDir } from './helpers.js';

// `--latest` on exports whose dates could be day/month or month/day (`07/12/2026`), through the
// binary: a column that tells the order is read by it; one that does not keeps an answer only where
// both readings agree on which is the latest, and says so; where they disagree, the refusal names
// the dates and the way out, never a file time the rows do not have.

const bank = loadBank();
const dir = scratchDir('latest-dates');
const rated = itemColumns(bank).find((c) => c.field === 'capability')!;
const header = ['Timestamp', 'Email Address', 'Your name [respondent]', `Level [${rated.id}.capability]`];

function exportFile(name: string, rows: string[][]): string {
  const path = join(dir, name);
  writeFileSync(path, [header, ...rows].map((row) => csvLine(row)).join('\r\n') + '\r\n');
  return path;
}

/** The level each respondent kept has for the rated column, from `export --latest`. */
function kept(path: string): { code: number | null; levels: Record<string, string>; stderr: string } {
  const r = runCli(['export', path, '--latest', '--format', 'ndjson']);
  const levels: Record<string, string> = {};
  for (const line of r.stdout.split('\n').filter(Boolean)) {
    const row = JSON.parse(line) as { respondent: string; item_id: string; axis: string; value: string };
    if (row.item_id === rated.id && row.axis === 'capability') levels[row.respondent] = String(row.value);
  }
  return { code: r.code, levels, stderr: r.stderr };
}

describe('--latest with dates that could be either way round', () => {
  it('keeps the answer both readings call the latest, and says the dates were read both ways', () => {
    // 12/6 and 12/7: 6 and 7 December, or 12 June and 12 July; the second row is the later either way.
    const path = exportFile('same-either-way.csv', [
      ['12/6/2026 10:42:00', 'ana@acme.example', 'Ana', '2'],
      ['12/7/2026 09:00:00', 'ana@acme.example', 'Ana', '5'],
    ]);
    const r = kept(path);
    expect(r.stderr).not.toContain('modification time');
    expect(r.code, r.stderr).toBe(0);
    expect(r.levels).toEqual({ Ana: '5' });
    expect(r.stderr).toContain(
      `${path} row 2: warning: set aside (--latest): "Ana" answered again later; kept the latest, ${path} row 3 (2026-12-07T09:00:00Z month first, 2026-07-12T09:00:00Z day first, by Google Forms 'Timestamp' column, read both ways)`,
    );
  });

  it('refuses when the two readings keep different answers, naming the dates and what to do', () => {
    // 07/12 and 12/07, sorted newest first: 12 July and 7 December, or 7 December and 12 July.
    const path = exportFile('either-way.csv', [
      ['07/12/2026 09:05:33', 'ana@acme.example', 'Ana', '5'],
      ['12/07/2026 09:05:33', 'ana@acme.example', 'Ana', '2'],
    ]);
    const r = runCli(['report', path, '--latest']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('modification time');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toContain(
      `${path} row 2: "Ana" answered 2 times (${path} row 2, ${path} row 3) and --latest cannot tell which is the latest: read month first, ${path} row 3 is; read day first, ${path} row 2 is (by Google Forms 'Timestamp' column, read both ways: no date in it has a day over 12)`,
    );
    expect(r.stderr).toContain('expected dates that say their order: download the export again as XLSX');
  });

  it('a day over 12 in another row tells the order, newest first or not', () => {
    const path = exportFile('told.csv', [
      ['07/12/2026 09:05:33', 'ana@acme.example', 'Ana', '5'],
      ['12/07/2026 09:05:33', 'ana@acme.example', 'Ana', '2'],
      ['13/06/2026 10:00:00', 'bo@acme.example', 'Bo', '4'],
    ]);
    const r = kept(path);
    expect(r.code, r.stderr).toBe(0);
    expect(r.levels).toEqual({ Ana: '5', Bo: '4' });
  });

  it('a date it cannot read gives no time: the refusal says which and why, not the file time', () => {
    const path = exportFile('unread.csv', [
      ['yesterday', 'ana@acme.example', 'Ana', '5'],
      ['2026-12-07 09:00:00', 'ana@acme.example', 'Ana', '2'],
    ]);
    const r = runCli(['report', path, '--latest']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('modification time');
    expect(r.stderr).toContain(
      `${path} row 2 (no time: the Google Forms 'Timestamp' column holds "yesterday", no date this reader knows)`,
    );
  });

  it('without --latest, the reader says what the dates mean for --latest, not a row order it does not use', () => {
    const path = exportFile('no-duplicates.csv', [
      ['12/6/2026 10:42:00', 'ana@acme.example', 'Ana', '2'],
      ['12/7/2026 09:00:00', 'bo@acme.example', 'Bo', '5'],
    ]);
    const r = runCli(['report', path]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('row order');
    expect(r.stderr).toContain(
      `the Google Forms 'Timestamp' column's dates could be day/month or month/day ("12/6/2026 10:42:00"), and none has a day over 12: --latest keeps an answer only where both readings agree on which is the latest`,
    );
  });

  it('an empty submission time (LimeSurvey, an incomplete response) is no time and a partial response, never the file time', () => {
    const path = join(dir, 'limesurvey.csv');
    writeFileSync(
      path,
      [
        ['Response ID', 'Date submitted', 'Last page', 'Your name [respondent]', `Level [${rated.id}.capability]`],
        ['1', '2026-12-07 09:00:00', '3', 'Ann', '3'],
        ['2', '', '1', 'Ann', '4'],
      ]
        .map((row) => csvLine(row))
        .join('\n'),
    );
    const r = runCli(['report', path, '--latest']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('modification time');
    expect(r.stderr).toContain(`${path} row 3 (no time: the LimeSurvey 'Date submitted' column is empty for this row)`);
    const plain = runCli(['validate', path]);
    expect(plain.stderr).toContain('row 3: a partial response (LimeSurvey says not finished)');
  });

  it('fractions of a second (Tally) and a GMT offset after an ISO date tell the order', () => {
    const path = join(dir, 'tally.csv');
    writeFileSync(
      path,
      [
        ['Submission ID', 'Submitted at', 'Your name [respondent]', `Level [${rated.id}.capability]`],
        ['s2', '2026-12-07T09:05:33.123Z', 'Tia', '5'],
        ['s1', '2026-12-07T09:05:33.045Z', 'Tia', '2'],
        ['s3', '2026-12-07 09:05:33 GMT+0100', 'Qi', '2'],
        ['s4', '2026-12-07 08:30:00 GMT', 'Qi', '5'],
      ]
        .map((row) => csvLine(row))
        .join('\n'),
    );
    const r = kept(path);
    expect(r.code, r.stderr).toBe(0);
    expect(r.levels).toEqual({ Tia: '5', Qi: '5' });
    expect(r.stderr).toContain('(2026-12-07T09:05:33.123Z, by Tally');
    expect(r.stderr).toContain('over this one (2026-12-07T08:05:33Z, by Tally');
  });
});
