import * as z from 'zod/mini';
import { OWNERS, type Owner } from '../answers/schema.js';

// The charter file (docs: DESIGN "The charter file"): what the room decided, in the answers file's
// style. `pm-diag schema charter` is made from this schema.

/** The owner codes a decision may name: any owner but the answers that say nobody could name one. */
export const DECIDED_OWNERS = OWNERS.filter((o) => o !== 'none' && o !== 'unclear' && o !== 'unknown') as [
  Owner,
  ...Owner[],
];
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A calendar date, as YAML and JSON write one without a time: 2026-12-10. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TEXT = 'a date such as 2026-12-10';
export function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const time = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(time.getTime()) && time.toISOString().slice(0, 10) === value;
}
const date = () => z.string({ error: DATE_TEXT }).check(z.refine(isDate, { error: DATE_TEXT }));
const text = (error: string) => z.string({ error });

const decision = () =>
  z.strictObject(
    {
      owner: z.enum(DECIDED_OWNERS, { error: DECIDED_OWNERS.join(', ') }),
      contributors: z.optional(
        z.nullable(z.array(z.enum(OWNERS, { error: OWNERS.join(', ') }), { error: 'a list of owner codes' })),
      ),
      note: z.optional(z.nullable(text('text'))),
    },
    { error: 'a mapping such as { owner: cs, contributors: [pm, pmm], note: "…" }' },
  );

const action = () =>
  z.strictObject(
    {
      item: text('an item id'),
      action: text('what will be done'),
      owner: text('the name of the person who does it'),
      due: date(),
      status: z.enum(ACTION_STATUSES, { error: ACTION_STATUSES.join(', ') }),
    },
    {
      error:
        'a mapping such as { item: launch-plan, action: "…", owner: "Priya Raman", due: 2027-01-15, status: open }',
    },
  );

function buildSchema() {
  return z.strictObject(
    {
      $schema: z.optional(z.string()),
      charter: text("the question bank's id"),
      // The bank's version the room decided with: ids a later version renamed, merged or removed are migrated.
      'bank-version': z.optional(
        z.nullable(z.int({ error: 'a whole version number' }).check(z.minimum(1, { error: 'a version of 1 or more' }))),
      ),
      organization: z.optional(z.nullable(text('text'))),
      decided: date(),
      decisions: z.optional(
        z.nullable(z.record(z.string(), decision(), { error: 'a mapping of responsibility ids to decisions' })),
      ),
      actions: z.optional(z.nullable(z.array(action(), { error: 'a list of actions' }))),
    },
    { error: 'a charter file (a mapping with "charter", "decided" and "decisions")' },
  );
}
let schema: ReturnType<typeof buildSchema> | undefined;
/** The zod schema of a charter file, built on first use. */
export const charterSchema = () => (schema ??= buildSchema());

export type CharterFile = z.infer<ReturnType<typeof buildSchema>>;

/** One decision: the organization's own accountable owner of a responsibility. */
export interface Decision {
  owner: Owner;
  contributors: Owner[];
  note?: string;
}

export interface CharterAction {
  item: string;
  action: string;
  owner: string;
  due: string;
  status: ActionStatus;
}

/** A charter as loaded and checked against a bank. */
export interface Charter {
  source: string;
  bank: string;
  organization?: string;
  decided: string;
  /** Responsibility id → decision, in file order. */
  decisions: Map<string, Decision>;
  actions: CharterAction[];
}
