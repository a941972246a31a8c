import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

// `--format html` through the built binary (npm test builds first).

const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-html-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const EXAMPLE = join(ROOT, 'examples', 'launch-orphaned.yaml');

describe('pm-diag --format html', () => {
  it('infers html from --out x.html for assess and report, and writes nothing on stderr', () => {
    const one = join(scratch, 'one.html');
    const r = runCli(['assess', '--answers', EXAMPLE, '--out', one]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const page = readFileSync(one, 'utf8');
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page).toContain('Northwind Analytics');

    const team = join(scratch, 'team.HTM');
    const t = runCli(['report', join(ROOT, 'examples', 'team'), '--out', team]);
    expect(t.code, t.stderr).toBe(0);
    const teamPage = readFileSync(team, 'utf8');
    expect(teamPage).toContain('<section id="disagreements"');
    // DESIGN.md, "Performance budget": a team of four's report is at most 150 KB.
    expect(Buffer.byteLength(teamPage)).toBeLessThanOrEqual(150 * 1000);
  });

  it('prints html to stdout with --format html, and --format still wins over the extension', () => {
    const r = runCli(['assess', '--answers', EXAMPLE, '--format', 'html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('<section id="summary"');
    const md = join(scratch, 'report.html');
    expect(runCli(['assess', '--answers', EXAMPLE, '--format', 'markdown', '--out', md]).code).toBe(0);
    expect(readFileSync(md, 'utf8')).toMatch(/^# Gap report/);
  });

  it('writes the role map and a comparison as HTML pages too', () => {
    const roles = runCli(['roles', '--format', 'html']);
    expect(roles.code, roles.stderr).toBe(0);
    expect(roles.stdout).toMatch(
      /^<!doctype html>[\s\S]*<h1>Product Management and Product Marketing functional diagnostic: the role map<\/h1>/,
    );
    expect(roles.stdout).toContain('<td>Finding the market&#39;s problems</td><td>PM</td>');
    const out = join(scratch, 'compare.html');
    const compare = runCli(['compare', EXAMPLE, join(ROOT, 'examples', 'mature.yaml'), '--out', out]);
    expect(compare.code, compare.stderr).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('<title id="chart-compare-title">Summary indexes before and after</title>');
    expect(page).toMatch(/<strong>Readiness [\d.]+ → [\d.]+ \(\+[\d.]+\)<\/strong>/);
  });

  it('exit 2 for an unknown format, naming html among the choices', () => {
    const r = runCli(['assess', '--answers', EXAMPLE, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/terminal, markdown, json, html/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('--top 0', () => {
  it('says the gaps exist and are not listed, in every format, instead of "every item meets its target"', () => {
    const mature = join(ROOT, 'examples', 'mature.yaml');
    const gaps = (JSON.parse(runCli(['assess', '--answers', mature, '--format', 'json']).stdout) as { gaps: string[] })
      .gaps.length;
    expect(gaps).toBeGreaterThan(1);
    for (const format of ['terminal', 'markdown', 'html']) {
      const r = runCli(['assess', '--answers', mature, '--top', '0', '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, format).toContain(`${gaps} gaps, none listed: --top 0 asks for none`);
      expect(r.stdout, format).not.toContain('every rated item meets its target');
    }
  });
});

describe('functions that own nothing', () => {
  it('are not shown as a row of n/a (the version-1 bank has no leadership items); the JSON still lists all four', () => {
    const example = join(ROOT, 'examples', 'launch-orphaned.yaml');
    for (const format of ['terminal', 'markdown', 'html']) {
      const r = runCli(['assess', '--answers', example, '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, format).toContain('Product Marketing');
      expect(r.stdout, format).not.toMatch(/Leadership(\s|\||<[^>]*>|·)*n\/a/);
    }
    const json = JSON.parse(runCli(['assess', '--answers', example, '--format', 'json']).stdout) as {
      functions: { id: string; readiness: number | null }[];
    };
    // The JSON lists every function group the scoring has, owners of nothing included (with nulls).
    const ids = json.functions.map((f) => f.id);
    expect(ids.slice(0, 4)).toEqual(['pm', 'pmm', 'shared', 'leadership']);
  });
});
