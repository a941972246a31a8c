import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

// A report and the answers it was made from compare as unchanged, whatever the team size and
// whatever form the answers take: numbers are rounded once, in one place, only at output.

const dir = mkdtempSync(join(tmpdir(), 'pm-diag-round-trip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function generate(count: number, seed: number, format: 'yaml' | 'csv'): string {
  const out = join(dir, `${format}-${count}-${seed}`);
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'scripts', 'gen-respondents.mjs'),
      '--count',
      String(count),
      '--seed',
      String(seed),
      '--format',
      format,
      '--out',
      out,
    ],
    { encoding: 'utf8' },
  );
  expect(result.status).toBe(0);
  return format === 'csv' ? join(out, 'respondents.csv') : out;
}

/** The case that exposed three roundings: one item's capability is one 2 and (count − 1) 1s. */
function oneTwoManyOnes(count: number): string {
  const out = join(dir, `ones-${count}`);
  mkdirSync(out);
  for (let i = 0; i < count; i++) {
    const level = i === 0 ? 2 : 1;
    writeFileSync(
      join(out, `r${i}.yaml`),
      `respondent: { name: R${i}, role: pm }\nanswers:\n  competitive-analysis: { owner: pmm, capability: ${level}, capacity: ${i % 3 === 0 ? 2 : 1} }\n`,
    );
  }
  return out;
}

function unchanged(before: string, after: string): void {
  const result = runCli(['compare', before, after, '--format', 'json', '--fail-on-regression']);
  expect(result.stderr.split('\n').filter((line) => line !== '' && !/: warning: |more warnings/.test(line))).toEqual(
    [],
  );
  expect(result.code).toBe(0);
  const comparison = JSON.parse(result.stdout);
  expect(comparison.items).toEqual([]);
  expect(comparison.regressions).toEqual([]);
}

function reportOf(input: string, name: string): string {
  const out = join(dir, `${name}.json`);
  const result = runCli(['report', input, '--out', out]);
  expect(result.code).toBe(0);
  return out;
}

// Each case runs the binary a dozen times: on a busy machine that takes longer than the default timeout.
describe('a report compares as unchanged with its own answers', { timeout: 120_000 }, () => {
  it.each([40, 120])('one 2 among %i ones (a mean on the rounding edge)', (count) => {
    const answers = oneTwoManyOnes(count);
    const report = reportOf(answers, `ones-${count}`);
    unchanged(report, answers);
    unchanged(answers, report);
  });

  it.each([
    [1, 1],
    [7, 3],
    [24, 5],
  ])('a generated team of %i (seed %i): folder, files, CSV and JSON report', (count, seed) => {
    const folder = generate(count, seed, 'yaml');
    const report = reportOf(folder, `team-${count}`);
    unchanged(report, folder);
    const files = readdirSync(folder).map((name) => join(folder, name));
    const fileReport = join(dir, `files-${count}.json`);
    expect(runCli(['report', ...files, '--out', fileReport]).code).toBe(0);
    unchanged(fileReport, folder);
    const csv = generate(count, seed, 'csv');
    unchanged(report, csv);
  });
});
