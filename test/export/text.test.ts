import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/core/csv-cells.js';

describe('csvCell', () => {
  it('guards every formula start OWASP lists, and only at the start', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      '"\'\rx"',
    ]);
    expect(['a=1', 'a-b', 'x@y'].map(csvCell)).toEqual(['a=1', 'a-b', 'x@y']);
  });

  it('quotes a comma, a quote or a line break, doubling quotes; null is an empty cell; numbers as written', () => {
    expect([`a,b`, 'say "hi"', 'two\nlines', 'cr\rlf', ''].map(csvCell)).toEqual([
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      '"cr\rlf"',
      '',
    ]);
    expect([null, 3, 3.5].map(csvCell)).toEqual(['', '3', '3.5']);
  });
});
