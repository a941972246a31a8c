import { describe, expect, it } from 'vitest';
import {
  formChoices,
  formQuestion,
  factQuestion,
  owesLine,
  ratedQuestionCount,
} from '../../src/core/answers/choices.js';
import { checkWorkbookAnswers, parseCsvAnswers } from '../../src/core/answers/csv.js';
import { openWorkbook } from '../../src/core/answers/xlsx.js';
import { xlsxWorkbook } from './xlsx-writer.js';
import { bankItems, type BankItem } from '../../src/core/bank/items.js';
import { itemsInScope } from '../../src/core/answers/scope.js';
import { renderFormGuide } from '../../src/core/render/form-guide.js';
import { csvTemplate } from '../../src/commands/template.js';
import { loadBank } from '../../src/io/bank-files.js';
import { csvLine } from './helpers.js';

// Bank v3 through a form tool: a practice's `.frequency` column, the organization facts' columns and
// the owner answers "I don't know" and "Unclear or disputed" read back from an export shaped as
// Google Forms writes it (its Timestamp and Email Address, the question titles with their tags); the
// form guide builds exactly the rated questions as required ones.

const bank = loadBank();
const rapidGrowth = itemsInScope(bankItems(bank), { stage: 'growth', form: 'rapid' });
const first = (kind: BankItem['kind']) => rapidGrowth.find((item) => item.kind === kind)!;
const responsibility = first('responsibility');
const practice = first('practice');
const handOff = first('interlock');

describe('a Google Forms export of the v3 questions', () => {
  const header = [
    'Timestamp',
    'Email Address',
    'Your name [respondent]',
    factQuestion(bank.facts!.revenue!, 'revenue'),
    factQuestion(bank.facts!['pm-people']!, 'pm-people'),
    formQuestion(responsibility, 'owner'),
    formQuestion(practice, 'frequency'),
    formQuestion(handOff, 'delivery'),
  ];
  const revenueLabel = bank.facts!.revenue!.options!['10-50m']!;
  const rows = [
    ['2026/12/01 10:00:00', 'ana@acme.example', 'Ana', revenueLabel, '6', "I don't know", '4 - Usually', '3'],
    ['2026/12/01 11:00:00', 'ben@acme.example', 'Ben', 'gt-250m', '', "Unclear / don't know", 'Usually', ''],
    ['2026/12/01 12:00:00', 'cy@acme.example', 'Cy', '', '0', 'Unclear or disputed', "Don't know", 'Not applicable'],
  ];
  const text = [csvLine(header), ...rows.map((row) => csvLine(row))].join('\n') + '\n';

  it('reads the practice as its frequency, the facts as codes and numbers, and the two owner answers apart', () => {
    const { respondents } = parseCsvAnswers({ source: 'google.csv', text }, bank);
    expect(respondents.map((r) => r.name)).toEqual(['Ana', 'Ben', 'Cy']);
    const [ana, ben, cy] = respondents;
    expect(ana!.facts).toEqual({ revenue: '10-50m', 'pm-people': 6 });
    expect(ben!.facts).toEqual({ revenue: 'gt-250m' });
    expect(cy!.facts).toEqual({ 'pm-people': 0 });
    expect(ana!.answers.get(responsibility.id)).toEqual({ owner: 'unknown' });
    expect(ben!.answers.get(responsibility.id)).toEqual({ owner: 'unclear' });
    expect(cy!.answers.get(responsibility.id)).toEqual({ owner: 'unclear' });
    expect(ana!.answers.get(practice.id)).toEqual({ frequency: 4 });
    expect(ben!.answers.get(practice.id)).toEqual({ frequency: 4 });
    expect(cy!.answers.get(practice.id)).toEqual({ frequency: 'unknown' });
    expect(ana!.answers.get(handOff.id)).toEqual({ delivery: 3 });
    expect(cy!.answers.get(handOff.id)).toBe('n/a');
    expect(ana!.email).toBe('ana@acme.example');
  });

  it('reads the same from a Microsoft Forms workbook, each problem at its cell', () => {
    const sheet = [
      ['ID', 'Start time', 'Completion time', 'Email', 'Name', ...header.slice(2)],
      ...rows.map((row, i) => [String(i + 1), row[0]!, row[0]!, row[1]!, 'anonymous', ...row.slice(2)]),
    ];
    const workbook = openWorkbook(xlsxWorkbook(sheet), 'forms.xlsx');
    const { value: respondents, problems } = checkWorkbookAnswers(workbook, 'forms.xlsx', bank);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(respondents!.map((r) => [r.name, r.facts, r.answers.get(practice.id)])).toEqual([
      ['Ana', { revenue: '10-50m', 'pm-people': 6 }, { frequency: 4 }],
      ['Ben', { revenue: 'gt-250m' }, { frequency: 4 }],
      ['Cy', { 'pm-people': 0 }, { frequency: 'unknown' }],
    ]);
    const bad = openWorkbook(xlsxWorkbook([header.slice(2), ['Dee', 'Huge', '', 'pm', '', '']]), 'bad.xlsx');
    expect(checkWorkbookAnswers(bad, 'bad.xlsx', bank).problems).toEqual([
      expect.objectContaining({ cell: 'B2', path: 'facts.revenue', severity: 'error' }),
    ]);
  });

  it('refuses a fact the bank does not offer, and a number that is not whole, at their cells', () => {
    const bad = [csvLine(header), csvLine(['', '', 'Dee', 'Huge', '2.5', 'pm', '3', '3'])].join('\n');
    expect(() => parseCsvAnswers({ source: 'bad.csv', text: bad }, bank)).toThrow(
      expect.objectContaining({
        problems: expect.arrayContaining([
          expect.objectContaining({ line: 2, column: 4, path: 'facts.revenue' }),
          expect.objectContaining({ line: 2, column: 5, path: 'facts.pm-people' }),
        ]),
      }),
    );
  });

  it('names an unknown fact column with the one it nearly is', () => {
    const typo = [csvLine(['respondent', 'facts.revenu', `${practice.id}.frequency`]), csvLine(['Eve', '', '3'])];
    expect(() => parseCsvAnswers({ source: 'typo.csv', text: typo.join('\n') }, bank)).toThrow(
      /unknown column "facts\.revenu".*did you mean "facts\.revenue"/,
    );
  });
});

describe('template --format csv and the form guide on bank v3', () => {
  it('offers a column for each fact and the practices, and reads its own header back', () => {
    const header = csvTemplate(bank, rapidGrowth);
    for (const id of Object.keys(bank.facts!)) expect(header).toContain(`[facts.${id}]`);
    expect(header).toContain(`[${practice.id}.frequency]`);
    expect(header).not.toContain(`[${practice.id}.owner]`);
    const row = csvLine(['Fay', 'pmm', 'lt-10m']);
    const { respondents } = parseCsvAnswers({ source: 'template.csv', text: `${header}\n${row}\n` }, bank);
    expect(respondents[0]!.facts).toEqual({ revenue: 'lt-10m' });
  });

  it("builds exactly the rapid form's rated questions as required ones, the optional boxes and facts apart", () => {
    const guide = renderFormGuide(bank, rapidGrowth, { stage: 'growth', form: 'rapid' });
    const rated = ratedQuestionCount(rapidGrowth);
    expect(rated).toBe(34);
    expect(guide).toContain(`**${rated} rated questions** (required)`);
    // Each question: its title block, then its kind and whether it is required.
    const questions = [...guide.matchAll(/```text\n(.*)\n```\n\n(.*), (required|optional)\./g)].map((m) => ({
      title: m[1]!,
      required: m[3] === 'required',
    }));
    const tagOf = (title: string) => title.match(/\[([^\]]+)\]$/)![1]!;
    const required = questions.filter((q) => q.required).map((q) => tagOf(q.title));
    const ratedTags = rapidGrowth.flatMap((item) =>
      (item.kind === 'responsibility'
        ? ['owner', 'capability', 'capacity']
        : item.kind === 'practice'
          ? ['frequency']
          : ['delivery']
      ).map((field) => `${item.id}.${field}`),
    );
    expect(required.filter((tag) => tag !== 'respondent' && tag !== 'role')).toEqual(ratedTags);
    const optional = questions.filter((q) => !q.required).map((q) => tagOf(q.title));
    expect(optional.filter((tag) => tag.startsWith('facts.'))).toHaveLength(Object.keys(bank.facts!).length);
    expect(optional.filter((tag) => /\.(evidence|note)$/.test(tag))).toHaveLength(rapidGrowth.length * 2);
    for (const id of rapidGrowth.map((i) => i.id)) expect(guide).toContain(`#### ${id}.note (optional)`);
  });

  it("pastes an item's own level statements into its question's description, with the labels its choices carry", () => {
    const guide = renderFormGuide(bank, rapidGrowth, { stage: 'growth', form: 'rapid' });
    const anchored = rapidGrowth.find((item) => item.kind === 'practice' && item.levels?.frequency)!;
    expect(anchored).toBeDefined();
    const levels = (anchored as { levels: { frequency: Record<string, string> } }).levels.frequency;
    const labels = formChoices(bank, 'frequency').map((c) => c.label);
    const section = guide.slice(guide.indexOf(`#### ${anchored.id}.frequency`));
    for (const n of [1, 2, 3, 4, 5]) expect(section).toContain(`${labels[n - 1]}: ${levels[String(n)]}`);
    if (handOff.kind !== 'interlock') throw new Error('no hand-off in the rapid form');
    expect(guide).toContain(owesLine(bank, handOff));
    expect(owesLine(bank, handOff)).toMatch(/^What [A-Z].* owes [A-Z]/);
  });
});
