import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/io/bank-files.js';
import { runCli } from '../helpers/cli.js';
import { peopleCsv, scratchDir, team, writeAnswersFiles } from '../formtool/helpers.js';

// Two workshops, each a folder of questionnaire files with the form tool's export beside them. compare
// takes one input a side, so the export cannot be given after the folder as for report: the warning says
// what to do instead, and doing it compares every respondent.

const bank = loadBank();
const [ann, ben, cy] = team(bank);
const dir = scratchDir('compare-folders');

function workshop(name: string): { folder: string; csv: string } {
  const folder = writeAnswersFiles(join(dir, name), [ann!, ben!], 'Acme');
  const csv = join(folder, 'Form responses 1.csv');
  writeFileSync(csv, peopleCsv(bank, [cy!]));
  return { folder, csv };
}

describe('compare of two folders that hold a form export', () => {
  const before = workshop('q1');
  const after = workshop('q2');

  it("names the export it leaves out, and how to compare it: each side's report", () => {
    const r = runCli(['compare', before.folder, after.folder]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `${before.csv}: warning: skipped: a folder is read for its answers files (.yaml, .yml, .json); ` +
        `compare takes one input a side: save this side's report with pm-diag report FOLDER EXPORT --out SIDE.json, then compare the two reports`,
    );
  });

  it('following that, every respondent is compared', () => {
    const sides = [before, after].map(({ folder, csv }, i) => {
      const out = join(dir, `side-${i}.json`);
      const made = runCli(['report', folder, csv, '--out', out]);
      expect(made.code, made.stderr).toBe(0);
      return out;
    });
    const r = runCli(['compare', ...sides, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const { before: was, after: is } = JSON.parse(r.stdout) as Record<string, { respondents: number }>;
    expect([was!.respondents, is!.respondents]).toEqual([3, 3]);
  });
});
