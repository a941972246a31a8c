import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { rememberBankHash } from '../core/bank/hash.js';
import { readFileText } from './read.js';
import { parseBank } from '../core/bank/parse.js';
import type { Bank } from '../core/bank/schema.js';

export const BUILTIN_BANK_FILE = 'questions/pm-pmm.yaml';
/** Written by the build after the built-in bank validated, so a run need not parse and check it again. */
export const COMPILED_BANK_FILE = 'dist/pm-pmm.json';

/** What the build stores of the built-in bank: the bank, and its hash (hash.ts), which a run then need not work out. */
export interface CompiledBank {
  bank: Bank;
  hash?: string;
}

/** The package's root folder, from wherever this code runs (src/ in tests, dist/ when built). */
export function packageRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('pm-diag: cannot find its own package folder');
    dir = parent;
  }
  return dir;
}

export function loadBankFile(path: string): Bank {
  return parseBank(readFileText(path));
}

/** What the build writes beside the bundle for a built-in YAML file, once it has checked it. */
export interface CompiledFile<T> {
  /** The text of the YAML file the content was compiled from: comparing it costs less than hashing the file. */
  source: string;
  content: T;
}

/**
 * A built-in file of the package: the JSON the build wrote after checking it, while the YAML still
 * has the text it was compiled from (an edited YAML is checked again by `load`).
 */
export function loadBuiltin<T>(
  yamlFile: string,
  compiledFile: string,
  load: (path: string) => T,
  root = packageRoot(),
): T {
  const yamlPath = join(root, yamlFile);
  const compiledPath = join(root, compiledFile);
  if (!existsSync(compiledPath)) return load(yamlPath);
  const compiled = JSON.parse(readFileSync(compiledPath, 'utf8')) as CompiledFile<T>;
  if (existsSync(yamlPath) && readFileSync(yamlPath, 'utf8') !== compiled.source) return load(yamlPath);
  return compiled.content;
}

let builtin: Bank | undefined;

export function builtinBank(): Bank {
  if (builtin === undefined) {
    const compiled = loadBuiltin<CompiledBank>(BUILTIN_BANK_FILE, COMPILED_BANK_FILE, (path) => ({
      bank: loadBankFile(path),
    }));
    if (compiled.hash !== undefined) rememberBankHash(compiled.bank, compiled.hash);
    builtin = compiled.bank;
  }
  return builtin;
}

/** `--bank FILE`, or the built-in bank. */
export function loadBank(path?: string): Bank {
  return path === undefined ? builtinBank() : loadBankFile(path);
}
