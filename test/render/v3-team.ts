import { builtinBank } from '../../src/io/bank-files.js';
import {
  bankItems,
  ownerAt,
  type BankItem,
  type PracticeItem,
  type ResponsibilityItem,
} from '../../src/core/bank/items.js';
import type { Answer, Respondent } from '../../src/core/answers/respondent.js';
import type { Role } from '../../src/core/answers/schema.js';
import { diagnose } from '../../src/core/score/diagnose.js';
import type { Diagnosis } from '../../src/core/score/model.js';

// A team of four on the built-in version-3 bank, answered so that each v3 fact of the report shows:
// the respondents give the organization facts and no stage (so the revenue suggests it), one
// practice is a gap, one hand-off is rated high by its givers and low by its receivers only, one
// responsibility's owner is "don't know" for one respondent, and a few responsibilities sit a level
// below target so the agenda has more than three gaps to rank.

const DATE = '2026-03-02';
type InterlockItem = Extract<BankItem, { kind: 'interlock' }>;
export const BANK = builtinBank();
const ITEMS = bankItems(BANK);

export const PRACTICE = ITEMS.find((i): i is PracticeItem => i.kind === 'practice')!;
/** A hand-off to sales: the sales respondent is its only receiver. */
export const HANDOFF = ITEMS.filter((i): i is InterlockItem => i.kind === 'interlock').find(
  (i) => i.from === 'pmm' && i.to === 'sales',
)!;
const RESPONSIBILITIES = ITEMS.filter((i): i is ResponsibilityItem => i.kind === 'responsibility');
/** Its owner is "don't know" for one respondent and "none" for the others. */
export const UNKNOWN_OWNER = RESPONSIBILITIES[0]!;
/** A level below target on both axes: gaps of a responsibility's size. */
export const BELOW = RESPONSIBILITIES.slice(1, 6);
export const ROLES: Role[] = ['pm', 'pmm', 'sales', 'marketing'];
export const FACTS = { revenue: '10-50m', 'pm-people': 6 };

function answersOf(role: Role, r: number): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  for (const item of ITEMS) {
    if (item.kind === 'interlock') {
      // The givers (and bystanders) say it arrives; the receivers say it does not.
      answers.set(item.id, { delivery: item.id === HANDOFF.id && role === HANDOFF.to ? 1 : 5 });
    } else if (item.kind === 'practice') {
      answers.set(item.id, { frequency: item.id === PRACTICE.id ? 1 : 5 });
    } else {
      const owner = item.id === UNKNOWN_OWNER.id ? (r === 0 ? 'unknown' : 'none') : ownerAt(item, 'growth').owner;
      const level = BELOW.some((b) => b.id === item.id) ? 3 : 5;
      answers.set(item.id, { owner, capability: level, capacity: level, evidence: 'seen in the last review' });
    }
  }
  return answers;
}

export function v3Respondents(): Respondent[] {
  return ROLES.map((role, r) => ({
    source: `${role}.yaml`,
    name: `Person ${r + 1}`,
    role,
    organization: 'Acme',
    facts: { ...FACTS },
    answers: answersOf(role, r),
  }));
}

export const v3TeamDiagnosis = (): Diagnosis => diagnose(BANK, v3Respondents(), { date: DATE });
