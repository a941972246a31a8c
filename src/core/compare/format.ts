import type { NamedFunction, Party } from '../bank/schema.js';
import { shortDirection } from '../render/report-view.js';
import { fmtIndex, fmtMean, fmtSigned } from '../render/layout.js';
import { mark, type Missing } from '../render/marks.js';
import { missingOf } from '../score/answered.js';
import type { Axis } from '../score/model.js';
import { AXES, axesOf } from '../bank/item-kinds.js';
import type { Precision } from '../score/math.js';
import {
  DIRECTIONS,
  moved,
  type Change,
  type ClosedGap,
  type Comparison,
  type Direction,
  type ItemChange,
  type SideSummary,
} from './diff.js';
import { SUMMARY_KEYS, type OwnerView, type SummaryKey } from './snapshot.js';

// Words and numbers shared by the terminal and markdown renderers. Nothing here escapes: item
// titles, sources and function names are untrusted and each renderer makes them safe.

export const SUMMARY_LABELS: Record<SummaryKey, string> = {
  readiness: 'Readiness',
  capability: 'Capability',
  capacity: 'Capacity',
  alignment: 'Ownership alignment',
  interlock: 'Interlock health',
  practices: 'Practices',
  coverage: 'Coverage',
};

export const DIRECTION_HEADINGS: Record<Direction, string> = {
  regressed: 'Regressed',
  improved: 'Improved',
  changed: 'Changed, same readiness',
  added: 'Only in the later assessment',
  removed: 'Only in the earlier assessment',
};

export const CLOSED_REASONS: Record<ClosedGap['reason'], string> = {
  met: 'target met',
  unrated: 'no longer rated',
  removed: 'not in the later bank',
};

export interface CompareRenderOptions {
  color: boolean;
  /** From the bank, when the sides use it. */
  functionNames: Partial<Record<NamedFunction, string>>;
  /** Terminal only: the columns to fill (60–120); 80 when not given. */
  width?: number;
}

export const directionName = (from: Party, to: Party): string => shortDirection(from, to);

/** What follows an item's title in a list of changes: its kind, when it is not a responsibility. */
export const kindSuffix = (kind: ItemChange['kind']): string => (kind === 'responsibility' ? '' : ` (${kind})`);

/** A labelled before/after/change row of a table. */
export interface Row {
  label: string;
  change: Change;
}

/** The summary indexes; the practices index only when a side has one (bank v3). */
export const summaryRows = (cmp: Comparison): Row[] =>
  SUMMARY_KEYS.filter(
    (key) => key !== 'practices' || cmp.summary.practices.before !== null || cmp.summary.practices.after !== null,
  ).map((key) => ({ label: SUMMARY_LABELS[key], change: cmp.summary[key] }));
export const interlockRows = (cmp: Comparison): Row[] =>
  cmp.interlock.map((i) => ({ label: directionName(i.from, i.to), change: i.health }));

/** The changed items by direction, regressed first; empty groups left out. */
export function itemGroups(cmp: Comparison): { heading: string; items: ItemChange[] }[] {
  return DIRECTIONS.map((direction) => ({
    heading: DIRECTION_HEADINGS[direction],
    items: cmp.items.filter((i) => i.direction === direction),
  })).filter((g) => g.items.length > 0);
}

/** `+12.5`, `-2.5`, `0.0`; `n/a` when either side is undefined. */
export function fmtDelta(delta: number | null, precision: Precision = 'index'): string {
  return fmtSigned(delta, precision === 'index' ? fmtIndex : fmtMean);
}

const fmtValue = (value: number | null, precision: Precision, missing: Missing, narrow = false) =>
  precision === 'index' ? fmtIndex(value, missing, narrow) : fmtMean(value, missing, narrow);

/** `50.0 → 62.5 (+12.5)`, or `50.0` when it did not move; a missing side says why (`don’t know`, `n/a`, `—`). */
export function fmtChange(
  c: Change,
  precision: Precision = 'index',
  missing: { before: Missing; after: Missing } = { before: 'unanswered', after: 'unanswered' },
  narrow = false,
): string {
  if (!moved(c)) return fmtValue(c.after, precision, missing.after, narrow);
  const delta = c.delta === null ? '' : ` (${fmtDelta(c.delta, precision)})`;
  return `${fmtValue(c.before, precision, missing.before, narrow)} → ${fmtValue(c.after, precision, missing.after, narrow)}${delta}`;
}

/** An item's readiness (an interlock item's health) before and after, a missing side saying why (`narrow`: in short). */
export const itemReadiness = (c: ItemChange, narrow = false): string =>
  fmtChange(c.readiness, 'index', itemMissing(c, readinessAxes(c)), narrow);

/** Why an item's value on these axes is missing on each side of the comparison. */
export function itemMissing(c: ItemChange, axes: readonly Axis[]): { before: Missing; after: Missing } {
  const on = (side: 'before' | 'after'): Missing =>
    missingOf([
      { unknown: axes.some((a) => c.unknown[side].includes(a)) ? 1 : 0, notApplicable: c.notApplicable[side] ? 1 : 0 },
    ]);
  return { before: on('before'), after: on('after') };
}

/** Readiness rests on the axes an item's kind is rated on: a responsibility's two, a practice's frequency, a hand-off's delivery. */
export const readinessAxes = (c: ItemChange): readonly Axis[] => axesOf(c.kind);

function ownerText(o: OwnerView | null, notApplicable: boolean): string {
  if (notApplicable) return mark('n/a');
  if (!o || o.consensus === null) return mark('unanswered');
  return `${o.consensus} (${o.status}${o.contested ? ', contested' : ''})`;
}

/** What changed in an item besides its readiness: `capability 2.00 → 3.00 (+1.00)`, `owner …`, `quadrant …`. */
export function changePhrases(c: ItemChange): string[] {
  if (c.direction === 'added') return ['not in the earlier assessment'];
  if (c.direction === 'removed') return ['not in the later assessment'];
  const phrases: string[] = [];
  for (const axis of AXES) {
    const value = c[axis];
    if (value && moved(value)) phrases.push(`${axis} ${fmtChange(value, 'mean', itemMissing(c, [axis]))}`);
  }
  const owner = c.owner;
  const na = c.notApplicable;
  if (owner && ownerText(owner.before, na.before) !== ownerText(owner.after, na.after))
    phrases.push(`owner ${ownerText(owner.before, na.before)} → ${ownerText(owner.after, na.after)}`);
  else if (na.before !== na.after) phrases.push(na.after ? 'now not applicable' : 'applies again');
  if (c.quadrant && c.quadrant.before !== c.quadrant.after) {
    const missing = itemMissing(c, readinessAxes(c));
    phrases.push(`quadrant ${c.quadrant.before ?? mark(missing.before)} → ${c.quadrant.after ?? mark(missing.after)}`);
  }
  if (moved(c.priority)) phrases.push(`priority ${fmtChange(c.priority, 'mean')}`);
  return phrases;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line for the top of the output: how many items moved each way, and the gaps. */
export function verdict(cmp: Comparison): string {
  const count = (d: Direction) => cmp.items.filter((i) => i.direction === d).length;
  const parts = [
    `${count('improved')} improved`,
    `${count('regressed')} regressed`,
    `${count('changed')} changed`,
    `${cmp.unchanged} unchanged`,
  ];
  for (const d of ['added', 'removed'] as const) if (count(d) > 0) parts.push(`${count(d)} ${d}`);
  return `${parts.join(', ')}; ${plural(cmp.newGaps.length, 'new gap')}, ${plural(cmp.closedGaps.length, 'closed gap')}`;
}

/** `3 respondents, JSON report of 2024-05-01`: what a side is, after its source. */
export function sideDescription(s: SideSummary): string {
  const kind = s.from === 'report' ? `JSON report${s.date ? ` of ${s.date}` : ''}` : 'answers';
  return `${plural(s.respondents, 'respondent')}, ${kind}`;
}

/** The `--fail-on-regression` message. */
export function regressionMessage(cmp: Comparison): string {
  const shown = cmp.regressions.slice(0, 5).map((r) => `${r.id ?? r.title} ${fmtChange(r.change)}`);
  const more = cmp.regressions.length > 5 ? ` and ${cmp.regressions.length - 5} more` : '';
  return `readiness went down (--fail-on-regression): ${shown.join('; ')}${more}`;
}
