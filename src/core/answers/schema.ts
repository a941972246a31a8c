import * as z from 'zod/mini';
import { AXES, TEXT_FIELDS, type AnswerField, type TextField } from '../bank/item-kinds.js';
import { FORMS } from '../bank/schema.js';
import { EMAIL } from './identity.js';

// The answers file, exactly as docs/design.md gives it. An empty value (`capability:` with nothing after
// it) means "not answered yet", so a half-filled template is still a valid file.
//
// Each field is declared once, with the kind of value it takes; from that come both the zod schema
// (its messages name what was expected, and `pm-diag schema answers` is made from it) and a quick
// check. A well-formed file, which nearly every run reads, is taken on the quick check alone; zod,
// slow to build in a run this short, is built only to say what is wrong with one that is not.

export const OWNERS = [
  'pm',
  'pmm',
  'shared',
  'combined',
  'marketing',
  'cs',
  'sales',
  'engineering',
  'leadership',
  'other',
  'none',
  'unclear',
  'unknown',
] as const;
export const ROLES = ['pm', 'pmm', 'sales', 'marketing', 'cs', 'engineering', 'leadership', 'other'] as const;
export const UNKNOWN = 'unknown';
export const NOT_APPLICABLE = 'n/a';
const LEVEL_MIN = 1;
const LEVEL_MAX = 5;

/** What a field takes: a check that accepts only what the schema accepts, and the schema, with its message. */
interface FieldKind {
  accepts(value: unknown): boolean;
  schema(): z.ZodMiniType;
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
const isWhole = (value: unknown): value is number => Number.isSafeInteger(value);

/** Optional and empty (null) allowed: "not answered yet". */
function emptyOr(accepts: (value: unknown) => boolean, schema: () => z.ZodMiniType): FieldKind {
  return { accepts: (value) => value == null || accepts(value), schema: () => z.optional(z.nullable(schema())) };
}

const text = (error: string): FieldKind =>
  emptyOr(
    (value) => typeof value === 'string',
    () => z.string({ error }),
  );
const oneOf = (values: readonly [string, ...string[]], error = values.join(', ')): FieldKind =>
  emptyOr(
    (value) => (values as readonly unknown[]).includes(value),
    () => z.enum(values, { error }),
  );

const LEVEL_TEXT = `an integer from ${LEVEL_MIN} to ${LEVEL_MAX}, or "${UNKNOWN}"`;
/** `n/a` belongs to a whole item, not to one of its fields: say so where it was put on a field. */
const LEVEL_EXPECTED = (issue: { input?: unknown }): string =>
  typeof issue.input === 'string' && issue.input.trim().toLowerCase() === NOT_APPLICABLE
    ? `${LEVEL_TEXT} (n/a goes on the whole item: item-id: n/a)`
    : LEVEL_TEXT;
const level: FieldKind = emptyOr(
  (value) => value === UNKNOWN || (isWhole(value) && value >= LEVEL_MIN && value <= LEVEL_MAX),
  () =>
    z.union(
      [
        z
          .int({ error: LEVEL_EXPECTED })
          .check(z.minimum(LEVEL_MIN, { error: LEVEL_EXPECTED }), z.maximum(LEVEL_MAX, { error: LEVEL_EXPECTED })),
        z.literal(UNKNOWN),
      ],
      { error: LEVEL_EXPECTED },
    ),
);

/** A mapping with these fields and no others. */
function strictMapping(fields: Record<string, FieldKind>, error?: string): FieldKind & { schema(): z.ZodMiniObject } {
  const names = Object.keys(fields);
  return {
    accepts: (value: unknown) =>
      isMapping(value) &&
      Object.keys(value).every((key) => Object.hasOwn(fields, key)) &&
      names.every((name) => fields[name]!.accepts(value[name])),
    schema: () =>
      z.strictObject(
        Object.fromEntries(names.map((name) => [name, fields[name]!.schema()])),
        error === undefined ? undefined : { error },
      ),
  };
}

const ITEM_FIELD_KINDS: Record<AnswerField, FieldKind> = Object.fromEntries([
  ['owner', oneOf(OWNERS)],
  ...AXES.map((axis) => [axis, level] as const),
  ...TEXT_FIELDS.map((field) => [field, text('text')] as const),
]) as Record<AnswerField, FieldKind>;
const itemAnswer = strictMapping(ITEM_FIELD_KINDS);
const ANSWER_ERROR =
  'a mapping such as { owner: pm, capability: 3, capacity: 2 } (a responsibility), { delivery: 4 } (an interlock item), { frequency: 3 } (a practice), or "n/a"';
const EMAIL_TEXT = 'an e-mail address such as dana@acme.example, or no email';
/** An e-mail, checked: two people who both wrote `n/a` would otherwise be one person (identity.ts). */
const email: FieldKind = emptyOr(
  (value) => typeof value === 'string' && (value.trim() === '' || EMAIL.test(value.trim())),
  () =>
    z
      .string({ error: EMAIL_TEXT })
      .check(z.refine((value) => value.trim() === '' || EMAIL.test(value.trim()), { error: EMAIL_TEXT })),
);
const respondent = strictMapping({ name: text('text'), role: oneOf(ROLES), email });

/** `answered-at`: an ISO 8601 date and time with its zone, as a browser's `toISOString()` writes it. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE_TIME_TEXT = 'a date and time in ISO 8601 with its zone, such as 2026-12-06T10:42:00Z';
/** An ISO date and time of the calendar: `Date.parse` reads 30 February as 2 March, so the day is checked too. */
function isDateTime(value: string): boolean {
  if (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) return false;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}
const dateTime: FieldKind = emptyOr(
  (value) => typeof value === 'string' && isDateTime(value),
  () =>
    z
      .string({ error: DATE_TIME_TEXT })
      .check(z.regex(DATE_TIME, { error: DATE_TIME_TEXT }), z.refine(isDateTime, { error: DATE_TIME_TEXT })),
);

const FACT_TEXT = "one of the fact's options, or a whole number";

const FILE_FIELD_KINDS: Record<string, FieldKind> = {
  $schema: {
    accepts: (value) => value === undefined || typeof value === 'string',
    schema: () => z.optional(z.string()),
  },
  bank: text('a bank id'),
  'bank-version': emptyOr(
    (value) => isWhole(value) && value >= 1,
    () => z.int({ error: 'a whole version number' }).check(z.minimum(1, { error: 'a version of 1 or more' })),
  ),
  'bank-hash': text('a content hash (sha256:…)'),
  organization: text('text'),
  // Checked against the bank's stages by the rules, which can list them.
  stage: text('a stage id'),
  form: oneOf(FORMS, FORMS.join(' or ')),
  respondent: emptyOr(respondent.accepts, respondent.schema),
  // A random id per submission: the same id twice is one submission sent twice.
  response: text('a response id'),
  'answered-at': dateTime,
  // Bank v3: the organization facts; the rules check them against the bank's.
  facts: emptyOr(
    (value) =>
      isMapping(value) &&
      Object.values(value).every((fact) => fact == null || typeof fact === 'string' || isWhole(fact)),
    () =>
      z.record(z.string(), z.optional(z.nullable(z.union([z.string(), z.int()], { error: FACT_TEXT }))), {
        error: 'a mapping of fact ids to answers, such as { revenue: 10-50m, pm-people: 6 }',
      }),
  ),
  answers: {
    accepts: (value) =>
      value === null ||
      (isMapping(value) &&
        Object.values(value).every(
          (answer) => answer === null || answer === NOT_APPLICABLE || itemAnswer.accepts(answer),
        )),
    schema: () =>
      z.nullable(
        z.record(
          z.string(),
          z.nullable(z.union([z.literal(NOT_APPLICABLE), itemAnswer.schema()], { error: ANSWER_ERROR })),
          { error: 'a mapping of item ids to answers' },
        ),
      ),
  },
};
const answersFile = strictMapping(FILE_FIELD_KINDS, 'an answers file (a mapping with an "answers" key)');

function buildSchemas() {
  const itemAnswerSchema = itemAnswer.schema() as z.ZodMiniObject<Record<AnswerField, z.ZodMiniType>>;
  return {
    itemAnswerSchema,
    respondentSchema: respondent.schema() as z.ZodMiniObject<Record<keyof RespondentFields, z.ZodMiniType>>,
    answersFileSchema: answersFile.schema() as z.ZodMiniObject<Record<keyof AnswersFile, z.ZodMiniType>>,
  };
}
let schemas: ReturnType<typeof buildSchemas> | undefined;
/** The zod schemas of an answers file and of its parts, built on first use. */
export const answersSchemas = () => (schemas ??= buildSchemas());

/** Whether `data` is a well-formed answers file: exactly when the schema would accept it. */
export const isWellFormedAnswers = (data: unknown): data is AnswersFile => answersFile.accepts(data);

export type Owner = (typeof OWNERS)[number];
/** An organization fact's answer: an option id, or a number. */
export type FactValue = string | number;
export type Role = (typeof ROLES)[number];
/** A level 1–5 (checked by the schema), or "unknown". */
export type LevelAnswer = number | typeof UNKNOWN;
type FieldValue<F extends AnswerField> = F extends 'owner' ? Owner : F extends TextField ? string : LevelAnswer;
/** An item's answer as the file gives it: any field may be missing or empty (null). */
export type RawItemAnswer = { [F in AnswerField]?: FieldValue<F> | null };
type RespondentFields = NonNullable<AnswersFile['respondent']>;
export interface AnswersFile {
  $schema?: string;
  bank?: string | null;
  'bank-version'?: number | null;
  'bank-hash'?: string | null;
  organization?: string | null;
  stage?: string | null;
  form?: (typeof FORMS)[number] | null;
  respondent?: { name?: string | null; role?: Role | null; email?: string | null } | null;
  response?: string | null;
  'answered-at'?: string | null;
  facts?: Record<string, FactValue | null | undefined> | null;
  answers: Record<string, typeof NOT_APPLICABLE | RawItemAnswer | null> | null;
}
