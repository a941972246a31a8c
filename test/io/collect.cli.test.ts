import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

// A folder is read for its answers files; a form export put beside them is not read, and says so:
// a respondent never goes missing without a word.

const RAPID = join(ROOT, 'examples', 'team-rapid');

describe('a folder holding a form export beside the answers files', () => {
  it('names each export it does not read, and how to give it; the answers files still count', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-diag-folder-export-'));
    copyFileSync(join(RAPID, 'alex-pm.yaml'), join(dir, 'alex-pm.yaml'));
    const header = runCli(['template', '--format', 'csv', '--form', 'rapid', '--out', join(dir, 'responses.csv')]);
    expect(header.code, header.stderr).toBe(0);
    copyFileSync(join(dir, 'responses.csv'), join(dir, 'Form Responses.XLSX'));
    for (const command of ['report', 'validate', 'export']) {
      const r = runCli([command, dir]);
      expect(r.code, r.stderr).toBe(0);
      for (const name of ['responses.csv', 'Form Responses.XLSX'])
        expect(r.stderr).toContain(
          `pm-diag: ${join(dir, name)}: warning: skipped: a folder is read for its answers files (.yaml, .yml, .json); to read this form export, give it by name after the folder`,
        );
    }
  });
});

describe('a spreadsheet pm-diag does not read, given by name', () => {
  it.each([
    ['responses.xls', 'an Excel 97-2003 workbook'],
    ['responses.ods', 'an OpenDocument spreadsheet'],
    ['Responses.NUMBERS', 'a Numbers spreadsheet'],
  ])('%s: says what it is and how to save it, exit 2, nothing on stdout', (name, what) => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-diag-other-sheet-'));
    const path = join(dir, name);
    // An OLE compound file's signature, as Excel 97-2003 writes it; the others are zips.
    writeFileSync(path, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const r = runCli(['report', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `pm-diag: ${path}: ${what}, which pm-diag does not read (expected a form export as .xlsx or .csv: save it as "Excel Workbook (*.xlsx)" or "CSV UTF-8", or download it from the form tool as one)\n`,
    );
  });

  it('a .txt in UTF-16 (Excel\'s "Unicode Text"): the refusal says to name it .csv', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-diag-unicode-text-'));
    const path = join(dir, 'responses.txt');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Your name [respondent]\r\n', 'utf16le')]),
    );
    const r = runCli(['report', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`pm-diag: ${path}: the file is UTF-16`);
    expect(r.stderr).toContain('a form export saved by Excel as "Unicode Text" is read when its name ends in .csv');
  });
});

describe("pm-diag's own outputs given among the answers (answers/*, as a shell expands it)", () => {
  it('are skipped with a warning each, as in a folder; the answers still count', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-diag-glob-'));
    for (const name of ['alex-pm.yaml', 'casey-sales.yaml']) copyFileSync(join(RAPID, name), join(dir, name));
    // Each output, the command that writes it, and what the warning calls it.
    const outputs: [string, string[], string][] = [
      ['report.json', ['report', dir], 'a pm-diag JSON report'],
      ['report.html', ['report', dir], 'a pm-diag report page'],
      ['report.md', ['report', dir], 'a pm-diag report page'],
      ['report.csv', ['report', dir], 'a pm-diag report (CSV)'],
      ['report.txt', ['report', dir], 'a pm-diag report (text)'],
      ['compare.txt', ['compare', dir, dir], 'a pm-diag comparison (text)'],
      ['team.csv', ['export', dir], 'a pm-diag export'],
      ['team.ndjson', ['export', dir, '--format', 'ndjson'], 'a pm-diag export (NDJSON)'],
      ['team.parquet', ['export', dir, '--format', 'parquet'], 'a Parquet file'],
    ];
    for (const [out, command] of outputs) {
      const made = runCli([...command, '--out', join(dir, out)]);
      expect(made.code, made.stderr).toBe(0);
    }
    const skipped = (name: string, what: string) => `${join(dir, name)}: warning: skipped: ${what}, not answers`;
    const all = readdirSync(dir)
      .sort()
      .map((name) => join(dir, name));
    for (const command of ['report', 'validate', 'export']) {
      const r = runCli([command, ...all]);
      expect(r.code, r.stderr).toBe(0);
      for (const [out, , what] of outputs) expect(r.stderr).toContain(skipped(out, what));
    }
    // A folder reads its answers files only, and names the CSV outputs it leaves out.
    const folder = runCli(['report', dir]);
    expect(folder.code, folder.stderr).toBe(0);
    expect(folder.stderr).toContain(skipped('report.csv', 'a pm-diag report (CSV)'));
    expect(folder.stderr).toContain(skipped('team.csv', 'a pm-diag export'));
    const json = runCli(['report', ...all, '--format', 'json']);
    expect((JSON.parse(json.stdout) as { respondents: number }).respondents).toBe(2);
  });

  it('the same report run again, with more answers, replaces its own earlier outputs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-diag-again-'));
    copyFileSync(join(RAPID, 'alex-pm.yaml'), join(dir, 'alex-pm.yaml'));
    const outputs = ['report.json', 'report.html', 'report.md', 'report.csv', 'report.txt'].map((out) =>
      join(dir, out),
    );
    for (const out of outputs) expect(runCli(['report', dir, '--out', out]).code).toBe(0);
    copyFileSync(join(RAPID, 'casey-sales.yaml'), join(dir, 'casey-sales.yaml'));
    const all = readdirSync(dir).map((name) => join(dir, name));
    for (const inputs of [[dir], all])
      for (const out of outputs) {
        const again = runCli(['report', ...inputs, '--out', out]);
        expect(again.code, again.stderr).toBe(0);
      }
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toMatch(/"respondents": 2,/);
  });
});

describe('inputs that hold nobody', () => {
  it('a report of nobody is refused, exit 2, saying every input was skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-diag-nobody-'));
    copyFileSync(join(RAPID, 'alex-pm.yaml'), join(dir, 'alex-pm.yaml'));
    const made = runCli(['report', dir, '--format', 'json', '--out', join(dir, 'report.json')]);
    expect(made.code, made.stderr).toBe(0);
    const only = join(dir, 'report.json');
    for (const command of ['report', 'export', 'validate']) {
      const r = runCli([command, only]);
      expect(r.code, `${command}: ${r.stderr}`).toBe(2);
      expect(r.stdout).not.toContain('Gap report');
      expect(r.stderr).toContain(
        `pm-diag: ${only}: no respondents: every input given was skipped (expected answers files or a form export)`,
      );
    }
  });

  it('a blank answers file (pm-diag template) among answers is nobody: skipped with a warning, the others counted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-diag-blank-'));
    for (const name of ['alex-pm.yaml', 'casey-sales.yaml']) copyFileSync(join(RAPID, name), join(dir, name));
    const alone = runCli(['report', dir, '--format', 'json']);
    const blank = join(dir, 'blank.yaml');
    const made = runCli(['template', '--out', blank]);
    expect(made.code, made.stderr).toBe(0);
    for (const inputs of [[dir], readdirSync(dir).map((name) => join(dir, name))]) {
      const r = runCli(['report', ...inputs, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const { respondents, summary, forms } = JSON.parse(r.stdout) as Record<string, unknown>;
      expect({ respondents, summary, forms }).toEqual(pick(alone.stdout));
      expect(r.stderr).toContain(`${blank}: warning: set aside: nothing answered (a blank answers file or form row)`);
    }
  });
});

const pick = (json: string) => {
  const { respondents, summary, forms } = JSON.parse(json) as Record<string, unknown>;
  return { respondents, summary, forms };
};
