import * as z from 'zod/mini';
import { id, text } from '../bank/schema.js';

// The profile bank (`questions/profile.yaml`) and a profile answers file, as DESIGN.md "The profile"
// gives them. Each error message is the expectation the validator prints next to what was found.

/** The two directions a person can lean; `both` and `neither` count as answered but lean nowhere. */
export const SIDES = ['inbound', 'outbound'] as const;
export const CHOICES = ['inbound', 'outbound', 'both', 'neither'] as const;
const CHOICE_EXPECTED = 'inbound, outbound, both or neither (or nothing, for not answered yet)';

const texts = (what: string, min: number) => z.array(text(), { error: `a list of ${what}` }).check(z.minLength(min, { error: `at least ${min} ${what}` }));

/** Built on first use: only `profile` commands need them, and zod takes milliseconds to build each. */
function buildProfileSchemas() {
  const tendency = z.strictObject({ name: text(), summary: text(), 'good-at': text(), 'pair-with': text() }, { error: 'a tendency: { name, summary, good-at, pair-with }' });
  const lean = z.strictObject({ 'good-at': text(), 'pair-with': text() }, { error: 'a mapping: { good-at, pair-with }' });
  const item = z.strictObject({ id: id(), prompt: text(), inbound: text(), outbound: text() }, { error: 'an item: { id, prompt, inbound, outbound }' });
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
  const profile = z.strictObject(
    {
      $schema: z.optional(z.string()),
      id: id(),
      version: z.int({ error: 'a whole version number' }).check(z.minimum(1, { error: 'a version of 1 or more' })),
      title: text(),
      description: z.optional(text()),
      tendencies: z.strictObject({ inbound: tendency, outbound: tendency, balanced: tendency }),
      dimensions: z.array(dimension, { error: 'a list of dimensions' }).check(z.minLength(1, { error: 'at least one dimension' })),
      sources: z.optional(texts('sources', 1)),
    },
    { error: 'a profile bank (a mapping with id, version, title, tendencies, dimensions)' },
  );
  return { profile, dimension, item };
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
      respondent: z.optional(z.nullable(z.strictObject({ name: z.optional(z.nullable(z.string({ error: 'text' }))) }))),
      answers: z.nullable(z.record(z.string(), choice, { error: 'a mapping of item ids to inbound, outbound, both or neither' })),
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
export type ProfileAnswersFile = z.infer<ReturnType<typeof buildAnswersSchema>>;
export type Side = (typeof SIDES)[number];
export type Choice = (typeof CHOICES)[number];
