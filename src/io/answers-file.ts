import { checkAnswersText, type AnswersCheckOptions } from '../core/answers/load.js';
import type { Bank } from '../core/bank/schema.js';
import { andThen, checkedAsync, type Checked } from '../core/errors.js';
import type { Respondent } from '../core/answers/respondent.js';
import { readSourceText } from './read.js';

/** Reads, parses and checks one answers file (or `-`): a result, whatever went wrong. */
export async function loadAnswersFile(
  path: string,
  bank: Bank,
  options: AnswersCheckOptions = {},
): Promise<Checked<Respondent>> {
  const input = await checkedAsync(() => readSourceText(path));
  return andThen(input, (text) => checkAnswersText(text, bank, options));
}
