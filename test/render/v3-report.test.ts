import { parse as parseCsv } from 'csv-parse/sync';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { renderReportCsv } from '../../src/core/render/report-csv.js';
import { renderReportHtml } from '../../src/core/render/report-html.js';
import { renderReportJson } from '../../src/core/render/report-json.js';
import { renderReportMarkdown } from '../../src/core/render/report-markdown.js';
import { renderReportTerminal } from '../../src/core/render/report-terminal.js';
import { fmtIndex } from '../../src/core/render/layout.js';
import { displayWidth } from '../../src/core/text.js';
import { HANDOFF, PRACTICE, UNKNOWN_OWNER, v3TeamDiagnosis } from './v3-team.js';

// Bank v3 in every format: a practice gap, a hand-off only its receivers rate low (in the top three),
// the organization facts and the revenue-suggested stage in the header, and a "don't know" owner
// that is a knowledge gap, not a vote.

const d = v3TeamDiagnosis();
const TOP = 10;
const text = {
  terminal: renderReportTerminal(d, { color: false, top: TOP, width: 100 }),
  markdown: renderReportMarkdown(d, { top: TOP }),
  html: renderReportHtml(d, { top: TOP }),
};
/** The HTML's text as a reader sees it: tags dropped, entities read. */
const htmlText = text.html
  .replace(/<style>[^]*?<\/style>|<nav[^]*?<\/nav>/g, ' ')
  .replace(/<[^>]+>/g, ' ')
  .replace(/&#39;/g, "'")
  .replace(/&quot;/g, '"')
  .replace(/&amp;/g, '&')
  .replace(/\s+/g, ' ');
const readable = {
  terminal: text.terminal.replace(/\s+/g, ' '),
  // Markdown's escapes dropped, as a reader of the rendered page sees it.
  markdown: text.markdown.replace(/\\([()[\]*_`#|\\])/g, '$1').replace(/\s+/g, ' '),
  html: htmlText,
};
const json = JSON.parse(renderReportJson(d, { top: TOP })) as Record<string, unknown> & {
  items: { id: string; kind: string; frequency?: number | null; readiness?: number | null; priority: number }[];
  gaps: string[];
  summary: Record<string, number | null>;
  knowledgeGaps: { unknown: { id: string; axis: string; count: number }[] };
};
const csv = parseCsv(renderReportCsv(d, { top: TOP })) as string[][];

describe('bank v3 in the scores behind the report', () => {
  it('ranks the hand-off its receivers rate low among the top three; everyone’s mean would be at target', () => {
    expect(d.gaps.slice(0, 3)).toContain(HANDOFF.id);
    const handoff = d.items.find((i) => i.id === HANDOFF.id)!;
    expect(handoff.kind === 'interlock' && handoff.deliveryBySide).toEqual({ giver: 5, receiver: 1 });
    expect(d.gaps).toContain(PRACTICE.id);
    expect(d.gaps.length).toBeGreaterThan(3);
  });
});

describe.each(['terminal', 'markdown', 'html'] as const)('bank v3 in the %s report', (format) => {
  const shown = readable[format];

  it('shows the facts and the stage the revenue suggested in the header', () => {
    expect(shown).toContain('Revenue: $10 to 50 million · PM people: 6');
    expect(shown).toMatch(/Growth \(growth\), suggested by the revenue the respondents gave/);
  });

  it('puts the practice gap on the agenda with its frequency against target, prompts and decision', () => {
    const agenda = shown.slice(shown.search(/TOP GAPS: THE AGENDA|Top gaps: the agenda/));
    expect(agenda).toContain(PRACTICE.title);
    expect(agenda).toContain('practice · frequency 1.00 · target 4');
    expect(agenda).toContain('2 × weight');
    expect(agenda).toContain(PRACTICE.discussion[0]!);
    if (PRACTICE.decision) expect(agenda).toContain(PRACTICE.decision);
    // The practices index sits with the summary's scores.
    const summary = shown.slice(0, shown.search(/TOP GAPS: THE AGENDA|Top gaps: the agenda/));
    expect(summary).toMatch(new RegExp(`Practices[^A-Za-z]*${fmtIndex(d.summary.practices).replace('.', '\\.')}`));
  });

  it('names the hand-off among the summary’s top three, and says its delivery is the receivers’ rating', () => {
    const summary = shown.slice(0, shown.search(/TOP GAPS: THE AGENDA|Top gaps: the agenda/));
    // (HTML sets the title in bold: a space where the tag was.)
    expect(summary.replaceAll(' :', ':')).toContain(
      `${HANDOFF.title}: delivery (receivers’ rating) 1.00 below target 4`,
    );
    expect(shown).toContain('delivery 1.00 (receivers’ rating)');
  });

  it('lists the "don’t know" owner as a knowledge gap, not among the answers counted', () => {
    const knowledge = shown.slice(shown.search(/KNOWLEDGE GAPS|Knowledge gaps/));
    expect(knowledge).toContain(UNKNOWN_OWNER.title);
    expect(knowledge).toMatch(/owner/);
    expect(shown).toContain('None 3');
    expect(shown).not.toMatch(/Don’t know \d/);
  });
});

describe('bank v3 in the JSON report', () => {
  it('has facts, the revenue stage source, the practices index, practice items and the unknown owner', () => {
    expect(json.facts).toEqual({ revenue: '10-50m', 'pm-people': 6 });
    expect(json.stageSource).toBe('revenue');
    expect(json.summary.practices).toBeLessThan(100);
    const practice = json.items.find((i) => i.id === PRACTICE.id)!;
    expect(practice).toMatchObject({ kind: 'practice', frequency: 1, readiness: 0 });
    expect(practice).toHaveProperty('decision');
    expect(json.gaps.slice(0, 3)).toContain(HANDOFF.id);
    expect(json.knowledgeGaps.unknown).toContainEqual({ id: UNKNOWN_OWNER.id, axis: 'owner', count: 1 });
    const owner = (json.items.find((i) => i.id === UNKNOWN_OWNER.id) as unknown as { owner: { votes: object } }).owner;
    expect(owner.votes).toEqual({ none: 3 });
  });
});

describe('bank v3 in the CSV report', () => {
  const plan = csv.filter((row) => row[0] === 'Action plan');
  it('has a row for the practice gap and the hand-off in the first three, with no owner cells for either', () => {
    const handoff = plan.find((row) => row[2] === HANDOFF.id)!;
    expect(Number(handoff[1])).toBeLessThanOrEqual(3);
    expect(handoff[4]).toBe('delivery (receivers’ rating) 1.00 below target 4');
    const practice = plan.find((row) => row[2] === PRACTICE.id)!;
    expect(practice[4]).toBe('frequency 1.00 below target 4');
    expect(practice.slice(5, 9)).toEqual(['', '', '', '']);
  });
  it('counts the owner answers without the "don’t know"', () => {
    const row = csv.find((r) => r[0] === 'Role charter' && r[2] === UNKNOWN_OWNER.id)!;
    expect(row[7]).toBe('None 3');
  });
});

describe('the v3 HTML report for a team of four', () => {
  it('stays within 150 KB', () => {
    expect(Buffer.byteLength(text.html)).toBeLessThanOrEqual(150 * 1000);
  });
});

describe('the v3 terminal report', () => {
  it.each([60, 80, 120])(
    'keeps to %i columns: practices, seven directions and the receivers’ mark included',
    (width) => {
      const lines = renderReportTerminal(d, { color: false, top: TOP, width }).split('\n');
      expect(lines.filter((line) => displayWidth(line) > width)).toEqual([]);
      expect(lines.some((line) => line.includes('(recv.)'))).toBe(true);
    },
  );
});

describe('the v3 markdown report', () => {
  it('passes markdownlint (line length aside, as for every markdown report)', () => {
    const results = lint({ strings: { report: text.markdown }, config: { default: true, MD013: false } });
    expect((results.report ?? []).map((e) => `${e.lineNumber}: ${e.ruleNames.join('/')}`)).toEqual([]);
  });
});
