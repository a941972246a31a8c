import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { FIXTURES } from '../foundation/helpers.js';

// A JSON report written with an earlier version of the bank compares item by item with answers read
// through the current version: its ids follow the bank's migrations, as an answers file's do.

const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-compare-versions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const V2_BANK = join(FIXTURES, 'banks', 'v2-minimal.yaml');
const V1_ANSWERS = join(FIXTURES, 'answers', 'v1-for-v2.yaml');

interface ReportJson {
  bank: { version: number };
  items: { id: string }[];
  gaps: string[];
}

/** The report of `V1_ANSWERS` as version 1 of the bank would have written it: the v2 ids put back to their v1 names. */
function versionOneReport(): string {
  const path = join(scratch, 'now.json');
  expect(runCli(['assess', '--answers', V1_ANSWERS, '--bank', V2_BANK, '--format', 'json', '--out', path]).code).toBe(
    0,
  );
  const report = JSON.parse(readFileSync(path, 'utf8')) as ReportJson;
  const oldIds: Record<string, string> = { 'market-problems': 'market-discovery', positioning: 'messaging' };
  const old = (id: string) => oldIds[id] ?? id;
  report.bank.version = 1;
  report.items = report.items.map((i) => ({ ...i, id: old(i.id) }));
  report.gaps = report.gaps.map(old);
  const v1 = join(scratch, 'v1.json');
  writeFileSync(v1, JSON.stringify(report));
  return v1;
}

interface ComparisonJson {
  notes: string[];
  items: { id: string; change: string }[];
  regressions: unknown[];
}

describe('compare across bank versions', () => {
  it('a report of version 1 and the same answers read as version 2 compare as unchanged, with the moves named', () => {
    const v1 = versionOneReport();
    const result = runCli(['compare', v1, V1_ANSWERS, '--bank', V2_BANK, '--format', 'json']);
    expect(result.code).toBe(0);
    const comparison = JSON.parse(result.stdout) as ComparisonJson;
    expect(comparison.items.filter((i) => i.change !== 'unchanged')).toEqual([]);
    expect(comparison.regressions).toEqual([]);
    expect(comparison.notes.join('\n')).toMatch(
      /before: its ids of version 1 are read as version 2: moved market-discovery → market-problems \(renamed\), messaging → positioning \(merged\)/,
    );
  });

  it('says so in the terminal report too, and lists nothing as added or removed', () => {
    const result = runCli(['compare', versionOneReport(), V1_ANSWERS, '--bank', V2_BANK, '--no-color']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/0 improved, 0 regressed, 0 changed/);
    expect(result.stdout).not.toMatch(/\d+ added|\d+ removed/);
    expect(result.stdout).toMatch(/market-discovery → market-problems/);
  });
});
