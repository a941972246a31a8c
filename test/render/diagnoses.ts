import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAnswers } from '../../src/core/answers/load.js';
import { builtinBank } from '../../src/io/bank-files.js';
import { bankItems } from '../../src/core/bank/items.js';
import type { Bank } from '../../src/core/bank/schema.js';
import type { Diagnosis } from '../../src/core/score/model.js';
import type { Answer, Respondent } from '../../src/core/answers/respondent.js';
import { diagnose } from '../../src/core/score/diagnose.js';

// Diagnoses made by the real scorer over the built-in bank, for tests that need the shapes real
// reports take: an example, nothing answered, everything answered, and a team.

export const EXAMPLE = fileURLToPath(new URL('../../examples/launch-orphaned.yaml', import.meta.url));
const DATE = '2026-03-02';

export function exampleDiagnosis(target?: number, bank: Bank = builtinBank()): Diagnosis {
  const { respondent } = parseAnswers({ source: EXAMPLE, text: readFileSync(EXAMPLE, 'utf8') }, bank);
  return diagnose(bank, [respondent], { target, date: DATE });
}

export const emptyDiagnosis = (bank: Bank = builtinBank()): Diagnosis =>
  diagnose(bank, [{ source: 'empty.yaml', answers: new Map() }], { date: DATE });

/** `count` respondents whose answers follow a fixed pattern: every level, owner and role occurs. */
export function teamDiagnosis(count: number, bank: Bank = builtinBank(), target?: number): Diagnosis {
  const roles = ['pm', 'pmm', 'sales', 'leadership'] as const;
  const owners = ['pm', 'pmm', 'shared', 'none'] as const;
  const respondents: Respondent[] = Array.from({ length: count }, (_, r) => {
    const answers = new Map<string, Answer>();
    bankItems(bank).forEach((item, i) => {
      const level = (k: number) => (((r * 7 + i * 3 + k) % 5) + 1) as 1 | 2 | 3 | 4 | 5;
      answers.set(
        item.id,
        item.kind === 'interlock'
          ? { delivery: level(0) }
          : { owner: owners[(r + i) % 4], capability: level(0), capacity: level(2) },
      );
    });
    return { source: `respondent-${r + 1}.yaml`, name: `Respondent ${r + 1}`, role: roles[r % roles.length], answers };
  });
  return diagnose(bank, respondents, { target, date: DATE });
}
