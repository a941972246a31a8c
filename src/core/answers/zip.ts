import { Inflate } from 'fflate/browser';
import { InputError } from '../errors.js';
import { megabytes } from '../source.js';
import { safeLine } from '../text.js';

// The entries of a zip archive (an XLSX workbook, a Google Forms download), read from its central
// directory and inflated a piece at a time, so a large sheet is never held whole. An entry is read
// to the end of its deflate stream, whatever size the archive declares for it: a writer that
// declares too little must not cost rows. fflate's browser build inflates: it has no node: import,
// so the same reader can run in a page.

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  /** The size the archive declares, checked against the cap before anything is inflated. */
  declaredSize: number;
  localOffset: number;
  /**
   * Where the next entry (or the central directory) starts: the end of this one's data, whatever its sizes
   * say.
   */
  extentEnd: number;
}

/** The bytes fed to the inflater at a time: small enough that one piece never inflates to much. */
const FEED_BYTES = 16 * 1024;

function fail(source: string, message: string, expected: string): never {
  throw new InputError([{ source: safeLine(source), message, expected, severity: 'error' }]);
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** An OLE compound file: what Excel writes for a password-protected workbook, and for an old .xls. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTED_PACKAGE = new TextEncoder().encode('E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e');

function holds(bytes: Uint8Array, needle: Uint8Array): boolean {
  outer: for (
    let at = bytes.indexOf(needle[0]!);
    at >= 0 && at <= bytes.length - needle.length;
    at = bytes.indexOf(needle[0]!, at + 1)
  ) {
    for (let i = 1; i < needle.length; i++) if (bytes[at + i] !== needle[i]) continue outer;
    return true;
  }
  return false;
}

export const PASSWORD_EXPECTED =
  'a workbook without a password: open it in Excel, File \u2192 Info \u2192 Protect Workbook \u2192 Encrypt with Password, ' +
  'clear the password and save; or download the export from the form tool again';

/** Refuses what is not a zip archive, saying what it is when it can tell. */
function refuseNotZip(bytes: Uint8Array, source: string, what: string, expected: string): void {
  if (COMPOUND_FILE.every((b, i) => bytes[i] === b)) {
    if (holds(bytes, ENCRYPTED_PACKAGE))
      fail(source, `the ${what} is password-protected (encrypted), so it cannot be read`, PASSWORD_EXPECTED);
    fail(
      source,
      `the ${what} is an Excel 97-2003 workbook (.xls)`,
      'an .xlsx file: open it in Excel and save it as "Excel Workbook (*.xlsx)"',
    );
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    fail(
      source,
      `not ${what === 'workbook' ? 'an XLSX workbook' : 'a zip archive'} (it is not a zip archive)`,
      expected,
    );
}

/** Every entry of the archive by its name, from the central directory. */
export function zipEntries(bytes: Uint8Array, source: string, what: string, expected: string): Map<string, ZipEntry> {
  refuseNotZip(bytes, source, what, expected);
  const damaged = (why: string): never =>
    fail(source, `the ${what} archive is damaged (${why})`, `the file as the form tool exported it`);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) damaged('no central directory: the file is cut short');
  const count = u16(bytes, end + 10);
  const directory = u32(bytes, end + 16);
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder('utf-8');
  let at = directory;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) damaged('a bad central directory entry');
    const nameLength = u16(bytes, at + 28);
    const entry: ZipEntry = {
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      declaredSize: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      extentEnd: directory,
    };
    if (entry.localOffset >= directory) damaged(`the entry "${safeLine(entry.name)}" lies outside the archive`);
    entries.set(entry.name, entry);
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  const byOffset = [...entries.values()].sort((a, b) => a.localOffset - b.localOffset);
  // From the last entry back: each one's data ends where the next entry at a later offset starts.
  let following = directory;
  let group = -1;
  for (let i = byOffset.length - 1; i >= 0; i--) {
    const entry = byOffset[i]!;
    if (entry.localOffset !== group) {
      if (group >= 0) following = group;
      group = entry.localOffset;
    }
    entry.extentEnd = following;
  }
  return entries;
}

/**
 * Inflates one entry, handing each piece of it to `onBytes` as it comes; `onBytes` returns false to
 * stop early. `budget` counts what every entry read so far unpacked, against `cap`.
 */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  source: string,
  budget: { used: number; cap: number },
  onBytes: (piece: Uint8Array) => boolean | void,
): void {
  const damaged = (why: string): never =>
    fail(source, `the archive is damaged (${why})`, 'the file as the form tool exported it');
  if ((entry.flags & 1) !== 0)
    fail(source, `the entry "${safeLine(entry.name)}" is password-protected (encrypted)`, PASSWORD_EXPECTED);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50)
    damaged(`no local header for "${safeLine(entry.name)}"`);
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const overCap = () =>
    fail(
      source,
      `the archive unpacks to more than ${megabytes(budget.cap)}`,
      `at most ${megabytes(budget.cap)} unpacked`,
    );
  let stopped = false;
  const take = (piece: Uint8Array) => {
    if (stopped || piece.length === 0) return;
    budget.used += piece.length;
    if (budget.used > budget.cap) overCap();
    if (onBytes(piece) === false) stopped = true;
  };
  if (entry.method === 0) {
    const data = bytes.subarray(start, Math.min(start + entry.compressedSize, bytes.length));
    for (let at = 0; at < data.length && !stopped; at += FEED_BYTES) take(data.subarray(at, at + FEED_BYTES));
    return;
  }
  if (entry.method !== 8)
    fail(
      source,
      `the entry "${safeLine(entry.name)}" uses a compression this reader does not know (method ${entry.method})`,
      'a zip archive as Excel or the form tool writes it (deflate)',
    );
  // The data runs to the next entry: the deflate stream says where it ends, not the declared sizes.
  const data = bytes.subarray(start, Math.max(start, entry.extentEnd));
  let ended = false;
  const inflater = new Inflate((piece, final) => {
    take(piece);
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < data.length && !stopped && !ended; at += FEED_BYTES) {
      const next = at + FEED_BYTES;
      inflater.push(data.subarray(at, next), next >= data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof InputError) throw err;
    damaged(`"${safeLine(entry.name)}": ${safeLine((err as Error).message)}`);
  }
  if (!stopped && !ended) damaged(`"${safeLine(entry.name)}" is cut short`);
}

/** A whole entry's bytes (a small part, or a CSV inside a download). */
export function entryBytes(
  bytes: Uint8Array,
  entry: ZipEntry,
  source: string,
  budget: { used: number; cap: number },
): Uint8Array {
  const pieces: Uint8Array[] = [];
  let size = 0;
  inflateEntry(bytes, entry, source, budget, (piece) => {
    pieces.push(piece.slice());
    size += piece.length;
  });
  const whole = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) {
    whole.set(piece, at);
    at += piece.length;
  }
  return whole;
}
