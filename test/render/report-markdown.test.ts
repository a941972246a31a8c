import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { renderReportMarkdown } from '../../src/core/render/report-markdown.js';
import { HOSTILE, crowdedDiagnosis, hostileDiagnosis, singleDiagnosis, teamDiagnosis } from './fixture.js';
import { expectGolden } from './golden.js';

const markdown = (d = singleDiagnosis(), top = 10) => renderReportMarkdown(d, { top });

function lintErrors(text: string): string[] {
  // MD013 (line length) is off: a table row or a discussion prompt cannot be wrapped without
  // changing how it renders, and GitHub wraps long lines itself.
  const results = lint({ strings: { report: text }, config: { default: true, MD013: false } });
  return (results.report ?? []).map(
    (e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription} ${e.errorDetail ?? ''}`,
  );
}

/** Every table row's cell count, table by table, as GitHub would render them (HTML allowed). */
function tableShapes(text: string): number[][] {
  const html = new MarkdownIt({ html: true }).render(text);
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => (r[1]!.match(/<t[hd][ >]/g) ?? []).length),
  );
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

  it('draws the map as a 2×2 table of names, never a chart whose labels could overlap', () => {
    const d = crowdedDiagnosis(40);
    const text = markdown(d, 50);
    expect(text).not.toContain('```mermaid');
    const html = new MarkdownIt({ html: true }).render(text);
    const start = html.indexOf('Capability × capacity map');
    const map = html.slice(html.indexOf('<table>', start), html.indexOf('</table>', start));
    const rows = [...map.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!),
    );
    expect(rows.map((r) => r.length)).toEqual([3, 3, 3]);
    expect(rows[1]![0]).toContain('Capability at target');
    expect(rows[2]![0]).toContain('Capability below target');
    // Every rated responsibility is named once, in its own quadrant's cell.
    const cells = {
      stretched: rows[1]![1]!,
      strength: rows[1]![2]!,
      critical: rows[2]![1]!,
      underskilled: rows[2]![2]!,
    };
    for (const item of d.items) {
      if (item.kind !== 'responsibility' || item.quadrant === null) continue;
      const named = Object.entries(cells)
        .filter(([, cell]) => cell.includes(`${item.title} (`))
        .map(([q]) => q);
      expect(named).toEqual([item.quadrant]);
    }
    expect(HOSTILE).toContain('"');
  });

  it('lists the map as a table and the agenda with its prompts', () => {
    const text = markdown();
    expect(text).toContain(
      'Not rated (no capability or capacity rating; capability, capacity): Sales enablement (don’t know, 3.00), Pricing and packaging (—, —).',
    );
    expect(text).toContain('**Critical** (not capable, not resourced): 1. Market-problem discovery (2.00, 3.00) |');
    expect(text).toContain('**Strength** (capable and resourced): 7. Positioning and messaging (5.00, 4.00) |');
    expect(text).toContain(
      '1. **Market-problem discovery**, priority 9.00: weight 3 × ((4 − 2.00) + (4 − 3.00)) = 9.00',
    );
    expect(text).toContain(
      '     - Which roadmap item traces back to a documented market problem, and which to the loudest deal?',
    );
    expect(text).not.toMatch(/## (Respondents|Disagreements|Perception gaps)/);
  });
});
