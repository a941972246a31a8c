import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_UNPACKED_BYTES, xlsxRows } from '../../src/answers/xlsx.js';
import { columnLetters } from '../../src/answers/form-columns.js';
import { formatProblem } from '../../src/errors.js';
import { problemsOf } from '../foundation/helpers.js';
import { xlsxWorkbook } from './xlsx-writer.js';

describe('XLSX: the first sheet as rows of text', () => {
  it('reads shared strings, numbers and escaped text, each cell at its column, skipping blank rows', () => {
    const bytes = xlsxWorkbook([['ID', 'Name', 'Q & <A> [x.owner]'], [1, 'Ann', ''], [], [2, '', '4 - Managed']]);
    expect(xlsxRows(bytes, 'f.xlsx')).toEqual([
      { line: 1, cells: ['ID', 'Name', 'Q & <A> [x.owner]'] },
      { line: 2, cells: ['1', 'Ann'] },
      { line: 4, cells: ['2', '', '4 - Managed'] },
    ]);
  });

  it('reads rich text without its phonetic guide, inline strings, booleans and OOXML escapes; a cell without a reference takes the next column', () => {
    const sheet =
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>in&amp;line</t></is></c><c t="b"><v>1</v></c><c r="E1" t="str"><v>a_x000D_b</v></c></row>' +
      '<row r="3"><c r="A3" t="s"><v>1</v></c></row></sheetData></worksheet>';
    const shared = '<sst><si><r><t>Rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh sb="0" eb="1"><t>ruby</t></rPh></si><si><t xml:space="preserve"> plain </t></si></sst>';
    const bytes = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(sheet), 'xl/sharedStrings.xml': strToU8(shared) });
    expect(xlsxRows(bytes, 'f.xlsx')).toEqual([
      { line: 1, cells: ['Rich text', 'in&line', 'TRUE', '', 'a\rb'] },
      { line: 3, cells: [' plain '] },
    ]);
  });

  it('an unclosed element ends the sheet there, in linear time', () => {
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ok</t></is></c></row>${'<row r="2"><c>'.repeat(200_000)}</sheetData></worksheet>`;
    const bytes = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(sheet) });
    expect(xlsxRows(bytes, 'f.xlsx')).toEqual([{ line: 1, cells: ['ok'] }]);
  });

  it('refuses a workbook that says it unpacks to more than the cap, before unpacking it', () => {
    const bytes = xlsxWorkbook([['a']]);
    // Each central directory entry (PK\x01\x02) says how large its file unpacks, 24 bytes in.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at < bytes.length - 4; at++) if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 0xfffffff0, true);
    expect(problemsOf(() => xlsxRows(bytes, 'f.xlsx')).map(formatProblem)).toEqual([
      `f.xlsx: the workbook unpacks to more than ${(MAX_UNPACKED_BYTES / 1024 / 1024).toFixed(1)} MB (expected at most ${(MAX_UNPACKED_BYTES / 1024 / 1024).toFixed(1)} MB of sheets)`,
    ]);
  });

  it('names columns past Z as a spreadsheet does', () => {
    expect([0, 2, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'C', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('refuses what is not a workbook, and a damaged archive, with the source named', () => {
    expect(problemsOf(() => xlsxRows(new TextEncoder().encode('respondent,role\n'), 'f.xlsx')).map(formatProblem)).toEqual([
      'f.xlsx: not an XLSX workbook (it is not a zip archive) (expected an .xlsx file as a form tool exports it (Microsoft Forms: Open in Excel, then download))',
    ]);
    const cut = xlsxWorkbook([['a']]).slice(0, 200);
    expect(problemsOf(() => xlsxRows(cut, 'f.xlsx')).map(formatProblem)[0]).toMatch(/^f\.xlsx: the workbook archive is damaged/);
  });
});
