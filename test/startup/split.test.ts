import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliResult } from '../helpers/cli.js';

// The rarely used parts of the CLI are bundles of their own (scripts/split.mjs), loaded on first
// use. Each must load only when its command or format runs, and must use the main bundle's modules
// rather than copies: the error classes that decide exit codes, the reader's record of inputs that
// the writer checks.

const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-split-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const example = join(ROOT, 'examples', 'launch-orphaned.yaml');
const profileExample = join(ROOT, 'examples', 'profile', 'sam-ortiz.yaml');

interface PartsRun {
  code: number;
  usedCache: boolean;
  parts: { name: string; usedCache: boolean }[];
}

/** Runs the CLI as bin/pm-diag.js does, and reports which parts it loaded and whether V8 took the caches. */
function partsLoadedBy(args: string[]): PartsRun {
  const script = `
    const { loadBundle } = require(${JSON.stringify(join(ROOT, 'bin', 'load-bundle.js'))});
    const { tuneCompiler } = require(${JSON.stringify(join(ROOT, 'bin', 'compiler-tuning.js'))});
    const args = JSON.parse(process.argv[1]);
    const bundle = loadBundle(args);
    tuneCompiler(args);
    bundle.main(args).then((code) => {
      const parts = [...bundle.parts].map(([name, part]) => ({ name, usedCache: part.usedCache }));
      process.stderr.write(JSON.stringify({ code, usedCache: bundle.usedCache, parts }));
    });`;
  const result = spawnSync(process.execPath, ['-e', script, JSON.stringify(args)], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000 });
  return JSON.parse(result.stderr) as PartsRun;
}

const out = (name: string) => ['--out', join(scratch, name)];

function expectInputError(result: CliResult, message: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/internal error|^\s+at /m);
}

describe('the parts of the CLI', () => {
  it('are files beside the bundle, each with its code cache', () => {
    const dist = readdirSync(join(ROOT, 'dist'));
    for (const part of ['html', 'profile', 'export', 'interactive', 'form', 'yaml']) expect(dist).toContain(`${part}.cjs`);
    for (const part of ['html', 'profile', 'export', 'form', 'yaml']) expect(dist.some((file) => file.startsWith(`${part}.cjs.`) && file.endsWith('.cache'))).toBe(true);
    // The bundle's: one for the commands, a smaller one for runs that name none (--version, --help).
    expect(statSync(join(ROOT, 'dist', 'pm-diag.cjs.bare.cache')).size).toBeLessThan(statSync(join(ROOT, 'dist', 'pm-diag.cjs.cache')).size / 2);
  });

  it.each([
    ['--version', ['--version'], []],
    ['--help', ['--help'], []],
    ['assess --format markdown', ['assess', '--answers', example, '--format', 'markdown', ...out('a.md')], []],
    ['report --format json', ['report', join(ROOT, 'examples', 'team'), '--format', 'json', ...out('t.json')], []],
    ['assess --format html', ['assess', '--answers', example, '--format', 'html', ...out('a.html')], ['html.cjs']],
    ['report --format html', ['report', join(ROOT, 'examples', 'team'), ...out('t.html')], ['html.cjs']],
    ['roles --format html', ['roles', ...out('roles.html')], ['html.cjs']],
    ['profile', ['profile', '--answers', profileExample, ...out('p.txt')], ['profile.cjs']],
    // What every HTML page is built with is the main bundle's: a profile or a questionnaire does not load the reports' part.
    ['profile --format html', ['profile', '--answers', profileExample, ...out('p.html')], ['profile.cjs']],
    ['export', ['export', join(ROOT, 'examples', 'team'), ...out('e.csv')], ['export.cjs']],
    ['form', ['form', ...out('q.html')], ['form.cjs']],
    // A bank file is beyond the simple YAML reader; an answers file is not.
    ['validate a bank', ['validate', join(ROOT, 'questions', 'pm-pmm.yaml')], ['yaml.cjs']],
    ['assess --bank', ['assess', '--bank', join(ROOT, 'questions', 'pm-pmm.yaml'), '--answers', example, '--format', 'json', ...out('b.json')], ['yaml.cjs']],
  ])('%s loads only the parts it uses, with their caches', (_, args, expected) => {
    const run = partsLoadedBy(args);
    expect(run.code).toBe(0);
    expect(run.usedCache).toBe(true);
    expect(run.parts.map((part) => part.name)).toEqual(expected);
    for (const part of run.parts) expect(part.usedCache, part.name).toBe(true);
  });
});

describe('a part uses the main bundle’s modules, not copies', () => {
  it('a bad answer caught inside the profile part exits 2 with its position (the host’s InputError)', () => {
    const bad = join(scratch, 'bad-profile.yaml');
    writeFileSync(bad, 'profile: pm-pmm-tendency\nrespondent:\n  name: Sam\nanswers:\n  info-monday: sideways\n');
    for (const format of ['terminal', 'html']) {
      expectInputError(runCli(['profile', '--answers', bad, '--format', format]), /bad-profile\.yaml:5:16: .*found "sideways"/);
    }
  });

  it('a bad answers file on the export and html paths exits 2 with its position', () => {
    const bad = join(scratch, 'bad.yaml');
    writeFileSync(bad, 'respondent: x\n  bad: [\n');
    expectInputError(runCli(['export', bad]), /bad\.yaml:1:13: /);
    expectInputError(runCli(['assess', '--answers', bad, '--format', 'html']), /bad\.yaml:1:13: /);
  });

  it('a broken answers file, read by the yaml part, exits 2 with its position', () => {
    const bad = join(scratch, 'broken.yaml');
    writeFileSync(bad, 'answers:\n  pricing: { owner: pm\n');
    expectInputError(runCli(['assess', '--answers', bad, '--format', 'markdown']), /broken\.yaml:\d+:\d+: /);
    expectInputError(runCli(['validate', bad]), /broken\.yaml:\d+:\d+: /);
  });

  it('--out equal to an input is refused on the html, profile and export paths, and the input is kept', () => {
    const answers = join(scratch, 'answers.yaml');
    const profile = join(scratch, 'profile.yaml');
    const cases: [string, string[]][] = [
      [answers, ['assess', '--answers', answers, '--format', 'html', '--out', answers]],
      [answers, ['report', answers, '--format', 'html', '--out', answers]],
      [answers, ['export', answers, '--format', 'csv', '--out', answers]],
      [profile, ['profile', '--answers', profile, '--format', 'html', '--out', profile]],
    ];
    for (const [input, args] of cases) {
      copyFileSync(input === answers ? example : profileExample, input);
      const before = readFileSync(input, 'utf8');
      expectInputError(runCli(args), /input/);
      expect(readFileSync(input, 'utf8'), args.join(' ')).toBe(before);
    }
  });
});
