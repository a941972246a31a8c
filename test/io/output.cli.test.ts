import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

// `--out ""` (a script's unset variable) is no file name: refused, never a silent write to stdout
// where a file was asked for.

describe('--out with an empty name', () => {
  it.each([
    ['report', join(ROOT, 'examples', 'team')],
    ['export', join(ROOT, 'examples', 'team')],
    ['template'],
    ['form'],
    ['roles'],
  ])('%s: exit 2, nothing on stdout, the way out named', (...args) => {
    const r = runCli([...args, '--out', '']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'pm-diag: --out: found an empty file name (expected a file name, or - for standard output)\n',
    );
  });
});
