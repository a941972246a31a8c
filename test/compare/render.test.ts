import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { compareSnapshots, type Comparison } from '../../src/core/compare/diff.js';
import { DEFAULT_FUNCTION_NAMES } from '../../src/core/bank/schema.js';
import { comparisonJson, renderComparison } from '../../src/core/compare/render.js';
import { compare, side } from './helpers.js';

const HOSTILE =
  'Evil \u001b[2J\u001b]8;;http://x\u0007link\u001b]8;;\u0007 <script>alert(1)</script> | *bold* \u202egnp.exe\n# Heading';
const opts = { color: false, functionNames: DEFAULT_FUNCTION_NAMES };

async function hostile(): Promise<Comparison> {
  const before = await side('before.yaml');
  const after = await side('regressed.yaml');
  const evil = (s: typeof before) => ({
    ...s,
    source: `${HOSTILE}.yaml`,
    items: s.items.map((i) => ({ ...i, title: `${HOSTILE} ${i.id}` })),
  });
  return compareSnapshots(evil(before), evil(after));
}

const visibleWidth = (line: string) => [...line.replace(/\u001b\[[0-9;]*m/g, '')].length;

describe('terminal comparison', () => {
  it('fits 80 columns, and carries colour only when asked', async () => {
    for (const cmp of [
      await compare('before.yaml', 'improved.yaml'),
      await compare('before.yaml', 'regressed.yaml'),
      await hostile(),
    ]) {
      const plain = await renderComparison(cmp, 'terminal', opts);
      expect(plain).not.toContain('\u001b');
      for (const line of plain.split('\n')) expect(visibleWidth(line), line).toBeLessThanOrEqual(80);
      const colored = await renderComparison(cmp, 'terminal', { ...opts, color: true });
      expect(colored).toContain('\u001b[');
      for (const line of colored.split('\n')) expect(visibleWidth(line), line).toBeLessThanOrEqual(80);
    }
  });

  it('shows the summary, functions, interlock, items and gaps', async () => {
    const text = await renderComparison(await compare('before.yaml', 'regressed.yaml'), 'terminal', opts);
    expect(text).toContain('0 improved, 2 regressed, 1 changed, 1 unchanged; 1 new gap, 0 closed gaps');
    expect(text).toMatch(/^ {2}Readiness +25\.0 +15\.0 +-10\.0$/m);
    expect(text).toMatch(/^ {2}Product Marketing +25\.0 → 0\.0 +-25\.0 +0\.0 +-25\.0$/m);
    expect(text).toMatch(/^ {2}PM → PMM +75\.0 +50\.0 +-25\.0$/m);
    expect(text).toMatch(/^ {2}▼ Positioning +readiness +25\.0 → 0\.0 +-25\.0$/m);
    expect(text).toContain('      owner pm (aligned) → pmm (misassigned)');
    expect(text).toMatch(/^NEW GAPS \(1\)\n {2}Launch cadence +priority 1\.00$/m);
  });

  it('shows no escape sequence or bidi control from titles and sources', async () => {
    const text = await renderComparison(await hostile(), 'terminal', { ...opts, color: true });
    expect(text).not.toMatch(/\u001b\[2J|\u001b\]8|\u0007|\u202e/);
    expect(text).toContain('\\u{202e}');
  });
});

describe('markdown comparison', () => {
  const lintErrors = (text: string) =>
    (lint({ strings: { cmp: text }, config: { default: true, MD013: false } }).cmp ?? []).map(
      (e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.errorDetail ?? ''}`,
    );

  it('passes markdownlint and starts with the verdict, for a pull-request comment', async () => {
    for (const [a, b] of [
      ['before.yaml', 'improved.yaml'],
      ['before.yaml', 'regressed.yaml'],
      ['before.yaml', 'before.yaml'],
    ] as const) {
      const text = await renderComparison(await compare(a, b), 'markdown', opts);
      expect(lintErrors(text)).toEqual([]);
      expect(text).not.toContain('\u001b');
    }
    const text = await renderComparison(await compare('before.yaml', 'regressed.yaml'), 'markdown', opts);
    expect(text.split('\n')[2]).toBe(
      '**Readiness 25.0 → 15.0 (-10.0)**: 0 improved, 2 regressed, 1 changed, 1 unchanged; 1 new gap, 0 closed gaps.',
    );
    expect(text).toContain('| Readiness | 25.0 | 15.0 | -10.0 ▼ |');
    expect(text).toContain(
      '| Positioning | 25.0 → 0.0 (-25.0) | capacity 2.00 → 1.00 (-1.00); priority 2.00 → 4.00 (+2.00) |',
    );
  });

  it('keeps hostile text inside its cell and out of the HTML', async () => {
    const text = await renderComparison(await hostile(), 'markdown', opts);
    expect(lintErrors(text)).toEqual([]);
    const html = new MarkdownIt({ html: true }).render(text);
    expect(html).not.toMatch(/<script|<h1>[^<]*Heading/i);
    for (const table of html.matchAll(/<table>([\s\S]*?)<\/table>/g)) {
      const cells = [...table[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(
        (r) => (r[1]!.match(/<t[hd][ >]/g) ?? []).length,
      );
      expect(new Set(cells).size).toBe(1);
    }
    expect(text).not.toMatch(/[\u202A-\u202E\u001b]/);
  });
});

describe('JSON comparison', () => {
  it('has the published shape: summaries, deltas, items, gaps and the regressions', async () => {
    const json = JSON.parse(JSON.stringify(comparisonJson(await compare('before.yaml', 'regressed.yaml'))));
    expect(Object.keys(json)).toEqual([
      'schemaVersion',
      'kind',
      'before',
      'after',
      'notes',
      'summary',
      'functions',
      'interlock',
      'items',
      'unchanged',
      'newGaps',
      'closedGaps',
      'regressed',
      'regressions',
    ]);
    expect(json).toMatchObject({ schemaVersion: 1, kind: 'comparison', regressed: true, unchanged: 1 });
    expect(json.before).toMatchObject({
      from: 'answers',
      bank: { id: 'mini-bank', version: 1 },
      respondents: 1,
      target: 4,
      summary: { readiness: 25 },
    });
    expect(json.summary.readiness).toEqual({ before: 25, after: 15, delta: -10 });
    expect(json.items[0]).toMatchObject({
      id: 'positioning',
      kind: 'responsibility',
      direction: 'regressed',
      readiness: { delta: -25 },
    });
    expect(json.items[1]).toMatchObject({
      id: 'launch-cadence',
      kind: 'interlock',
      health: { before: 75, after: 50, delta: -25 },
      delivery: { before: 4, after: 3, delta: -1 },
    });
    expect(json.items[1]).not.toHaveProperty('readiness');
    expect(json.regressions).toEqual([
      { id: null, before: 25, after: 15, delta: -10 },
      { id: 'positioning', before: 25, after: 0, delta: -25 },
      { id: 'launch-cadence', before: 75, after: 50, delta: -25 },
    ]);
    expect(await renderComparison(await compare('before.yaml', 'regressed.yaml'), 'json', opts)).toBe(
      JSON.stringify(json, null, 2) + '\n',
    );
  });

  it('json: bidi and C1 characters in titles are escaped, and parse back to the same text', async () => {
    const cmp = await compare('before.yaml', 'regressed.yaml');
    const hostile = 'Win/loss \u2066feedback\u2069 \u202e\u0085';
    cmp.items[0]!.title = hostile;
    const text = await renderComparison(cmp, 'json', opts);
    expect(text).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect((JSON.parse(text) as { items: { title: string }[] }).items[0]!.title).toBe(hostile);
  });
});
