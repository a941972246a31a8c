import { label } from '../render/report-view.js';
import { TAKE_TITLE, takeLines } from './charter-take.js';
import { fmtIndex, fmtMean } from '../render/layout.js';
import { mdTable, mdText } from '../render/markdown-escape.js';
import type { Change, Comparison, SideSummary } from './diff.js';
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
import { functionName } from '../render/report-view.js';

// The comparison as GitHub-flavoured markdown, short enough for a pull-request comment: the
// verdict first, then the tables. Every untrusted string (titles, sources, names) is escaped; the
// change phrases hold only numbers and fixed words.

const ARROWS = { up: '▲', down: '▼' };

function deltaCell(c: Change): string {
  const text = fmtDelta(c.delta);
  if (!c.delta) return text;
  return `${text} ${c.delta > 0 ? ARROWS.up : ARROWS.down}`;
}

const row = ({ label, change }: Row) => [
  mdText(label),
  fmtIndex(change.before),
  fmtIndex(change.after),
  deltaCell(change),
];
const NUMBERS: ('left' | 'right')[] = ['left', 'right', 'right', 'right'];

function sideCell(s: SideSummary): string {
  return `${mdText(s.source)} (${mdText(sideDescription(s))})`;
}

export function renderCompareMarkdown(cmp: Comparison, opts: CompareRenderOptions): string {
  const r = cmp.summary.readiness;
  const out: string[] = [];
  out.push('# pm-diag comparison', '');
  out.push(`**Readiness ${fmtChange(r)}**: ${mdText(verdict(cmp))}.`, '');
  out.push(`- **Before:** ${sideCell(cmp.before)}`, `- **After:** ${sideCell(cmp.after)}`);
  out.push(`- **Bank:** ${mdText(cmp.after.bank.id)} v${cmp.after.bank.version}`, '');
  for (const note of cmp.notes) out.push(`> **Note:** ${mdText(note)}`, '');

  out.push('## Summary', '');
  out.push(mdTable(['Index', 'Before', 'After', 'Change'], summaryRows(cmp).map(row), NUMBERS), '');

  out.push('## Functions', '');
  out.push(
    mdTable(
      ['Function', 'Readiness', 'Capability', 'Capacity'],
      cmp.functions.map((f) => [
        mdText(functionName(f.id, opts.functionNames)),
        fmtChange(f.readiness),
        fmtChange(f.capability),
        fmtChange(f.capacity),
      ]),
    ),
    '',
  );
  out.push('## Interlock health', '');
  out.push(mdTable(['Direction', 'Before', 'After', 'Change'], interlockRows(cmp).map(row), NUMBERS), '');

  for (const { heading, items } of itemGroups(cmp)) {
    out.push(`## ${heading} (${items.length})`, '');
    const rows = items.map((i) => [
      `${mdText(i.title)}${kindSuffix(i.kind)}`,
      itemReadiness(i),
      changePhrases(i).join('; ') || '-',
    ]);
    out.push(mdTable(['Item', 'Readiness / health', 'What changed'], rows), '');
  }
  out.push(`Unchanged: ${cmp.unchanged} item${cmp.unchanged === 1 ? '' : 's'}.`, '');

  out.push(`## New gaps (${cmp.newGaps.length})`, '');
  out.push(
    cmp.newGaps.length === 0
      ? 'None.'
      : mdTable(
          ['Item', 'Priority'],
          cmp.newGaps.map((g) => [mdText(g.title), fmtMean(g.priority)]),
          ['left', 'right'],
        ),
    '',
  );
  out.push(`## Closed gaps (${cmp.closedGaps.length})`, '');
  out.push(
    cmp.closedGaps.length === 0
      ? 'None.'
      : mdTable(
          ['Item', 'Why', 'Priority before'],
          cmp.closedGaps.map((g) => [mdText(g.title), CLOSED_REASONS[g.reason], fmtMean(g.priority)]),
          ['left', 'left', 'right'],
        ),
  );
  if (cmp.charter) {
    const t = takeLines(cmp.charter, label);
    out.push('', `## ${TAKE_TITLE}`, '', mdText(t.summary), '', '**Decisions**', '');
    out.push(...(t.decisions.length === 0 ? ['None.'] : t.decisions.map((l) => `- ${mdText(l)}`)));
    out.push('', '**Actions**', '', ...(t.actions.length === 0 ? ['None.'] : t.actions.map((l) => `- ${mdText(l)}`)));
  }
  return out.join('\n') + '\n';
}
