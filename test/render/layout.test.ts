import { describe, expect, it } from 'vitest';
import { fmtNumber, fmtSigned, fmtIndex, fmtMean, wrapParts } from '../../src/core/render/layout.js';

describe('report helpers', () => {
  it('formats plain and signed numbers', () => {
    expect([fmtNumber(4), fmtNumber(3.5), fmtNumber(10 / 3), fmtNumber(null)]).toEqual(['4', '3.5', '3.33', '—']);
    expect([
      fmtSigned(62.5, fmtIndex),
      fmtSigned(-1, fmtMean),
      fmtSigned(-0.001, fmtMean),
      fmtSigned(null, fmtMean),
    ]).toEqual(['+62.5', '-1.00', '0.00', '—']);
  });

  it('wraps between parts, and inside a part only when it is longer than a line', () => {
    expect(wrapParts(['alpha beta', 'gamma', 'delta'], 20, '  ')).toEqual(['  alpha beta · gamma', '  delta']);
    expect(wrapParts(['x'.repeat(30)], 20, '  ')).toEqual([`  ${'x'.repeat(17)}…`]);
    expect(wrapParts(['a\u001b[2Jb\r'], 20)).toEqual(['ab\\u{d}']);
  });
});
