import { makeColors, type Colors } from '../render/colors.js';
import { WIDTH, fmtIndex, fmtMean, padEnd, padStart, truncate, wrap } from '../render/layout.js';
import { moved, type Comparison, type ItemChange, type SideSummary } from './diff.js';
import { marksLegend } from '../render/marks.js';
import {
  CLOSED_REASONS,
  itemMissing,
  readinessAxes,
  changePhrases,
  fmtDelta,
  interlockRows,
  itemGroups,
  sideDescription,
  summaryRows,
  verdict,
  type CompareRenderOptions,
  type Row,
} from './format.js';
import { functionName, label } from '../render/report-view.js';
import { TAKE_TITLE, takeLines } from './charter-take.js';

// The comparison for a terminal: 80 columns, colour only when wanted. Every untrusted string
// (sources, titles, function names) goes through the layout helpers, which make it safe.

const LABEL = 26;
const CELL = 10;
const MARKERS = { regressed: '▼', improved: '▲', changed: '~', added: '+', removed: '-' } as const;

function colorDelta(c: Colors, text: string, delta: number | null): string {
  if (!delta) return text;
  return delta > 0 ? c.green(text) : c.red(text);
}

function tableRow(c: Colors, { label, change }: Row): string {
  const cells = padStart(fmtIndex(change.before), CELL) + padStart(fmtIndex(change.after), CELL);
  return `  ${padEnd(label, LABEL)}${cells}${colorDelta(c, padStart(fmtDelta(change.delta), CELL), change.delta)}`;
}

function tableHeading(c: Colors, title: string): string {
  return (
    c.bold(padEnd(title, LABEL + 2)) +
    c.dim(padStart('before', CELL) + padStart('after', CELL) + padStart('change', CELL))
  );
}

function sideLine(label: string, s: SideSummary, width: number): string {
  const tail = ` (${sideDescription(s)})`;
  return `  ${label}  ${truncate(s.source, width - 10 - tail.length)}${truncate(tail, width)}`;
}

function itemLines(c: Colors, item: ItemChange, width: number): string[] {
  const label = item.kind === 'interlock' ? 'health' : 'readiness';
  const r = item.readiness;
  const missing = itemMissing(item, readinessAxes(item));
  const values = moved(r)
    ? `${fmtIndex(r.before, missing.before, true)} → ${fmtIndex(r.after, missing.after, true)}`
    : fmtIndex(r.after, missing.after, true);
  const delta = moved(r) && r.delta !== null ? fmtDelta(r.delta) : '';
  const right = `${padStart(label, 9)} ${padStart(values, 14)} ${padStart(delta, 6)}`;
  const marker = MARKERS[item.direction];
  const coloredMarker =
    item.direction === 'improved' ? c.green(marker) : item.direction === 'regressed' ? c.red(marker) : marker;
  const head = `  ${coloredMarker} ${padEnd(item.title, width - 5 - right.length)} ${right.slice(0, right.length - delta.length)}${colorDelta(c, delta, r.delta)}`;
  return [head.trimEnd(), ...wrap(changePhrases(item).join(' · '), width, '      ').map((l) => c.dim(l))];
}

export function renderCompareTerminal(cmp: Comparison, opts: CompareRenderOptions): string {
  const c = makeColors(opts.color);
  const width = opts.width ?? WIDTH;
  // The functions table needs 46 columns besides the names: the names give way below 80.
  const functionLabel = Math.min(LABEL, width - 46);
  const out: string[] = [];
  const bank = cmp.after.bank;
  out.push(c.bold(truncate(`pm-diag compare · bank ${bank.id} v${bank.version}`, width)));
  out.push(sideLine('before', cmp.before, width), sideLine('after ', cmp.after, width));
  out.push(...wrap(verdict(cmp), width, '  ', '  '));
  for (const note of cmp.notes) out.push(...wrap(`note: ${note}`, width, '        ', '  ').map((l) => c.yellow(l)));

  out.push('', tableHeading(c, 'SUMMARY'));
  out.push(...summaryRows(cmp).map((row) => tableRow(c, row)));

  out.push(
    '',
    c.bold(padEnd('FUNCTIONS', functionLabel + 2)) +
      c.dim(
        `${padStart('readiness', 14)}${padStart('change', 8)}${padStart('capability', 12)}${padStart('capacity', 10)}`,
      ),
  );
  for (const f of cmp.functions) {
    const r = f.readiness;
    const values = moved(r) ? `${fmtIndex(r.before)} → ${fmtIndex(r.after)}` : fmtIndex(r.after);
    const deltas = [
      colorDelta(c, padStart(fmtDelta(r.delta), 8), r.delta),
      colorDelta(c, padStart(fmtDelta(f.capability.delta), 12), f.capability.delta),
      colorDelta(c, padStart(fmtDelta(f.capacity.delta), 10), f.capacity.delta),
    ];
    out.push(
      `  ${padEnd(functionName(f.id, opts.functionNames), functionLabel)}${padStart(values, 14)}${deltas.join('')}`,
    );
  }

  out.push('', tableHeading(c, 'INTERLOCK HEALTH'));
  out.push(...interlockRows(cmp).map((row) => tableRow(c, row)));

  for (const { heading, items } of itemGroups(cmp)) {
    out.push('', c.bold(`${heading.toUpperCase()} (${items.length})`));
    for (const item of items) out.push(...itemLines(c, item, width));
  }
  // The item lines show "don't know" as "?": say so when one does.
  if (cmp.items.some((i) => [...i.unknown.before, ...i.unknown.after].length > 0))
    out.push(...wrap(marksLegend(true), width, '  ', '  ').map((l) => c.dim(l)));
  out.push('', `${c.bold('UNCHANGED')}  ${cmp.unchanged} item${cmp.unchanged === 1 ? '' : 's'}`);

  const gapLine = (title: string, right: string) => `  ${padEnd(title, width - 3 - right.length)} ${right}`;
  out.push('', c.bold(`NEW GAPS (${cmp.newGaps.length})`));
  if (cmp.newGaps.length === 0) out.push(c.dim('  none'));
  for (const g of cmp.newGaps) out.push(gapLine(g.title, `priority ${fmtMean(g.priority)}`));
  out.push('', c.bold(`CLOSED GAPS (${cmp.closedGaps.length})`));
  if (cmp.closedGaps.length === 0) out.push(c.dim('  none'));
  for (const g of cmp.closedGaps) out.push(gapLine(g.title, `${CLOSED_REASONS[g.reason]}, was ${fmtMean(g.priority)}`));
  if (cmp.charter) {
    const t = takeLines(cmp.charter, label);
    out.push('', c.bold(TAKE_TITLE.toUpperCase()), ...wrap(t.summary, width, '  ', '  '));
    out.push('  Decisions', ...t.decisions.flatMap((l) => wrap(l, width, '      ', '    ')));
    out.push('  Actions', ...t.actions.flatMap((l) => wrap(l, width, '      ', '    ')));
  }
  return out.join('\n') + '\n';
}
