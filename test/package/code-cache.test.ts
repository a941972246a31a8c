import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

// The bin runs the bundle with the code cache the build recorded. By default V8 checks neither the
// cache's bytes (a damaged one is a fatal crash) nor the source beyond its length, so the loader
// has V8 check the bytes and pairs each cache with the build of the bundle it was made from: a
// damaged, truncated, foreign or missing cache is ignored and the CLI works as before, only slower.

const work = mkdtempSync(join(tmpdir(), 'pm-diag-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Damage = (cache: Buffer, bundleFile: string) => Buffer | undefined;

/** A copy of the installed package whose cache files (the bundle's and its parts') `damage` rewrites. */
function packageWith(name: string, damage: Damage): string {
  const dir = join(work, name);
  for (const part of ['package.json', 'bin', 'dist', 'questions', 'examples']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  for (const file of readdirSync(join(dir, 'dist')).filter((f) => f.endsWith('.cache'))) {
    const cacheFile = join(dir, 'dist', file);
    const damaged = damage(readFileSync(cacheFile), join(dir, 'dist', file.slice(0, file.indexOf('.cjs.') + '.cjs'.length)));
    if (damaged === undefined) rmSync(cacheFile);
    else writeFileSync(cacheFile, damaged);
  }
  return dir;
}

function runIn(dir: string, args: string[]) {
  const result = spawnSync(process.execPath, [join(dir, 'bin', 'pm-diag.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Whether V8 took the bundle's cache for a run with these arguments, in a fresh process (V8 keeps what it compiled). */
function cacheTakenIn(dir: string, args: string[]): boolean {
  const script = `const { loadBundle } = require(${JSON.stringify(join(dir, 'bin', 'load-bundle.js'))});
    process.stdout.write(JSON.stringify(loadBundle(${JSON.stringify(args)}).usedCache));`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as boolean;
}

/** Whether V8 took each of the bundle's caches: the one for runs that name no command, and the commands' one. */
const cachesTakenIn = (dir: string) => ({ bare: cacheTakenIn(dir, []), commands: cacheTakenIn(dir, ['assess']) });

const flipBytes: Damage = (cache) => {
  const copy = Buffer.from(cache);
  for (let i = 100; i < copy.length; i += 997) copy[i] = copy[i]! ^ 0xff;
  return copy;
};

/** The cache's own header, then V8's data for the same source made without V8's checksum. */
const recordedWithoutChecksum: Damage = (cache, bundleFile) => {
  const script = `const source = require('node:fs').readFileSync(${JSON.stringify(bundleFile)}, 'utf8');
    process.stdout.write(new (require('node:vm').Script)(source, { filename: ${JSON.stringify(bundleFile)} }).createCachedData());`;
  const data = spawnSync(process.execPath, ['-e', script], { timeout: 20_000 }).stdout;
  // V8's data opens alike in every cache this Node makes (a magic number and V8's version).
  const headerLength = cache.indexOf(data.subarray(0, 8));
  expect(headerLength).toBeGreaterThan(0);
  return Buffer.concat([cache.subarray(0, headerLength), data]);
};

describe('the code cache', () => {
  const cases: [string, Damage][] = [
    ['damaged bytes', flipBytes],
    ['truncated', (cache) => cache.subarray(0, 1000)],
    ['empty', () => Buffer.alloc(0)],
    ['missing', () => undefined],
    ['made for another bundle', (cache) => Buffer.concat([Buffer.from([1, 2, 3, 4]), cache.subarray(4)])],
    ['recorded without V8’s checksum', recordedWithoutChecksum],
  ];
  const expected = runIn(ROOT, ['assess', '--answers', 'examples/mature.yaml', '--format', 'json']);
  const expectedHtml = runIn(ROOT, ['assess', '--answers', 'examples/mature.yaml', '--format', 'html']);
  const expectedVersion = runIn(ROOT, ['--version']);

  it('is what the build wrote, and V8 takes it', () => {
    expect(cachesTakenIn(ROOT)).toEqual({ bare: true, commands: true });
    expect(expected.code).toBe(0);
    expect(JSON.parse(expected.stdout)).toMatchObject({ schemaVersion: 1 });
  });

  it.each(cases)('%s: ignored, the CLI works the same', (name, damage) => {
    const dir = packageWith(name.replace(/\W+/g, '-'), damage);
    expect(cachesTakenIn(dir)).toEqual({ bare: false, commands: false });
    const result = runIn(dir, ['assess', '--answers', 'examples/mature.yaml', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected.stdout);
    // The runs with a cache of their own: a part (the HTML renderer), and a run that names no command.
    expect(runIn(dir, ['assess', '--answers', 'examples/mature.yaml', '--format', 'html'])).toEqual(expectedHtml);
    expect(runIn(dir, ['--version'])).toEqual(expectedVersion);
  });

  it('a bundle rebuilt at the same length with other content does not take the old build’s caches', () => {
    const dir = packageWith('rebuilt', (cache) => cache);
    const bundleFile = join(dir, 'dist', 'pm-diag.cjs');
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const before = readFileSync(bundleFile, 'latin1');
    const other = version.replace(/\d/g, '9');
    expect(other).not.toBe(version);
    writeFileSync(bundleFile, before.replace(JSON.stringify(version), JSON.stringify(other)), 'latin1');
    const require = createRequire(import.meta.url);
    (require(join(dir, 'bin', 'load-bundle.js')) as { stampBuildId: (file: string) => void }).stampBuildId(bundleFile);
    const after = readFileSync(bundleFile, 'latin1');
    expect(after.length).toBe(before.length);
    expect(after).not.toBe(before);
    expect(cachesTakenIn(dir)).toEqual({ bare: false, commands: false });
    expect(runIn(dir, ['--version'])).toEqual({ code: 0, stdout: `${other}\n`, stderr: '' });
  });
});
