import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../src/core/score/model.js';
import { MERMAID_POINTS, renderReportMarkdown } from '../../src/core/render/report-markdown.js';
import { emptyDiagnosis, exampleDiagnosis, teamDiagnosis } from './diagnoses.js';
import { crowdedDiagnosis, hostileDiagnosis } from './fixture.js';

// Every mermaid block the markdown report can hold, parsed by mermaid itself (on Node with jsdom):
// what GitHub would refuse to draw fails here.

type Mermaid = { parse(text: string): Promise<unknown> };
let mermaid: Mermaid;

beforeAll(async () => {
  const g = globalThis as Record<string, unknown>;
  g.window ??= new JSDOM('').window;
  mermaid = (await import('mermaid')).default as Mermaid;
}, 60_000);

const blocks = (d: Diagnosis) => [...renderReportMarkdown(d, { top: 10 }).matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);

const points = (block: string) =>
  block
    .split('\n')
    .filter((line) => line.includes(': ['))
    .map((line) => {
      const [, label, x, y] = line.match(/^ {4}"([\d, ]+)": \[(\d\.\d\d), (\d\.\d\d)\]$/)!;
      return { label: label!, x: Number(x), y: Number(y) };
    });

const cases: [string, () => Diagnosis][] = [
  ...[1, 2, 3, 4, 5].map((target): [string, () => Diagnosis] => [`the example at target ${target}`, () => exampleDiagnosis(target)]),
  ...[1, 3, 5].map((target): [string, () => Diagnosis] => [`a full team at target ${target}`, () => teamDiagnosis(6, undefined, target)]),
  ['hostile titles', () => hostileDiagnosis()],
  ['a crowded map', () => crowdedDiagnosis(40)],
];

describe('the mermaid quadrant chart', () => {
  it.each(cases)('parses in mermaid, with numbered points inside the chart: %s', async (_, make) => {
    const d = make();
    const found = blocks(d);
    expect(found).toHaveLength(1);
    await expect(mermaid.parse(found[0]!)).resolves.toBeTruthy();
    const drawn = points(found[0]!);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThanOrEqual(MERMAID_POINTS);
    for (const p of drawn) {
      for (const v of [p.x, p.y]) expect(v >= 0.05 && v <= 0.95 && v !== 0.5, `${p.label} at ${p.x}, ${p.y}`).toBe(true);
    }
    // One label per spot, and no number twice.
    expect(new Set(drawn.map((p) => `${p.x} ${p.y}`)).size).toBe(drawn.length);
    const numbers = drawn.flatMap((p) => p.label.split(', '));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('is left out when nothing is rated, and the report says so', () => {
    const d = emptyDiagnosis();
    expect(blocks(d)).toEqual([]);
    expect(renderReportMarkdown(d, { top: 10 })).toContain('No responsibility has both a capability and a capacity rating.');
  });

  it('rejects what the chart must never contain (the check can fail)', async () => {
    await expect(mermaid.parse('quadrantChart\n    "a (b": [1.30, 0.15]\n')).rejects.toThrow();
  });
});
