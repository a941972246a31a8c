import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  README,
  STAGES,
  appliesAt,
  fieldCount,
  formItems,
  inWords,
  minutesFor,
  itemsOf,
  loadV3,
  ownerAt,
  type AnyItem,
  type Responsibility,
} from './helpers.js';

// The README's "What the bank covers": its ids are the bank's, and its counts and minutes are the
// ones the bank and the questionnaire give.

const text = readFileSync(README, 'utf8');
const section = text.slice(text.indexOf('\n## What the bank covers\n'), text.indexOf('\n## Your own question bank\n'));
const flat = section.replace(/\s+/g, ' ');
const bank = loadV3();
const items = itemsOf(bank);
const count = (kind: AnyItem['kind']) => items.filter((i) => i.kind === kind).length;

describe('README, "What the bank covers"', () => {
  it('exists, links the full map and the review response, and names only ids of the bank, at least one per row', () => {
    expect(section.length).toBeGreaterThan(500);
    expect(section).toContain('[docs/bank-coverage.md](docs/bank-coverage.md)');
    expect(section).toContain('[docs/bank-v3-review-response.md](docs/bank-v3-review-response.md)');
    const ids = new Set(items.map((i) => i.id));
    const rows = section
      .split('\n')
      .filter(
        (l) => l.startsWith('| ') && !l.startsWith('| Idea') && !l.startsWith('| Form') && !/^\| (rapid|full)/.test(l),
      );
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows) {
      const named = [...row.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!);
      expect(named.length, row).toBeGreaterThan(0);
      for (const id of named) expect(ids.has(id), `${id} in: ${row}`).toBe(true);
    }
  });

  it('gives the bank’s counts', () => {
    expect(flat).toContain(
      `**${count('responsibility')} responsibilities, ${count('practice')} practices and ${count('interlock')} hand-offs in ${bank.areas.length} areas**`,
    );
    const growth: Record<string, number> = {};
    for (const r of items.filter((i) => i.kind === 'responsibility' && appliesAt(i, 'growth'))) {
      const { owner } = ownerAt(r as Responsibility, 'growth');
      growth[owner] = (growth[owner] ?? 0) + 1;
    }
    expect(flat).toContain(
      `(at growth: product management ${growth.pm}, product marketing ${growth.pmm}, leadership ${growth.leadership}, marketing ${growth.marketing}, sales ${growth.sales}, shared ${growth.shared}, customer success ${growth.cs})`,
    );
    const staged = items.filter((i) => i.kind === 'responsibility' && i.owners).length;
    expect(flat).toContain(`for ${inWords(staged)} of them a different owner`);
    const between = (from: string, to: string) => bank.interlock.filter((i) => i.from === from && i.to === to).length;
    const others = bank.interlock.filter((i) => ![i.from, i.to].every((p) => p === 'pm' || p === 'pmm')).length;
    expect(flat).toContain(
      `(${between('pm', 'pmm')} from product management to product marketing, ${between('pmm', 'pm')} back) and to and from sales, marketing and customer success (${others})`,
    );
  });

  it('gives each form the items, rated fields and minutes the bank and the questionnaire give, at each stage', () => {
    const cell = (form: 'rapid' | 'full', stage: string) => {
      const scope = formItems(bank, form, stage);
      return `${scope.length} items, ${fieldCount(scope)} rated fields, about ${minutesFor(scope)} minutes`;
    };
    for (const form of ['rapid', 'full'] as const) {
      const row = section.split('\n').find((l) => l.startsWith(`| ${form}`))!;
      expect(row, form).toContain(`| ${STAGES.map((stage) => cell(form, stage)).join(' | ')} |`);
    }
  });
});
