import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_UNPACKED_BYTES, openWorkbook, xlsxRows } from '../../src/core/answers/xlsx.js';
import { PASSWORD_EXPECTED } from '../../src/core/answers/zip.js';
import { columnLetters } from '../../src/core/answers/form-columns.js';
import { formatProblem } from '../../src/core/errors.js';
import { problemsOf } from '../foundation/helpers.js';
import { declareSize, xlsxParts, xlsxWorkbook, zipParts } from './xlsx-writer.js';

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
    const shared =
      '<sst><si><r><t>Rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh sb="0" eb="1"><t>ruby</t></rPh></si><si><t xml:space="preserve"> plain </t></si></sst>';
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
    for (let at = 0; at < bytes.length - 4; at++)
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 0xfffffff0, true);
    expect(problemsOf(() => xlsxRows(bytes, 'f.xlsx')).map(formatProblem)).toEqual([
      `f.xlsx: the workbook unpacks to more than ${(MAX_UNPACKED_BYTES / 1024 / 1024).toFixed(1)} MB (expected at most ${(MAX_UNPACKED_BYTES / 1024 / 1024).toFixed(1)} MB of sheets)`,
    ]);
  });

  it('names columns past Z as a spreadsheet does', () => {
    expect([0, 2, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'C', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('refuses what is not a workbook, and a damaged archive, with the source named', () => {
    expect(
      problemsOf(() => xlsxRows(new TextEncoder().encode('respondent,role\n'), 'f.xlsx')).map(formatProblem),
    ).toEqual([
      'f.xlsx: not an XLSX workbook (it is not a zip archive) (expected an .xlsx file as a form tool exports it (Microsoft Forms: Open in Excel, then download))',
    ]);
    const cut = xlsxWorkbook([['a']]).slice(0, 200);
    expect(problemsOf(() => xlsxRows(cut, 'f.xlsx')).map(formatProblem)[0]).toMatch(
      /^f\.xlsx: the workbook archive is damaged/,
    );
  });
});

describe('XLSX: what real workbooks hold', () => {
  const rows = (count: number) => [
    ['Name', 'Q [x.owner]'],
    ...Array.from({ length: count }, (_, i) => [`P${i + 1}`, 'pm']),
  ];

  it('reads a part to its end whatever size the archive declares for it', () => {
    const parts = xlsxParts([{ name: 'Sheet1', rows: rows(200) }]);
    const declared = declareSize(
      zipParts(parts),
      'xl/worksheets/sheet1.xml',
      Math.floor(parts['xl/worksheets/sheet1.xml']!.length / 2),
    );
    const read = xlsxRows(declared, 'f.xlsx');
    expect(read).toHaveLength(201);
    expect(read[200]).toEqual({ line: 201, cells: ['P200', 'pm'] });
  });

  it('reads elements with a namespace prefix (the .NET Open XML SDK writes `x:`)', () => {
    expect(xlsxRows(zipParts(xlsxParts([{ name: 'Responses', rows: rows(2) }], 'x')), 'f.xlsx')).toEqual([
      { line: 1, cells: ['Name', 'Q [x.owner]'] },
      { line: 2, cells: ['P1', 'pm'] },
      { line: 3, cells: ['P2', 'pm'] },
    ]);
  });

  it('skips a row inside a comment, and reads CDATA as text', () => {
    const sheet =
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a < b & c]]></t></is></c><c r="B1" t="s"><v>0</v></c></row>' +
      '<!-- <row r="2"><c r="A2" t="inlineStr"><is><t>Eve</t></is></c></row> --><row r="3"><c r="A3"><v>7</v></c></row></sheetData></worksheet>';
    const shared = '<sst><si><t><![CDATA[<b>]]> &amp; more</t></si></sst>';
    const bytes = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(sheet), 'xl/sharedStrings.xml': strToU8(shared) });
    expect(xlsxRows(bytes, 'f.xlsx')).toEqual([
      { line: 1, cells: ['a < b & c', '<b> & more'] },
      { line: 3, cells: ['7'] },
    ]);
  });

  it('lists the sheets in tab order, by name', () => {
    const workbook = openWorkbook(
      zipParts(
        xlsxParts([
          { name: 'Charts', rows: [['Summary']] },
          { name: 'Form Responses 1', rows: rows(1) },
        ]),
      ),
      'f.xlsx',
    );
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Charts', 'Form Responses 1']);
  });

  it('a comment never closed costs linear time, not a rescan per piece', () => {
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><!-- ${'x'.repeat(20_000_000)}`;
    // Read again from its start at each piece, it would run past the test's time limit.
    expect(xlsxRows(zipSync({ 'xl/worksheets/sheet1.xml': strToU8(sheet) }), 'f.xlsx')).toEqual([
      { line: 1, cells: ['1'] },
    ]);
  });

  it('names a password-protected workbook, and an old .xls, with what to do', () => {
    const compound = (body: string) =>
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from(body, 'utf16le')]);
    expect(
      problemsOf(() => xlsxRows(compound('..EncryptedInfo..EncryptedPackage..'), 'f.xlsx')).map(formatProblem),
    ).toEqual([
      `f.xlsx: the workbook is password-protected (encrypted), so it cannot be read (expected ${PASSWORD_EXPECTED})`,
    ]);
    expect(problemsOf(() => xlsxRows(compound('..Workbook..'), 'f.xlsx')).map(formatProblem)[0]).toMatch(
      /^f\.xlsx: the workbook is an Excel 97-2003 workbook \(\.xls\)/,
    );
  });
});
