import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/io/bank-files.js';
import { runCli } from '../helpers/cli.js';
import { peopleCsv, scratchDir, team, writeAnswersFiles } from '../formtool/helpers.js';

// Answers of several organizations, and a form export that names none (a form seldom asks): which
// organization its rows are is not known, so they are never counted with one unsaid.

const bank = loadBank();
const [ann, ben, cy] = team(bank);
const dir = scratchDir('organizations');
const acme = writeAnswersFiles(join(dir, 'acme'), [ann!], 'Acme');
const globex = writeAnswersFiles(join(dir, 'globex'), [ben!], 'Globex');
const unnamed = join(dir, 'Form responses 1.csv');
writeFileSync(unnamed, peopleCsv(bank, [cy!], { headers: ['Timestamp'], cells: () => ['2026/12/01 9:00:00 AM GMT'] }));

const names = (stdout: string) =>
  (JSON.parse(stdout) as { respondentList: { name: string }[] }).respondentList.map((r) => r.name);

describe('--organization among several, with an export that names none', () => {
  it('counts its rows with the one chosen, and says so', () => {
    const r = runCli(['report', acme, globex, unnamed, '--organization', 'Acme', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(names(r.stdout)).toEqual([ann!.name, cy!.name]);
    expect(r.stderr).toContain(
      `${unnamed} row 2: warning: 1 respondent names no organization (${unnamed} row 2), ` +
        'while the answers name 2: counted with "Acme" (--organization keeps those who name none)',
    );
  });

  it('names the organizations it leaves out, each with its files (a misspelt one among them)', () => {
    const misspelt = writeAnswersFiles(join(dir, 'misspelt'), [cy!], 'Acme.');
    const r = runCli(['report', acme, globex, misspelt, '--organization', 'Acme', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(names(r.stdout)).toEqual([ann!.name]);
    const left = (folder: string, name: string, organization: string) =>
      `${join(folder, name)}: warning: left out (--organization "Acme"): "${organization}": ${join(folder, name)}`;
    expect(r.stderr).toContain(left(globex, 'ben.yaml', 'Globex'));
    expect(r.stderr).toContain(left(misspelt, 'cy.yaml', 'Acme.'));
  });

  it("with one organization named, its rows are that one's without a word", () => {
    const r = runCli(['report', acme, unnamed, '--organization', 'Acme', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(names(r.stdout)).toEqual([ann!.name, cy!.name]);
    expect(r.stderr).not.toContain('names no organization');
  });
});
