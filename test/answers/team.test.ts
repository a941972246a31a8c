import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// One report is one team, each person counted once: mixed organizations, a file given twice and a
// person who answered twice are never merged silently.

const dir = mkdtempSync(join(tmpdir(), 'pm-diag-team-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function answers(
  name: string,
  organization: string,
  capability: number,
  file = `${name.toLowerCase()}-${capability}.yaml`,
): string {
  const path = join(dir, file);
  writeFileSync(
    path,
    `organization: ${organization}\nrespondent: { name: ${name}, role: pm }\nanswers:\n  competitive-analysis: { owner: pmm, capability: ${capability}, capacity: 3 }\n`,
  );
  return path;
}

const respondentsOf = (stdout: string) =>
  (JSON.parse(stdout) as { respondentList: { name: string; source: string }[] }).respondentList;

describe('report: one team per report', () => {
  const acme = answers('Ann', 'Acme', 3);
  const globex = answers('Gil', 'Globex', 2);

  it('several organizations: exit 2, naming which files belong to which', () => {
    const r = runCli(['report', acme, globex, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`"Acme": ${acme}`);
    expect(r.stderr).toContain(`"Globex": ${globex}`);
    expect(r.stderr).toContain('--organization');
  });

  it('an organization of many files: the first five named, the rest counted', () => {
    const many = ['Abe', 'Bo', 'Cal', 'Dee', 'Eve', 'Fay', 'Gus'].map((name) => answers(name, 'Initech', 3));
    const r = runCli(['report', ...many, globex, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`"Initech": ${many.slice(0, 5).join(', ')} and 2 more`);
    expect(r.stderr).toContain(`"Globex": ${globex}`);
  });

  it('--organization picks one (case and spaces ignored); an unknown one lists those there are', () => {
    const r = runCli(['report', acme, globex, '--organization', ' acme ', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(respondentsOf(r.stdout).map((p) => p.name)).toEqual(['Ann']);
    const unknown = runCli(['report', acme, globex, '--organization', 'Initech']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no respondent is from "Initech"');
    expect(unknown.stderr).toContain('"Acme", "Globex"');
  });

  it('the same file twice, or an identical copy, is counted once, with a warning', () => {
    const copy = answers('Ann', 'Acme', 3, 'ann-copy.yaml');
    const r = runCli(['report', acme, acme, copy, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(respondentsOf(r.stdout)).toHaveLength(1);
    expect(r.stderr).toContain(`${copy}: warning: the same answers as ${acme}: counted once`);
  });

  it('one person in several files: exit 2 listing them, unless --latest keeps the most recent', () => {
    const older = answers('Bo', 'Acme', 1);
    const newer = answers('Bo', 'Acme', 4);
    utimesSync(older, new Date('2026-01-01'), new Date('2026-01-01'));
    utimesSync(newer, new Date('2026-02-01'), new Date('2026-02-01'));
    const refused = runCli(['report', newer, older]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`"Bo" answered 2 times with different answers: ${newer}, ${older}`);
    const latest = runCli(['report', older, newer, '--latest', '--format', 'json']);
    expect(latest.code, latest.stderr).toBe(0);
    expect(respondentsOf(latest.stdout).map((p) => p.source)).toEqual([newer]);
    expect(latest.stderr).toContain(
      `${older}: warning: set aside (--latest): "Bo" answered again later; kept the latest, ${newer} ` +
        `(2026-02-01T00:00:00Z, by the file's modification time), over this one (2026-01-01T00:00:00Z, by the file's modification time)`,
    );
  });
});
