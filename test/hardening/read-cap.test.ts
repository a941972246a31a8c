import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readFileText } from '../../src/io/read.js';
import { MAX_INPUT_BYTES } from '../../src/core/source.js';
import { linesOf } from '../foundation/helpers.js';
import { scratchDir } from './helpers.js';

// The size cap counts the bytes read, not what `stat` says: a device or a /proc file says 0, a file
// still growing says less than it will hold. Here `fstat` is made to say 0 for one file.

const lying = vi.hoisted(() => ({ path: '' }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const opened = new Map<number, string>();
  const openSync = ((path: string, flags: number) => {
    const fd = fs.openSync(path, flags);
    opened.set(fd, path);
    return fd;
  }) as typeof fs.openSync;
  const fstatSync = ((fd: number, options?: never) => {
    const stat = fs.fstatSync(fd, options);
    if (opened.get(fd) === lying.path) Object.assign(stat, { size: typeof stat.size === 'bigint' ? 0n : 0 });
    return stat;
  }) as typeof fs.fstatSync;
  return { ...fs, default: { ...fs, openSync, fstatSync }, openSync, fstatSync };
});

const { dir } = scratchDir('read-cap');

describe('readFileText', () => {
  it('stops one byte past the cap when stat says the file is empty', () => {
    lying.path = join(dir, 'says-empty.yaml');
    writeFileSync(lying.path, 'a'.repeat(MAX_INPUT_BYTES + 4096));
    expect(linesOf(() => readFileText(lying.path))).toEqual([
      `${lying.path}: the input is too large (more than 10.0 MB) (expected at most 10.0 MB)`,
    ]);
  });

  it('reads a file of exactly the cap in full', () => {
    lying.path = join(dir, 'at-cap.yaml');
    writeFileSync(lying.path, 'b'.repeat(MAX_INPUT_BYTES));
    expect(readFileText(lying.path).text.length).toBe(MAX_INPUT_BYTES);
  });
});
