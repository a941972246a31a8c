import { describe, expect, it } from 'vitest';
import { xlsxRows } from '../../src/answers/xlsx.js';
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

  it('names columns past Z as a spreadsheet does', () => {
    expect([0, 2, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'C', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('refuses what is not a workbook, and a damaged archive, with the source named', () => {
    expect(problemsOf(() => xlsxRows(new TextEncoder().encode('respondent,role\n'), 'f.xlsx')).map(formatProblem)).toEqual([
      'f.xlsx: not an XLSX workbook (it is not a zip archive) (expected an .xlsx file as a form tool exports it (Microsoft Forms: Open in Excel, then download))',
    ]);
    const cut = xlsxWorkbook([['a']]).slice(0, 200);
    expect(problemsOf(() => xlsxRows(cut, 'f.xlsx')).map(formatProblem)[0]).toMatch(/^f\.xlsx: the XLSX archive is damaged/);
  });
});
