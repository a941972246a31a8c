import { join } from 'node:path';
import { collectRespondents } from '../../src/io/collect.js';
import { parseAnswers } from '../../src/core/answers/load.js';
import { compareSnapshots } from '../../src/core/compare/diff.js';
import { snapshotFromDiagnosis, snapshotFromReportDocument, type Snapshot } from '../../src/core/compare/snapshot.js';
import { readFileText } from '../../src/io/read.js';
import { parseDocumentText } from '../../src/core/document/document.js';
import { diagnose } from '../../src/core/score/diagnose.js';
import { FIXTURES } from '../foundation/helpers.js';
import { miniBank } from '../report/helpers.js';

export { MINIMAL_BANK } from '../foundation/helpers.js';
export const COMPARE = join(FIXTURES, 'compare');
export const fixture = (name: string) => join(COMPARE, name);

const bank = miniBank();

/** One side, as the command builds it: answers diagnosed with the minimal bank, or a JSON report. */
export async function side(name: string, target?: number): Promise<Snapshot> {
  const path = fixture(name);
  if (name.endsWith('.json'))
    return snapshotFromReportDocument(parseDocumentText(readFileText(path), { allowAliases: false }));
  const respondents = name.endsWith('.yaml')
    ? [parseAnswers(readFileText(path), bank).respondent]
    : (await collectRespondents([path], bank)).respondents;
  return snapshotFromDiagnosis(diagnose(bank, respondents, { target }), path);
}

export async function compare(before: string, after: string) {
  return compareSnapshots(await side(before), await side(after));
}
