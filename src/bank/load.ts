import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { rememberBankHash } from './hash.js';
import { readFileText, type SourceText } from '../io/read.js';
import { parseDocumentText, type ParsedDocument } from '../load/document.js';
import { validateDocument } from '../load/validate.js';
import { bankRuleProblems } from './rules.js';
import { bankSchema, type Bank } from './schema.js';

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

/** Checks a parsed document as a bank: its schema, and the rules a schema cannot say, every problem of both at once. */
export function checkBankDocument(doc: ParsedDocument): Bank {
  const { value, problems } = validateDocument(bankSchema(), doc);
  const all = [...problems, ...bankRuleProblems(doc)];
  if (!value || all.length > 0) throw new InputError(all);
  return value;
}

export function parseBank(input: SourceText): Bank {
  return checkBankDocument(parseDocumentText(input, { allowAliases: true }));
}

export function loadBankFile(path: string): Bank {
  return parseBank(readFileText(path));
}

/**
 * A built-in file of the package: the JSON the build wrote after checking it, when that is at least
 * as new as the YAML (an edited YAML is checked again by `load`).
 */
export function loadBuiltin<T>(yamlFile: string, compiledFile: string, load: (path: string) => T): T {
  const root = packageRoot();
  const yamlPath = join(root, yamlFile);
  const compiledPath = join(root, compiledFile);
  const compiledIsFresh = existsSync(compiledPath) && (!existsSync(yamlPath) || statSync(compiledPath).mtimeMs >= statSync(yamlPath).mtimeMs);
  return compiledIsFresh ? (JSON.parse(readFileSync(compiledPath, 'utf8')) as T) : load(yamlPath);
}

let builtin: Bank | undefined;

export function builtinBank(): Bank {
  if (builtin === undefined) {
    const compiled = loadBuiltin<CompiledBank>(BUILTIN_BANK_FILE, COMPILED_BANK_FILE, (path) => ({ bank: loadBankFile(path) }));
    if (compiled.hash !== undefined) rememberBankHash(compiled.bank, compiled.hash);
    builtin = compiled.bank;
  }
  return builtin;
}

/** `--bank FILE`, or the built-in bank. */
export function loadBank(path?: string): Bank {
  return path === undefined ? builtinBank() : loadBankFile(path);
}
