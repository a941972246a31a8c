import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COVERAGE_DOC,
  NAMED_NOT_AS_DOER,
  RESPONSE_DOC,
  REVIEW,
  capital,
  inWords,
  STAGES,
  V1_BANK_FILE,
  V2_BANK_FILE,
  appliesAt,
  fieldCount,
  formItems,
  itemsOf,
  kindsOf,
  loadV3,
  ownerAt,
  readYaml,
  tableRows,
  type AnyItem,
  type Bank,
  type Responsibility,
} from './helpers.js';

// docs/bank-v3-review-response.md answers the practitioner review of version 2 finding by finding:
// every section of the review has its answer, every id it names is real, and its figures are the
// banks'.

const doc = readFileSync(RESPONSE_DOC, 'utf8');
const flat = doc.replace(/\s+/g, ' ');
const v3 = loadV3();
const v2 = readYaml<Bank>(V2_BANK_FILE);

describe('the review response', () => {
  it('answers every numbered section of the review under the same number', () => {
    // Without the review this check cannot be made: that is a failure, not a skip.
    expect(existsSync(REVIEW), `the review is not at ${REVIEW}`).toBe(true);
    const sections = [...readFileSync(REVIEW, 'utf8').matchAll(/^#{2,3} (\d+(?:\.\d+)?)\. /gm)].map((m) => m[1]!);
    const sectionsWithSub = [...readFileSync(REVIEW, 'utf8').matchAll(/^### (\d+\.\d+) /gm)].map((m) => m[1]!);
    expect(sections.length + sectionsWithSub.length).toBeGreaterThan(15);
    for (const n of sections) expect(doc, `## ${n}.`).toMatch(new RegExp(`^## ${n.replace('.', '\\.')}\\. `, 'm'));
    for (const n of sectionsWithSub) expect(doc, `### ${n}`).toMatch(new RegExp(`^### ${n.replace('.', '\\.')} `, 'm'));
  });

  it('answers each row of the question-quality counts (a to m) and each of the worst ten', () => {
    const counts = doc.slice(doc.indexOf('### 2.1'), doc.indexOf('### 2.2'));
    for (const letter of 'abcdefghijklm') expect(counts, letter).toMatch(new RegExp(`^- \\*\\*${letter}\\. `, 'm'));
    const worst = doc.slice(doc.indexOf('### 2.2'), doc.indexOf('## 3.'));
    for (let n = 1; n <= 10; n++) expect(worst, String(n)).toMatch(new RegExp(`^${n}\\. \``, 'm'));
  });

  it('names each of the twelve owner disagreements of the review', () => {
    const ownership = doc.slice(doc.indexOf('### 4.1'), doc.indexOf('### 4.2'));
    for (const id of [
      'pricing',
      'gtm-and-channel-strategy',
      'customer-onboarding',
      'expansion-and-retention',
      'content-and-campaigns',
      'strategic-deal-support',
      'segmentation-and-sizing',
      'ai-content-governance',
      'programme-measurement',
      'sales-training',
      'partner-enablement',
      'hiring-for-tendency',
    ])
      expect(ownership, id).toContain(`\`${id}\``);
  });

  it('names only ids of versions 1, 2 or 3 (items, areas or facts)', () => {
    const known = new Set([
      ...kindsOf(V1_BANK_FILE).keys(),
      ...kindsOf(V2_BANK_FILE).keys(),
      ...itemsOf(v3).map((i) => i.id),
      ...v3.areas.map((a) => a.id),
      ...Object.keys(v3.facts ?? {}),
    ]);
    const named = [...doc.matchAll(/`([a-z0-9]+(?:-[a-z0-9]+)+)`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(50);
    for (const id of named) expect(known.has(id), id).toBe(true);
  });

  it('counts the questions that still name a function as the structure test lists them', () => {
    expect(flat).toContain(
      `${capital(inWords(Object.keys(NAMED_NOT_AS_DOER).length))} responsibility questions still name a function`,
    );
  });

  it('gives the coverage counts of the coverage document', () => {
    const coverage = readFileSync(COVERAGE_DOC, 'utf8').replace(/\s+/g, ' ');
    const counts = /\*\*43 ideas: (\d+) covered, (\d+) partly, (\d+) weak, (\d+) missing\.\*\*/.exec(coverage)!;
    expect(flat).toContain(`**${counts[1]} covered, ${counts[2]} partly, ${counts[3]} weak, ${counts[4]} missing**`);
    const rapid = /The rapid form touches (\d+) of them at growth and (\d+) at start-up/.exec(coverage)!;
    expect(flat).toContain(`The rapid form touches ${rapid[1]} of the 43 ideas at growth and ${rapid[2]} at start-up`);
  });
});

describe('the review response: version 3 in numbers', () => {
  const rows = new Map(
    tableRows(doc, 'Version 3 in numbers').map(([what, before, after]) => [what!, [before!, after!]]),
  );
  const row = (prefix: string): [string, string] =>
    ([...rows].find(([what]) => what.startsWith(prefix))?.[1] as [string, string] | undefined) ?? ['', ''];
  const items = (bank: Bank) => itemsOf(bank);
  const kind = (bank: Bank, k: AnyItem['kind']) => items(bank).filter((i) => i.kind === k);

  it('counts the items of both versions', () => {
    for (const bank of [v2, v3]) {
      const [before, after] = row('Responsibilities');
      expect(Number((bank === v2 ? before : after).split(' ')[0])).toBe(kind(bank, 'responsibility').length);
    }
    expect(row('Practices')[1]).toBe(String(kind(v3, 'practice').length));
    expect(row('Hand-offs')[0]).toMatch(new RegExp(`^${v2.interlock.length},`));
    expect(row('Hand-offs')[1]).toMatch(new RegExp(`^${v3.interlock.length}:`));
    const prompts = (bank: Bank) => items(bank).reduce((n, i) => n + i.discussion.length, 0);
    expect(row('Discussion prompts')).toEqual([String(prompts(v2)), String(prompts(v3))]);
    const decided = items(v3).filter((i) => i.decision).length;
    expect(row('Items with a `decision`')[1]).toBe(`${decided} of ${items(v3).length}`);
    const anchored = items(v3).filter((i) => i.levels);
    const sets = anchored.reduce((n, i) => n + Object.keys(i.levels!).length, 0);
    expect(row('Items with their own level anchors')[1]).toBe(
      `${anchored.length} (${sets} sets, ${sets * 5} statements)`,
    );
  });

  it('gives both versions’ stem lengths', () => {
    const stems = (bank: Bank) => items(bank).map((i) => i.question.split(/\s+/).filter(Boolean).length);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const [before, after] = row('Stems');
    expect(before).toBe(`mean ${mean(stems(v2)).toFixed(1)} words, longest ${Math.max(...stems(v2))}`);
    expect(after).toBe(`mean ${Math.round(mean(stems(v3)))} words, longest ${Math.max(...stems(v3))}`);
  });

  it('gives both versions’ owners at growth and form lengths at each stage', () => {
    const owners = (bank: Bank) => {
      const counted: Record<string, number> = {};
      for (const r of kind(bank, 'responsibility').filter((r) => appliesAt(r, 'growth'))) {
        const { owner } = ownerAt(r as Responsibility, 'growth');
        counted[owner] = (counted[owner] ?? 0) + 1;
      }
      return Object.entries(counted)
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
        .map(([owner, n]) => `${owner} ${n}`)
        .join(', ');
    };
    const [before, after] = row('Accountable owners at growth');
    expect([before.split(', ').sort(), after.split(', ').sort()]).toEqual([
      owners(v2).split(', ').sort(),
      owners(v3).split(', ').sort(),
    ]);
    const lengths = (bank: Bank, form: 'rapid' | 'full') =>
      STAGES.map((stage) => fieldCount(formItems(bank, form, stage))).join(', ');
    expect(row('Rapid form, rated fields')).toEqual([lengths(v2, 'rapid'), lengths(v3, 'rapid')]);
    expect(row('Full form, rated fields')).toEqual([lengths(v2, 'full'), lengths(v3, 'full')]);
  });
});
