import { parse as parseCsv } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../src/core/export/columns.js';
import { checkJsonSchema } from '../foundation/json-schema.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { MINIMAL_BANK, TEAM, TEAM_CSV } from '../report/helpers.js';
import { BAD, HOSTILE } from './helpers.js';

// Through the built binary (npm test builds first), as CI runs it.

const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-export-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const bankArgs = ['--bank', MINIMAL_BANK];
const HEADER = EXPORT_COLUMNS.map((c) => c.name);
/** The mini bank: two responsibilities (owner, capability, capacity) and two interlock items (delivery). */
const ROWS_PER_RESPONDENT = 2 * 3 + 2;

type Row = Record<string, string>;

function exportOf(args: string[]): CliResult {
  const result = runCli(['export', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return result;
}

const csvRows = (text: string): Row[] => parseCsv(text, { columns: true }) as Row[];
const ndjsonRows = (text: string): Record<string, unknown>[] =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const find = <T extends Record<string, unknown>>(rows: T[], respondent: string, item: string, axis: string): T => {
  const found = rows.filter((r) => r.respondent === respondent && r.item_id === item && r.axis === axis);
  expect(found, `${respondent} ${item} ${axis}`).toHaveLength(1);
  return found[0]!;
};

function expectInputError(result: CliResult): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
  expect(result.stderr).not.toContain('internal error');
}

describe('pm-diag export --format csv (the default)', () => {
  const { stdout, stderr } = exportOf([TEAM, ...bankArgs]);
  const rows = csvRows(stdout);

  it('has the header of DESIGN.md, a row per respondent × item × axis, CRLF line ends', () => {
    expect(stdout.split('\r\n')[0]).toBe(HEADER.join(','));
    expect(rows).toHaveLength(3 * ROWS_PER_RESPONDENT);
    expect(stdout.endsWith('\r\n')).toBe(true);
    expect(stdout.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    // The same warning as `report` for Cy's skipped item, and nothing else.
    expect(stderr).toMatch(
      /^pm-diag: \S*cy\.yml:\d+:\d+: warning: answers: 1 of 4 items unanswered: win-loss-feedback\n$/,
    );
  });

  it("keeps the respondents in order and each one's rows in bank order", () => {
    expect([...new Set(rows.map((r) => r.respondent))]).toEqual(['Ann', 'Ben', 'Cy']);
    expect(rows.slice(0, ROWS_PER_RESPONDENT).map((r) => `${r.item_id}.${r.axis}`)).toEqual([
      'market-problems.owner',
      'market-problems.capability',
      'market-problems.capacity',
      'positioning.owner',
      'positioning.capability',
      'positioning.capacity',
      'win-loss-feedback.delivery',
      'launch-cadence.delivery',
    ]);
  });

  it("answered, unknown, n/a and unanswered rows, with the item's facts", () => {
    expect(find(rows, 'Ann', 'market-problems', 'owner')).toMatchObject({
      value: 'pm',
      status: 'answered',
      item_kind: 'responsibility',
      area: 'insight',
      weight: '3',
      target: '4',
      recommended_owner: 'pm',
      role: 'pm',
      bank_id: 'mini-bank',
      bank_version: '1',
      form: 'full',
      stage: '',
    });
    expect(find(rows, 'Ann', 'market-problems', 'capacity')).toMatchObject({ value: '2', status: 'answered' });
    expect(find(rows, 'Ben', 'market-problems', 'capacity')).toMatchObject({ value: '', status: 'unknown' });
    expect(find(rows, 'Ben', 'launch-cadence', 'delivery')).toMatchObject({
      value: '',
      status: 'n/a',
      item_kind: 'interlock',
      area: 'interlock',
      recommended_owner: 'pm',
    });
    expect(find(rows, 'Cy', 'win-loss-feedback', 'delivery')).toMatchObject({
      value: '',
      status: 'unanswered',
      recommended_owner: 'pmm',
    });
    expect(find(rows, 'Cy', 'positioning', 'capability')).toMatchObject({ value: '', status: 'unknown', target: '3' });
  });

  it('reads a form export like report does, and --target changes the items without their own', () => {
    const fromCsv = csvRows(exportOf([TEAM_CSV, ...bankArgs, '--target', '3.5']).stdout);
    expect(fromCsv.length % ROWS_PER_RESPONDENT).toBe(0);
    expect(fromCsv.length).toBeGreaterThan(0);
    expect(new Set(fromCsv.filter((r) => r.item_id === 'market-problems').map((r) => r.target))).toEqual(
      new Set(['3.5']),
    );
    expect(new Set(fromCsv.filter((r) => r.item_id === 'positioning').map((r) => r.target))).toEqual(new Set(['3']));
  });
});

describe('escaping', () => {
  const { stdout } = exportOf([HOSTILE, ...bankArgs]);
  const rows = csvRows(stdout);
  // Every character is kept, escape sequences too (export/characters.test.ts): a row matches its source.
  const dana = 'Dana "DJ" Lee,\nsecond line \u001b[31mred\u001b[0m \u202eevil';

  it('RFC 4180: commas, quotes and line breaks inside quoted cells, read back exactly', () => {
    expect(rows).toHaveLength(3 * ROWS_PER_RESPONDENT);
    expect(rows[0]!.respondent).toBe(dana);
    expect(stdout).toContain('"Dana ""DJ"" Lee,\nsecond line');
  });

  it('a cell a spreadsheet would run as a formula starts with an apostrophe', () => {
    expect(rows[0]!.organization).toBe('\'=HYPERLINK("http://evil.example","Acme, Inc.")');
    expect(find(rows, 'respondent 2', 'market-problems', 'owner').organization).toBe("'-1+2");
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('NDJSON writes escape sequences and bidi overrides as JSON escapes, never raw', () => {
    const ndjson = exportOf([HOSTILE, ...bankArgs, '--format', 'ndjson']).stdout;
    expect(ndjson).not.toMatch(/[\u001b\u009b\u202a-\u202e\u2066-\u2069]/);
    expect(ndjsonRows(ndjson)[0]!.respondent).toBe(dana);
  });

  it('a nameless respondent is `respondent N`; a repeated name is numbered', () => {
    expect([...new Set(rows.map((r) => r.respondent))]).toEqual([dana, 'respondent 2', `${dana} (2)`]);
  });

  it('partial answers: the axes not given are unanswered', () => {
    expect(find(rows, dana, 'market-problems', 'owner')).toMatchObject({ value: 'none', status: 'answered' });
    expect(find(rows, dana, 'market-problems', 'capability')).toMatchObject({ value: '', status: 'unanswered' });
    expect(find(rows, dana, 'positioning', 'owner')).toMatchObject({ value: '', status: 'unanswered' });
    expect(find(rows, dana, 'win-loss-feedback', 'delivery')).toMatchObject({ value: '', status: 'unknown' });
    expect(find(rows, dana, 'launch-cadence', 'delivery')).toMatchObject({ value: '', status: 'n/a' });
  });
});

describe('pm-diag export --format ndjson', () => {
  const schema = JSON.parse(exportSchema()) as Record<string, unknown>;
  function exportSchema(): string {
    const result = runCli(['schema', 'export']);
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  }

  it('one typed object a line, keys in column order, every line valid against `pm-diag schema export`', () => {
    const rows = ndjsonRows(exportOf([TEAM, HOSTILE, ...bankArgs, '--format', 'ndjson']).stdout);
    expect(rows).toHaveLength(6 * ROWS_PER_RESPONDENT);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(HEADER);
      expect(checkJsonSchema(schema, row)).toEqual([]);
    }
    // Ann names no organization, and the others name two: hers is not known.
    expect(find(rows, 'Ann', 'market-problems', 'capability')).toMatchObject({
      value: 4,
      weight: 3,
      target: 4,
      bank_version: 1,
      stage: null,
      organization: null,
    });
    expect(find(rows, 'Ann', 'market-problems', 'owner')).toMatchObject({ value: 'pm' });
    expect(find(rows, 'Ben', 'market-problems', 'capacity')).toMatchObject({ value: null, status: 'unknown' });
    // JSON needs no formula guard: the text is as given, less what a terminal would act on.
    expect(find(rows, 'respondent 5', 'positioning', 'owner')).toMatchObject({
      organization: '-1+2',
      value: null,
      status: 'n/a',
    });
  });

  it('the schema refuses what the export never writes', () => {
    const row = {
      ...ndjsonRows(exportOf([TEAM, ...bankArgs, '--format', 'ndjson']).stdout)[0]!,
      status: 'maybe',
      extra: 1,
    };
    expect(checkJsonSchema(schema, row)).toEqual([
      '$.status: expected one of ["answered","unknown","n/a","unanswered"]',
      '$: unknown key "extra"',
    ]);
    expect(
      // Neither a level, an owner code nor a fact's answer (an option id or a whole number).
      checkJsonSchema(schema, { ...row, status: 'answered', extra: undefined, value: 2.5 }).some((e) =>
        e.startsWith('$.value'),
      ),
    ).toBe(true);
  });
});

describe('--out', () => {
  it('infers the format from the extension and writes the file atomically', () => {
    const out = (name: string) => join(scratch, name);
    for (const [name, check] of [
      ['team.csv', (b: Buffer) => expect(b.toString('utf8').startsWith('organization,stage,')).toBe(true)],
      [
        'team.jsonl',
        (b: Buffer) => expect(JSON.parse(b.toString('utf8').split('\n')[0]!)).toHaveProperty('organization'),
      ],
      ['team.ndjson', (b: Buffer) => expect(JSON.parse(b.toString('utf8').split('\n')[0]!)).toHaveProperty('item_id')],
      [
        'team.parquet',
        (b: Buffer) => expect([b.subarray(0, 4).toString(), b.subarray(-4).toString()]).toEqual(['PAR1', 'PAR1']),
      ],
    ] as const) {
      writeFileSync(out(name), 'old content');
      const result = exportOf([TEAM, ...bankArgs, '--out', out(name)]);
      expect(result.stdout).toBe('');
      check(readFileSync(out(name)));
    }
  });

  it('Parquet goes to a pipe, and never to a terminal', async () => {
    const piped = runCli(['export', TEAM, ...bankArgs, '--format', 'parquet']);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.startsWith('PAR1')).toBe(true);
    const { run } = await import('../../src/commands/export.js');
    await expect(run([TEAM], { bank: MINIMAL_BANK, format: 'parquet' }, { isTTY: true })).rejects.toThrow(
      /found a terminal as the output, expected --out FILE or a redirect/,
    );
  });
});

describe('help', () => {
  it('pm-diag --help lists export; export --help shows the formats and examples', () => {
    expect(runCli(['--help']).stdout).toMatch(/^ {2}export <files\.\.\.>/m);
    const help = runCli(['export', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('"csv", "ndjson", "parquet"');
    expect(help.stdout).toContain('pm-diag export answers/ --out team.parquet');
  });
});

describe('bad input: exit 2, every problem, nothing written', () => {
  it('positioned errors from every file, and the old output file kept', () => {
    const out = join(scratch, 'kept.csv');
    writeFileSync(out, 'old content');
    const result = runCli(['export', BAD, join(scratch, 'missing.yaml'), ...bankArgs, '--out', out]);
    expectInputError(result);
    expect(result.stderr).toMatch(
      /two-errors\.yaml:3:44: answers\.market-problem\.capability: invalid value \(found 6/,
    );
    expect(result.stderr).toMatch(/two-errors\.yaml:4:25: answers\.positioning\.owner: invalid value \(found "nobody"/);
    expect(result.stderr).toMatch(/unknown item id "market-problem" \(did you mean "market-problems"\?\)/);
    expect(result.stderr).toMatch(/missing\.yaml: no such file/);
    expect(readFileSync(out, 'utf8')).toBe('old content');
  });

  it('bad options before any input is read', () => {
    expectInputError(runCli(['export', TEAM, ...bankArgs, '--format', 'xlsx']));
    expectInputError(runCli(['export', TEAM, ...bankArgs, '--target', '9']));
    expectInputError(runCli(['export', ...bankArgs]));
    expect(runCli(['export', TEAM, ...bankArgs, '--target', '9']).stderr).toBe(
      'pm-diag: --target: found "9", expected a number from 1 to 5\n',
    );
  });

  it('--strict makes an unanswered item an error; an unwritable --out is exit 2', () => {
    const strict = runCli(['export', TEAM, ...bankArgs, '--strict']);
    expectInputError(strict);
    expect(strict.stderr).toMatch(/cy\.yml:\d+:\d+: answers: 1 of 4 items unanswered/);
    const nowhere = runCli(['export', TEAM, ...bankArgs, '--out', join(scratch, 'no', 'such', 'folder.csv')]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/cannot write the file: the folder does not exist/);
    expect(() => statSync(join(scratch, 'no'))).toThrow();
  });
});
