import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankItems } from '../../src/core/bank/items.js';
import { defaultStage, itemsInScope } from '../../src/core/answers/scope.js';
import { loadBank, loadBankFile } from '../../src/io/bank-files.js';
import type { Bank } from '../../src/core/bank/schema.js';
import { BANKS } from '../foundation/helpers.js';
import { ROOT, runCli, type CliResult } from '../helpers/cli.js';
import { csvLine, itemColumns, scratchDir } from './helpers.js';
import { xlsxWorkbook } from './xlsx-writer.js';

// Exports a form tool could not have made right, and map files with mistakes: exit 2, nothing on
// stdout, and every problem at its row and column (a workbook's at its cell).

const bank: Bank = loadBank();
const dir = scratchDir('formtool-bad');
const [owner, capability] = itemColumns(bank);
const levelLabel = (n: string) => `${n} - ${bank.scales.capability[n as '4'].label}`;

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function expectErrors(result: CliResult): string[] {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return result.stderr.split('\n').filter((line) => line.startsWith('pm-diag: ') && !line.includes('warning:'));
}

describe('bad cells and headers, at their row and column', () => {
  it('a label no choice has, with the closest label a form shows', () => {
    const header = ['Timestamp', 'Name', `Q [${capability!.id}.capability]`];
    const csv = write(
      'typo.csv',
      [header, ['2026', 'Ann', levelLabel('4').replace(/ (\w)/g, ' $1$1')], ['2026', 'Bo', levelLabel('2')]]
        .map((r) => csvLine(r))
        .join('\n'),
    );
    const lines = expectErrors(runCli(['report', csv]));
    expect(lines).toEqual([
      `pm-diag: ${csv}:2:3: ${capability!.id}.capability: invalid value (did you mean "${levelLabel('4')}"?) (found "${levelLabel('4').replace(/ (\w)/g, ' $1$1')}", expected an integer from 1 to 5, or "unknown")`,
    ]);
  });

  it('the same in a workbook names the cell', () => {
    const xlsx = write(
      'typo.xlsx',
      xlsxWorkbook([
        ['ID', 'Name', `Q [${capability!.id}.capability]`],
        [1, 'Ann', levelLabel('3')],
        [2, 'Bo', 'Managd-ish'],
      ]),
    );
    const lines = expectErrors(runCli(['validate', xlsx]));
    expect(lines).toEqual([
      `pm-diag: ${xlsx}:C3: ${capability!.id}.capability: invalid value (found "Managd-ish", expected an integer from 1 to 5, or "unknown")`,
    ]);
  });

  it('a tag with an unknown id, with the id it nearly is; a tag twice', () => {
    const typo = `${owner!.id.slice(0, -1)}.owner`;
    const header = [
      'Name',
      `Who owns it? [${typo}]`,
      `Q1 [${owner!.id}.owner]`,
      `Q2 [${owner!.id}.owner]`,
      `[${capability!.id}.capability]`,
    ];
    const csv = write('tags.csv', `${csvLine(header)}\nAnn,,pm,pm,3\n`);
    expect(expectErrors(runCli(['validate', csv]))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^pm-diag: ${csv}:1:2: unknown column "Who owns it\\? \\[${typo}\\]" \\(column 2; did you mean "${owner!.id}\\.owner"\\?\\)`,
        ),
      ),
      `pm-diag: ${csv}:1:4: the column "${owner!.id}.owner" appears twice (columns 3 and 4) (expected each column once)`,
    ]);
  });

  it("validate reports every export's problems, and names each file that failed", () => {
    const good = write('good.csv', `Name,[${capability!.id}.capability]\nAnn,3\n`);
    const bad = write('bad.csv', `Name,[${capability!.id}.capability]\nAnn,9\n`);
    const result = runCli(['validate', good, bad]);
    expect(expectErrors(result)).toEqual([
      `pm-diag: ${bad}:2:2: ${capability!.id}.capability: invalid value (found 9, expected an integer from 1 to 5, or "unknown")`,
    ]);
    expect(result.stderr).toContain(`ok   ${good}: a form export for "${bank.id}", 1 respondent\n`);
    expect(result.stderr).toContain(`FAIL ${bad}\n`);
  });
});

describe('--map FILE', () => {
  const headers = ['Submitted', 'Who are you', 'Department', 'Who runs it', 'How good'];
  const csv = () => write('unmapped.csv', `${csvLine(headers)}\n2026,Ann,Product team,Marketing team,Solid\n`);

  it('names the headers and labels of a form built without tags', () => {
    const map = write(
      'map.yaml',
      [
        'columns:',
        '  Submitted: ignore',
        '  who are you: respondent',
        '  Department: role',
        `  Who runs it: ${owner!.id}.owner`,
        `  How good: ${capability!.id}.capability`,
        'labels:',
        '  role: { Product team: pm }',
        '  owner: { Marketing team: pmm }',
        '  capability: { Solid: 4 }',
        '',
      ].join('\n'),
    );
    const result = runCli(['report', csv(), '--map', map, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      respondentList: { name: string; role: string }[];
      items: { id: string; responses?: unknown }[];
    };
    expect(report.respondentList).toMatchObject([{ name: 'Ann', role: 'pm' }]);
    // An export whose columns are all rapid items is of the rapid form (form-shapes.test.ts).
    const form = owner!.item.rapid === true ? 'form: rapid\n' : '';
    const typed = write(
      'ann.yaml',
      `${form}respondent: { name: Ann, role: pm }\nanswers:\n  ${owner!.id}: { owner: pmm, capability: 4 }\n`,
    );
    const fromFile = JSON.parse(runCli(['report', typed, '--format', 'json']).stdout) as typeof report;
    expect(report.items).toEqual(fromFile.items);
  });

  it("maps the organization facts' questions and a practice's own words for how often", () => {
    const asked = itemsInScope(bankItems(bank), { stage: defaultStage(bank) ?? null, form: 'full' });
    const practice = asked.find((item) => item.kind === 'practice')!;
    // A headcount: a number, which suggests no stage of its own.
    const fact = Object.entries(bank.facts ?? {}).find(([, f]) => f.type === 'number')![0];
    const map = write(
      'facts-map.yaml',
      [
        'columns:',
        '  Who are you: respondent',
        `  Product managers: facts.${fact}`,
        `  How often: ${practice.id}.frequency`,
        'labels:',
        '  frequency: { Most of the time: 4 }',
        '',
      ].join('\n'),
    );
    const header = csvLine(['Who are you', 'Product managers', 'How often']);
    const result = runCli([
      'report',
      write('facts.csv', `${header}\nAnn,6,Most of the time\n`),
      '--map',
      map,
      '--format',
      'json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      facts: Record<string, unknown>;
      items: { id: string; frequency?: number }[];
    };
    expect(report.facts[fact]).toBe(6);
    expect(report.items.find((item) => item.id === practice.id)?.frequency).toBe(4);
  });

  it('without it, the same export is refused column by column', () => {
    const lines = expectErrors(runCli(['report', csv()]));
    expect(lines.map((l) => l.replace(/ \(expected.*$/, ''))).toEqual([
      `pm-diag: ${join(dir, 'unmapped.csv')}:1:1: unknown column "Submitted" (column 1)`,
      `pm-diag: ${join(dir, 'unmapped.csv')}:1:2: unknown column "Who are you" (column 2)`,
      `pm-diag: ${join(dir, 'unmapped.csv')}:1:3: unknown column "Department" (column 3)`,
      `pm-diag: ${join(dir, 'unmapped.csv')}:1:4: unknown column "Who runs it" (column 4)`,
      `pm-diag: ${join(dir, 'unmapped.csv')}:1:5: unknown column "How good" (column 5)`,
    ]);
  });

  it('a bad map is refused with each problem at its line and column, before any export is read', () => {
    const map = write(
      'bad-map.yaml',
      [
        'columns:',
        `  Who runs it: ${owner!.id.slice(0, -1)}.owner`,
        '  How good: colour',
        'labels:',
        '  owner: { Finance team: finance }',
        '  mood: { Happy: 5 }',
        '',
      ].join('\n'),
    );
    const lines = expectErrors(runCli(['report', join(dir, 'missing.csv'), '--map', map]));
    expect(lines.map((l) => l.replace(/ \(expected.*$/, ''))).toEqual([
      `pm-diag: ${map}:6:3: labels.mood: unknown key "mood"`,
    ]);
    const rules = write(
      'bad-rules.yaml',
      [
        'columns:',
        `  Who runs it: ${owner!.id.slice(0, -1)}.owner`,
        '  How good: colour',
        'labels:',
        '  owner: { Finance team: finance }',
        '',
      ].join('\n'),
    );
    expect(
      expectErrors(runCli(['validate', csv(), '--map', rules])).map((l) => l.replace(/ \(expected.*$/, '')),
    ).toEqual([
      `pm-diag: ${rules}:2:16: columns.Who runs it: unknown item id "${owner!.id.slice(0, -1)}" (did you mean "${owner!.id}"?)`,
      `pm-diag: ${rules}:3:13: columns.How good: unknown column "colour"`,
      `pm-diag: ${rules}:5:26: labels.owner.Finance team: "finance" is not a code for owner`,
    ]);
  });
});

describe('headers under the ids of an earlier bank version', () => {
  const banks = [
    join(BANKS, 'v2-minimal.yaml'),
    join(ROOT, 'questions', 'pm-pmm.yaml'),
    join(ROOT, 'questions', 'pm-pmm.v2.yaml'),
  ]
    .filter(existsSync)
    .filter((path) =>
      Object.values(loadBankFile(path).migrations ?? {}).some((m) => Object.keys(m.renamed ?? {}).length > 0),
    );

  it.each(banks)('load against %s with the warning an answers file gets, nothing lost', (bankPath) => {
    const migrating = loadBankFile(bankPath);
    const ids = new Set(bankItems(migrating).map((i) => i.id));
    const [oldId, newId] = Object.values(migrating.migrations!)
      .flatMap((m) => Object.entries(m.renamed ?? {}))
      .find(([, to]) => ids.has(to))!;
    const item = bankItems(migrating).find((i) => i.id === newId)!;
    const field = item.kind === 'interlock' ? 'delivery' : 'capability';
    const csv = write('old-ids.csv', `respondent,role,Q [${oldId}.${field}],${oldId}.note\nAnn,pm,4,kept\n`);
    const yaml = write(
      'old-ids.yaml',
      `respondent: { name: Ann, role: pm }\nanswers:\n  ${oldId}: { ${field}: 4, note: kept }\n`,
    );
    const fromCsv = runCli(['report', csv, '--bank', bankPath, '--format', 'json']);
    const fromYaml = runCli(['report', yaml, '--bank', bankPath, '--format', 'json']);
    expect(fromCsv.code, fromCsv.stderr).toBe(0);
    const moved = (stderr: string) =>
      stderr
        .split('\n')
        .find((l) => l.includes('earlier version'))!
        .replace(/^.*warning: (answers: )?/, '');
    expect(moved(fromCsv.stderr)).toBe(moved(fromYaml.stderr));
    expect(moved(fromCsv.stderr)).toContain(`${oldId} → ${newId}`);
    const items = (json: string) => (JSON.parse(json) as { items: { id: string }[] }).items.find((i) => i.id === newId);
    expect(items(fromCsv.stdout)).toEqual(items(fromYaml.stdout));
    expect(JSON.stringify(items(fromCsv.stdout))).toContain('kept');
  });
});
