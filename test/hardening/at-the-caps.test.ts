import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../src/core/document/document.js';
import { ROOT } from '../helpers/cli.js';
import { errorLines, expectInputError, run, scratchDir } from './helpers.js';

// DESIGN.md "Reliability rules": no input within the caps causes an internal error. Lists that grow
// with the input once went through argument spreads (`push(...rows)`), which overflow the stack past
// about a hundred thousand elements: these files are just under the caps, far past that.

const { write } = scratchDir('caps');
const EXAMPLE = join(ROOT, 'examples', 'launch-orphaned.yaml');
/** Each run parses a few megabytes on a shared machine: generous, so only a hang fails. */
const SLOW = { timeout: 240_000 };

/** Answers for the built-in bank with `count` ids it does not have, just under the document cap. */
function unknownIds(count: number): string {
  const lines = ['bank: pm-pmm-diagnostic', 'answers:'];
  for (let i = 0; i < count; i++) lines.push(`  u${i}: n/a`);
  return `${lines.join('\n')}\n`;
}

/** A CSV export with a row per respondent, each answering the first item. */
function manyRows(header: string, count: number): string {
  const rows = [header];
  // The organization facts come after name and role: left empty, as a skipped question is.
  const facts = ','.repeat(header.match(/\[facts\.[^\]]+\]/g)?.length ?? 0);
  for (let i = 0; i < count; i++) rows.push(`r${i},pm,${facts}pm,${(i % 5) + 1},3`);
  return `${rows.join('\n')}\n`;
}

describe('inputs at the caps end in a result or a clear error, never an internal error', () => {
  const yaml = unknownIds(140_000);
  const unknown = write('unknown-ids.yaml', yaml);

  it('the YAML of 140,000 unknown ids is within the document cap', () => {
    expect(yaml.length).toBeGreaterThan(MAX_DOCUMENT_BYTES * 0.9);
    expect(yaml.length).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES);
  });

  it.each([
    ['report', ['report', unknown], 140_000],
    ['validate', ['validate', unknown], 140_000],
    ['compare', ['compare', EXAMPLE, unknown], 140_000],
  ])(
    '%s: 140,000 unknown ids are listed as problems, exit 2',
    (_name, args, count) => {
      const result = run(args as string[], SLOW);
      expectInputError(result);
      const lines = errorLines(result);
      expect(lines[0]).toBe(
        `pm-diag: ${unknown}:3:3: answers.u0: unknown item id "u0" (expected an id from the bank "pm-pmm-diagnostic" (pm-diag template lists them))`,
      );
      expect(lines.at(-1)).toBe(`pm-diag: ... and ${(count as number) - (lines.length - 1)} more problems`);
    },
    300_000,
  );

  it('report: a 2 MB CSV export of 130,000 respondents (compare reads it the same way)', () => {
    const header = run(['template', '--format', 'csv']).stdout.trim();
    const csv = write('many-rows.csv', manyRows(header, 130_000));
    const out = write('report.json', '');
    const report = run(['report', csv, '--out', out], SLOW);
    expect(report.code, report.stderr.slice(0, 500)).toBe(0);
    expect(report.stderr).not.toContain('internal error');
    expect((JSON.parse(readFileSync(out, 'utf8')) as { respondents: number }).respondents).toBe(130_000);
  }, 300_000);
});
