import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { InputError } from '../core/errors.js';
import { safeLine } from '../core/text.js';

/** A path that ends in a slash names a folder. */
const FOLDER_NAME = /[\\/]+$/;

/** Linux gives up after this many links in a row (ELOOP): so does the writer. */
const MAX_LINK_HOPS = 40;

/** The first folder on the way to `path` that is missing or is a file, for a message that names it. */
function brokenFolder(path: string): { folder: string; missing: boolean } | undefined {
  const folders: string[] = [];
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    folders.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const folder of folders) {
    try {
      if (!statSync(folder).isDirectory()) return { folder, missing: false };
    } catch {
      return { folder, missing: true };
    }
  }
  return undefined;
}

function reason(err: NodeJS.ErrnoException, path: string): string {
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'ENOENT':
    case 'ENOTDIR': {
      // `--out newdir/`: the name of a folder, not of a file, and nothing there yet.
      if (FOLDER_NAME.test(path) && statOrUndefined(path) === undefined) {
        const folder = safeLine(path.replace(FOLDER_NAME, ''));
        const create = `create ${folder} first, then give a file name in it`;
        return `it names a folder, not a file, and the folder does not exist: ${create}`;
      }
      const broken = brokenFolder(path);
      const folder = safeLine(broken?.folder ?? dirname(path));
      const missing = `the folder does not exist: create ${folder} first, or write to a folder that exists`;
      if (!broken) return err.code === 'ENOENT' ? missing : 'a part of the path is a file, not a folder';
      return broken.missing ? missing : `${safeLine(broken.folder)} is a file, not a folder`;
    }
    case 'EISDIR':
      return 'it is a folder: give a file name in it';
    case 'ENAMETOOLONG':
      return 'the file name is too long';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ELOOP':
      return 'too many symbolic links in a row';
    default:
      return err.code ?? err.message;
  }
}

/** Where a write lands: a symbolic link is followed to its target (even one not made yet), so the link stays a link. */
export function followLinks(path: string): string {
  let current = path;
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    let stat: Stats;
    try {
      stat = lstatSync(current);
    } catch {
      return current;
    }
    if (!stat.isSymbolicLink()) return current;
    const target = readlinkSync(current);
    current = isAbsolute(target) ? target : join(dirname(current), target);
  }
  throw Object.assign(new Error('ELOOP'), { code: 'ELOOP' });
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** A FIFO or a device is written to, never replaced: a rename would put a regular file in its place. */
function writeInPlace(path: string, content: FileContent): void {
  const fd = openSync(path, 'w');
  try {
    writePieces(fd, content);
  } finally {
    closeSync(fd);
  }
}

/** A file's content: whole, or in pieces (a large export is never held whole). */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>;

export function piecesOf(content: FileContent): Iterable<string | Uint8Array> {
  return typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
}

/**
 * Writes every byte of `content` to `fd`. A write may take fewer bytes than it is given (a disk with
 * little room left takes what fits): the rest is written again, and the write that cannot says why.
 */
export function writePieces(fd: number, content: FileContent): void {
  for (const piece of piecesOf(content)) {
    let bytes: Uint8Array;
    if (typeof piece === 'string') {
      const written = writeSync(fd, piece);
      if (written === Buffer.byteLength(piece)) continue;
      bytes = Buffer.from(piece).subarray(written);
    } else bytes = piece;
    for (let offset = 0; offset < bytes.length;) {
      const written = writeSync(fd, bytes, offset);
      // Nothing taken and no error: say so rather than ask again for ever.
      if (written === 0) throw Object.assign(new Error('nothing was written'), { code: 'EIO' });
      offset += written;
    }
  }
}

/** A failed write as the user should see it: what was written (and where it led), and why (no space, no permission); none for an error that is not the system's (a bug). */
export function writeProblem(source: string, err: unknown, target = source): InputError | undefined {
  if (typeof (err as NodeJS.ErrnoException | undefined)?.code !== 'string') return undefined;
  const message = `cannot write the file: ${reason(err as NodeJS.ErrnoException, target)}`;
  return new InputError([{ source: safeLine(source), message, severity: 'error' }]);
}

/**
 * Writes a whole file or nothing: a temp file beside the target, flushed to disk, then renamed over it,
 * with the old file's permission bits (and owner, when run as root). A link is followed; a FIFO or a
 * device is written in place. Synchronous on purpose: an interactive answer is on disk before the
 * next question appears.
 */
export function writeFileAtomic(path: string, content: FileContent): void {
  const fail = (message: string): never => {
    throw new InputError([{ source: safeLine(path), message: `cannot write the file: ${message}`, severity: 'error' }]);
  };
  let target = path;
  let temp: string | undefined;
  let fd: number | undefined;
  try {
    target = followLinks(path);
    const old = statOrUndefined(target);
    if (old?.isDirectory()) fail('it is a folder: give a file name in it');
    if (old && !old.isFile()) return writeInPlace(target, content);
    temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    // A new file gets what the umask allows, as any other program's would.
    fd = openSync(temp, 'wx', 0o666);
    if (old) {
      // The umask applied at creation: set the old bits exactly, so a private file stays private.
      fchmodSync(fd, old.mode & 0o7777);
      if (process.getuid?.() === 0) fchownSync(fd, old.uid, old.gid);
    }
    writePieces(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (err) {
    if (err instanceof InputError) throw err;
    // Clean up as far as possible, but report the first error, never one from the clean-up.
    try {
      if (fd !== undefined) closeSync(fd);
      if (temp !== undefined) rmSync(temp, { force: true });
    } catch {
      // The temp file could not be made or is already gone.
    }
    // A system error (no space, no permission) is the user's to fix; anything else is a bug: exit 70.
    throw writeProblem(path, err, target) ?? err;
  }
}
