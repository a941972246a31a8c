import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvAnswers } from '../../src/core/answers/csv.js';
import { formatProblem } from '../../src/core/errors.js';
import { readFileText } from '../../src/io/read.js';
import { problemsOf } from '../foundation/helpers.js';
import { REPORT_FIXTURES, TEAM_CSV, miniBank } from './helpers.js';

const bank = miniBank();
const HEADER =
  'respondent,role,market-problems.owner,market-problems.capability,market-problems.capacity,market-problems.note,win-loss-feedback.delivery';
const csv = (text: string, strict = false) => parseCsvAnswers({ source: 'form.csv', text }, bank, { strict });
const errorsOf = (text: string) => problemsOf(() => csv(text)).map(formatProblem);

describe('CSV export: reading', () => {
  it('drops a BOM, keeps quoted commas and line breaks, and reads CRLF', () => {
    const { respondents } = parseCsvAnswers(readFileText(TEAM_CSV), bank);
    expect(respondents.map((r) => r.name)).toEqual(['Ann', 'Ben', 'Cy']);
    expect(respondents[0]!.answers.get('positioning')).toEqual({
      owner: 'pmm',
      capability: 2,
      capacity: 3,
      note: 'two lines,\nof note',
    });
    expect(respondents[1]!.answers.get('market-problems')).toEqual({
      owner: 'pmm',
      capability: 2,
      capacity: 'unknown',
      note: 'quoted, comma',
    });
  });

  it('each row is its own respondent, named by its row; rows that answer alike share their answers', () => {
    const { respondents } = csv(`${HEADER}\n,,pm,3,2,,4\n,,pm,3,2,,4\n,,pmm,3,2,,4\n`);
    expect(respondents.map((r) => r.source)).toEqual(['form.csv row 2', 'form.csv row 3', 'form.csv row 4']);
    const [first, second, third] = respondents.map((r) => r.answers);
    expect(second).toBe(first);
    expect(third).not.toBe(first);
    expect(third!.get('market-problems')).toEqual({ owner: 'pmm', capability: 3, capacity: 2 });
    expect(first!.get('win-loss-feedback')).toEqual({ delivery: 4 });
  });

  it('a tag typed with spaces inside its brackets is the tag', () => {
    const { respondents } = csv(
      `Name [ respondent ],Who owns it? [ market-problems.owner ],[market-problems.capability ]\nAnn,pm,3\n`,
    );
    expect(respondents[0]!.name).toBe('Ann');
    expect(respondents[0]!.answers.get('market-problems')).toEqual({ owner: 'pm', capability: 3 });
  });

  it('an empty cell is unanswered; an all-empty item is missing (a warning)', () => {
    const { respondents, warnings } = csv(`${HEADER}\nAnn,pm,,3,,,\n`);
    expect(respondents[0]!.answers.get('market-problems')).toEqual({ capability: 3 });
    expect(respondents[0]!.answers.has('win-loss-feedback')).toBe(false);
    expect(warnings.map(formatProblem)).toEqual([
      'form.csv:2:1: warning: 3 of 4 items unanswered: positioning, win-loss-feedback, launch-cadence',
    ]);
  });

  it('with --strict a missing item is an error at its row', () => {
    expect(problemsOf(() => csv(`${HEADER}\nAnn,pm,pm,3,3,,3\n`, true)).map((p) => [p.line, p.severity])).toEqual([
      [2, 'error'],
    ]);
  });

  it('n/a in any cell of an item makes the item n/a; words are read in any case', () => {
    const { respondents } = csv(`${HEADER}\nAnn,PM,N/A,,n/a,,Unknown\n`);
    expect(respondents[0]!.role).toBe('pm');
    expect(respondents[0]!.answers.get('market-problems')).toBe('n/a');
    expect(respondents[0]!.answers.get('win-loss-feedback')).toEqual({ delivery: 'unknown' });
  });

  it('an item marked n/a and rated in another cell is an error at the rating', () => {
    expect(errorsOf(`${HEADER}\nAnn,pm,n/a,3,,,\n`)).toEqual([
      'form.csv:2:4: market-problems.capability: "market-problems" is marked n/a in column 3, but this cell rates it (found 3, expected an empty cell, or n/a, for an item that does not apply)',
    ]);
  });

  it('takes a semicolon- or tab-separated export', () => {
    const { respondents } = parseCsvAnswers(readFileText(join(REPORT_FIXTURES, 'semicolon.csv')), bank);
    expect(respondents[1]!.answers.get('market-problems')).toEqual({
      owner: 'pmm',
      capability: 2,
      capacity: 2,
      note: 'one; two',
    });
    expect(
      csv('respondent\tmarket-problems.capability\nAnn\t4\n').respondents[0]!.answers.get('market-problems'),
    ).toEqual({ capability: 4 });
  });

  it('rows that end in CRLF, LF and CR alike (rows added in another editor) are read as in one file', () => {
    const rows = [HEADER, 'Ann,pm,pm,3,2,"two\nlines",4', 'Ben,pmm,pmm,2,"3",,1', 'Cy,cs,pm,5,5,"x ""y""",2'];
    const one = csv(`${rows.join('\n')}\n`);
    for (const ends of [
      ['\r\n', '\n', '\n', '\n'],
      ['\n', '\r\n', '\r\n', '\r\n'],
      ['\r\n', '\r', '\n', ''],
    ]) {
      const mixed = csv(rows.map((row, i) => row + ends[i]).join(''));
      expect(mixed.respondents.map((r) => [r.source, r.name, [...r.answers]])).toEqual(
        one.respondents.map((r) => [r.source, r.name, [...r.answers]]),
      );
    }
    // A broken row is named by the line it starts on, whatever ends the rows before it.
    expect(errorsOf(`${HEADER}\r\nAnn,pm,pm,3,2,"two\r\nlines",4\nBen,pmm,"pm"x,2\n`)).toEqual([
      'form.csv:4:3: text follows the closing quote of a cell (expected a delimiter or the end of the line after a closing quote (write "" for a quote inside a cell))',
    ]);
  });

  it('skips blank lines; a row with fewer cells leaves the rest unanswered', () => {
    const { respondents } = csv(`${HEADER}\n\nAnn,pm,pm,3\n\n`);
    expect(respondents).toHaveLength(1);
    expect(respondents[0]!.answers.get('market-problems')).toEqual({ owner: 'pm', capability: 3 });
  });
});

describe('CSV export: every problem at once, as file.csv:LINE:COLUMN', () => {
  it('bad values, a bad role, a conflicting n/a and a row with too many cells, each at its cell', () => {
    const problems = problemsOf(() => parseCsvAnswers(readFileText(join(REPORT_FIXTURES, 'errors.csv')), bank)).map(
      formatProblem,
    );
    const at = (line: string) =>
      problems.map((p) => p.replace(/^.*errors\.csv:/, '')).filter((p) => p.startsWith(line));
    // Row 2's note spans lines 2 and 3, so row 3 is on line 4.
    expect(at('2:4')).toEqual([
      '2:4: market-problems.capability: invalid value (found 6, expected an integer from 1 to 5, or "unknown")',
    ]);
    expect(at('4:')).toEqual([
      '4:2: role: invalid value (found "cto", expected pm, pmm, sales, marketing, cs, engineering, leadership, other)',
      '4:4: market-problems.capability: "market-problems" is marked n/a in column 3, but this cell rates it (found 3, expected an empty cell, or n/a, for an item that does not apply)',
    ]);
    expect(at('5:')).toEqual([
      '5:8: row 4 has 8 cells, the header has 7 columns (found "3", expected at most 7 cells (a comma in a cell needs the cell in quotes))',
    ]);
    expect(at('6:')).toEqual([
      '6:4: market-problems.capability: invalid value (found 3.5, expected an integer from 1 to 5, or "unknown")',
      '6:5: market-problems.capacity: invalid value (found "four", expected an integer from 1 to 5, or "unknown")',
      '6:7: win-loss-feedback.delivery: invalid value (found 0, expected an integer from 1 to 5, or "unknown")',
    ]);
    expect(problems).toHaveLength(7);
  });

  it('the same bad value in many rows is an error at each of its cells, and good values pass in any row', () => {
    const rows = ['Ann,pm,boss,3,3,,3', 'Bo,pm,pm,3,3,,3', 'Cy,cto,boss,6,3,,3', 'Di,pm,PM,3,3,,3'];
    expect(errorsOf(`${HEADER}\n${rows.join('\n')}\n`)).toEqual([
      'form.csv:2:3: market-problems.owner: invalid value (found "boss", expected pm, pmm, shared, combined, marketing, cs, sales, engineering, leadership, other, none, unclear, unknown)',
      'form.csv:4:2: role: invalid value (found "cto", expected pm, pmm, sales, marketing, cs, engineering, leadership, other)',
      'form.csv:4:3: market-problems.owner: invalid value (found "boss", expected pm, pmm, shared, combined, marketing, cs, sales, engineering, leadership, other, none, unclear, unknown)',
      'form.csv:4:4: market-problems.capability: invalid value (found 6, expected an integer from 1 to 5, or "unknown")',
    ]);
  });

  it('names unknown columns with their column number and a "did you mean"; refuses axes that do not fit the item; a form tool\'s Timestamp is left out', () => {
    const problems = problemsOf(() => parseCsvAnswers(readFileText(join(REPORT_FIXTURES, 'bad-header.csv')), bank)).map(
      (p) => formatProblem(p).replace(/^.*bad-header\.csv:/, ''),
    );
    expect(problems).toEqual([
      '1:3: unknown column "market-problem.capability" (column 3; did you mean "market-problems.capability"?) (expected respondent, role, organization, stage, <item id>.<field> for an item of the bank "mini-bank", or a [<item id>.<field>] tag in the header (pm-diag template --format csv lists them; --map names any other))',
      '1:5: unknown column "win-loss-feedback.owner" (column 5): "win-loss-feedback" is an interlock item, rated on delivery only (expected win-loss-feedback.delivery or win-loss-feedback.evidence or win-loss-feedback.note)',
      '1:7: the column "market-problems.capacity" appears twice (columns 4 and 7) (expected each column once)',
    ]);
  });

  it('an unknown column does not hide the bad cells of the columns that are known', () => {
    const header = 'respondent,role,market-problems.owner,market-problems.capabilty,win-loss-feedback.delivery';
    expect(errorsOf(`${header}\nAnn,pm,pm,3,9\n`)).toEqual([
      'form.csv:1:4: unknown column "market-problems.capabilty" (column 4; did you mean "market-problems.capability"?) (expected respondent, role, organization, stage, <item id>.<field> for an item of the bank "mini-bank", or a [<item id>.<field>] tag in the header (pm-diag template --format csv lists them; --map names any other))',
      'form.csv:2:5: win-loss-feedback.delivery: invalid value (found 9, expected an integer from 1 to 5, or "unknown")',
    ]);
  });

  it('a broken quote is an error with its line', () => {
    expect(errorsOf(`${HEADER}\nAnn,pm,pm,3,3,"unclosed,3\n`)).toEqual([
      'form.csv:2:6: a quoted cell is never closed (expected a closing quote ("))',
    ]);
    expect(errorsOf(`${HEADER}\nAnn,pm,pm,3,3,"closed" then text,3\n`)[0]).toMatch(
      /^form\.csv:2:6: text follows the closing quote of a cell/,
    );
  });

  it('a broken quote after a bad row: the rows read before it are checked as well', () => {
    expect(errorsOf(`${HEADER}\nAnn,pm,pm,9,3,,\nBen,pm,pm,3,3,"unclosed,3\n`)).toEqual([
      'form.csv:2:4: market-problems.capability: invalid value (found 9, expected an integer from 1 to 5, or "unknown")',
      'form.csv:3:6: a quoted cell is never closed (expected a closing quote ("))',
    ]);
  });

  it('a long export is read in pieces: notes over several lines, and a break far down named by its line', () => {
    // Rows of three lines each (a note of two lines), past the size the reader parses at once.
    const row = (i: number) => `R${i},pm,pm,3,3,"first line, ""quoted""\r\nsecond line",3`;
    const rows = Array.from({ length: 3000 }, (_, i) => row(i));
    const text = `${HEADER}\r\n${rows.join('\r\n')}\r\n`;
    const { respondents } = csv(text);
    expect(respondents.map((r) => r.name)).toEqual(rows.map((_, i) => `R${i}`));
    expect(respondents[2999]!.answers.get('market-problems')).toMatchObject({
      note: 'first line, "quoted"\nsecond line',
    });
    // The broken row starts on line 5,000 (rows of two lines after the header); the bad level before it is reported too.
    const broken = [...rows.slice(0, 2498), row(2498).replace(',3,3,', ',9,3,'), 'Bad,pm,pm,3,3,"unclosed,3'];
    expect(errorsOf(`${HEADER}\r\n${broken.join('\r\n')}\r\n`)).toEqual([
      'form.csv:4998:4: market-problems.capability: invalid value (found 9, expected an integer from 1 to 5, or "unknown")',
      'form.csv:5000:6: a quoted cell is never closed (expected a closing quote ("))',
    ]);
  });

  it('an empty file, a header with no rows, a header with no items', () => {
    expect(errorsOf('')).toEqual([
      'form.csv: the file is empty (expected a header row (pm-diag template --format csv) and a row per respondent)',
    ]);
    expect(errorsOf(`${HEADER}\n`)).toEqual([
      'form.csv:1: no respondents: the file has a header row only (expected a row per respondent after the header)',
    ]);
    expect(errorsOf('respondent,role\nAnn,pm\n')).toEqual([
      'form.csv:1: the header row names no item columns (expected the header row of pm-diag template --format csv)',
    ]);
  });

  it('hostile text in a header is shown safely', () => {
    const [line] = errorsOf('respondent,\u001b[31mevil\u202e\nAnn,x\n');
    expect(line).toContain('unknown column "evil\\u{202e}" (column 2)');
    expect(line).not.toContain('\u001b');
  });
});
