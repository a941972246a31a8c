import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { MERMAID_POINTS, mermaidPoints, renderReportMarkdown } from '../../src/core/render/report-markdown.js';
import { HOSTILE, crowdedDiagnosis, hostileDiagnosis, singleDiagnosis, teamDiagnosis } from './fixture.js';
import { expectGolden } from './golden.js';

const markdown = (d = singleDiagnosis(), top = 10) => renderReportMarkdown(d, { top });

function lintErrors(text: string): string[] {
  // MD013 (line length) is off: a table row or a discussion prompt cannot be wrapped without
  // changing how it renders, and GitHub wraps long lines itself.
  const results = lint({ strings: { report: text }, config: { default: true, MD013: false } });
  return (results.report ?? []).map((e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription} ${e.errorDetail ?? ''}`);
}

/** Every table row's cell count, table by table, as GitHub would render them (HTML allowed). */
function tableShapes(text: string): number[][] {
  const html = new MarkdownIt({ html: true }).render(text);
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) => [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => (r[1]!.match(/<t[hd][ >]/g) ?? []).length));
}

describe('markdown gap report', () => {
  it('matches the golden files', () => {
    expectGolden('report.md', markdown());
    expectGolden('report-team.md', markdown(teamDiagnosis()));
  });

  it('passes markdownlint', () => {
    expect(lintErrors(markdown())).toEqual([]);
    expect(lintErrors(markdown(teamDiagnosis()))).toEqual([]);
    // Ten gaps or more: the agenda's nested lists shift by one column at "10.".
    expect(lintErrors(markdown(crowdedDiagnosis(8), 12))).toEqual([]);
    expect(lintErrors('# Title\n\n\n## Trailing punctuation.\n')).toHaveLength(2);
  });

  it('never carries colour', () => {
    expect(markdown(hostileDiagnosis())).not.toContain('\u001b');
  });

  it('keeps hostile text inside its cell and out of the HTML', () => {
    const text = markdown(hostileDiagnosis());
    const shapes = tableShapes(text);
    expect(shapes.length).toBeGreaterThanOrEqual(8);
    for (const rows of shapes) expect(new Set(rows).size, JSON.stringify(rows)).toBe(1);
    expect(text).not.toMatch(/<script/i);
    const html = new MarkdownIt({ html: true }).render(text);
    expect(html).not.toMatch(/<script|href="javascript|<h[1-6]>[^<]*Heading/i);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('draws a mermaid quadrant chart of numbered points inside the chart', () => {
    const chart = markdown(hostileDiagnosis()).match(/```mermaid\n([\s\S]*?)```/)![1]!;
    const points = chart.split('\n').filter((l) => l.includes(': ['));
    expect(points).toEqual(['    "1": [0.32, 0.23]', '    "3": [0.23, 0.68]', '    "5": [0.68, 0.32]', '    "7": [0.55, 0.82]']);
    expect(chart).toContain('quadrant-1 Strength');
    expect(chart).toContain('quadrant-3 Critical');
    expect(HOSTILE).toContain('"');
  });

  it('merges points on one spot and draws at most 20', () => {
    const d = crowdedDiagnosis(40);
    // Every other extra item (ranks 8, 10 … 46) moves to a spot of its own; the rest share item 1's.
    d.items.filter((i) => i.id.startsWith('extra-')).forEach((item, i) => {
      if (item.kind === 'responsibility' && i % 2 === 1) item.capacity = 1 + (i / 39) * 1.9;
    });
    const points = mermaidPoints(d);
    expect(points).toHaveLength(MERMAID_POINTS);
    expect(points[0]!.label).toBe(['1', ...Array.from({ length: 20 }, (_, i) => String(7 + 2 * i))].join(', '));
    const text = markdown(d, 50);
    expect(text).toContain('Not drawn, to keep the chart readable (the table has them): 42, 44, 46, 47.');
    expect(text).toContain('| 37 | Extra responsibility 31 | Critical | 2.00 | 3.00 | 4 |');
  });

  it('lists the map as a table and the agenda with its prompts', () => {
    const text = markdown();
    expect(text).toContain('Not rated (no capability or capacity rating; capability, capacity): Sales enablement (don’t know, 3.00), Pricing and packaging (—, —).');
    expect(text).toContain('| 1 | Market-problem discovery | Critical | 2.00 | 3.00 | 4 |');
    expect(text).toContain('| 7 | Positioning and messaging | Strength | 5.00 | 4.00 | 4 |');
    expect(text).toContain('1. **Market-problem discovery**, priority 9.00: weight 3 × ((4 − 2.00) + (4 − 3.00)) = 9.00');
    expect(text).toContain('     - Which roadmap item traces back to a documented market problem, and which to the loudest deal?');
    expect(text).not.toMatch(/## (Respondents|Disagreements|Perception gaps)/);
  });
});
