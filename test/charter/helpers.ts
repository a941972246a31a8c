import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { parseAnswers } from '../../src/core/answers/load.js';
import { parseCharter } from '../../src/core/charter/load.js';
import type { Bank } from '../../src/core/bank/schema.js';
import { loadBank } from '../../src/io/bank-files.js';
import { readFileText } from '../../src/io/read.js';

export const FIXTURES = join(ROOT, 'test/fixtures/charter');
/** One respondent who says customer success owns customer onboarding (version 2 of the bank recommends PM). */
export const ANSWERS_CS = join(FIXTURES, 'answers-cs.yaml');
/** Decides customer success owns onboarding; one action overdue on any date after 2000-01-15. */
export const CHARTER = join(FIXTURES, 'charter.yaml');
// Version 2 of the built-in bank, as a company's own bank: it recommends PM for onboarding, so a
// charter that names customer success changes the measure (version 3 recommends customer success).
export const V2_BANK_FILE = join(ROOT, 'test', 'fixtures', 'banks', 'pm-pmm.v2.yaml');
export const bank = loadBank(V2_BANK_FILE);
export const respondent = () => parseAnswers(readFileText(ANSWERS_CS), bank).respondent;
export const charterOf = (text: string, source = 'charter.yaml') => parseCharter({ source, text }, bank);
export const fixtureCharter = () => parseCharter(readFileText(CHARTER), bank);

/**
 * The built-in bank as a later version 3 would make it: customer onboarding renamed, launch tiering
 * merged into the launch plan, the AI claims item removed, each said in its `migrations`.
 */
export function laterBank(): Bank {
  const later = structuredClone(bank);
  later.version = 3;
  for (const area of later.areas) {
    area.responsibilities = area.responsibilities.filter(
      (r) => r.id !== 'launch-tiering' && r.id !== 'ai-claims-validation',
    );
    for (const r of area.responsibilities) if (r.id === 'customer-onboarding') r.id = 'onboarding-and-adoption';
  }
  later.migrations = {
    ...later.migrations,
    2: {
      renamed: { 'customer-onboarding': 'onboarding-and-adoption' },
      merged: { 'launch-tiering': 'launch-plan' },
      removed: ['ai-claims-validation'],
    },
  };
  return later;
}
