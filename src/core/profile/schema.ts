import * as z from 'zod/mini';
import { id, text } from '../bank/schema.js';

// The profile bank (`questions/profile.yaml`) and a profile answers file, as docs/design.md "The
// profile" (version 2) gives them. Each error message is the expectation the validator prints next
// to what was found.

/** The two directions a person can lean. */
export const SIDES = ['inbound', 'outbound'] as const;
/** The statement a person picked: `a` or `b` as the bank lists them, whatever order they were shown in. */
export const CHOICES = ['a', 'b'] as const;
const CHOICE_EXPECTED = 'a or b, the statement picked (or nothing, for not answered)';
/** Who filled in the answers: the person themselves, or an interviewer on the guide's scoring sheet. */
export const RATERS = ['self', 'interviewer'] as const;

const texts = (what: string, min: number) =>
  z.array(text(), { error: `a list of ${what}` }).check(z.minLength(min, { error: `at least ${min} ${what}` }));
const letter = (what: string) => z.enum(CHOICES, { error: `a or b: the statement that is the ${what} one` });

/** Built on first use: only `profile` commands need them, and zod takes milliseconds to build each. */
function buildProfileSchemas() {
  const tendency = z.strictObject(
    { name: text(), summary: text(), 'good-at': text(), 'pair-with': text() },
    { error: 'a tendency: { name, summary, good-at, pair-with }' },
  );
  const lean = z.strictObject(
    { 'good-at': text(), 'pair-with': text() },
    { error: 'a mapping: { good-at, pair-with }' },
  );
  const repeat = z.optional(
    z.boolean({ error: 'true or false: whether the pair comes back later the other way round' }),
  );
  const item = z.strictObject(
    { id: id(), prompt: text(), a: text(), b: text(), outbound: letter('outbound'), repeat },
    { error: 'an item: { id, prompt, a, b, outbound: a or b, repeat }' },
  );
  const styleItem = z.strictObject(
    { id: id(), prompt: text(), a: text(), b: text(), right: letter('right-hand'), repeat },
    { error: 'an item: { id, prompt, a, b, right: a or b, repeat }' },
  );
  const pole = z.strictObject({ name: text(), summary: text() }, { error: 'a pole: { name, summary }' });
  const interview = z.strictObject({
    questions: texts('behavioural questions', 2),
    'inbound-sounds-like': texts('descriptions of an inbound answer', 1),
    'outbound-sounds-like': texts('descriptions of an outbound answer', 1),
    'follow-ups': texts('follow-up questions', 2),
  });
  const dimension = z.strictObject({
    id: id(),
    title: text(),
    description: z.optional(text()),
    inbound: lean,
    outbound: lean,
    items: z.array(item, { error: 'a list of items' }).check(z.minLength(1, { error: 'at least one item' })),
    interview,
    sources: z.optional(texts('sources', 1)),
  });
  const style = z.strictObject({
    id: id(),
    title: text(),
    description: z.optional(text()),
    left: pole,
    right: pole,
    items: z.array(styleItem, { error: 'a list of items' }).check(z.minLength(1, { error: 'at least one item' })),
  });
  const profile = z.strictObject(
    {
      $schema: z.optional(z.string()),
      id: id(),
      version: z.int({ error: 'a whole version number' }).check(z.minimum(1, { error: 'a version of 1 or more' })),
      title: text(),
      description: z.optional(text()),
      tendencies: z.strictObject({ inbound: tendency, outbound: tendency, balanced: tendency }),
      dimensions: z
        .array(dimension, { error: 'a list of dimensions' })
        .check(z.minLength(1, { error: 'at least one dimension' })),
      styles: z.optional(z.array(style, { error: 'a list of styles' })),
      sources: z.optional(texts('sources', 1)),
    },
    { error: 'a profile bank (a mapping with id, version, title, tendencies, dimensions)' },
  );
  return { profile, dimension, item, style, styleItem };
}

type ProfileSchemas = ReturnType<typeof buildProfileSchemas>;
let schemas: ProfileSchemas | undefined;

export function profileBankSchema(): ProfileSchemas['profile'] {
  schemas ??= buildProfileSchemas();
  return schemas.profile;
}

let answersSchema: ReturnType<typeof buildAnswersSchema> | undefined;

function buildAnswersSchema() {
  const choice = z.nullable(z.enum(CHOICES, { error: CHOICE_EXPECTED }));
  return z.strictObject(
    {
      $schema: z.optional(z.string()),
      profile: z.optional(z.nullable(z.string({ error: 'a profile id' }))),
      rater: z.optional(
        z.nullable(
          z.enum(RATERS, {
            error: 'self (the person answered) or interviewer (an interviewer filled in the scoring sheet)',
          }),
        ),
      ),
      respondent: z.optional(z.nullable(z.strictObject({ name: z.optional(z.nullable(z.string({ error: 'text' }))) }))),
      answers: z.nullable(z.record(z.string(), choice, { error: 'a mapping of question ids to a or b' })),
    },
    { error: 'a profile answers file (a mapping with an "answers" key)' },
  );
}

export function profileAnswersSchema(): ReturnType<typeof buildAnswersSchema> {
  answersSchema ??= buildAnswersSchema();
  return answersSchema;
}

export type ProfileBank = z.infer<ProfileSchemas['profile']>;
export type Dimension = z.infer<ProfileSchemas['dimension']>;
export type ProfileItem = z.infer<ProfileSchemas['item']>;
export type Style = z.infer<ProfileSchemas['style']>;
export type StyleItem = z.infer<ProfileSchemas['styleItem']>;
export type ProfileAnswersFile = z.infer<ReturnType<typeof buildAnswersSchema>>;
export type Side = (typeof SIDES)[number];
export type Choice = (typeof CHOICES)[number];
export type Rater = (typeof RATERS)[number];
