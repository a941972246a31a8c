import type { Bank } from './schema.js';

// A bank's content hash, which the questionnaire writes as `bank-hash` so a report can tell when
// answers were given to other questions under the same id and version.

/** JSON with every object's keys sorted: the same bank gives the same text however it was written. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

const hashes = new WeakMap<Bank, string>();

/** `sha256:<hex>` of the bank's canonical JSON, without the editor's `$schema` line. */
export function bankHash(bank: Bank): string {
  let hash = hashes.get(bank);
  if (hash === undefined) {
    const { $schema: _editorOnly, ...content } = bank;
    // Loaded here, not imported: node:crypto costs milliseconds of start-up, and only a file with a
    // `bank-hash` (or the questionnaire writing one) needs it.
    const { createHash } = process.getBuiltinModule('node:crypto');
    hash = `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex')}`;
    hashes.set(bank, hash);
  }
  return hash;
}

/** The hash of a bank whose hash is already known: the build stores the built-in bank's with it (load.ts). */
export function rememberBankHash(bank: Bank, hash: string): void {
  hashes.set(bank, hash);
}
