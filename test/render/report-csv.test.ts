import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, renderReportCsv } from '../../src/core/render/report-csv.js';
import { ownershipProblems, topGaps } from '../../src/core/render/report-view.js';
import { runCli } from '../helpers/cli.js';
import { singleDiagnosis, teamDiagnosis } from './fixture.js';

// The CSV report: the action plan and the role charter as rows for a wiki or a tracker.

const rows = (text: string): string[][] => parse(text, { relaxQuotes: false });

describe('CSV report', () => {
  it('has one row per gap on the agenda, then one per ownership problem, with the meeting columns empty', () => {
    const d = teamDiagnosis();
    const [head, ...body] = rows(renderReportCsv(d, { top: 4 }));
    expect(head).toEqual(CSV_COLUMNS);
    const plan = body.filter((r) => r[0] === 'Action plan');
    const charter = body.filter((r) => r[0] === 'Role charter');
    expect(plan.map((r) => r[2])).toEqual(topGaps(d, 4).map((i) => i.id));
    expect(charter.map((r) => r[2]).sort()).toEqual(
      ownershipProblems(d)
        .map((i) => i.id)
        .sort(),
    );
    expect(plan.length + charter.length).toBe(body.length);
    for (const r of body) {
      expect(r).toHaveLength(CSV_COLUMNS.length);
      expect(r.slice(-3)).toEqual(['', '', '']);
      expect(r[9]!.length).toBeGreaterThan(10);
    }
    expect(charter[0]!.slice(2, 10)).toEqual([
      'sales-enablement',
      'Sales enablement',
      'capacity 3.00 below target 4; owner orphaned',
      'PMM',
      '',
      'None 1',
      'orphaned',
      'Name one accountable owner: PMM is recommended.',
    ]);
  });

  it('ends records with CRLF, quotes what RFC 4180 needs and defuses formulas', () => {
    const d = singleDiagnosis();
    const gap = d.items.find((i) => i.id === d.gaps[0])!;
    gap.title = '=HYPERLINK("http://x.example","a, b")';
    const text = renderReportCsv(d, { top: 10 });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(
      text
        .split('\r\n')
        .slice(0, -1)
        .every((line) => !line.includes('\n')),
    ).toBe(true);
    expect(rows(text)[1]![3]).toBe(`'${gap.title}`);
  });
});

describe('CSV from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pm-diag-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is inferred from --out, for report and assess alike', () => {
    const out = join(dir, 'plan.csv');
    for (const args of [
      ['report', 'examples/team'],
      ['assess', '--answers', 'examples/launch-orphaned.yaml'],
    ]) {
      const r = runCli([...args, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(rows(readFileSync(out, 'utf8'))[0]).toEqual(CSV_COLUMNS);
    }
  });

  it('is refused, with exit 2 and no stack trace, where a command does not write it', () => {
    const r = runCli([
      'compare',
      'examples/launch-orphaned.yaml',
      'examples/mature.yaml',
      '--out',
      join(dir, 'cmp.csv'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the extension names the csv format, which this command does not write');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});
