import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

// The bin runs the bundle with the code cache the build recorded. V8 does not check the cache's
// bytes (a damaged one is a fatal crash), so the loader must: a damaged, truncated, foreign or
// missing cache is ignored and the CLI works as before, only slower.

const work = mkdtempSync(join(tmpdir(), 'pm-diag-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the installed package whose cache files (the bundle's and its parts') `damage` rewrites. */
function packageWith(name: string, damage: (cache: Buffer) => Buffer | undefined): string {
  const dir = join(work, name);
  for (const part of ['package.json', 'bin', 'dist', 'questions', 'examples']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  for (const file of readdirSync(join(dir, 'dist')).filter((f) => f.endsWith('.cache'))) {
    const cacheFile = join(dir, 'dist', file);
    const damaged = damage(readFileSync(cacheFile));
    if (damaged === undefined) rmSync(cacheFile);
    else writeFileSync(cacheFile, damaged);
  }
  return dir;
}

function runIn(dir: string, args: string[]) {
  const result = spawnSync(process.execPath, [join(dir, 'bin', 'pm-diag.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const flipBytes = (cache: Buffer) => {
  const copy = Buffer.from(cache);
  for (let i = 100; i < copy.length; i += 997) copy[i] = copy[i]! ^ 0xff;
  return copy;
};

describe('the code cache', () => {
  const cases: [string, (cache: Buffer) => Buffer | undefined][] = [
    ['damaged bytes', flipBytes],
    ['truncated', (cache) => cache.subarray(0, 1000)],
    ['empty', () => Buffer.alloc(0)],
    ['missing', () => undefined],
    ['made for another bundle', (cache) => Buffer.concat([Buffer.from([1, 2, 3, 4]), cache.subarray(4)])],
  ];
  const expected = runIn(ROOT, ['assess', '--answers', 'examples/mature.yaml', '--format', 'json']);
  const expectedHtml = runIn(ROOT, ['assess', '--answers', 'examples/mature.yaml', '--format', 'html']);
  const expectedVersion = runIn(ROOT, ['--version']);

  it('is what the build wrote, and V8 takes it', () => {
    const require = createRequire(import.meta.url);
    const { loadBundle } = require(join(ROOT, 'bin', 'load-bundle.js')) as { loadBundle: (args?: string[]) => { usedCache: boolean } };
    expect(loadBundle().usedCache).toBe(true);
    expect(loadBundle(['assess']).usedCache).toBe(true);
    expect(expected.code).toBe(0);
    expect(JSON.parse(expected.stdout)).toMatchObject({ schemaVersion: 1 });
  });

  it.each(cases)('%s: ignored, the CLI works the same', (name, damage) => {
    const dir = packageWith(name.replace(/\W+/g, '-'), damage);
    const result = runIn(dir, ['assess', '--answers', 'examples/mature.yaml', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected.stdout);
    // The runs with a cache of their own: a part (the HTML renderer), and a run that names no command.
    expect(runIn(dir, ['assess', '--answers', 'examples/mature.yaml', '--format', 'html'])).toEqual(expectedHtml);
    expect(runIn(dir, ['--version'])).toEqual(expectedVersion);
  });
});
