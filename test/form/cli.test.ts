import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { bankHash } from '../../src/core/bank/hash.js';
import { loadBankFile } from '../../src/io/bank-files.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { RAPID_BANK_PATH, rapidForm, writeForm } from './helpers.js';

// `pm-diag form` through the built binary (npm test builds first).

const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-form-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const MINIMAL = join(ROOT, 'test', 'fixtures', 'banks', 'minimal.yaml');
const BUDGET_KB = 250;

describe('pm-diag form', () => {
  it('writes one HTML page for the built-in bank within the size budget, and nothing on stderr', () => {
    const out = join(scratch, 'questionnaire.html');
    const r = runCli(['form', '--out', out]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(statSync(out).size / 1024).toBeLessThanOrEqual(BUDGET_KB);
    const full = writeForm(join(scratch, 'full.html'), [
      '--bank',
      RAPID_BANK_PATH,
      '--form',
      'full',
      '--stage',
      'enterprise',
    ]);
    expect(statSync(full).size / 1024).toBeLessThanOrEqual(BUDGET_KB);
  });

  it("lets its own script run and carries the bank's hash, as the build worked them out, the same as a custom bank's worked out at run time", () => {
    // The built-in bank's hash and the script's CSP source come from the build; a custom bank's hash
    // from the run. Each must be the hash of what the page holds.
    for (const args of [[], ['--bank', RAPID_BANK_PATH]]) {
      const r = runCli(['form', ...args, '--out', '-']);
      expect(r.code, r.stderr).toBe(0);
      const scripts = [...r.stdout.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      expect(scripts).toHaveLength(1);
      const csp = r.stdout.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
      expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(scripts[0]!).digest('base64')}';`);
      const data = JSON.parse(
        r.stdout.match(/<script type="application\/json" id="pm-diag-data">([^<]*)<\/script>/)![1]!,
      );
      expect(data.bank.hash).toBe(bankHash(loadBankFile(RAPID_BANK_PATH)));
    }
  });

  it('prints the page with --out -, with the stage, form and organization it was given', () => {
    const r = runCli([
      'form',
      '--bank',
      RAPID_BANK_PATH,
      '--form',
      'rapid',
      '--stage',
      'startup',
      '--organization',
      'Acme & Co',
      '--out',
      '-',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('"stage":"startup","form":"rapid","organization":"Acme \\u0026 Co"');
    expect(r.stdout).toContain('Questionnaire · for Acme &amp; Co · ');
  });

  it('refuses bad options with exit 2 and a message naming the option, what it found and what it expected', () => {
    const cases: [string[], RegExp][] = [
      [
        ['--stage', 'moon'],
        /^pm-diag: --stage: found "moon", expected one of the bank's stages: startup, growth, enterprise\n$/,
      ],
      [['--form', 'quick'], /^pm-diag: --form: found "quick", expected rapid or full\n$/],
      [
        ['--form', 'rapid', '--bank', MINIMAL],
        /^pm-diag: --form rapid: the bank "[a-z-]+" asks no item in the rapid form; expected a bank that marks items rapid: true, or --form full\n$/,
      ],
      [
        ['--out', join(scratch, 'q.md')],
        /^pm-diag: --out: the extension names the markdown format, which this command does not write; expected a file ending in \.html, \.htm, or --format html\n$/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = runCli(['form', '--bank', RAPID_BANK_PATH, '--out', join(scratch, 'bad.html'), ...args]);
      expect({ args, code: r.code, stdout: r.stdout, stderr: r.stderr }).toMatchObject({
        code: 2,
        stdout: '',
        stderr: expect.stringMatching(message),
      });
    }
    const noOut = runCli(['form']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("required option '--out <file>' not specified");
    expect(existsSync(join(scratch, 'bad.html'))).toBe(false);
  });

  it('refuses a bad bank with its position, and writes nothing', () => {
    const bank = join(scratch, 'broken-bank.yaml');
    writeFileSync(bank, readFileSync(MINIMAL, 'utf8').replace(/weight: \d/, 'weight: 7'));
    const out = join(scratch, 'from-broken.html');
    const r = runCli(['form', '--bank', bank, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^pm-diag: .+:\d+:\d+: .*weight: .*\(found 7, expected a weight of 1, 2 or 3\)$/m);
    expect(r.stderr.startsWith(`pm-diag: ${bank}:`)).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('never replaces its input: --out naming the bank, directly or through a link, is refused', () => {
    const bank = join(scratch, 'bank.html');
    copyFileSync(MINIMAL, bank);
    const link = join(scratch, 'link.html');
    symlinkSync(bank, link);
    const before = readFileSync(bank, 'utf8');
    for (const out of [bank, link]) {
      const r = runCli(['form', '--bank', bank, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/the output would replace an input .*of this run, so nothing was written/);
    }
    expect(readFileSync(bank, 'utf8')).toBe(before);
  });

  it('warns, naming both hashes, when answers carry the hash of other questions under the same bank id and version', () => {
    const { bank, stage, items } = rapidForm();
    const answers = join(scratch, 'stale-answers.yaml');
    const stale = `sha256:${'0'.repeat(64)}`;
    writeFileSync(
      answers,
      stringify({
        bank: bank.id,
        'bank-version': bank.version,
        'bank-hash': stale,
        stage,
        form: 'rapid',
        answers: Object.fromEntries(items.map((i) => [i.id, 'n/a'])),
      }),
    );
    const r = runCli(['report', answers, '--bank', RAPID_BANK_PATH, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'bank-hash: the answers were made with other questions under the same bank id and version',
    );
    expect(r.stderr).toContain(stale);
    expect(r.stderr).toContain(bankHash(bank));
  });
});
