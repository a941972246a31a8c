import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvPieces } from '../../src/core/answers/csv-pieces.js';

/** A cell as a form tool writes it: quoted when it holds a delimiter, a quote or a line break. */
const written = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' '), maxLength: 12 });
const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 40 });

describe('a CSV text in pieces of whole rows', () => {
  it('the pieces put together are the text, and parsed one by one give the records of the whole', () => {
    fc.assert(
      fc.property(rows, fc.constantFrom('\n', '\r\n', '\r'), fc.integer({ min: 1, max: 64 }), (records, end, size) => {
        // A row of one empty cell would be a blank line, which the reader skips: keep each row's first cell.
        const text = records.map((r) => ['x', ...r].map(written).join(',')).join(end) + end;
        const pieces = [...csvPieces(text, size)];
        expect(pieces.map((p) => p.text).join('')).toBe(text);
        expect(pieces.map((p) => p.first)).toEqual(pieces.map((_, i) => i === 0));
        const options = { record_delimiter: end, relax_column_count: true };
        expect(pieces.flatMap((p) => parse(p.text, options) as string[][])).toEqual(parse(text, options));
      }),
      { numRuns: 300 },
    );
  });

  it('rows that end in CRLF, LF and CR alike are cut at their ends, a CRLF kept whole', () => {
    const ends = fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 40, maxLength: 40 });
    fc.assert(
      fc.property(rows, ends, fc.integer({ min: 1, max: 64 }), (records, rowEnds, size) => {
        const text = records.map((r, i) => ['x', ...r].map(written).join(',') + rowEnds[i]).join('');
        const pieces = [...csvPieces(text, size)].map((p) => p.text);
        expect(pieces.join('')).toBe(text);
        // Each piece ends a row: read with every line break as \n, the pieces give the rows of the whole.
        const lf = (t: string) => t.replace(/\r\n?/g, '\n');
        const options = { record_delimiter: '\n', relax_column_count: true };
        expect(pieces.flatMap((p) => parse(lf(p), options) as string[][])).toEqual(parse(lf(text), options));
      }),
      { numRuns: 300 },
    );
  });

  it('a row longer than a piece stays whole', () => {
    const long = `x,"${'a\n'.repeat(50)}"\n`;
    const pieces = [...csvPieces(long + 'y,z\n'.repeat(40), 8)].map((p) => p.text);
    expect(pieces[0]!.startsWith(long)).toBe(true);
    expect(pieces.length).toBeGreaterThan(1);
  });
});
