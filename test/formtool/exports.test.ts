import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/io/bank-files.js';
import type { Bank } from '../../src/core/bank/schema.js';
import { runCli } from '../helpers/cli.js';
import {
  cellValue,
  comparable,
  csvLine,
  itemColumns,
  scratchDir,
  team,
  writeAnswersFiles,
  type Person,
  type Value,
} from './helpers.js';
import { xlsxWorkbook } from './xlsx-writer.js';

// Each form tool's export, shaped as that tool writes it (its own columns, its labels, SurveyMonkey's
// two header rows, Microsoft Forms' XLSX), gives the same report as the same answers typed into
// answers files.

const bank: Bank = loadBank();
const people = team(bank);
const ORGANIZATION = 'Acme Corp';
const dir = scratchDir('formtool');
let answersFolder: string;
let expected: unknown;

type Axis = 'capability' | 'capacity' | 'delivery';
const isAxis = (field: string): field is Axis => field === 'capability' || field === 'capacity' || field === 'delivery';
const levelName = (axis: Axis, level: number) => bank.scales[axis][String(level) as '1'].label;
const functionName = (code: string) => (code === 'pm' || code === 'pmm' ? bank.functions[code].name : code);
const capitalised = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/** How one tool's form shows each answer: the labels its author pasted from the form guide, or other spellings of them. */
interface Labels {
  level(axis: Axis, level: number): string;
  unknown: string;
  notApplicable: string;
  owner(code: string): string;
  role(code: string): string;
}

const LABELS: Record<string, Labels> = {
  google: {
    level: (axis, n) => `${n} - ${levelName(axis, n)}`,
    unknown: "Don't know",
    notApplicable: 'Not applicable',
    owner: (code) => (code === 'pm' || code === 'pmm' ? functionName(code) : capitalised(code)),
    role: (code) => capitalised(functionName(code)),
  },
  microsoft: {
    level: (axis, n) => ` ${levelName(axis, n).toUpperCase()} `,
    unknown: 'Don\u2019t   know',
    notApplicable: 'N/A',
    owner: (code) => code.toUpperCase(),
    role: (code) => code.toUpperCase(),
  },
  typeform: {
    level: (_, n) => String(n),
    unknown: 'unknown',
    notApplicable: 'n/a',
    owner: (code) => code,
    role: (code) => code,
  },
  surveymonkey: {
    level: (axis, n) => `${n}-${levelName(axis, n).replace(/\s+/g, '')}`,
    unknown: "DON'T KNOW",
    notApplicable: 'Not Applicable',
    owner: (code) => (code === 'pm' || code === 'pmm' ? functionName(code).toLowerCase() : code),
    role: (code) => functionName(code),
  },
};

/** A person's answer to one column as the tool's form shows it. */
function shown(labels: Labels, person: Person, id: string, field: string): string {
  const value = cellValue(person, id, field);
  if (value === undefined) return '';
  if (value === 'n/a') return labels.notApplicable;
  if (field === 'owner') return labels.owner(String(value));
  if (isAxis(field)) return value === 'unknown' ? labels.unknown : labels.level(field, Number(value));
  return String(value);
}

/** A question's text as a form author might write it, with the tag somewhere in it. */
const questionHeader = (title: string, id: string, field: string, style: number) =>
  style === 0
    ? `${title} - ${field}? [${id}.${field}]`
    : style === 1
      ? `[${id}.${field}] ${title}: ${field}`
      : `${title} (${field}) [${id}.${field}]`;

function answerCells(tool: string, person: Person): string[] {
  return itemColumns(bank).map(({ id, field }) => shown(LABELS[tool]!, person, id, field));
}

function googleCsv(): string {
  const header = [
    'Timestamp',
    'Email Address',
    'Your name [respondent]',
    'Your role [role]',
    'Organization',
    ...itemColumns(bank).map(({ id, field, item }) => questionHeader(item.title, id, field, 0)),
    'Score',
  ];
  const rows = people.map((p, i) => [
    `2026/11/3${i} 10:0${i}:00 AM GMT+1`,
    `${p.name.split(' ')[0]!.toLowerCase()}@acme.example`,
    p.name,
    LABELS.google!.role(p.role),
    ORGANIZATION,
    ...answerCells('google', p),
    '',
  ]);
  return [header, ...rows].map((row) => csvLine(row)).join('\n') + '\n';
}

function microsoftXlsx(): Uint8Array {
  // An anonymous form: the tool's own Name column says so, the name is a question of the form.
  const header = [
    'ID',
    'Start time',
    'Completion time',
    'Email',
    'Name',
    'Last modified time',
    'Your name [respondent]',
    'Your role [role]',
    'Organization [organization]',
    ...itemColumns(bank).map(({ id, field, item }) => questionHeader(item.title, id, field, 1)),
  ];
  const rows: Value[][] = people.map((p, i) => [
    i + 1,
    46356.4 + i,
    46356.41 + i,
    'anonymous',
    'anonymous',
    '',
    p.name,
    LABELS.microsoft!.role(p.role),
    ORGANIZATION,
    ...answerCells('microsoft', p),
  ]);
  return xlsxWorkbook([header, ...rows]);
}

/** Typeform's columns, with a BOM, semicolons and CRLF, as a spreadsheet re-saves an export. */
function typeformCsv(): string {
  const header = [
    '#',
    "What's your name? [respondent]",
    'ROLE',
    'organization',
    ...itemColumns(bank).map(({ id, field, item }) => questionHeader(item.title, id, field, 2)),
    'Start Date (UTC)',
    'Submitted At',
    'Network ID',
  ];
  const rows = people.map((p, i) => [
    `r${i}x9`,
    p.name,
    LABELS.typeform!.role(p.role),
    ORGANIZATION,
    ...answerCells('typeform', p),
    '2026-11-30 09:00:00',
    '2026-11-30 09:12:00',
    'a1b2c3',
  ]);
  return '\uFEFF' + [header, ...rows].map((row) => csvLine(row, ';')).join('\r\n') + '\r\n';
}

/** SurveyMonkey: the question row, then the row that says what each column holds. */
function surveyMonkeyCsv(): string {
  const own = [
    'Respondent ID',
    'Collector ID',
    'Start Date',
    'End Date',
    'IP Address',
    'Email Address',
    'First Name',
    'Last Name',
    'Custom Data 1',
  ];
  const columns = itemColumns(bank);
  const questions = [
    ...own,
    'Your name [respondent]',
    'Your role [role]',
    'Organization [organization]',
    ...columns.map(({ id, field, item }) => questionHeader(item.title, id, field, 0)),
  ];
  const what = [
    ...own.map(() => ''),
    'Open-Ended Response',
    'Response',
    'Open-Ended Response',
    ...columns.map(({ field }) => (field === 'evidence' || field === 'note' ? 'Open-Ended Response' : 'Response')),
  ];
  const rows = people.map((p, i) => [
    `1149${i}`,
    '4321',
    '11/30/2026 09:00:00 AM',
    '11/30/2026 09:20:00 AM',
    '203.0.113.7',
    '',
    '',
    '',
    '',
    p.name,
    LABELS.surveymonkey!.role(p.role),
    ORGANIZATION,
    ...answerCells('surveymonkey', p),
  ]);
  return [questions, what, ...rows].map((row) => csvLine(row)).join('\r\n') + '\r\n';
}

const EXPORTS: [string, string, () => string | Uint8Array, string[]][] = [
  ['Google Forms', 'google.csv', googleCsv, ['Timestamp', 'Email Address', 'Score']],
  [
    'Microsoft Forms',
    'microsoft.xlsx',
    microsoftXlsx,
    ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time'],
  ],
  ['Typeform', 'typeform.csv', typeformCsv, ['#', 'Start Date (UTC)', 'Submitted At', 'Network ID']],
  [
    'SurveyMonkey',
    'surveymonkey.csv',
    surveyMonkeyCsv,
    [
      'Respondent ID',
      'Collector ID',
      'Start Date',
      'End Date',
      'IP Address',
      'Email Address',
      'First Name',
      'Last Name',
      'Custom Data 1',
    ],
  ],
];

beforeAll(() => {
  answersFolder = writeAnswersFiles(dir, people, ORGANIZATION);
  const result = runCli(['report', answersFolder, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  expected = comparable(result.stdout);
});

describe.each(EXPORTS)('a %s export, as the tool writes it', (_tool, file, make, ownColumns) => {
  const path = join(dir, file);
  beforeAll(() => writeFileSync(path, make()));

  it('gives the report of the same answers typed into answers files', () => {
    const result = runCli(['report', path, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(comparable(result.stdout)).toEqual(expected);
  });

  it("names the tool's own columns once, as left out", () => {
    const notices = runCli(['report', path, '--format', 'json'])
      .stderr.split('\n')
      .filter((line) => line.includes('a form tool adds'));
    expect(notices).toEqual([
      expect.stringMatching(/^pm-diag: .+:1: warning: left out the columns a form tool adds: /),
    ]);
    expect(notices[0]!.replace(/^.*a form tool adds: /, '')).toBe(ownColumns.map((c) => `"${c}"`).join(', '));
  });

  it('passes validate, which counts its respondents', () => {
    const result = runCli(['validate', path]);
    expect(result.code, result.stderr).toBe(0);
    const [line] = result.stdout.split('\n');
    expect(line).toBe(`ok   ${path}: a form export for "${bank.id}", ${people.length} respondents`);
    expect(result.stdout).toContain(`ok   report: would count ${people.length} respondents`);
  });
});

describe('a Name column', () => {
  it('is the respondent when no question asks the name', () => {
    const csv = join(dir, 'named.csv');
    writeFileSync(csv, `ID,Name,[${itemColumns(bank)[1]!.id}.capability]\n1,Dana,3\n`);
    const result = runCli(['report', csv, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ respondentList: [{ name: 'Dana' }] });
  });
});

describe('the other commands read exports too', () => {
  it('export gives the same rows from an XLSX as from the answers files', () => {
    const xlsx = join(dir, 'for-export.xlsx');
    writeFileSync(xlsx, microsoftXlsx());
    const fromFiles = runCli(['export', answersFolder, '--format', 'ndjson']);
    const fromXlsx = runCli(['export', xlsx, '--format', 'ndjson']);
    expect(fromXlsx.code, fromXlsx.stderr).toBe(0);
    expect(fromXlsx.stdout).toBe(fromFiles.stdout);
    expect(fromXlsx.stdout.split('\n').length).toBeGreaterThan(people.length);
  });

  it('compare takes an export on either side', () => {
    const csv = join(dir, 'for-compare.csv');
    writeFileSync(csv, googleCsv());
    const result = runCli(['compare', answersFolder, csv, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ regressions: [] });
  });
});

describe('template --format csv', () => {
  it('writes a readable question before each tag, and report reads a form built from it', () => {
    const header = runCli(['template', '--format', 'csv']).stdout.trim();
    const { id, field, item } = itemColumns(bank)[0]!;
    expect(header).toContain(`${item.title}: Who owns it today? [${id}.${field}]`);
    const columns = header.match(/\[[^\]]+\]/g)!.map((tag) => tag.slice(1, -1));
    expect(columns.slice(0, 2)).toEqual(['respondent', 'role']);
    const ann = people[0]!;
    const row = columns.map((column) => {
      if (column === 'respondent') return ann.name;
      if (column === 'role') return ann.role;
      const dot = column.lastIndexOf('.');
      return shown(LABELS.google!, ann, column.slice(0, dot), column.slice(dot + 1));
    });
    const csv = join(dir, 'from-template.csv');
    writeFileSync(csv, `${header}\n${csvLine(row)}\n`);
    const ownAnswers = writeAnswersFiles(join(dir, 'ann-only'), [ann], '');
    const fromExport = runCli(['report', csv, '--format', 'json']);
    expect(fromExport.code, fromExport.stderr).toBe(0);
    const fromFile = JSON.parse(runCli(['report', ownAnswers, '--format', 'json']).stdout) as Record<string, unknown>;
    expect({ ...(comparable(fromExport.stdout) as object), organization: null }).toEqual({
      ...(comparable(JSON.stringify(fromFile)) as object),
      organization: null,
    });
  });
});
