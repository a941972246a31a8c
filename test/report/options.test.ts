import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// Numbers on the command line are plain decimal, as people type them: `0x10`, `1e9` and `0b1` are
// refused with what to write instead, and a --top larger than the gaps lists them all. A report's
// JSON with a bad respondent count says what a count is.

const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-options-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const EXAMPLE = join('examples', 'team');

describe('number options', () => {
  it.each([
    ['--top', '0x10', 'a whole number, 0 or more, in plain decimal digits (such as 10)'],
    ['--top', '1e9', 'a whole number, 0 or more, in plain decimal digits (such as 10)'],
    ['--top', '-1', 'a whole number, 0 or more, in plain decimal digits (such as 10)'],
    ['--fail-under', '0x32', 'a number from 0 to 100, in plain decimal digits (such as 50)'],
    ['--fail-under', '5e1', 'a number from 0 to 100, in plain decimal digits (such as 50)'],
    ['--target', '0b11', 'a number from 1 to 5, in plain decimal digits (such as 3.5)'],
    ['--target', '6', 'a number from 1 to 5'],
  ])('%s %s is refused, saying what to write', (option, value, expected) => {
    const r = runCli(['report', EXAMPLE, option, value]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`pm-diag: ${option}: found "${value}", expected ${expected}\n`);
  });

  it('a --top larger than the gaps lists every gap', () => {
    const all = JSON.parse(runCli(['report', EXAMPLE, '--format', 'json']).stdout) as { gaps: string[] };
    const huge = runCli(['report', EXAMPLE, '--top', '1000000000', '--format', 'markdown']);
    expect(huge.code, huge.stderr).toBe(0);
    const sixteen = runCli(['report', EXAMPLE, '--top', '16', '--format', 'markdown']);
    expect(all.gaps.length).toBeGreaterThan(16);
    expect(huge.stdout.length).toBeGreaterThan(sixteen.stdout.length);
    const decimal = runCli(['report', EXAMPLE, '--fail-under', '50.5', '--format', 'json']);
    expect([0, 1]).toContain(decimal.code);
  });
});

describe('a JSON report with a bad respondent count', () => {
  it.each([['-1'], ['2.5']])('respondents: %s says what a count is', (value) => {
    const good = join(scratch, 'report.json');
    expect(runCli(['report', EXAMPLE, '--out', good]).code).toBe(0);
    const bad = join(scratch, `bad${value}.json`);
    const text = readFileSync(good, 'utf8');
    writeFileSync(bad, text.replace(/^ {2}"respondents": \d+,$/m, `  "respondents": ${value},`));
    const r = runCli(['compare', bad, good]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${bad.replace(/[.]/g, '\\.')}:\\d+:\\d+: respondents: invalid value`));
    const expected = 'expected a count of respondents: a whole number, 0 or more';
    expect(r.stderr).toContain(`(found ${value}, ${expected})`);
  });
});
