import { InputError } from './errors.js';
import { safeLine } from './text.js';

// Text as every reader takes it: its source's name and its characters, checked to be UTF-8 text.
// Pure: the files and standard input are read in io/read.ts.

/** Larger inputs are refused before they are read: no bank, answers file or CSV export needs this much. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;
export const STDIN_SOURCE = '<stdin>';

export interface SourceText {
  /** The path as the user gave it, or `<stdin>`: what every message names. */
  source: string;
  text: string;
}

export function fail(source: string, message: string, expected?: string): never {
  throw new InputError([{ source: safeLine(source), message, expected, severity: 'error' }]);
}

/** A size for a message: `2.0 MB`. */
export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function tooLarge(source: string, bytes: number): never {
  fail(source, `the input is too large (${megabytes(bytes)})`, `at most ${megabytes(MAX_INPUT_BYTES)}`);
}

/** Strict UTF-8: a bad byte is an error, not a silent U+FFFD; a BOM is dropped; UTF-16 and NULs are refused. */
export function decodeText(bytes: Uint8Array, source: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    fail(
      source,
      'the file is UTF-16',
      'UTF-8 text (save it as UTF-8; a form export saved by Excel as "Unicode Text" is read when its name ends in .csv)',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Find the first bad byte so the message can point at it: a binary search over prefixes (a
    // byte-by-byte search took quadratic time on a large file). With `stream`, a prefix that ends
    // inside a character is not an error, so "the prefix decodes" only turns false at a bad byte.
    const decodes = (end: number, stream: boolean): boolean => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream });
        return true;
      } catch {
        return false;
      }
    };
    let good = 0;
    let bad = bytes.length;
    while (bad - good > 1) {
      const mid = (good + bad) >>> 1;
      if (decodes(mid, true)) good = mid;
      else bad = mid;
    }
    // Step back to the start of a character cut off by the bad byte.
    let at = good;
    while (at > 0 && !decodes(at, false)) at--;
    const line = bytes.subarray(0, at).reduce((n, b) => n + (b === 0x0a ? 1 : 0), 1);
    // The column in characters, as an editor counts it: the bytes of the line before `at` are valid.
    const lineStart = at === 0 ? 0 : bytes.lastIndexOf(0x0a, at - 1) + 1;
    const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at)).length + 1;
    throw new InputError([
      {
        source: safeLine(source),
        line,
        column,
        message: `invalid UTF-8 at byte ${at + 1}`,
        expected: 'UTF-8 text',
        severity: 'error',
      },
    ]);
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    const column = nul - (text.lastIndexOf('\n', nul) + 1) + 1;
    throw new InputError([
      {
        source: safeLine(source),
        line,
        column,
        message: 'the file holds a NUL byte (binary data?)',
        expected: 'UTF-8 text',
        severity: 'error',
      },
    ]);
  }
  return text;
}
