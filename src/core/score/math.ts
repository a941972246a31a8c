import { extremes } from '../lists.js';

// Small pure helpers behind the scoring formulas of docs/design.md ("Scoring").

/** pct(x) = 25 × (x − 1): a level 1–5 on a 0–100 scale. */
export function pct(level: number): number {
  return 25 * (level - 1);
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Σ w·value / Σ w over the entries whose value is defined; null when none is. */
export function weightedIndex(entries: readonly { weight: number; value: number | null }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { weight, value } of entries) {
    if (value === null) continue;
    sum += weight * value;
    weights += weight;
  }
  return weights === 0 ? null : sum / weights;
}

/** max(0, T − x), where an undefined x contributes nothing. */
export function shortfall(target: number, value: number | null): number {
  return value === null ? 0 : Math.max(0, target - value);
}

export function spread(values: readonly number[]): number | null {
  const range = extremes(values);
  return range === undefined ? null : range.max - range.min;
}

/**
 * The report's precision (docs/design.md "Scoring"): 0-100 indexes to one decimal, item means, spreads and
 * priorities to two. Numbers are computed unrounded and rounded only here, only at output, so every
 * format and `compare` see the same figure.
 */
export const DECIMALS = { index: 1, mean: 2 } as const;
export type Precision = keyof typeof DECIMALS;

/** Half away from zero at the printed digit, the same in every format (toFixed would round 1.025 down). */
export function round(value: number | null | undefined, decimals: number): number | null {
  if (value === null || value === undefined) return null;
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round((Math.abs(value) + Number.EPSILON) * factor)) / factor || 0;
}

/** A value as the report prints it. */
export function rounded(value: number | null | undefined, precision: Precision): number | null {
  return round(value, DECIMALS[precision]);
}

/** A value as the report prints it, with its fixed digits ("12.0", "1.50"). */
export function fixed(value: number, precision: Precision): string {
  return (round(value, DECIMALS[precision]) as number).toFixed(DECIMALS[precision]);
}
