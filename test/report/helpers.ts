import { join } from 'node:path';
import { loadBankFile } from '../../src/io/bank-files.js';
import type { InterlockScore, ResponsibilityScore, Diagnosis } from '../../src/core/score/model.js';
import type { ItemAnswer, Respondent } from '../../src/core/answers/respondent.js';
import { FIXTURES, MINIMAL_BANK } from '../foundation/helpers.js';

export { MINIMAL_BANK };
export const REPORT_FIXTURES = join(FIXTURES, 'report');
export const TEAM = join(REPORT_FIXTURES, 'team');
export const TEAM_CSV = join(REPORT_FIXTURES, 'team.csv');
export const miniBank = () => loadBankFile(MINIMAL_BANK);

export const responsibility = (d: Diagnosis, id: string) => d.items.find((i) => i.id === id) as ResponsibilityScore;
export const interlock = (d: Diagnosis, id: string) => d.items.find((i) => i.id === id) as InterlockScore;

/** A respondent's answers as plain data, to compare respondents from files and from a CSV. */
export function answersOf(r: Respondent): Record<string, ItemAnswer | 'n/a'> {
  return Object.fromEntries(r.answers);
}
