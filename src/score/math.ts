import { extremes } from '../lists.js';
// Small pure helpers behind the scoring formulas of DESIGN.md ("Scoring").

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

export function round(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * factor) / factor;
}
