import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/io/bank-files.js';
import { runCli } from '../helpers/cli.js';
import { csvLine, itemColumns, scratchDir } from './helpers.js';
import { xlsxWorkbook } from './xlsx-writer.js';

// An export a person opened and saved again in a spreadsheet: Excel keeps rows and columns whose
// cells were only formatted, as rows of empty cells (`,,,`) and unnamed empty columns. They hold
// nobody's answers: no respondent comes of them, and an empty column without a name is no error.

const bank = loadBank();
const dir = scratchDir('resaved');
const rated = itemColumns(bank).find((c) => c.field === 'capability')!;
const header = ['Your name [respondent]', `Level [${rated.id}.capability]`];

function respondents(path: string): { code: number | null; names: string[]; stderr: string } {
  const r = runCli(['report', path, '--format', 'json']);
  const names = r.code === 0 ? (JSON.parse(r.stdout) as { respondentList: { name: string }[] }).respondentList : [];
  return { code: r.code, names: names.map((p) => p.name), stderr: r.stderr };
}

describe('an export saved again by a spreadsheet', () => {
  it('CSV: rows of empty cells (and of spaces) are no respondents', () => {
    const path = join(dir, 'empty-rows.csv');
    const rows = [header, ['Ann', '3'], ['', ''], ['Bo', '4'], [' ', ''], ['', '']];
    writeFileSync(path, rows.map((row) => csvLine(row)).join('\r\n') + '\r\n');
    const r = respondents(path);
    expect(r.code, r.stderr).toBe(0);
    expect(r.names).toEqual(['Ann', 'Bo']);
  });

  it('XLSX: rows whose cells are all empty text are no respondents', () => {
    const path = join(dir, 'empty-rows.xlsx');
    writeFileSync(path, xlsxWorkbook([header, ['Ann', 3], [' ', ' '], ['Bo', 4]]));
    const r = respondents(path);
    expect(r.code, r.stderr).toBe(0);
    expect(r.names).toEqual(['Ann', 'Bo']);
  });

  it('only empty rows after the header: no respondents, said as such', () => {
    const path = join(dir, 'only-empty.csv');
    writeFileSync(path, [header, ['', ''], ['', '']].map((row) => csvLine(row)).join('\r\n') + '\r\n');
    const r = runCli(['report', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `pm-diag: ${path}:1: no respondents: the file has a header row only (expected a row per respondent after the header)\n`,
    );
  });

  it('unnamed columns with nothing in them are left out; one with a value is an error at that cell', () => {
    const path = join(dir, 'unnamed-empty.csv');
    const rows = [
      [...header, '', ''],
      ['Ann', '3', '', ''],
      ['Bo', '4', '', ''],
    ];
    writeFileSync(path, rows.map((row) => csvLine(row)).join('\r\n') + '\r\n');
    const r = respondents(path);
    expect(r.code, r.stderr).toBe(0);
    expect(r.names).toEqual(['Ann', 'Bo']);

    const filled = join(dir, 'unnamed-filled.csv');
    rows[2]![3] = 'oops';
    writeFileSync(filled, rows.map((row) => csvLine(row)).join('\r\n') + '\r\n');
    const bad = runCli(['report', filled]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(
      `pm-diag: ${filled}:3:4: column 4 has no name, yet holds "oops" (expected a column name from pm-diag template --format csv, or the column deleted)\n`,
    );
  });
});

describe('a header row under a title row, in another delimiter', () => {
  it.each([
    ['a title with no delimiter', 'Survey export\r\n\r\n'],
    ['a title with a comma', '"Generated Dec 7, 2026"\r\n'],
    ['a title with a tab', 'Export\tDec 7\r\n'],
  ])("%s over a semicolon CSV: the delimiter is the header row's", (_, title) => {
    const path = join(dir, `title-${title.length}.csv`);
    const rows = [header, ['Ann', '3'], ['Bo', '4']];
    writeFileSync(path, title + rows.map((row) => row.join(';')).join('\r\n') + '\r\n');
    const r = respondents(path);
    expect(r.code, r.stderr).toBe(0);
    expect(r.names).toEqual(['Ann', 'Bo']);
  });
});
