import { join } from 'node:path';
import { bankHash } from '../core/bank/hash.js';
import { BUILTIN_BANK_FILE, loadBankFile, packageRoot, type CompiledBank } from './bank-files.js';

/** Build step: the built-in bank, parsed and fully checked (throws with every problem if it is not valid), with its hash. */
export function compileBuiltinBank(): CompiledBank {
  const bank = loadBankFile(join(packageRoot(), BUILTIN_BANK_FILE));
  return { bank, hash: bankHash(bank) };
}
