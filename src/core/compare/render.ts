import type { ComparisonFormat } from '../render/formats.js';
import { safeJson } from '../render/report-json.js';
import type { Comparison, ItemChange } from './diff.js';
import type { CompareRenderOptions } from './format.js';
import { renderCompareMarkdown } from './render-markdown.js';
import { renderCompareTerminal } from './render-terminal.js';

/** The JSON contract of a comparison; like the report's, keys may be added, never renamed. */
export function comparisonJson(cmp: Comparison): unknown {
  const item = ({ readiness, ...rest }: ItemChange) => (rest.kind === 'interlock' ? { ...rest, health: readiness } : { ...rest, readiness });
  return {
    schemaVersion: 1,
    kind: 'comparison',
    before: cmp.before,
    after: cmp.after,
    notes: cmp.notes,
    summary: cmp.summary,
    functions: cmp.functions,
    interlock: cmp.interlock,
    items: cmp.items.map(item),
    unchanged: cmp.unchanged,
    newGaps: cmp.newGaps,
    closedGaps: cmp.closedGaps,
    regressed: cmp.regressions.length > 0,
    regressions: cmp.regressions.map((r) => ({ id: r.id ?? null, ...r.change })),
  };
}

export function renderComparison(cmp: Comparison, format: ComparisonFormat, opts: CompareRenderOptions): string {
  if (format === 'json') return safeJson(comparisonJson(cmp));
  if (format === 'markdown') return renderCompareMarkdown(cmp, opts);
  return renderCompareTerminal(cmp, opts);
}
