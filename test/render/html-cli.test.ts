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
    const t = runCli(['report', join(ROOT, 'examples'), '--out', team]);
    expect(t.code, t.stderr).toBe(0);
    expect(readFileSync(team, 'utf8')).toContain('<section id="disagreements"');
  });

  it('prints html to stdout with --format html, and --format still wins over the extension', () => {
    const r = runCli(['assess', '--answers', EXAMPLE, '--format', 'html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('<section id="summary"');
    const md = join(scratch, 'report.html');
    expect(runCli(['assess', '--answers', EXAMPLE, '--format', 'markdown', '--out', md]).code).toBe(0);
    expect(readFileSync(md, 'utf8')).toMatch(/^# Gap report/);
  });

  it('exit 2 for an unknown format, naming html among the choices', () => {
    const r = runCli(['assess', '--answers', EXAMPLE, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/terminal, markdown, json, html/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
