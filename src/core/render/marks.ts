import type { Axis, Diagnosis, FunctionGroup, ItemScore } from '../score/model.js';
import { missingOf, type Missing } from '../score/answered.js';
import { axesOf } from '../bank/item-kinds.js';

// The one home of what a report shows where a value is missing, in every format: "don't know" is
// a knowledge gap, n/a means not applicable and nothing else, and a dash marks what nobody
// answered. Narrow columns use the short forms, and a legend says what they mean.

export type { Missing };

export const MARKS: Record<Missing, { word: string; short: string; meaning: string }> = {
  unknown: { word: 'don’t know', short: '?', meaning: 'no level given, only “don’t know”' },
  'n/a': { word: 'n/a', short: 'n/a', meaning: 'not applicable' },
  unanswered: { word: '—', short: '—', meaning: 'not answered' },
};

/** The word for a missing value, or its short form for a narrow column. */
export const mark = (missing: Missing, narrow = false): string => (narrow ? MARKS[missing].short : MARKS[missing].word);

/** What the marks mean, for a legend under a table or chart that may show them. */
export function marksLegend(narrow = false): string {
  const shown = (['unknown', 'n/a', 'unanswered'] as const).map((m) => `${mark(m, narrow)} = ${MARKS[m].meaning}`);
  return `Where a value is missing: ${shown.join('; ')}.`;
}

/** What a score is computed from: the item axes behind it. */
export type Measure = Axis | 'readiness' | 'health';
const MEASURE_AXES: Record<Measure, readonly Axis[]> = {
  capability: ['capability'],
  capacity: ['capacity'],
  frequency: ['frequency'],
  // A responsibility's readiness comes from its two axes, a practice's from its frequency.
  readiness: ['capability', 'capacity', 'frequency'],
  delivery: ['delivery'],
  health: ['delivery'],
};

/** Why `items` give no value for `measure`: from the answers on each axis that has no level. */
export function whyMissing(items: readonly ItemScore[], measure: Measure): Missing {
  return missingOf(
    items.flatMap((item) =>
      axesOf(item.kind)
        .filter((axis) => MEASURE_AXES[measure].includes(axis) && (item.levels[axis]?.length ?? 0) === 0)
        .map((axis) => ({
          unknown: item.unknown.find((u) => u.axis === axis)?.count ?? 0,
          notApplicable: item.notApplicable,
        })),
    ),
  );
}

/**
 * The items behind a group's indexes: a function's (by accountable owner), an area's (its practices
 * too), all responsibilities (`summary`), the hand-offs (`interlock`) or the practices.
 */
export function groupItems(
  d: Diagnosis,
  group: { function: FunctionGroup } | { area: string } | 'summary' | 'interlock' | 'practices',
): ItemScore[] {
  if (group === 'interlock') return d.items.filter((i) => i.kind === 'interlock');
  if (group === 'practices') return d.items.filter((i) => i.kind === 'practice');
  if (typeof group === 'object' && 'area' in group)
    return d.items.filter((i) => i.kind !== 'interlock' && i.area.id === group.area);
  return d.items.filter(
    (i) => i.kind === 'responsibility' && (group === 'summary' || i.owner.recommended === group.function),
  );
}
