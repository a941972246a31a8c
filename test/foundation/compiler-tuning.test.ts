import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROOT } from '../helpers/cli.js';

// A run over one file keeps V8's optimizing compiler out of the way (it only slowed such runs down);
// the commands that may read thousands of files keep it, and the build, recording the code cache,
// must not change V8's flags at all (V8 rejects a cache made under other flags).

const setFlagsFromString = vi.hoisted(() => vi.fn());
vi.mock('node:v8', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:v8')>()), setFlagsFromString }));
const { main } = await import('../../src/cli.js');

const dir = mkdtempSync(join(tmpdir(), 'pm-diag-tuning-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const example = join(ROOT, 'examples', 'mature.yaml');

beforeEach(() => setFlagsFromString.mockClear());

describe('compiler tuning', () => {
  it('raises the interrupt budget for a one-file command, which still works', async () => {
    const out = join(dir, 'report.md');
    expect(await main(['assess', '--answers', example, '--out', out])).toBe(0);
    expect(setFlagsFromString).toHaveBeenCalledWith(expect.stringMatching(/^--interrupt-budget=\d+$/));
    expect(readFileSync(out, 'utf8')).toContain('# ');
  });

  it.each([
    ['report', [example, '--out', join(dir, 'team.json')]],
    ['compare', [example, example, '--out', join(dir, 'compare.json')]],
  ])('leaves V8 alone for %s, which may read thousands of files', async (command, args) => {
    expect(await main([command, ...args])).toBe(0);
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });

  it('leaves V8 alone when the build asks it to', async () => {
    expect(await main(['template', '--out', join(dir, 'answers.yaml')], { tuneCompiler: false })).toBe(0);
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });
});
