import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

// Version 2 of the bank through the model's own loader: it validates, and every version-1 example
// loads against it, with a warning naming what moved and nothing lost.

const V2 = join(ROOT, 'questions', 'pm-pmm.v2.yaml');

describe('the version-2 bank in the binary', () => {
  it('validates', () => {
    const r = runCli(['validate', V2]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('question bank "pm-pmm-diagnostic" v2');
  });

  it.each(['launch-orphaned.yaml', 'mature.yaml', 'startup-one-person.yaml'])('loads the version-1 example %s, naming what moved', (example) => {
    const r = runCli(['assess', '--answers', join(ROOT, 'examples', example), '--bank', V2, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('answers under ids of an earlier version of "pm-pmm-diagnostic": moved');
    const report = JSON.parse(r.stdout) as { bank: { version: number }; summary: { coverage: number } };
    expect(report.bank.version).toBe(2);
    expect(report.summary.coverage).toBeGreaterThan(50);
  });

  it('reports the version-2 team example, each person once', () => {
    const r = runCli(['report', join(ROOT, 'examples', 'v2', 'team'), '--bank', V2, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { respondents: number }).respondents).toBe(5);
  });
});
