import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/io/bank-files.js';
import { formLength } from '../../src/app/interactive/screens.js';
import { scopedSections, selectSections } from '../../src/app/interactive/steps.js';
import { COVERAGE_DOC, STAGES, formItems, itemsOf, loadV2, questionCount } from './helpers.js';

// docs/bank-coverage.md, the draft of the README's "What the bank covers": its ids must exist
// in version 2 and its figures must be the bank's.

const bank = loadV2();
const ids = new Set(itemsOf(bank).map((i) => i.id));
const doc = readFileSync(COVERAGE_DOC, 'utf8');

/** The rows of the markdown table under a `## heading`, as trimmed cells (header and rule left out). */
function tableRows(heading: string): string[][] {
  const start = doc.indexOf(`\n## ${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const section = doc.slice(start + 1).split('\n## ')[0]!;
  const rows = section.split('\n').filter((line) => line.startsWith('|'));
  return rows.slice(2).map((line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );
}

const idsIn = (cell: string) => [...cell.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!);

describe('the coverage document', () => {
  const ideaTables = ['Every seed idea, and where it is', 'Responsibilities a practitioner expects'];

  it.each(ideaTables)('"%s" maps every idea to at least one item of version 2', (heading) => {
    const rows = tableRows(heading);
    expect(rows.length).toBeGreaterThan(10);
    for (const [idea, , items] of rows) {
      const named = idsIn(items!);
      expect(named.length, idea).toBeGreaterThan(0);
      for (const id of named) expect(ids.has(id), `${idea}: ${id}`).toBe(true);
    }
  });

  it('draws ideas from all five seeds and names each missing responsibility of issue 15', () => {
    const seeds = new Set(tableRows(ideaTables[0]!).flatMap(([, seed]) => seed!.split(/,\s*/)));
    expect([...seeds].sort()).toEqual(['000', '001', '002', '003', '004']);
    const expected = tableRows(ideaTables[1]!)
      .map(([idea]) => idea!.toLowerCase())
      .join('\n');
    for (const topic of [
      'analytics',
      'onboarding',
      'roadmap communication',
      'naming',
      'partner',
      'support',
      'end-of-life',
      'self-serve',
      'ai features',
      'ai-drafted',
    ]) {
      expect(expected, topic).toContain(topic);
    }
  });

  it('gives the items, questions and minutes of each form as the bank counts them and the questionnaire estimates them', () => {
    const rows = tableRows('How long each form takes');
    expect(rows.map(([form, stage]) => `${form} ${stage}`)).toEqual(
      ['rapid', 'full'].flatMap((form) => STAGES.map((stage) => `${form} ${stage}`)),
    );
    const sections = selectSections(loadBank(), undefined);
    for (const [form, stage, items, questions, estimate] of rows) {
      const scope = formItems(bank, form as 'rapid' | 'full', stage!);
      const count = questionCount(scope);
      expect(Number(items), `${form} ${stage}`).toBe(scope.length);
      expect(Number(questions), `${form} ${stage}`).toBe(count);
      const length = formLength(scopedSections(sections, { stage: stage!, form: form as 'rapid' | 'full' }));
      expect(length.questions, `${form} ${stage}`).toBe(count);
      expect(estimate, `${form} ${stage}`).toBe(`about ${length.minutes} min`);
    }
    // Issue 15: the rapid form takes ten minutes at most.
    for (const stage of STAGES)
      expect(formLength(scopedSections(sections, { stage, form: 'rapid' })).minutes).toBeLessThanOrEqual(10);
  });

  it('gives the average stem length and the length of the scales as the bank has them', () => {
    const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
    const stems = itemsOf(bank).map((i) => words(i.question));
    expect(doc).toContain(`Stems average ${Math.round(stems.reduce((s, n) => s + n, 0) / stems.length)} words`);
    const scaleWords = Object.values(bank.scales).map((scale) =>
      Object.values(scale).reduce((s, l) => s + words(`${l.label} ${l.description}`), 0),
    );
    expect(doc).toContain(`${Math.min(...scaleWords)}–${Math.max(...scaleWords)} words each`);
  });

  it('states the counts of the bank', () => {
    const responsibilities = itemsOf(bank).filter((i) => i.kind === 'responsibility');
    expect(doc).toContain(
      `**${bank.areas.length} areas, ${responsibilities.length} responsibilities, ${bank.interlock.length} hand-offs.**`,
    );
    const owners = (o: string) => responsibilities.filter((r) => r.kind === 'responsibility' && r.owner === o).length;
    expect(doc).toMatch(
      new RegExp(
        `product management ${owners('pm')},\\s+product marketing ${owners('pmm')}, shared ${owners('shared')}, leadership ${owners('leadership')}\\.`,
      ),
    );
    const rapidItems = itemsOf(bank).filter((i) => i.rapid === true).length;
    expect(doc).toContain(`a rapid form of ${rapidItems} items`);
  });
});
