import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { MINIMAL_BANK, fixture } from './helpers.js';

// Through the built binary (npm test builds first), as CI runs it.

const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-compare-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const compare = (before: string, after: string, ...args: string[]) =>
  runCli(['compare', before, after, '--bank', MINIMAL_BANK, ...args]);
const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);

describe('pm-diag compare', () => {
  it('exit 0 when things improved or stayed, even with --fail-on-regression', () => {
    const improved = compare(fixture('before.yaml'), fixture('improved.yaml'), '--fail-on-regression');
    expect(improved.code, improved.stderr).toBe(0);
    expect(improved.stdout).toContain('3 improved, 0 regressed, 0 changed, 1 unchanged; 0 new gaps, 2 closed gaps');
    expect(improved.stderr).toBe('');
    const same = compare(fixture('before.yaml'), fixture('before.yaml'), '--fail-on-regression', '--format', 'json');
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout)).toMatchObject({ kind: 'comparison', items: [], unchanged: 4, regressed: false });
  });

  it('exit 0 on a regression without --fail-on-regression', () => {
    expect(compare(fixture('before.yaml'), fixture('regressed.yaml')).code).toBe(0);
  });

  it('exit 1 on a regression with --fail-on-regression, after writing --out (format from its extension)', () => {
    const out = join(scratch, 'diff.md');
    const r = compare(fixture('before.yaml'), fixture('regressed.yaml'), '--fail-on-regression', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'pm-diag: readiness went down (--fail-on-regression): summary readiness 25.0 → 15.0 (-10.0); positioning 25.0 → 0.0 (-25.0); launch-cadence 75.0 → 50.0 (-25.0)\n',
    );
    expect(readFileSync(out, 'utf8')).toMatch(/^# pm-diag comparison\n/);
  });

  it('compares JSON reports written by assess and report', () => {
    const before = join(scratch, 'before.json');
    const after = join(scratch, 'after.json');
    expect(runCli(['assess', '--answers', fixture('before.yaml'), '--bank', MINIMAL_BANK, '--out', before]).code).toBe(
      0,
    );
    expect(
      runCli(['report', fixture('after-set.csv'), '--bank', MINIMAL_BANK, '--format', 'json', '--out', after]).code,
    ).toBe(0);
    const fromReports = compare(before, after, '--format', 'json');
    expect(fromReports.code, fromReports.stderr).toBe(0);
    const fromAnswers = compare(fixture('before.yaml'), fixture('after-set.csv'), '--format', 'json');
    const strip = (json: string) => {
      const { before: b, after: a, ...rest } = JSON.parse(json);
      return { ...rest, sides: [b.summary, a.summary, b.respondents, a.respondents] };
    };
    expect(strip(fromReports.stdout)).toEqual(strip(fromAnswers.stdout));
    expect(JSON.parse(fromReports.stdout).before.from).toBe('report');
    // A report against its own answers: nothing changed.
    expect(JSON.parse(compare(before, fixture('before.yaml'), '--format', 'json').stdout).items).toEqual([]);
  });

  it('compares sets: a folder against a CSV export', () => {
    const r = compare(fixture('before-set'), fixture('after-set.csv'), '--format', 'markdown', '--fail-on-regression');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('(2 respondents, answers)');
  });

  it('exit 2 on bad input in either side: every problem with its position, empty stdout, no stack trace', () => {
    const r = compare(fixture('bad-report.json'), join(scratch, 'nope.yaml'), '--fail-on-regression');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    noStack(r.stderr);
    expect(r.stderr).toContain(
      'bad-report.json:6:29: summary.readiness: invalid value (found "high", expected a number from 0 to 100, or null)',
    );
    expect(r.stderr).toMatch(
      /bad-report\.json:10:\d+: items\.0\.quadrant: invalid value \(found "fine", expected strength, stretched, underskilled, critical or null\)/,
    );
    expect(r.stderr).toContain('nope.yaml: no such file');
  });

  it('exit 2 on a comparison given as a side, and on a bad option', () => {
    const out = join(scratch, 'cmp.json');
    expect(compare(fixture('before.yaml'), fixture('improved.yaml'), '--out', out).code).toBe(0);
    const r = compare(out, fixture('before.yaml'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cmp\.json:\d+:\d+: kind: this is the output of pm-diag compare, not a report/);
    expect(compare(fixture('before.yaml'), fixture('improved.yaml'), '--target', '9').code).toBe(2);
  });
});

describe('pm-diag compare: which respondents and which form, as report chooses them', () => {
  const side = (name: string, levels: Record<string, number>) => {
    const folder = join(scratch, name);
    mkdirSync(folder);
    for (const [organization, capability] of Object.entries(levels)) {
      writeFileSync(
        join(folder, `${organization.toLowerCase()}.yaml`),
        `bank: mini-bank\norganization: ${organization}\nrespondent: { name: ${organization} lead, role: pm }\nanswers:\n  market-problems: { owner: pm, capability: ${capability}, capacity: 3 }\n`,
      );
    }
    return folder;
  };
  const before = side('orgs-before', { Acme: 2, Globex: 3 });
  const after = side('orgs-after', { Acme: 4, Globex: 1 });

  it('two organizations in a side: exit 2 pointing at --organization, which picks one', () => {
    const mixed = compare(before, after);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('--organization');
    const acme = compare(before, after, '--organization', 'acme', '--format', 'json');
    expect(acme.code, acme.stderr).toBe(0);
    const item = (JSON.parse(acme.stdout) as { items: { id: string; direction: string }[] }).items.find(
      (i) => i.id === 'market-problems',
    );
    expect(item).toMatchObject({ direction: 'improved', capability: { before: 2, after: 4 } });
  });

  it('--form rapid compares the rapid items only; a stage the bank does not have is refused', () => {
    const unchanged = (...args: string[]) => {
      const r = runCli(['compare', 'examples/team', 'examples/team', '--format', 'json', ...args]);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { unchanged: number }).unchanged;
    };
    expect(unchanged('--form', 'rapid')).toBeLessThan(unchanged());
    const stage = runCli(['compare', 'examples/team', 'examples/team', '--stage', 'nope']);
    expect(stage.code).toBe(2);
    expect(stage.stderr).toContain('nope');
    noStack(stage.stderr);
  });
});
