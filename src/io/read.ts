import { closeSync, constants, fstatSync, openSync, readSync, statSync, type BigIntStats, type Stats } from 'node:fs';
import { InputError, UsageError } from '../core/errors.js';
import {
  MAX_INPUT_BYTES,
  STDIN_SOURCE,
  decodeText,
  fail,
  megabytes,
  tooLarge,
  type SourceText,
} from '../core/source.js';

function describeFsError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      return err.code ? `cannot be read (${err.code})` : 'cannot be read';
  }
}

/** What a path is when it is not a regular file: the reason it cannot be read as one. */
export function notRegularFile(stat: Stats | BigIntStats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'is a folder, not a file';
  if (stat.isFIFO()) return 'is a named pipe (FIFO), not a file';
  if (stat.isSocket()) return 'is a socket, not a file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'is a device, not a file';
  return 'is not a regular file';
}

/** The same file by whatever name or link it was reached: its device and inode. */
export const fileIdentity = (stat: BigIntStats): string => `${stat.dev}:${stat.ino}`;

/** Every file this run has read, by identity, with the name it was read by. */
const filesRead = new Map<string, string>();

/** The name an input of this run was read by, when `stat` is the same file. */
export function inputReadAs(stat: BigIntStats): string | undefined {
  return filesRead.get(fileIdentity(stat));
}

/**
 * A file read, then found to be pm-diag's own report (skipped among answers): no input of this run, so the
 * same report run again may replace it.
 */
export function notAnInput(path: string): void {
  try {
    filesRead.delete(fileIdentity(statSync(path, { bigint: true })));
  } catch {
    // Gone since: nothing to forget.
  }
}

function refuseSpecialFile(path: string, stat: Stats | BigIntStats): void {
  const why = notRegularFile(stat);
  if (why) fail(path, why, stat.isDirectory() ? 'a file' : 'a regular file, or "-" for standard input');
}

const READ_CHUNK_BYTES = 64 * 1024;

/**
 * Reads a regular file, and nothing else: a FIFO would block forever and a device (`/dev/zero`)
 * never ends. Opened without blocking (so a FIFO is seen, not waited on), then checked on the open
 * descriptor; read in chunks that stop past the cap whatever `stat` said the size was.
 */
export function readFileText(path: string, options: { input?: boolean } = {}): SourceText {
  return { source: path, text: decodeText(readFileBytes(path, options), path) };
}

/** The bytes of a regular file, with the same refusals and cap as readFileText (a spreadsheet is not text). */
export function readFileBytes(path: string, options: { input?: boolean } = {}): Buffer {
  let fd: number | undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd, { bigint: true });
    refuseSpecialFile(path, stat);
    if (stat.size > MAX_INPUT_BYTES) tooLarge(path, Number(stat.size));
    // A file only looked at (is it safe to replace?) is not an input.
    if (options.input !== false) filesRead.set(fileIdentity(stat), path);
    for (;;) {
      // One byte past the cap is enough to know the input is too large.
      const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, MAX_INPUT_BYTES + 1 - size));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      size += read;
      if (size > MAX_INPUT_BYTES)
        fail(
          path,
          `the input is too large (more than ${megabytes(MAX_INPUT_BYTES)})`,
          `at most ${megabytes(MAX_INPUT_BYTES)}`,
        );
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    // A socket cannot even be opened (ENXIO): say what it is rather than the error code.
    try {
      refuseSpecialFile(path, statSync(path));
    } catch (statErr) {
      if (statErr instanceof InputError) throw statErr;
    }
    fail(path, describeFsError(err as NodeJS.ErrnoException));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return Buffer.concat(chunks, size);
}

/** Reads all of stdin; refuses a terminal, which would wait for typing that nobody knows to do. */
export async function readStdinText(stdin: NodeJS.ReadStream = process.stdin): Promise<SourceText> {
  if (stdin.isTTY) {
    throw new UsageError(
      '"-" reads the answers from standard input, but standard input is a terminal: pipe a file into it (pm-diag assess --answers - < answers.yaml)',
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_INPUT_BYTES) {
      stdin.destroy();
      tooLarge(STDIN_SOURCE, size);
    }
    chunks.push(buf);
  }
  return { source: STDIN_SOURCE, text: decodeText(Buffer.concat(chunks), STDIN_SOURCE) };
}

export function readSourceText(pathOrDash: string): Promise<SourceText> | SourceText {
  return pathOrDash === '-' ? readStdinText() : readFileText(pathOrDash);
}
