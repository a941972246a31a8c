import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fieldsOf } from '../../src/core/bank/item-kinds.js';
import { bankItems, type BankItem } from '../../src/core/bank/items.js';
import type { Bank } from '../../src/core/bank/schema.js';
import { itemsInScope, defaultStage } from '../../src/core/answers/scope.js';

// Respondents of a team, as answers files and as each form tool would export them. The items come
// from the bank in use (the built-in one is being replaced), the labels from its scales and
// function names, so the fixtures follow whatever bank is loaded.

export type Value = string | number;
/** One item's answer as an answers file holds it, or n/a. */
export type Answer = Record<string, Value> | 'n/a';

export interface Person {
  name: string;
  role: string;
  answers: Record<string, Answer>;
}

export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `pm-diag-${prefix}-`));
}

/** Three responsibilities and one interlock item of the bank, among those asked at its default stage. */
export function pickItems(bank: Bank): { responsibilities: BankItem[]; interlock: BankItem } {
  const asked = itemsInScope(bankItems(bank), { stage: defaultStage(bank) ?? null, form: 'full' });
  const responsibilities = asked.filter((i) => i.kind === 'responsibility').slice(0, 3);
  const interlock = asked.find((i) => i.kind === 'interlock');
  if (responsibilities.length < 3 || !interlock) throw new Error('the bank has too few items for these tests');
  return { responsibilities, interlock };
}

/** A team whose answers use every kind of value: levels, unknown, n/a, each owner the labels cover, evidence and notes (one with a comma and a line break). */
export function team(bank: Bank): Person[] {
  const {
    responsibilities: [a, b, c],
    interlock,
  } = pickItems(bank);
  return [
    {
      name: 'Ann Lee',
      role: 'pm',
      answers: {
        [a!.id]: { owner: 'pm', capability: 4, capacity: 3, evidence: 'the roadmap doc' },
        [b!.id]: { owner: 'pmm', capability: 'unknown', capacity: 2 },
        [c!.id]: 'n/a',
        [interlock.id]: { delivery: 3, note: 'weekly, mostly\nby e-mail' },
      },
    },
    {
      name: 'Ben Ode',
      role: 'pmm',
      answers: {
        [a!.id]: { owner: 'shared', capability: 2, capacity: 5 },
        [b!.id]: { owner: 'unclear', capability: 1, capacity: 'unknown' },
        [c!.id]: { owner: 'leadership', capability: 5, capacity: 4, note: 'the CEO, for now' },
        [interlock.id]: { delivery: 'unknown' },
      },
    },
    {
      name: 'Cy Park',
      role: 'leadership',
      answers: {
        [a!.id]: { owner: 'pmm', capability: 3, capacity: 1 },
        [b!.id]: { owner: 'pm', capability: 2, capacity: 2, evidence: 'interview notes' },
        [c!.id]: { owner: 'pmm', capability: 'unknown', capacity: 3 },
        [interlock.id]: { delivery: 5 },
      },
    },
  ];
}

/** Each person as an answers file (JSON is YAML) in a folder of their own. */
export function writeAnswersFiles(dir: string, people: Person[], organization: string): string {
  const folder = join(dir, 'answers');
  mkdirSync(folder, { recursive: true });
  for (const person of people) {
    const file = { organization, respondent: { name: person.name, role: person.role }, answers: person.answers };
    writeFileSync(join(folder, `${person.name.split(' ')[0]!.toLowerCase()}.yaml`), JSON.stringify(file, null, 2));
  }
  return folder;
}

/** The columns of the chosen items: `<id>.<field>` for every field each takes. */
export function itemColumns(bank: Bank): { id: string; field: string; item: BankItem }[] {
  const { responsibilities, interlock } = pickItems(bank);
  return [...responsibilities, interlock].flatMap((item) =>
    fieldsOf(item.kind).map((field) => ({ id: item.id, field, item })),
  );
}

/** How a person's answer to one column is written: n/a in the first rated column of an item, nothing where the file has nothing. */
export function cellValue(person: Person, id: string, field: string): Value | 'n/a' | undefined {
  const answer = person.answers[id];
  if (answer === undefined) return undefined;
  if (answer === 'n/a') return field === 'owner' || field === 'delivery' ? 'n/a' : undefined;
  return answer[field];
}

/** RFC 4180 quoting, with the delimiter given. */
export function csvLine(cells: readonly Value[], delimiter = ','): string {
  return cells
    .map((cell) =>
      /["\r\n]/.test(String(cell)) || String(cell).includes(delimiter)
        ? `"${String(cell).replaceAll('"', '""')}"`
        : String(cell),
    )
    .join(delimiter);
}

/**
 * A form export (CSV) of these people: the tool's own columns (`tool`: its headers and each person's cells),
 * then the name, the role and a tagged column for each of the chosen items' fields.
 */
export function peopleCsv(
  bank: Bank,
  people: Person[],
  tool: { headers: string[]; cells: (person: Person) => Value[] } = { headers: [], cells: () => [] },
): string {
  const columns = itemColumns(bank);
  const header = [
    ...tool.headers,
    'Your name [respondent]',
    'Your role [role]',
    ...columns.map((c) => `[${c.id}.${c.field}]`),
  ];
  const rows = people.map((p) => [
    ...tool.cells(p),
    p.name,
    p.role,
    ...columns.map(({ id, field }) => cellValue(p, id, field) ?? ''),
  ]);
  return [header, ...rows].map((row) => `${csvLine(row)}\n`).join('');
}

/** A JSON report without what names the input files (which differ between the two runs by design). */
export function comparable(json: string): unknown {
  const report = JSON.parse(json) as { respondentList?: { source?: string }[] };
  for (const r of report.respondentList ?? []) delete r.source;
  return report;
}
