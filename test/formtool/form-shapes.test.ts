import { strToU8, zipSync } from 'fflate';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFormExport as checkExportFile } from '../../src/io/collect.js';
import { bankItems } from '../../src/core/bank/items.js';
import { loadBank } from '../../src/io/bank-files.js';
import type { Bank } from '../../src/core/bank/schema.js';
import type { Respondent } from '../../src/core/answers/respondent.js';
import { defaultStage, itemsInScope } from '../../src/core/answers/scope.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import {
  cellValue,
  comparable,
  csvLine,
  itemColumns,
  scratchDir,
  team,
  writeAnswersFiles,
  type Person,
} from './helpers.js';
import { xlsxParts, zipParts } from './xlsx-writer.js';

// Exports as the other tools, and people, write them: Qualtrics' three header rows, SurveyMonkey's
// tags on its second header row, a Google account in Spanish, Jotform, Tally, LimeSurvey, Google's
// .zip download; and what is refused with the way forward (Windows-1252, a numeric-values export).

const bank: Bank = loadBank();
const people = team(bank);
const ORGANIZATION = 'Acme Corp';
const dir = scratchDir('formtool-shapes');
let expected: unknown;

beforeAll(() => {
  const folder = writeAnswersFiles(dir, people, ORGANIZATION);
  const result = runCli(['report', folder, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  expected = comparable(result.stdout);
});

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/**
 * A person's answer as its code (`4`, `unknown`, `n/a`, `pmm`): what a form built from the guide's codes
 * gives.
 */
const code = (person: Person, id: string, field: string) => String(cellValue(person, id, field) ?? '');
const questions = () => itemColumns(bank).map(({ id, field, item }) => `${item.title}: ${field}? [${id}.${field}]`);
const answers = (person: Person) => itemColumns(bank).map(({ id, field }) => code(person, id, field));
const who = ['Your name [respondent]', 'Your role [role]', 'Organization [organization]'];
const whoCells = (person: Person) => [person.name, person.role, ORGANIZATION];
const emailOf = (person: Person) => `${person.name.split(' ')[0]!.toLowerCase()}@acme.example`;
const lines = (rows: readonly (readonly string[])[], eol = '\r\n') => rows.map((row) => csvLine(row)).join(eol) + eol;

function sameReport(path: string): CliResult {
  const result = runCli(['report', path, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  expect(comparable(result.stdout)).toEqual(expected);
  return result;
}

function qualtricsCsv(): string {
  const meta = [
    'StartDate',
    'EndDate',
    'Status',
    'IPAddress',
    'Progress',
    'Duration (in seconds)',
    'Finished',
    'RecordedDate',
    'ResponseId',
    'RecipientEmail',
    'UserLanguage',
  ];
  const labels = [
    'Start Date',
    'End Date',
    'Response Type',
    'IP Address',
    'Progress',
    'Duration (in seconds)',
    'Finished',
    'Recorded Date',
    'Response ID',
    'Recipient Email',
    'User Language',
  ];
  const qids = [...who, ...questions()].map((_, i) => `Q${i + 1}`);
  const importIds = [
    ...meta.map((m) => `{"ImportId":"${m.toLowerCase()}"}`),
    ...qids.map((q) => `{"ImportId":"QID${q.slice(1)}"}`),
  ];
  const rows = people.map((p, i) => {
    const last = i === people.length - 1;
    return [
      '2026-11-30 09:00:00',
      `2026-11-30 09:2${i}:00`,
      'IP Address',
      last ? '60' : '100',
      '1200',
      last ? 'False' : 'True',
      `2026-11-30 09:2${i}:05`,
      `R_${i}abc`,
      emailOf(p),
      'EN',
    ].reduce<string[]>((cells, cell, at) => (at === 2 ? [...cells, cell, '203.0.113.9'] : [...cells, cell]), []);
  });
  return (
    '\uFEFF' +
    lines([
      [...meta, ...qids],
      [...labels, ...who, ...questions()],
      importIds,
      ...people.map((p, i) => [...rows[i]!, ...whoCells(p), ...answers(p)]),
    ])
  );
}

/** SurveyMonkey's matrix: the question over its columns, the tag of each column on the second row. */
function surveyMonkeySecondRowCsv(): string {
  const own = [
    'Respondent ID',
    'Collector ID',
    'Start Date',
    'End Date',
    'IP Address',
    'Email Address',
    'First Name',
    'Last Name',
  ];
  const top = [
    ...own,
    ...who.map(() => 'About you'),
    ...questions().map((_, i) => (i === 0 ? 'How does your organization do?' : '')),
  ];
  const second = [...own.map(() => ''), ...who, ...questions()];
  const rows = people.map((p, i) => [
    `1149${i}`,
    '4321',
    '11/30/2026 09:00:00 AM',
    `11/30/2026 09:2${i}:00 AM`,
    '203.0.113.7',
    emailOf(p),
    '',
    '',
    ...whoCells(p),
    ...answers(p),
  ]);
  return '\uFEFF' + lines([top, second, ...rows]);
}

/** A Google account in Spanish: its own columns translated, dates day first. */
function googleSpanishCsv(): string {
  const header = ['Marca temporal', 'Dirección de correo electrónico', ...who, ...questions(), 'Puntuación'];
  const rows = people.map((p, i) => [`${13 + i}/11/2026 10:0${i}:00`, emailOf(p), ...whoCells(p), ...answers(p), '']);
  return lines([header, ...rows]);
}

const OTHER_TOOLS: [string, string[], (i: number) => string[]][] = [
  [
    'Jotform',
    ['Submission Date', 'Submission ID', 'Submission IP'],
    (i) => [`Nov ${28 + i}, 2026`, `58${i}1`, '203.0.113.1'],
  ],
  [
    'Tally',
    ['Submission ID', 'Respondent ID', 'Submitted at'],
    (i) => [`w${i}Z`, `r${i}Q`, `2026-11-30T09:0${i}:00.000Z`],
  ],
  [
    'LimeSurvey',
    ['Response ID', 'Date submitted', 'Last page', 'Start language', 'Seed', 'Date started', 'Date last action'],
    (i) => [`${i + 1}`, `2026-11-30 09:0${i}:00`, '3', 'en', '1234', '2026-11-30 08:50:00', '2026-11-30 09:00:00'],
  ],
];

describe('exports the other tools write, read as they are', () => {
  it('Qualtrics: three header rows; a partial response is kept and named', () => {
    const result = sameReport(write('qualtrics.csv', qualtricsCsv()));
    expect(result.stderr).toMatch(
      /qualtrics\.csv:6: warning: row 6: a partial response \(Qualtrics says not finished\); kept, with what it answers/,
    );
    const validated = runCli(['validate', join(dir, 'qualtrics.csv')]);
    const [first, second] = validated.stdout.split('\n');
    expect(first).toBe(
      `ok   ${join(dir, 'qualtrics.csv')}: a form export for "${bank.id}", ${people.length} respondents`,
    );
    expect(second).toMatch(/^ok {3}report: would count 3 respondents/);
  });

  it('SurveyMonkey: the tags on the second header row', () => {
    sameReport(write('surveymonkey-matrix.csv', surveyMonkeySecondRowCsv()));
  });

  it('a Google account in Spanish: its own columns are left out once the tags are found', () => {
    const result = sameReport(write('google-es.csv', googleSpanishCsv()));
    expect(result.stderr).toContain(
      'left out the columns a form tool adds: "Marca temporal", "Dirección de correo electrónico", "Puntuación"',
    );
  });

  it("a column the table does not know, with no tag: left out, and said apart from the tool's own", () => {
    const header = ['Horodateur', 'Qui a rempli ce formulaire ?', ...who, ...questions()];
    const result = sameReport(
      write(
        'google-fr.csv',
        lines([header, ...people.map((p, i) => [`0${i + 1}/12/2026 10:00:00`, 'moi', ...whoCells(p), ...answers(p)])]),
      ),
    );
    const warnings = result.stderr.split('\n').filter((line) => line.includes('left out'));
    expect(warnings.map((line) => line.replace(/^.*?warning: /, ''))).toEqual([
      'left out the column a form tool adds: "Horodateur"',
      'left out a column with no [<item id>.<field>] tag (the form tool\'s own, or a question whose tag is missing): "Qui a rempli ce formulaire ?"',
    ]);
  });

  it.each(OTHER_TOOLS)('%s', (tool, own, ownCells) => {
    sameReport(
      write(
        `${tool}.csv`,
        lines([
          [...own, ...who, ...questions()],
          ...people.map((p, i) => [...ownCells(i), ...whoCells(p), ...answers(p)]),
        ]),
      ),
    );
  });

  it('a Google Forms .zip download: every cell quoted, the CSV inside read', () => {
    const header = ['Timestamp', 'Email Address', ...who, ...questions()];
    const rows = people.map((p, i) => [`2026/11/30 9:0${i}:00 AM GMT+1`, emailOf(p), ...whoCells(p), ...answers(p)]);
    const csv =
      [header, ...rows].map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\n') + '\n';
    sameReport(write('form.csv.zip', zipSync({ 'Team diagnostic (Responses).csv': strToU8(csv) })));
    const two = write('two.zip', zipSync({ 'a.csv': strToU8(csv), 'b.csv': strToU8(csv) }));
    const refused = runCli(['report', two]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`pm-diag: ${two}: the archive holds 2 CSV files ("a.csv", "b.csv")`);
  });

  it('an export of the rapid form is recognised as rapid', () => {
    const rapid = itemsInScope(bankItems(bank), { stage: defaultStage(bank) ?? null, form: 'rapid' }).slice(0, 2);
    expect(rapid.length).toBe(2);
    const header = [
      'Timestamp',
      'Your name [respondent]',
      ...rapid.map((item) => `${item.title} [${item.id}.${item.kind === 'interlock' ? 'delivery' : 'owner'}]`),
    ];
    const path = write(
      'rapid.csv',
      lines([header, ['2026-11-30 09:00:00', 'Ann', ...rapid.map((item) => (item.kind === 'interlock' ? '3' : 'pm'))]]),
    );
    const result = runCli(['report', path, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ form: 'rapid' });
  });
});

/**
 * Microsoft Forms' columns, its times as serial day numbers, on the second sheet of a workbook whose elements
 * carry `x:`.
 */
function microsoftWorkbook(date1904 = false): Uint8Array {
  const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', ...who, ...questions()];
  const rows = people.map((p, i) => [
    i + 1,
    46356.375 + i,
    46356.4 + i,
    emailOf(p),
    p.name,
    ...whoCells(p),
    ...answers(p),
  ]);
  const parts = xlsxParts(
    [
      { name: 'Notes', rows: [['Exported from Microsoft Forms'], ['See the second sheet']] },
      { name: 'Form1', rows: [header, ...rows] },
    ],
    'x',
  );
  // Excel for Mac once counted days from 1904, and a workbook says so in its properties.
  if (date1904)
    parts['xl/workbook.xml'] = parts['xl/workbook.xml']!.replace(
      '<x:sheets>',
      '<x:workbookPr date1904="1"/><x:sheets>',
    );
  return zipParts(parts);
}

describe('workbooks as they come', () => {
  it('the responses on the second sheet, every element with a namespace prefix', () => {
    sameReport(write('microsoft.xlsx', microsoftWorkbook()));
  });

  it('a password-protected workbook: what to do', () => {
    const path = write(
      'locked.xlsx',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from('EncryptedPackage', 'utf16le')]),
    );
    const result = runCli(['report', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `pm-diag: ${path}: the workbook is password-protected (encrypted), so it cannot be read (expected a workbook without a password: open it in Excel, File → Info → Protect Workbook → Encrypt with Password, clear the password and save; or download the export from the form tool again)\n`,
    );
  });
});

describe('what is refused, with the way forward', () => {
  function refused(result: CliResult): string {
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    return result.stderr;
  }

  it('a CSV saved by Excel in Windows-1252: where, and the exact step to save it as UTF-8', () => {
    const text = lines(
      [
        ['Your name [respondent]', ...questions()],
        ['José', ...answers(people[0]!)],
      ],
      '\r\n',
    );
    const path = write('excel-1252.csv', Buffer.from(text, 'latin1'));
    const stderr = refused(runCli(['report', path]));
    expect(stderr).toContain(`pm-diag: ${path}:2:4: the file is not UTF-8: byte 0xE9 at byte`);
    expect(stderr).toContain('(Excel\'s "CSV (Comma delimited)" writes Windows-1252)');
    expect(stderr).toContain('File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)"');
  });

  it('a numeric-values export with levels only: "Don\'t know" as 6 is a position, refused the same way', () => {
    const id = itemColumns(bank)[1]!.id;
    const header = ['Respondent ID', 'Collector ID', 'Your name [respondent]', `[${id}.capability]`];
    const path = write(
      'numeric-levels.csv',
      lines([header, ['', '', 'Response', 'Response'], ['1', '9', 'Ann', '3'], ['2', '9', 'Bo', '6']]),
    );
    const errors = refused(runCli(['report', path]))
      .split('\n')
      .filter((line) => line.startsWith('pm-diag: '));
    expect(errors).toEqual([
      expect.stringContaining(`${path}:4:4: the export holds choice numbers, not the choices' text`),
    ]);
  });

  it('a header without tags is the first row, whatever brackets a later row holds', () => {
    const path = write(
      'untagged.csv',
      lines([
        ['Who are you', 'How good'],
        ['Ann', '3'],
        ['Bo', 'see [1]'],
      ]),
    );
    const errors = refused(runCli(['report', path]))
      .split('\n')
      .filter((line) => line.startsWith('pm-diag: '));
    expect(errors.map((line) => line.replace(/ \(expected.*$/, ''))).toEqual([
      `pm-diag: ${path}:1:1: unknown column "Who are you" (column 1)`,
      `pm-diag: ${path}:1:2: unknown column "How good" (column 2)`,
    ]);
  });

  it('Excel\'s "Unicode Text" (UTF-16, tabs) is read', () => {
    const text = [
      ['Your name [respondent]', 'Your role [role]', 'Organization [organization]', ...questions()],
      ...people.map((p) => [...whoCells(p), ...answers(p)]),
    ]
      .map((row) => row.map((cell) => (/[\t"\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join('\t'))
      .join('\r\n');
    sameReport(write('unicode.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
  });

  it('a numeric-values export (SurveyMonkey "Numerical values"): refused once, naming the export to download', () => {
    const header = ['Respondent ID', 'Collector ID', 'Your name [respondent]', ...questions()];
    const owners = itemColumns(bank).map(({ field }) => (field === 'owner' ? '2' : ''));
    const path = write(
      'numeric.csv',
      lines([
        header,
        ['', '', 'Response', ...owners.map(() => 'Response')],
        ['1', '9', 'Ann', ...owners],
        ['2', '9', 'Bo', ...owners],
      ]),
    );
    const stderr = refused(runCli(['report', path]));
    const errors = stderr.split('\n').filter((line) => line.startsWith('pm-diag: '));
    expect(errors).toEqual([
      `pm-diag: ${path}:3:4: the export holds choice numbers, not the choices' text (a "numerical values" export) (found "2", expected the answers as text: SurveyMonkey, export "All individual responses" with "Actual answer text"; Qualtrics, "Use choice text")`,
    ]);
  });
});

describe('a damaged export at scale', () => {
  it('reports its first thousand row errors, then counts the rest; repeated warnings are said once', async () => {
    const id = itemColumns(bank)[1]!.id;
    const bad = Array.from({ length: 1500 }, (_, i) => [`P${i}`, '9']);
    const result = await checkExportFile(write('damaged.csv', lines([['Name', `[${id}.capability]`], ...bad])), bank);
    expect(result.value).toBeUndefined();
    expect(result.problems).toHaveLength(1001);
    expect(result.problems.at(-1)).toMatchObject({
      message: 'and 500 more problems in the rows after these',
      severity: 'error',
    });
    const good = await checkExportFile(
      write('alike.csv', lines([['Name', `[${id}.capability]`], ...bad.map(([name]) => [name!, '3'])])),
      bank,
    );
    expect(good.value).toHaveLength(1500);
    expect(good.problems.filter((p) => p.message.includes('items unanswered'))).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringMatching(/\(and 1499 more rows alike\)$/) }),
    ]);
  });
});

describe('each respondent carries the e-mail, the response id and the time the tool gives', () => {
  async function read(name: string): Promise<Respondent[]> {
    const result = await checkExportFile(join(dir, name), bank);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    return result.value!;
  }
  const facts = (r: Respondent) => ({
    name: r.name,
    email: r.email,
    response: r.response,
    answeredAt: r.answeredAt,
  });

  it('Qualtrics: RecipientEmail, ResponseId, RecordedDate', async () => {
    write('qualtrics.csv', qualtricsCsv());
    expect((await read('qualtrics.csv')).map(facts)[0]).toEqual({
      name: people[0]!.name,
      email: emailOf(people[0]!),
      response: 'R_0abc',
      answeredAt: { time: '2026-11-30T09:20:05Z', source: "Qualtrics 'RecordedDate' column" },
    });
  });

  it('SurveyMonkey: Respondent ID and End Date (US dates)', async () => {
    write('surveymonkey-matrix.csv', surveyMonkeySecondRowCsv());
    const last = (await read('surveymonkey-matrix.csv')).find((r) => r.name === people[2]!.name)!;
    expect(facts(last)).toMatchObject({
      response: '11492',
      email: emailOf(people[2]!),
      answeredAt: { time: '2026-11-30T09:22:00Z', source: "SurveyMonkey 'End Date' column" },
    });
  });

  it('Google in Spanish: day-first dates, told apart by a day over 12', async () => {
    write('google-es.csv', googleSpanishCsv());
    expect((await read('google-es.csv')).map((r) => r.answeredAt)).toEqual([
      { time: '2026-11-13T10:00:00Z', source: "Google Forms 'Marca temporal' column" },
      { time: '2026-11-14T10:01:00Z', source: "Google Forms 'Marca temporal' column" },
      { time: '2026-11-15T10:02:00Z', source: "Google Forms 'Marca temporal' column" },
    ]);
  });

  it("Google's download: the zone it names", async () => {
    const csv = lines([
      ['Timestamp', 'Email Address', 'Your name [respondent]', `[${itemColumns(bank)[1]!.id}.capability]`],
      ['2026/12/06 10:42:00 PM GMT+1', 'ann@acme.example', 'Ann', '3'],
    ]);
    write('google-download.csv', csv);
    expect((await read('google-download.csv')).map(facts)).toEqual([
      {
        name: 'Ann',
        email: 'ann@acme.example',
        response: undefined,
        answeredAt: { time: '2026-12-06T21:42:00Z', source: "Google Forms 'Timestamp' column" },
      },
    ]);
  });

  it('a date that could be either way round is not guessed: both readings are kept, and the warning says so', async () => {
    const csv = lines([
      ['Timestamp', 'Your name [respondent]', `[${itemColumns(bank)[1]!.id}.capability]`],
      ['12/6/2026 10:42:00', 'Ann', '3'],
      ['12/7/2026 09:00:00', 'Bo', '2'],
    ]);
    const result = await checkExportFile(write('ambiguous.csv', csv), bank);
    const source = "Google Forms 'Timestamp' column, read both ways";
    expect(result.value!.map((r) => r.answeredAt)).toEqual([
      { time: '2026-12-06T10:42:00Z', dayFirst: '2026-06-12T10:42:00Z', source },
      { time: '2026-12-07T09:00:00Z', dayFirst: '2026-07-12T09:00:00Z', source },
    ]);
    expect(result.problems.map((p) => p.message)).toContainEqual(
      "the Google Forms 'Timestamp' column's dates could be day/month or month/day (\"12/6/2026 10:42:00\"), and none has a day over 12: --latest keeps an answer only where both readings agree on which is the latest",
    );
  });

  it('a row whose date cannot be read has no time, and says why', async () => {
    const csv = lines([
      ['Timestamp', 'Your name [respondent]', `[${itemColumns(bank)[1]!.id}.capability]`],
      ['yesterday', 'Ann', '3'],
      ['2026-12-07 09:00:00', 'Bo', '2'],
    ]);
    const result = await checkExportFile(write('unread.csv', csv), bank);
    expect(result.value!.map((r) => r.answeredAt)).toEqual([
      { source: 'the Google Forms \'Timestamp\' column holds "yesterday", no date this reader knows' },
      { time: '2026-12-07T09:00:00Z', source: "Google Forms 'Timestamp' column" },
    ]);
  });

  it('Microsoft Forms: ID, Email and Completion time (a serial day number)', async () => {
    write('microsoft.xlsx', microsoftWorkbook());
    expect((await read('microsoft.xlsx')).map(facts)[1]).toEqual({
      name: people[1]!.name,
      email: emailOf(people[1]!),
      response: '2',
      answeredAt: { time: '2026-12-01T09:36:00Z', source: "Microsoft Forms 'Completion time' column" },
    });
  });

  it('a workbook that counts its days from 1904: the same serial number is 1,462 days later', async () => {
    write('microsoft-1904.xlsx', microsoftWorkbook(true));
    expect((await read('microsoft-1904.xlsx')).map(facts)[1]!.answeredAt).toEqual({
      time: '2030-12-02T09:36:00Z',
      source: "Microsoft Forms 'Completion time' column",
    });
  });

  it('Typeform: # and Submit Date (UTC); an anonymous Microsoft e-mail is no e-mail', async () => {
    const csv = lines([
      [
        '#',
        'Email',
        'Your name [respondent]',
        `[${itemColumns(bank)[1]!.id}.capability]`,
        'Start Date (UTC)',
        'Submit Date (UTC)',
      ],
      ['k3j2', 'anonymous', 'Ann', '3', '2026-11-30 09:00:00', '2026-11-30 09:12:30'],
    ]);
    write('typeform.csv', csv);
    expect((await read('typeform.csv')).map(facts)).toEqual([
      {
        name: 'Ann',
        email: undefined,
        response: 'k3j2',
        answeredAt: { time: '2026-11-30T09:12:30Z', source: "Typeform 'Submit Date (UTC)' column" },
      },
    ]);
  });
});
