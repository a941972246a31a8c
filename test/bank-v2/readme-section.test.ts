import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/io/bank-files.js';
import { formLength } from '../../src/app/interactive/screens.js';
import { scopedSections, selectSections } from '../../src/app/interactive/steps.js';
import { ROOT } from '../helpers/cli.js';
import { itemsOf, loadV2 } from './helpers.js';

// The README's "What the bank covers": its ids are the bank's, and its counts and minutes are the
// ones the bank and the questionnaire give.

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = README.slice(
  README.indexOf('\n## What the bank covers\n'),
  README.indexOf('\n## Your own question bank\n'),
);
const bank = loadV2();
const items = itemsOf(bank);

describe('README, "What the bank covers"', () => {
  it('exists, links the full map and names only ids of the bank, at least one per row', () => {
    expect(section.length).toBeGreaterThan(500);
    expect(section).toContain('[docs/bank-coverage.md](docs/bank-coverage.md)');
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
    const responsibilities = items.filter((i) => i.kind === 'responsibility');
    const owners = (o: string) => responsibilities.filter((r) => r.kind === 'responsibility' && r.owner === o).length;
    const from = (f: string) => bank.interlock.filter((i) => i.from === f).length;
    expect(section).toContain(
      `**${responsibilities.length} responsibilities in ${bank.areas.length}\nareas** and **${bank.interlock.length} hand-offs** (${from('pmm')} from product marketing to product management, ${from('pm')} the other way)`,
    );
    expect(section.replace(/\s+/g, ' ')).toContain(
      `(product management ${owners('pm')}, product marketing ${owners('pmm')}, shared ${owners('shared')}, leadership ${owners('leadership')})`,
    );
  });

  it('gives each form the items, questions and minutes the questionnaire offers', () => {
    const sections = selectSections(loadBank(), undefined);
    const cell = (form: 'rapid' | 'full', stage: string) => {
      const scoped = scopedSections(sections, { stage, form });
      const { questions, minutes } = formLength(scoped);
      return `${scoped.reduce((n, s) => n + s.items.length, 0)} items, ${questions} questions, about ${minutes} minutes`;
    };
    for (const form of ['rapid', 'full'] as const) {
      const row = section.split('\n').find((l) => l.startsWith(`| ${form}`))!;
      expect(row, form).toContain(`| ${cell(form, 'startup')} | ${cell(form, 'growth')} |`);
      expect(cell(form, 'enterprise')).toBe(cell(form, 'growth'));
    }
  });
});
