import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/core/source.js';
import { BIN, ROOT } from '../helpers/cli.js';
import { HOSTILE_TIMEOUT, errorLines, expectInputError, run, scratchDir } from './helpers.js';

// DESIGN.md "Reliability rules", inputs: regular files or `-` only. A FIFO would block forever, a
// device such as /dev/zero never ends; both are refused at once, and a folder scan skips them.

const { dir } = scratchDir('special');
const EXAMPLE = join(ROOT, 'examples', 'launch-orphaned.yaml');
const fifo = join(dir, 'pipe.yaml');
const zero = join(dir, 'zero.yaml');
const socket = join(dir, 'socket.yaml');
const server = createServer();

beforeAll(async () => {
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  // A zero device made in the scratch folder, as root may: /dev is never touched.
  expect(spawnSync('mknod', [zero, 'c', '1', '5']).status, 'mknod needs root').toBe(0);
  await new Promise<void>((resolve) => server.listen(socket, resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const WHY = {
  [fifo]: 'is a named pipe (FIFO), not a file',
  [zero]: 'is a device, not a file',
  [socket]: 'is a socket, not a file',
};
const EXPECTED = '(expected a regular file, or "-" for standard input)';

describe('an input that is not a regular file is refused at once, exit 2', () => {
  it.each([
    ['assess --answers', (path: string) => ['assess', '--answers', path]],
    ['assess --bank', (path: string) => ['assess', '--answers', EXAMPLE, '--bank', path]],
    ['roles --bank', (path: string) => ['roles', '--bank', path]],
    ['report', (path: string) => ['report', path]],
    ['compare', (path: string) => ['compare', EXAMPLE, path]],
    ['validate', (path: string) => ['validate', path]],
  ])('%s: a FIFO, a device and a socket', (_name, args) => {
    for (const path of [fifo, zero, socket]) {
      const result = run(args(path));
      expectInputError(result);
      expect(errorLines(result)).toContain(`pm-diag: ${path}: ${WHY[path]} ${EXPECTED}`);
    }
  });

  it('a symbolic link to a FIFO or a device is what it points at', () => {
    const link = join(dir, 'link-to-pipe.yaml');
    symlinkSync(fifo, link);
    const result = run(['assess', '--answers', link]);
    expectInputError(result);
    expect(errorLines(result)).toEqual([`pm-diag: ${link}: ${WHY[fifo]} ${EXPECTED}`]);
  });

  it('a CSV export that is a FIFO', () => {
    const csv = join(dir, 'export.csv');
    expect(spawnSync('mkfifo', [csv]).status).toBe(0);
    const result = run(['report', csv]);
    expectInputError(result);
    expect(errorLines(result)).toEqual([`pm-diag: ${csv}: ${WHY[fifo]} ${EXPECTED}`]);
  });
});

describe('a folder scan skips what is not a regular file, naming it', () => {
  it('reads the answers files and warns about a FIFO, a link to a FIFO and a link to a device', () => {
    const folder = join(dir, 'answers');
    mkdirSync(folder);
    copyFileSync(EXAMPLE, join(folder, 'dana.yaml'));
    expect(spawnSync('mkfifo', [join(folder, 'pipe.yaml')]).status).toBe(0);
    symlinkSync(fifo, join(folder, 'link-to-pipe.yml'));
    symlinkSync(zero, join(folder, 'link-to-zero.json'));
    const result = run(['report', folder]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(run(['report', EXAMPLE]).stdout.replace(EXAMPLE, folder));
    expect(errorLines(result).filter((line) => line.includes('skipped'))).toEqual([
      `pm-diag: ${join(folder, 'link-to-pipe.yml')}: warning: skipped: it ${WHY[fifo]}`,
      `pm-diag: ${join(folder, 'link-to-zero.json')}: warning: skipped: it ${WHY[zero]}`,
      `pm-diag: ${join(folder, 'pipe.yaml')}: warning: skipped: it ${WHY[fifo]}`,
    ]);
  });
});

describe('reading stops at the size cap whatever the file system says', () => {
  it('standard input from an endless device: refused past the cap, at once', () => {
    const fd = openSync(zero, 'r');
    try {
      const result = spawnSync(process.execPath, [BIN, 'assess', '--answers', '-'], {
        stdio: [fd, 'pipe', 'pipe'],
        encoding: 'utf8',
        timeout: HOSTILE_TIMEOUT,
      });
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(
          `^pm-diag: <stdin>: the input is too large \\(\\d+\\.\\d MB\\) \\(expected at most ${MAX_INPUT_BYTES / 1024 / 1024}\\.0 MB\\)\\n$`,
        ),
      );
    } finally {
      closeSync(fd);
    }
  });
});
