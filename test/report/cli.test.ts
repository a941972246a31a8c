import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { MINIMAL_BANK, REPORT_FIXTURES, TEAM, TEAM_CSV } from './helpers.js';

// Through the built binary (npm test builds first), as CI runs it.

const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const bankArgs = ['--bank', MINIMAL_BANK];
const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);

function generate(args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-respondents.mjs'), ...args], {
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
}

describe('pm-diag report', () => {
  it('exit 0: one report over a folder, with the count and a warning for the skipped item', () => {
    const r = runCli(['report', TEAM, ...bankArgs, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.respondents).toBe(3);
    expect(report.summary.readiness).toBe(42.5);
    expect(report.gaps).toEqual(['market-problems', 'launch-cadence']);
    expect(r.stderr).toMatch(/cy\.yml:\d+:\d+: warning: answers: 1 of 4 items unanswered: win-loss-feedback/);
  });

  it('exit 0: a CSV export and files together, in every format', () => {
    for (const format of ['terminal', 'markdown', 'json']) {
      const r = runCli(['report', TEAM_CSV, join(TEAM, 'ann.yaml'), ...bankArgs, '--latest', '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(100);
    }
  });

  it('exit 1 with --fail-under, after writing --out', () => {
    const out = join(scratch, 'team.md');
    const r = runCli(['report', TEAM, ...bankArgs, '--out', out, '--fail-under', '60']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/readiness 42\.5 is below --fail-under 60/);
    expect(readFileSync(out, 'utf8')).toMatch(/^#/);
  });

  it('exit 2 on bad input: every problem, empty stdout, no stack trace', () => {
    const r = runCli(['report', join(REPORT_FIXTURES, 'errors.csv'), join(scratch, 'nope.yaml'), ...bankArgs]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    noStack(r.stderr);
    expect(r.stderr).toContain('errors.csv:2:4: market-problems.capability: invalid value (found 6');
    expect(r.stderr).toContain('errors.csv:5:8: row 4 has 8 cells');
    expect(r.stderr).toContain('nope.yaml: no such file');
  });

  it('exit 2 with --strict on a skipped item, and on a bad option before reading anything', () => {
    expect(runCli(['report', TEAM, ...bankArgs, '--strict']).code).toBe(2);
    const r = runCli(['report', join(scratch, 'nope.yaml'), '--top', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--top: found "x"');
  });

  it('many respondents: warnings are summed up, not listed one by one', () => {
    const dir = join(scratch, 'many');
    generate(['--count', '40', '--out', dir, '--seed', '3']);
    const r = runCli(['report', dir, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).respondents).toBe(40);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(11);
    expect(lines.at(-1)).toMatch(/^pm-diag: \.\.\. and \d+ more warnings like these$/);
  });
});

describe('scripts/gen-respondents.mjs', () => {
  it('is deterministic, and its files and CSV give the same report', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((n) => join(scratch, `gen-${n}`)) as [string, string, string];
    generate(['--count', '12', '--out', a, '--seed', '9']);
    generate(['--count', '12', '--out', b, '--seed', '9']);
    generate(['--count', '12', '--out', c, '--seed', '9', '--format', 'csv']);
    const files = readdirSync(a);
    expect(files).toHaveLength(12);
    for (const f of files) expect(readFileSync(join(a, f), 'utf8')).toBe(readFileSync(join(b, f), 'utf8'));
    const fromFiles = JSON.parse(runCli(['report', a, '--format', 'json']).stdout);
    const fromCsv = JSON.parse(runCli(['report', join(c, 'respondents.csv'), '--format', 'json']).stdout);
    expect(fromCsv.summary).toEqual(fromFiles.summary);
    expect(fromCsv.items).toEqual(fromFiles.items);
  });
});
