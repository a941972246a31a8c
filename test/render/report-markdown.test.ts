import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { chartPosition } from '../../src/render/report-markdown.js';
import { renderReportMarkdown } from '../../src/render/report-markdown.js';
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

  it('draws a mermaid quadrant chart whose point names cannot break it', () => {
    const chart = markdown(hostileDiagnosis()).match(/```mermaid\n([\s\S]*?)```/)![1]!;
    const points = chart.split('\n').filter((l) => l.includes(': ['));
    expect(points).toHaveLength(4);
    for (const point of points) expect(point).toMatch(/^ {4}"[\p{L}\p{N} .,'/+?!-]+": \[(0\.\d\d|1|0), (0\.\d\d|1|0)\]$/u);
    expect(chart).toContain('quadrant-1 Strength');
    expect(chart).toContain('quadrant-2 Stretched');
    expect(chart).toContain('quadrant-3 Critical');
    expect(chart).toContain('quadrant-4 Underskilled');
    expect(HOSTILE).toContain('"');
  });

  it('places each point in its quadrant against the item’s own target', () => {
    expect(chartPosition(4, 4)).toBe('0.55');
    expect(chartPosition(3.99, 4)).toBe('0.45');
    expect(chartPosition(1, 4)).toBe('0.00');
    expect(chartPosition(5, 4)).toBe('1');
    expect(chartPosition(5, 5)).toBe('1');
    expect(chartPosition(4.995, 4)).toBe('1');
    expect(chartPosition(3, 2)).toBe('0.70');
  });

  it('lists the map as a table and the agenda with its prompts', () => {
    const text = markdown();
    expect(text).toContain('| Not rated | no capability or capacity rating | Sales enablement (n/a, 3.00), Pricing and packaging (n/a, n/a) |');
    expect(text).toContain('1. **Market-problem discovery**, priority 9.00: weight 3 × ((4 − 2.00) + (4 − 3.00)) = 9.00');
    expect(text).toContain('     - Which roadmap item traces back to a documented market problem, and which to the loudest deal?');
    expect(text).not.toMatch(/## (Respondents|Disagreements|Perception gaps)/);
  });
});
