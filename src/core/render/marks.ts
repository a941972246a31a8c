import type { Axis, Diagnosis, FunctionGroup, ItemScore } from '../score/model.js';
import { missingOf, type Missing } from '../score/answered.js';

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
export type Measure = 'capability' | 'capacity' | 'readiness' | 'delivery' | 'health';
const MEASURE_AXES: Record<Measure, readonly Axis[]> = {
  capability: ['capability'],
  capacity: ['capacity'],
  readiness: ['capability', 'capacity'],
  delivery: ['delivery'],
  health: ['delivery'],
};

/** Why `items` give no value for `measure`: from the answers on each axis that has no level. */
export function whyMissing(items: readonly ItemScore[], measure: Measure): Missing {
  const axes = MEASURE_AXES[measure];
  return missingOf(
    items.flatMap((item) =>
      axes
        .filter((axis) => (item.levels[axis]?.length ?? 0) === 0)
        .map((axis) => ({
          unknown: item.unknown.find((u) => u.axis === axis)?.count ?? 0,
          notApplicable: item.notApplicable,
        })),
    ),
  );
}

/** The items behind a group's indexes: a function's (by accountable owner), an area's, or all responsibilities (`summary`). */
export function groupItems(
  d: Diagnosis,
  group: { function: FunctionGroup } | { area: string } | 'summary' | 'interlock',
): ItemScore[] {
  if (group === 'interlock') return d.items.filter((i) => i.kind === 'interlock');
  return d.items.filter(
    (i) =>
      i.kind === 'responsibility' &&
      (group === 'summary' || ('area' in group ? i.area.id === group.area : i.owner.recommended === group.function)),
  );
}
