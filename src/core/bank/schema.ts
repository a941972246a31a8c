import * as z from 'zod/mini';

// The question bank, exactly as docs/design.md gives it. Each error message is the expectation that the
// validator prints as "expected …" next to what was found.

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const id = () =>
  z
    .string({ error: 'a kebab-case id' })
    .check(z.regex(KEBAB_ID, { error: 'a kebab-case id (lower-case words joined by "-")' }));
export const text = () => z.string({ error: 'text' }).check(z.minLength(1, { error: 'non-empty text' }));
export const level = () =>
  z
    .int({ error: 'an integer from 1 to 5' })
    .check(z.minimum(1, { error: 'an integer from 1 to 5' }), z.maximum(5, { error: 'an integer from 1 to 5' }));
const weight = () => z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'a weight of 1, 2 or 3' });
const discussion = () =>
  z
    .array(text(), { error: 'a list of discussion prompts' })
    .check(z.minLength(2, { error: 'at least two discussion prompts' }));
const sources = () => z.optional(z.array(text(), { error: 'a list of sources' }));

/** The two functions the diagnostic is about. */
export const FUNCTION_IDS = ['pm', 'pmm'] as const;
/** Who hands work to whom (bank v3: the departments around the two functions too). */
export const PARTIES = ['pm', 'pmm', 'marketing', 'sales', 'cs'] as const;
/** Who is accountable for a responsibility. */
export const RECOMMENDED_OWNERS = ['pm', 'pmm', 'shared', 'leadership', 'marketing', 'cs', 'sales'] as const;
/** Who may contribute to one: the respondents' roles (answers/schema.ts ROLES). */
export const CONTRIBUTORS = ['pm', 'pmm', 'sales', 'marketing', 'cs', 'engineering', 'leadership', 'other'] as const;
/** The functions a bank may describe by name and mandate: the two, then the ones around them. */
export const NAMED_FUNCTIONS = ['pm', 'pmm', 'marketing', 'cs', 'sales', 'leadership'] as const;
/** What the report calls a function the bank does not describe. */
export const DEFAULT_FUNCTION_NAMES: Record<NamedFunction, string> = {
  pm: 'Product Management',
  pmm: 'Product Marketing',
  marketing: 'Marketing',
  cs: 'Customer Success',
  sales: 'Sales',
  leadership: 'Leadership',
};
/** The two forms of the questionnaire: the rapid one asks only the items marked `rapid`. */
export const FORMS = ['rapid', 'full'] as const;

/**
 * Built on first use: a run with the built-in bank never needs them (the build checked that bank
 * and stored it as JSON).
 */
function buildBankSchemas() {
  const scaleLevel = z.strictObject(
    { label: text(), description: text() },
    { error: 'a level: { label, description }' },
  );
  const scale = z.strictObject(
    { '1': scaleLevel, '2': scaleLevel, '3': scaleLevel, '4': scaleLevel, '5': scaleLevel },
    { error: 'a scale with levels 1 to 5' },
  );
  const businessFunction = z.strictObject({ name: text(), mandate: text() });
  const anchors = () =>
    z.strictObject(
      { '1': text(), '2': text(), '3': text(), '4': text(), '5': text() },
      { error: 'five statements, one for each level 1 to 5' },
    );
  /** Bank v3: the item's own statement for each level, on the scales it is rated on. */
  const levels = <K extends string>(scales: readonly K[]) =>
    z.optional(
      z.strictObject(
        Object.fromEntries(scales.map((scale) => [scale, z.optional(anchors())])) as Record<
          K,
          z.ZodMiniOptional<ReturnType<typeof anchors>>
        >,
        { error: `a mapping of ${scales.join(' or ')} to five statements` },
      ),
    );
  const contributors = () =>
    z.optional(
      z.array(z.enum(CONTRIBUTORS, { error: CONTRIBUTORS.join(', ') }), {
        error: `a list of ${CONTRIBUTORS.join(', ')}`,
      }),
    );
  const accountable = () => z.enum(RECOMMENDED_OWNERS, { error: RECOMMENDED_OWNERS.join(', ') });

  /** What every item has, a responsibility or an interlock item: its question and the prompts for the conversation. */
  const itemFields = () => ({
    title: text(),
    question: text(),
    evidence: z.optional(text()),
    weight: weight(),
    target: z.optional(level()),
    targets: z.optional(z.record(id(), level(), { error: 'a mapping of stage ids to target levels' })),
    stages: z.optional(
      z.array(id(), { error: 'a list of stage ids' }).check(z.minLength(1, { error: 'at least one stage' })),
    ),
    rapid: z.optional(z.boolean({ error: 'true or false' })),
    discussion: discussion(),
    // What the room must decide when the item is a top gap (bank v3); the report words one otherwise.
    decision: z.optional(text()),
    sources: sources(),
  });

  const responsibilitySchema = z.strictObject({
    id: id(),
    owner: accountable(),
    contributors: contributors(),
    // Bank v3: where a stage puts the work elsewhere (founders at start-up, specialist teams later).
    owners: z.optional(
      z.record(
        id(),
        z.strictObject(
          { owner: accountable(), contributors: contributors() },
          { error: 'an owner at this stage: { owner, contributors }' },
        ),
        { error: 'a mapping of stage ids to { owner, contributors }' },
      ),
    ),
    levels: levels(['capability', 'capacity'] as const),
    ...itemFields(),
  });

  const practiceSchema = z.strictObject({
    id: id(),
    levels: levels(['frequency'] as const),
    ...itemFields(),
  });

  const party = () => z.enum(PARTIES, { error: PARTIES.join(', ') });
  const interlockSchema = z.strictObject({
    id: id(),
    from: party(),
    to: party(),
    levels: levels(['delivery'] as const),
    ...itemFields(),
  });

  const areaSchema = z.strictObject({
    id: id(),
    title: text(),
    description: z.optional(text()),
    // An area holds responsibilities, practices (bank v3) or both; the rules check it is not empty.
    responsibilities: z._default(z.array(responsibilitySchema, { error: 'a list of responsibilities' }), () => []),
    practices: z.optional(z.array(practiceSchema, { error: 'a list of practices' })),
  });

  const stageSchema = z.strictObject(
    {
      title: text(),
      description: text(),
      target: z.optional(level()),
      combined: z.optional(z.boolean({ error: 'true or false' })),
      // Bank v3: the revenue bands (options of the `revenue` fact) that suggest this stage.
      revenue: z.optional(z.array(id(), { error: 'a list of revenue band ids' })),
    },
    { error: 'a stage: { title, description, target, combined, revenue }' },
  );
  const factSchema = z.strictObject(
    {
      question: text(),
      options: z.optional(z.record(id(), text(), { error: 'a mapping of option ids to their labels' })),
      type: z.optional(z.literal('number', { error: 'number' })),
    },
    { error: 'a fact: { question, options } or { question, type: number }' },
  );
  const idMap = () => z.optional(z.record(id(), id(), { error: 'a mapping of old ids to new ids' }));
  const migrationSchema = z.strictObject(
    { renamed: idMap(), merged: idMap(), removed: z.optional(z.array(id(), { error: 'a list of old ids' })) },
    { error: 'a migration: { renamed, merged, removed }' },
  );

  const bank = z.strictObject(
    {
      $schema: z.optional(z.string()),
      id: id(),
      version: z.int({ error: 'a whole version number' }).check(z.minimum(1, { error: 'a version of 1 or more' })),
      title: text(),
      description: z.optional(text()),
      target: level(),
      'default-stage': z.optional(id()),
      functions: z.strictObject({
        pm: businessFunction,
        pmm: businessFunction,
        marketing: z.optional(businessFunction),
        cs: z.optional(businessFunction),
        sales: z.optional(businessFunction),
        leadership: z.optional(businessFunction),
      }),
      scales: z.strictObject({ capability: scale, capacity: scale, delivery: scale, frequency: z.optional(scale) }),
      stages: z.optional(z.record(id(), stageSchema, { error: 'a mapping of stage ids to stages' })),
      areas: z.array(areaSchema, { error: 'a list of areas' }).check(z.minLength(1, { error: 'at least one area' })),
      interlock: z.array(interlockSchema, { error: 'a list of interlock items' }),
      // Bank v3: the unscored organization facts asked first.
      facts: z.optional(z.record(id(), factSchema, { error: 'a mapping of fact ids to facts' })),
      migrations: z.optional(
        z.record(z.string().check(z.regex(/^[1-9][0-9]*$/, { error: 'an earlier version number' })), migrationSchema, {
          error: 'a mapping of earlier version numbers to migrations',
        }),
      ),
    },
    { error: 'a question bank (a mapping with id, version, title, target, functions, scales, areas, interlock)' },
  );
  return {
    bank,
    area: areaSchema,
    responsibility: responsibilitySchema,
    practice: practiceSchema,
    interlock: interlockSchema,
    fact: factSchema,
  };
}

type BankSchemas = ReturnType<typeof buildBankSchemas>;
let schemas: BankSchemas | undefined;

/** The zod schema of a question bank. */
export function bankSchema(): BankSchemas['bank'] {
  schemas ??= buildBankSchemas();
  return schemas.bank;
}

export type Bank = z.infer<BankSchemas['bank']>;
export type Area = z.infer<BankSchemas['area']>;
export type Responsibility = z.infer<BankSchemas['responsibility']>;
export type InterlockItem = z.infer<BankSchemas['interlock']>;
export type Practice = z.infer<BankSchemas['practice']>;
export type Fact = z.infer<BankSchemas['fact']>;
export type Stage = NonNullable<Bank['stages']>[string];
export type Migration = NonNullable<Bank['migrations']>[string];
export type Form = (typeof FORMS)[number];
export type FunctionId = (typeof FUNCTION_IDS)[number];
export type RecommendedOwner = (typeof RECOMMENDED_OWNERS)[number];
export type Party = (typeof PARTIES)[number];
export type Contributor = (typeof CONTRIBUTORS)[number];
export type NamedFunction = (typeof NAMED_FUNCTIONS)[number];
export type ScaleName = keyof Bank['scales'];
export type Scale = NonNullable<Bank['scales'][ScaleName]>;
export type Level = 1 | 2 | 3 | 4 | 5;
