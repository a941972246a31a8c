import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

// A run over one file keeps V8's optimizing compiler out of the way on Node 20; the commands that
// may read thousands of files keep it; on later Node lines the flag does not exist and is never set.
const { compilerFlagsFor } = createRequire(import.meta.url)(join(ROOT, 'bin', 'compiler-tuning.js')) as {
  compilerFlagsFor: (args: string[], nodeMajor: number) => string[];
};

describe('compiler tuning', () => {
  it('raises the interrupt budget for a one-file command on Node 20', () => {
    expect(compilerFlagsFor(['assess', '--answers', 'a.yaml'], 20)).toEqual([expect.stringMatching(/^--interrupt-budget=\d+$/)]);
    expect(compilerFlagsFor(['--debug', 'roles'], 20)).toHaveLength(1);
  });

  it.each(['report', 'compare', 'validate', 'export'])('leaves V8 alone for %s, which may read thousands of files', (command) => {
    expect(compilerFlagsFor([command, 'x'], 20)).toEqual([]);
  });

  it.each([22, 24, 26])('sets no flag on Node %i, where V8 no longer knows it', (major) => {
    expect(compilerFlagsFor(['assess', '--answers', 'a.yaml'], major)).toEqual([]);
  });

  it("runs a one-file command on this Node line with nothing on stderr", () => {
    const result = runCli(['assess', '--answers', join(ROOT, 'examples', 'mature.yaml'), '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).schemaVersion).toBe(1);
  });
});
