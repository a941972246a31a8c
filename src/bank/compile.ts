import { join } from 'node:path';
import { BUILTIN_BANK_FILE, loadBankFile, packageRoot } from './load.js';
import type { Bank } from './schema.js';

/** Build step: the built-in bank, parsed and fully checked (throws with every problem if it is not valid). */
export function compileBuiltinBank(): Bank {
  return loadBankFile(join(packageRoot(), BUILTIN_BANK_FILE));
}
