import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { safeLine } from '../text.js';

function reason(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ENAMETOOLONG':
      return 'the file name is too long';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return err.code ?? err.message;
  }
}

/** A file's content: whole, or in pieces (a large export is never held whole). */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>;

export function piecesOf(content: FileContent): Iterable<string | Uint8Array> {
  return typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
}

/**
 * Writes a whole file or nothing: a temp file beside the target, flushed to disk, then renamed over it.
 * Synchronous on purpose: an interactive answer is on disk before the next question appears.
 */
export function writeFileAtomic(path: string, content: FileContent): void {
  const fail = (message: string): never => {
    throw new InputError([{ source: safeLine(path), message: `cannot write the file: ${message}`, severity: 'error' }]);
  };
  try {
    if (statSync(path).isDirectory()) fail('it is a folder');
  } catch (err) {
    if (err instanceof InputError) throw err;
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    for (const piece of piecesOf(content)) {
      // The same call twice: writeSync's overloads take a string or bytes, not either.
      if (typeof piece === 'string') writeSync(fd, piece);
      else writeSync(fd, piece);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (err) {
    // Clean up as far as possible, but report the first error, never one from the clean-up.
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(temp, { force: true });
    } catch {
      // The temp file could not be made or is already gone.
    }
    // A system error (no space, no permission) is the user's to fix; anything else is a bug: exit 70.
    if (typeof (err as NodeJS.ErrnoException).code !== 'string') throw err;
    fail(reason(err as NodeJS.ErrnoException));
  }
}
