import { join } from 'node:path';
import { parseProfileBank } from '../core/profile/load.js';
import type { ProfileBank } from '../core/profile/schema.js';
import { loadBuiltin, packageRoot } from './bank-files.js';
import { readFileText } from './read.js';

export const BUILTIN_PROFILE_FILE = 'questions/profile.yaml';
/** Written by the build after the built-in profile validated. */
export const COMPILED_PROFILE_FILE = 'dist/profile.json';

export function loadProfileBankFile(path: string): ProfileBank {
  return parseProfileBank(readFileText(path));
}

let builtin: ProfileBank | undefined;

/** `--profile FILE`, or the built-in profile (checked by the build, which stores it as JSON). */
export function loadProfileBank(path?: string): ProfileBank {
  if (path !== undefined) return loadProfileBankFile(path);
  builtin ??= loadBuiltin(BUILTIN_PROFILE_FILE, COMPILED_PROFILE_FILE, loadProfileBankFile);
  return builtin;
}

/** Build step: the built-in profile, parsed and fully checked (throws with every problem if it is not valid). */
export function compileBuiltinProfile(): ProfileBank {
  return loadProfileBankFile(join(packageRoot(), BUILTIN_PROFILE_FILE));
}
