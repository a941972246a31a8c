import * as z from 'zod/mini';
import { FORMS } from '../bank/schema.js';

// The answers file, exactly as docs/design.md gives it. An empty value (`capability:` with nothing after
// it) means "not answered yet", so a half-filled template is still a valid file.

export const OWNERS = ['pm', 'pmm', 'shared', 'combined', 'sales', 'engineering', 'leadership', 'other', 'none', 'unclear'] as const;
export const ROLES = ['pm', 'pmm', 'sales', 'marketing', 'engineering', 'leadership', 'other'] as const;
export const UNKNOWN = 'unknown';
export const NOT_APPLICABLE = 'n/a';

const LEVEL_TEXT = 'an integer from 1 to 5, or "unknown"';
/** `n/a` belongs to a whole item, not to one of its fields: say so where it was put on a field. */
const LEVEL_EXPECTED = (issue: { input?: unknown }): string =>
  typeof issue.input === 'string' && issue.input.trim().toLowerCase() === NOT_APPLICABLE ? `${LEVEL_TEXT} (n/a goes on the whole item: item-id: n/a)` : LEVEL_TEXT;
// One schema serves each kind of field (zod takes long enough to build each that it shows at start-up).
const optionalText = z.optional(z.nullable(z.string({ error: 'text' })));
const levelAnswer = z.optional(
  z.nullable(
    z.union(
      [z.int({ error: LEVEL_EXPECTED }).check(z.minimum(1, { error: LEVEL_EXPECTED }), z.maximum(5, { error: LEVEL_EXPECTED })), z.literal(UNKNOWN)],
      { error: LEVEL_EXPECTED },
    ),
  ),
);

export const itemAnswerSchema = z.strictObject({
  owner: z.optional(z.nullable(z.enum(OWNERS, { error: OWNERS.join(', ') }))),
  capability: levelAnswer,
  capacity: levelAnswer,
  delivery: levelAnswer,
  evidence: optionalText,
  note: optionalText,
});

export const answerSchema = z.nullable(
  z.union([z.literal(NOT_APPLICABLE), itemAnswerSchema], {
    error: 'a mapping such as { owner: pm, capability: 3, capacity: 2 } (a responsibility) or { delivery: 4 } (an interlock item), or "n/a"',
  }),
);

export const respondentSchema = z.strictObject({
  name: optionalText,
  role: z.optional(z.nullable(z.enum(ROLES, { error: ROLES.join(', ') }))),
});

export const answersFileSchema = z.strictObject(
  {
    $schema: z.optional(z.string()),
    bank: z.optional(z.nullable(z.string({ error: 'a bank id' }))),
    'bank-version': z.optional(z.nullable(z.int({ error: 'a whole version number' }).check(z.minimum(1, { error: 'a version of 1 or more' })))),
    'bank-hash': z.optional(z.nullable(z.string({ error: 'a content hash (sha256:…)' }))),
    organization: optionalText,
    // Checked against the bank's stages by the rules, which can list them.
    stage: z.optional(z.nullable(z.string({ error: 'a stage id' }))),
    form: z.optional(z.nullable(z.enum(FORMS, { error: FORMS.join(' or ') }))),
    respondent: z.optional(z.nullable(respondentSchema)),
    answers: z.nullable(z.record(z.string(), answerSchema, { error: 'a mapping of item ids to answers' })),
  },
  { error: 'an answers file (a mapping with an "answers" key)' },
);

export type Owner = (typeof OWNERS)[number];
export type Role = (typeof ROLES)[number];
/** A level 1–5 (checked by the schema), or "unknown". */
export type LevelAnswer = number | typeof UNKNOWN;
export type AnswersFile = z.infer<typeof answersFileSchema>;
export type RawItemAnswer = z.infer<typeof itemAnswerSchema>;
