import * as z from 'zod/mini';
import { OWNERS } from '../answers/schema.js';
import { PARTIES, RECOMMENDED_OWNERS } from '../bank/schema.js';
import { AXES } from '../bank/item-kinds.js';

// The JSON report of `assess`/`report --format json`, as docs/design.md publishes it: what `compare`
// may read back. Loose objects on purpose: keys may be added to the contract, never renamed.

/** A number within [min, max]: a report pm-diag wrote never holds another, and `1e308` would print as Infinity. */
const ranged = (min: number, max: number, error: string) =>
  z.number({ error }).check(z.minimum(min, { error }), z.maximum(max, { error }));
const index = () => z.nullable(ranged(0, 100, 'a number from 0 to 100, or null'));
const mean = () => z.nullable(ranged(1, 5, 'a level mean from 1 to 5, or null'));
const id = () => z.string({ error: 'an item id' });
/** `respondents`: how many answered (a report of an earlier version lists them instead). */
const COUNT = 'a count of respondents: a whole number, 0 or more';
const COUNT_SCHEMA = () => z.int({ error: COUNT }).check(z.minimum(0, { error: COUNT }));

export const QUADRANTS = ['strength', 'stretched', 'underskilled', 'critical'] as const;
export { OWNERSHIP_STATUSES } from '../score/model.js';
import { OWNERSHIP_STATUSES } from '../score/model.js';

const baseItem = {
  id: id(),
  title: z.optional(z.string()),
  // Weight (at most 3) × two shortfalls of at most 4 each: far below this bound.
  priority: ranged(0, 100, 'a priority (a number from 0 to 100)'),
  /** How many respondents answered, and how many of them said "not applicable" (reports of earlier versions have neither). */
  answered: z.optional(z.int().check(z.minimum(0))),
  notApplicable: z.optional(z.int().check(z.minimum(0))),
  /** The axes answered "don't know", with how many said so (reports of earlier versions have none). */
  unknown: z.optional(
    // `owner`: bank v3's "I don't know who owns it".
    z.array(z.object({ axis: z.enum([...AXES, 'owner']), count: z.int().check(z.minimum(0)) })),
  ),
};

const responsibilityItem = z.object({
  ...baseItem,
  kind: z.literal('responsibility'),
  capability: mean(),
  capacity: mean(),
  quadrant: z.nullable(z.enum(QUADRANTS, { error: `${QUADRANTS.join(', ')} or null` })),
  owner: z.object({
    recommended: z.enum(RECOMMENDED_OWNERS, { error: RECOMMENDED_OWNERS.join(', ') }),
    consensus: z.nullable(z.enum(OWNERS, { error: `${OWNERS.join(', ')} or null` })),
    status: z.enum(OWNERSHIP_STATUSES, { error: OWNERSHIP_STATUSES.join(', ') }),
    contested: z.boolean({ error: 'true or false' }),
  }),
});

/** Bank v3: a behaviour rated on how often it holds. */
const practiceItem = z.object({
  ...baseItem,
  kind: z.literal('practice'),
  frequency: mean(),
});

const interlockItem = z.object({
  ...baseItem,
  kind: z.literal('interlock'),
  delivery: mean(),
});

export const reportSchema = z.object(
  {
    schemaVersion: z.literal(1, { error: '1 (a report of this version of pm-diag)' }),
    bank: z.object({
      id: z.string({ error: 'a bank id' }),
      version: z.int({ error: 'a version number' }).check(z.minimum(1, { error: 'a version number' })),
    }),
    date: z.optional(z.string()),
    generatedAt: z.optional(z.string()),
    respondents: z.union([COUNT_SCHEMA(), z.array(z.unknown())], { error: COUNT }),
    target: ranged(1, 5, 'a target level from 1 to 5'),
    summary: z.object({
      readiness: index(),
      capability: index(),
      capacity: index(),
      alignment: index(),
      interlock: index(),
      // Bank v3 reports: the practices index (earlier reports have none).
      practices: z.optional(index()),
      coverage: index(),
    }),
    functions: z.array(
      z.object({
        id: z.enum(RECOMMENDED_OWNERS, { error: RECOMMENDED_OWNERS.join(', ') }),
        capability: index(),
        capacity: index(),
        readiness: index(),
      }),
    ),
    interlock: z.array(
      z.object({
        from: z.enum(PARTIES, { error: PARTIES.join(', ') }),
        to: z.enum(PARTIES, { error: PARTIES.join(', ') }),
        health: index(),
      }),
    ),
    items: z.array(
      z.discriminatedUnion('kind', [responsibilityItem, practiceItem, interlockItem], {
        error: 'an item of kind responsibility, practice or interlock',
      }),
    ),
    gaps: z.array(id()),
  },
  { error: 'a pm-diag JSON report (a mapping with schemaVersion, bank, summary, items, ...)' },
);

export type ReportJson = z.infer<typeof reportSchema>;
