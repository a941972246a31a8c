import type { Bank } from '../core/bank/schema.js';
import { checkCharterText } from '../core/charter/load.js';
import type { Charter } from '../core/charter/schema.js';
import { andThen, checked, valueOf, warningsOf, type Checked } from '../core/errors.js';
import { sayProblems } from './output.js';
import { readFileText } from './read.js';

/** Reads and checks a charter file against the bank: every problem at its line and column. */
export function checkCharterFile(path: string, bank: Bank): Checked<Charter> {
  return andThen(
    checked(() => readFileText(path)),
    (input) => checkCharterText(input, bank),
  );
}

/** For a command: the charter (`--charter`), its warnings said, or an InputError with every problem. */
export function loadCharter(path: string | undefined, bank: Bank): Charter | undefined {
  if (path === undefined) return undefined;
  const result = checkCharterFile(path, bank);
  const charter = valueOf(result);
  sayProblems(warningsOf(result.problems));
  return charter;
}
