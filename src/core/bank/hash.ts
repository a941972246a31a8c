import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
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

/** The SHA-256 of a text's UTF-8 bytes, in hex: pure code, so it runs in a browser too. */
export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

const hashes = new WeakMap<Bank, string>();

/** `sha256:<hex>` of the bank's canonical JSON, without the editor's `$schema` line. */
export function bankHash(bank: Bank): string {
  let hash = hashes.get(bank);
  if (hash === undefined) {
    const { $schema: _editorOnly, ...content } = bank;
    hash = `sha256:${sha256Hex(canonicalJson(content))}`;
    hashes.set(bank, hash);
  }
  return hash;
}

/** The hash of a bank whose hash is already known: the build stores the built-in bank's with it (load.ts). */
export function rememberBankHash(bank: Bank, hash: string): void {
  hashes.set(bank, hash);
}
