import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COVERAGE_DOC,
  FORMS,
  STAGES,
  V1_BANK_FILE,
  V2_BANK_FILE,
  appliesAt,
  fateIn,
  fieldCount,
  formItems,
  idsIn,
  inWords,
  minutesFor,
  tableRows,
  itemsOf,
  kindsOf,
  loadV3,
  ownerAt,
  capital,
  type AnyItem,
  type Responsibility,
} from './helpers.js';

// docs/bank-coverage.md: its ids are items of version 3, an idea is "covered" only where an item
// rates it, and its counts, form lengths and minutes are the bank's and the questionnaire's.

const bank = loadV3();
const items = itemsOf(bank);
const byId = new Map(items.map((i) => [i.id, i]));
const doc = readFileSync(COVERAGE_DOC, 'utf8');
const flat = doc.replace(/\s+/g, ' ');

const responsibilities = items.filter((i) => i.kind === 'responsibility') as (Responsibility & AnyItem)[];
const count = (kind: AnyItem['kind']) => items.filter((i) => i.kind === kind).length;

describe('the coverage document: every seed idea', () => {
  const rows = tableRows(doc, 'Every seed idea, and where it is');
  const STATUSES = ['Covered', 'Partly', 'Weak', 'Missing'];

  it('lists the 43 ideas of the review in order, from all five seeds', () => {
    expect(rows.map(([n]) => Number(n))).toEqual(Array.from({ length: 43 }, (_, i) => i + 1));
    const seeds = new Set(rows.flatMap(([, , seed]) => seed!.split(/,\s*/)));
    expect([...seeds].sort()).toEqual(['000', '001', '002', '003', '004']);
  });

  it('calls an idea covered or partly covered only where an item of version 3 rates it', () => {
    for (const [n, idea, , status, ratedBy] of rows) {
      expect(STATUSES, `${n} ${idea}`).toContain(status);
      const named = idsIn(ratedBy!);
      for (const id of named) expect(byId.has(id), `${n}: ${id} is not an item of version 3`).toBe(true);
      if (status === 'Covered' || status === 'Partly')
        expect(named.length > 0 || ratedBy === 'every responsibility', `${n} ${idea}: rated by what?`).toBe(true);
      else expect(named, `${n}: a ${status} idea is rated by nothing`).toEqual([]);
    }
  });

  it('gives the counts of its own table', () => {
    const of = (status: string) => rows.filter((r) => r[3] === status).length;
    expect(flat).toContain(
      `**43 ideas: ${of('Covered')} covered, ${of('Partly')} partly, ${of('Weak')} weak, ${of('Missing')} missing.**`,
    );
  });

  it('says how many ideas the rapid form touches at growth and at start-up', () => {
    const touched = (stage: string) => {
      const rapid = new Set(formItems(bank, 'rapid', stage).map((i) => i.id));
      return rows.filter(([, , , , ratedBy]) => idsIn(ratedBy!).some((id) => rapid.has(id))).length;
    };
    expect(flat).toContain(
      `The rapid form touches ${touched('growth')} of them at growth and ${touched('startup')} at start-up`,
    );
  });
});

describe('the coverage document: responsibilities a practitioner expects', () => {
  it('maps each to items of version 3, the ones the review found missing included', () => {
    const rows = tableRows(doc, 'Responsibilities a practitioner expects');
    for (const [idea, , cell] of rows) {
      expect(idsIn(cell!).length, idea).toBeGreaterThan(0);
      for (const id of idsIn(cell!)) expect(byId.has(id), `${idea}: ${id}`).toBe(true);
    }
    const named = rows.map(([idea]) => idea!.toLowerCase()).join('\n');
    for (const topic of [
      'analytics',
      'onboarding',
      'partner',
      'support',
      'self-serve',
      'ai features',
      'demand',
      'sales hand-off',
    ])
      expect(named, topic).toContain(topic);
  });
});

describe('the coverage document: figures', () => {
  it('gives the items, rated fields and minutes of each form as the bank counts them and the questionnaire estimates them', () => {
    const rows = tableRows(doc, 'How long each form takes');
    expect(rows.map(([form, stage]) => `${form} ${stage}`)).toEqual(
      FORMS.flatMap((form) => STAGES.map((stage) => `${form} ${stage}`)),
    );
    for (const [form, stage, itemCount, fields, estimate] of rows) {
      const scope = formItems(bank, form as 'rapid' | 'full', stage!);
      expect(Number(itemCount), `${form} ${stage}`).toBe(scope.length);
      expect(Number(fields), `${form} ${stage}`).toBe(fieldCount(scope));
      expect(estimate, `${form} ${stage}`).toBe(`about ${minutesFor(scope)} min`);
    }
    // Issue 26: the rapid form takes ten minutes at most.
    for (const stage of STAGES) expect(minutesFor(formItems(bank, 'rapid', stage)), stage).toBeLessThanOrEqual(10);
  });

  it('names the rapid form’s items as the bank marks them', () => {
    const section = doc.slice(doc.indexOf('The rapid form is built around'), doc.indexOf('\n## Every seed idea'));
    const rapid = new Set(items.filter((i) => i.rapid === true).map((i) => i.id));
    expect(new Set(idsIn(section))).toEqual(rapid);
  });

  it('states the counts of the bank', () => {
    expect(flat).toContain(
      `**${bank.areas.length} areas, ${count('responsibility')} responsibilities, ${count('practice')} practices, ${count('interlock')} hand-offs.**`,
    );
    const growth: Record<string, number> = {};
    for (const r of responsibilities.filter((r) => appliesAt(r, 'growth'))) {
      const { owner } = ownerAt(r, 'growth');
      growth[owner] = (growth[owner] ?? 0) + 1;
    }
    expect(flat).toContain(
      `product management ${growth.pm}, product marketing ${growth.pmm}, leadership ${growth.leadership}, marketing ${growth.marketing}, sales ${growth.sales}, shared ${growth.shared}, customer success ${growth.cs}.`,
    );
    const staged = responsibilities.filter((r) => r.owners);
    const at = (stage: string) => staged.filter((r) => r.owners![stage]);
    expect(flat).toContain(
      `${capital(inWords(staged.length))} responsibilities name a different owner at another stage`,
    );
    expect(flat).toContain(`${inWords(at('startup').length)} go to leadership at start-up`);
    expect(flat).toContain(`${inWords(at('enterprise').length)} to marketing or sales at enterprise`);
    for (const r of at('startup')) expect(r.owners!.startup!.owner, r.id).toBe('leadership');
    for (const r of at('enterprise')) expect(['marketing', 'sales'], r.id).toContain(r.owners!.enterprise!.owner);
    expect(flat).toContain(
      `${capital(inWords(bank.interlock.filter((i) => appliesAt(i, 'startup')).length))} apply at start-up`,
    );
  });

  it('states the anchors, the stems and the decisions as the bank has them', () => {
    const anchored = items.filter((i) => i.levels);
    const sets = anchored.reduce((n, i) => n + Object.keys(i.levels!).length, 0);
    expect(flat).toContain(`${anchored.length} items have their own statement for each level (${sets} sets)`);
    const required = items.filter((i) => i.rapid === true || i.weight === 3 || i.kind === 'practice');
    expect(flat).toContain(`and ${anchored.length - required.length} items whose question asks`);
    const words = items.map((i) => i.question.split(/\s+/).filter(Boolean).length);
    expect(flat).toContain(
      `Stems average ${Math.round(words.reduce((s, n) => s + n, 0) / words.length)} words; none has more than ${Math.max(...words)}.`,
    );
    expect(items.every((i) => i.decision)).toBe(true);
    expect(flat).toContain(`**${capital(inWords(Object.keys(bank.facts!).length))} organization facts**`);
  });

  it('gives the fate of every version 1 and version 2 id as the migrations give it', () => {
    const fates = (file: string, version: number) => {
      const counted: Record<string, number> = { kept: 0, renamed: 0, merged: 0, removed: 0 };
      for (const id of kindsOf(file).keys()) counted[fateIn(bank, id, version).fate]!++;
      return counted;
    };
    const v2 = fates(V2_BANK_FILE, 2);
    expect(flat).toContain(
      `of version 2's ${kindsOf(V2_BANK_FILE).size} ids, ${v2.kept} keep their id, ${v2.renamed} are renamed and ${v2.removed} removed`,
    );
    expect(v2.merged).toBe(0);
    const v1 = fates(V1_BANK_FILE, 1);
    expect(flat).toContain(
      `Version 1's ${kindsOf(V1_BANK_FILE).size} ids follow both migrations: ${v1.kept} kept, ${v1.renamed} renamed, ${v1.merged} merged, ${v1.removed} removed.`,
    );
  });
});
