import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

// V8 rejects Node's own code cache for its internal modules once a V8 flag differs from its default
// (the cache was made without it), and Node then compiles them from source. The start-up machinery
// sets flags (bin/load-bundle.js around the bundle's cache, bin/compiler-tuning.js on Node 20): the
// modules a run loads after them must still come from Node's cache. Node reports each module it
// compiles, and each cache V8 rejects, when NODE_DEBUG_NATIVE names CODE_CACHE.

const example = join(ROOT, 'examples', 'launch-orphaned.yaml');

describe('Node’s own code cache', () => {
  it.each([
    ['--version', ['--version']],
    ['assess --format markdown', ['assess', '--answers', example, '--format', 'markdown']],
    ['assess --format html', ['assess', '--answers', example, '--format', 'html']],
  ])('%s (stdout a pipe) loads every internal module with it', (_, args) => {
    const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NODE_DEBUG_NATIVE: 'CODE_CACHE' }, timeout: 20_000 });
    expect(result.status).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(0);
    expect(result.stderr).toMatch(/with code cache/);
    expect(result.stderr.split('\n').filter((line) => /is rejected/.test(line))).toEqual([]);
  });
});
