import { checkFormMapText, type FormMap } from '../core/answers/form-map.js';
import type { Bank } from '../core/bank/schema.js';
import { InputError, andThen, checked, type Checked } from '../core/errors.js';
import { readFileText } from './read.js';

/** Reads and checks a map file against the bank: every problem at its line and column. */
export function checkFormMap(path: string, bank: Bank): Checked<FormMap> {
  return andThen(
    checked(() => readFileText(path)),
    (input) => checkFormMapText(input, bank),
  );
}

/** For a command: the map, or an InputError with every problem. */
export function loadFormMap(path: string | undefined, bank: Bank): FormMap | undefined {
  if (path === undefined) return undefined;
  const result = checkFormMap(path, bank);
  if (!result.value) throw new InputError(result.problems);
  return result.value;
}
