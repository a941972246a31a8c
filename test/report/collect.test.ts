import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectRespondents, folderFiles } from '../../src/io/collect.js';
import { InputError, formatProblem } from '../../src/core/errors.js';
import { REPORT_FIXTURES, TEAM, TEAM_CSV, miniBank } from './helpers.js';

const bank = miniBank();
const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-collect-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function problems(paths: string[]): Promise<string[]> {
  try {
    await collectRespondents(paths, bank);
  } catch (err) {
    if (err instanceof InputError) return err.problems.map(formatProblem);
    throw err;
  }
  return expect.fail('expected an InputError');
}

describe('collecting respondents from files, folders and CSV exports', () => {
  it('a folder: its *.yaml, *.yml and *.json files by name, not its sub-folders or other files', async () => {
    expect(folderFiles(TEAM).value!.map((f) => f.slice(TEAM.length + 1))).toEqual(['ann.yaml', 'ben.json', 'cy.yml']);
    const { respondents, warnings } = await collectRespondents([TEAM], bank);
    expect(respondents.map((r) => r.name)).toEqual(['Ann', 'Ben', 'Cy']);
    expect(warnings.map((w) => w.source)).toEqual([join(TEAM, 'cy.yml')]);
  });

  it('files, folders and CSV exports together, in the order given, each person once (--latest)', async () => {
    const { respondents } = await collectRespondents([TEAM_CSV, join(TEAM, 'cy.yml'), TEAM], bank, {
      team: { latest: true },
    });
    expect(respondents.map((r) => r.name).sort()).toEqual(['Ann', 'Ben', 'Cy']);
    await expect(collectRespondents([TEAM_CSV, TEAM], bank, { team: {} })).rejects.toThrow(
      /"Ann" answered 2 times with different answers/,
    );
  });

  it('reports the problems of every file at once', async () => {
    const dir = join(scratch, 'broken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.yaml'), 'answers:\n  market-problem: { capability: 3 }\n');
    writeFileSync(join(dir, 'b.json'), '{ "answers": { "positioning": { "capability": 9 } } }');
    writeFileSync(join(dir, 'c.yaml'), 'answers: { launch-cadence: { delivery: 2 } }\n');
    const lines = await problems([dir, join(scratch, 'missing.yaml'), join(REPORT_FIXTURES, 'bad-header.csv')]);
    expect(lines.map((l) => l.replace(scratch, '~').replace(REPORT_FIXTURES, '@'))).toEqual([
      expect.stringMatching(
        /^~\/broken\/a\.yaml:2:3: answers\.market-problem: unknown item id "market-problem" \(did you mean "market-problems"\?\)/,
      ),
      expect.stringMatching(/^~\/broken\/b\.json:1:47: answers\.positioning\.capability: invalid value \(found 9/),
      '~/missing.yaml: no such file',
      ...Array.from({ length: 3 }, () => expect.stringMatching(/^@\/bad-header\.csv:1:\d: /)), // its Timestamp column is a form tool's own, left out
    ]);
  });

  it('an empty folder, or one with no answers files, is an error', async () => {
    const empty = join(scratch, 'empty');
    mkdirSync(join(empty, 'sub'), { recursive: true });
    writeFileSync(join(empty, 'notes.txt'), 'x');
    expect(await problems([empty])).toEqual([
      `${empty}: the folder holds no answers files (expected *.yaml, *.yml or *.json files (sub-folders are not searched))`,
    ]);
  });

  it('"-" at most once', async () => {
    expect((await problems(['-', '-']))[0]).toBe(
      '<stdin>: "-" (standard input) is given more than once (expected at most one "-")',
    );
  });
});
