import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { V1_EXAMPLES, V2_BANK_FILE } from './helpers.js';

// Version 2 of the bank, built in, through the model's own loader: it validates, and every example
// made with version 1 loads against it, with a warning naming what moved and nothing lost.

describe('the version-2 bank in the binary', () => {
  it('validates', () => {
    const r = runCli(['validate', V2_BANK_FILE]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('question bank "pm-pmm-diagnostic" v2');
  });

  it.each(['launch-orphaned.yaml', 'mature.yaml', 'startup-one-person.yaml'])(
    'loads the version-1 example %s as the built-in bank, naming what moved',
    (example) => {
      const r = runCli(['assess', '--answers', join(V1_EXAMPLES, example), '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('answers under ids of an earlier version of "pm-pmm-diagnostic": moved');
      const report = JSON.parse(r.stdout) as { bank: { version: number }; summary: { coverage: number } };
      expect(report.bank.version).toBe(2);
      expect(report.summary.coverage).toBeGreaterThan(50);
    },
  );

  it.each([
    ['team', 4, 'full'],
    ['team-rapid', 5, 'rapid'],
  ])('reports the team example examples/%s, each person once, with no warning', (folder, respondents, form) => {
    const r = runCli(['report', join(ROOT, 'examples', folder), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout) as { respondents: number; form: string }).toMatchObject({ respondents, form });
  });

  it('reports the version-1 team, each person once, naming what moved', () => {
    const r = runCli(['report', join(V1_EXAMPLES, 'team'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('answers under ids of an earlier version of "pm-pmm-diagnostic": moved');
    expect((JSON.parse(r.stdout) as { respondents: number }).respondents).toBe(4);
  });
});
