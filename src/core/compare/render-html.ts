import { label } from '../render/report-view.js';
import { TAKE_TITLE, takeLines } from './charter-take.js';
import { figure, p, page, section, table, type Html } from '../render/html/page.js';
import { fmtIndex, fmtMean } from '../render/layout.js';
import { functionName } from '../render/report-view.js';
import { dumbbells } from '../render/svg/dumbbell.js';
import { esc } from '../render/svg/markup.js';
import type { Comparison, SideSummary } from './diff.js';
import {
  CLOSED_REASONS,
  kindSuffix,
  changePhrases,
  itemReadiness,
  fmtChange,
  fmtDelta,
  interlockRows,
  itemGroups,
  sideDescription,
  summaryRows,
  verdict,
  type CompareRenderOptions,
  type Row,
} from './format.js';

// The comparison as one HTML page: the words and tables of the markdown comparison, and the
// summary indexes before and after as a chart beside their table.

const row = ({ label, change }: Row): Html[] => [
  esc(label),
  fmtIndex(change.before),
  fmtIndex(change.after),
  fmtDelta(change.delta),
];
const sideText = (s: SideSummary) => `${s.source} (${sideDescription(s)})`;

export function renderCompareHtml(cmp: Comparison, opts: CompareRenderOptions): string {
  const summary = summaryRows(cmp);
  const chart = dumbbells(
    'chart-compare',
    'Summary indexes before and after',
    summary.map((r) => ({ label: r.label, a: r.change.after, b: r.change.before })),
    ['After', 'Before'],
    { min: 0, max: 100, ticks: [0, 25, 50, 75, 100] },
  );
  const head = [
    `<header><h1>pm-diag comparison</h1>`,
    `<p><strong>Readiness ${esc(fmtChange(cmp.summary.readiness))}</strong>: ${esc(verdict(cmp))}.</p>`,
    `<dl class="facts"><div><dt>Before</dt><dd>${esc(sideText(cmp.before))}</dd></div><div><dt>After</dt><dd>${esc(sideText(cmp.after))}</dd></div><div><dt>Bank</dt><dd>${esc(`${cmp.after.bank.id} v${cmp.after.bank.version}`)}</dd></div></dl>`,
    ...cmp.notes.map((note) => p(`Note: ${note}`)),
    `</header>`,
  ];
  const sections = [
    section(
      'summary',
      'Summary',
      figure(
        'Summary indexes',
        chart,
        table('Summary', ['Index', 'Before', 'After', 'Change'], summary.map(row), [1, 2, 3]),
      ),
    ),
    section(
      'functions',
      'Functions',
      table(
        'Functions',
        ['Function', 'Readiness', 'Capability', 'Capacity'],
        cmp.functions.map((f) => [
          esc(functionName(f.id, opts.functionNames)),
          fmtChange(f.readiness),
          fmtChange(f.capability),
          fmtChange(f.capacity),
        ]),
      ),
    ),
    section(
      'interlock',
      'Interlock health',
      table('Interlock health', ['Direction', 'Before', 'After', 'Change'], interlockRows(cmp).map(row), [1, 2, 3]),
    ),
    ...itemGroups(cmp).map(({ heading, items }, n) =>
      section(
        `items-${n}`,
        `${heading} (${items.length})`,
        table(
          heading,
          ['Item', 'Readiness / health', 'What changed'],
          items.map((i) => [
            `${esc(i.title)}${kindSuffix(i.kind)}`,
            esc(itemReadiness(i)),
            esc(changePhrases(i).join('; ') || '-'),
          ]),
        ),
      ),
    ),
    p(`Unchanged: ${cmp.unchanged} item${cmp.unchanged === 1 ? '' : 's'}.`),
    section(
      'new-gaps',
      `New gaps (${cmp.newGaps.length})`,
      cmp.newGaps.length === 0
        ? p('None.')
        : table(
            'New gaps',
            ['Item', 'Priority'],
            cmp.newGaps.map((g) => [esc(g.title), fmtMean(g.priority)]),
            [1],
          ),
    ),
    section(
      'closed-gaps',
      `Closed gaps (${cmp.closedGaps.length})`,
      cmp.closedGaps.length === 0
        ? p('None.')
        : table(
            'Closed gaps',
            ['Item', 'Why', 'Priority before'],
            cmp.closedGaps.map((g) => [esc(g.title), CLOSED_REASONS[g.reason], fmtMean(g.priority)]),
            [2],
          ),
    ),
  ];
  if (cmp.charter) {
    const t = takeLines(cmp.charter, label);
    const items = (lines: string[]) =>
      lines.length === 0 ? p('None.') : `<ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`;
    sections.push(
      section(
        'charter',
        TAKE_TITLE,
        p(t.summary) + `<h3>Decisions</h3>${items(t.decisions)}<h3>Actions</h3>${items(t.actions)}`,
      ),
    );
  }
  return page('pm-diag comparison', `${head.join('\n')}\n<main>\n${sections.join('\n')}\n</main>`);
}
