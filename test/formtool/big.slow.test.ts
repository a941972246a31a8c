import { strToU8, zipSync } from 'fflate';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/core/source.js';
import { loadBank } from '../../src/io/bank-files.js';
import { runCli } from '../helpers/cli.js';
import { itemColumns, scratchDir } from './helpers.js';
import { xlsxParts } from './xlsx-writer.js';

// The largest exports within the caps, through the built binary: a million rows of a workbook and a
// million columns of a CSV header are read in one pass each (times and memory are measured apart,
// never here). Slow lane: each takes a while to build and read.

const bank = loadBank();
const dir = scratchDir('formtool-big');
const [owner, capability] = itemColumns(bank);
const ROWS = 1_000_000;
/** Enough for a thousand pieces of the JSON report's list; the bench measures a million. */
const CSV_ROWS = 200_000;
const LONG = 600_000;

describe('the largest exports within the caps', () => {
  it('a sheet of a million rows: every one a respondent, each repeated warning said once', () => {
    const rows: string[] = [];
    for (let r = 2; r <= ROWS + 1; r++)
      rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>0</v></c><c r="B${r}"><v>${(r % 5) + 1}</v></c></row>`);
    const parts = xlsxParts([{ name: 'Sheet1', rows: [] }]);
    const header = `<row r="1"><c r="A1" t="inlineStr"><is><t>Q [${owner!.id}.owner]</t></is></c><c r="B1" t="inlineStr"><is><t>[${capability!.id}.capability]</t></is></c></row>`;
    parts['xl/worksheets/sheet1.xml'] = `<worksheet><sheetData>${header}${rows.join('')}</sheetData></worksheet>`;
    parts['xl/sharedStrings.xml'] = '<sst><si><t>pm</t></si></sst>';
    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels']!.replace(
      '</Relationships>',
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    );
    const path = join(dir, 'million.xlsx');
    writeFileSync(
      path,
      // Rows this alike compress as well at the fastest level as at the best.
      zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)])), {
        level: 1,
      }),
    );
    expect(statSync(path).size).toBeLessThanOrEqual(MAX_INPUT_BYTES);
    const result = runCli(['validate', path], { timeout: 600_000 });
    expect(result.code, result.stderr.slice(0, 2000)).toBe(0);
    const [first, second] = result.stdout.split('\n');
    expect(first).toBe(`ok   ${path}: a form export for "${bank.id}", ${ROWS} respondents`);
    // Anonymous rows that answer alike are people who agree: report would count every one.
    expect(second).toMatch(new RegExp(`^ok {3}report: would count ${ROWS} respondents`));
    expect(result.stderr).toContain(`(and ${ROWS - 1} more rows alike)`);
  }, 900_000);

  it('a CSV of many rows: a JSON report that lists every respondent, written in pieces', () => {
    const lines = [`Q [${owner!.id}.owner],[${capability!.id}.capability]`];
    for (let r = 0; r < CSV_ROWS; r++) lines.push(`pm,${(r % 5) + 1}`);
    const path = join(dir, 'million.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const out = join(dir, 'million.json');
    const result = runCli(['report', path, '--format', 'json', '--out', out], { timeout: 600_000 });
    expect(result.code, result.stderr.slice(0, 2000)).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(`\n  "respondents": ${CSV_ROWS},\n`);
    let listed = 0;
    for (let at = text.indexOf('"source": "'); at >= 0; at = text.indexOf('"source": "', at + 1)) listed++;
    expect(listed).toBe(CSV_ROWS);
    expect(text.indexOf(`"source": "${path} row ${CSV_ROWS + 1}"`)).toBeGreaterThan(0);
    expect(text.endsWith('}\n')).toBe(true);
  }, 900_000);

  it("a header of many columns: the tool's own left out, counted, in one pass", () => {
    const names = Array.from({ length: LONG }, (_, i) => `m${i}`);
    const path = join(dir, 'wide.csv');
    writeFileSync(path, `Name,[${owner!.id}.owner],${names.join(',')}\nAnn,pm\n`);
    expect(statSync(path).size).toBeLessThanOrEqual(MAX_INPUT_BYTES);
    const result = runCli(['validate', path], { timeout: 300_000 });
    expect(result.code, result.stderr.slice(0, 2000)).toBe(0);
    expect(result.stderr).toContain(`"m19", and ${LONG - 20} more`);
  }, 600_000);
});
