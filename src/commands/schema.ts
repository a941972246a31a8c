import * as z from 'zod/mini';
import { answersSchemas } from '../core/answers/schema.js';
import { charterSchema } from '../core/charter/schema.js';
import { bankSchema } from '../core/bank/schema.js';
import { UsageError } from '../core/errors.js';
import { emit } from '../io/output.js';
import { profileAnswersSchema, profileBankSchema } from '../core/profile/schema.js';

const SCHEMAS = {
  bank: bankSchema,
  answers: () => answersSchemas().answersFileSchema,
  charter: charterSchema,
  profile: profileBankSchema,
  'profile-answers': profileAnswersSchema,
} as const;
const TITLES = {
  bank: 'pm-diag question bank',
  answers: 'pm-diag answers file',
  charter: 'pm-diag charter file',
  profile: 'pm-diag profile bank',
  'profile-answers': 'pm-diag profile answers file',
} as const;

/** The JSON Schema (draft-07, the newest yaml-language-server reads) of a bank or an answers file. */
export function jsonSchema(kind: keyof typeof SCHEMAS): Record<string, unknown> {
  const schema = z.toJSONSchema(SCHEMAS[kind](), { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return { ...schema, title: TITLES[kind] };
}

export async function run(kind: string, opts: { out?: string }): Promise<void> {
  if (kind === 'export')
    return emit(JSON.stringify((await import('../core/export/schema.js')).exportRowJsonSchema(), null, 2), opts.out);
  if (!Object.hasOwn(SCHEMAS, kind))
    throw new UsageError(
      `schema: found "${kind}", expected bank, answers, charter, profile, profile-answers or export`,
    );
  emit(JSON.stringify(jsonSchema(kind as keyof typeof SCHEMAS), null, 2), opts.out);
}
