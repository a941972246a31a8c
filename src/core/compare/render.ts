import type { ComparisonFormat } from '../render/formats.js';
import { safeJson } from '../render/report-json.js';
import type { Comparison, ItemChange } from './diff.js';
import type { CompareRenderOptions } from './format.js';
import { renderCompareMarkdown } from './render-markdown.js';
import { renderCompareTerminal } from './render-terminal.js';

/** The JSON contract of a comparison; like the report's, keys may be added, never renamed. */
export function comparisonJson(cmp: Comparison): unknown {
  const item = ({ readiness, ...rest }: ItemChange) =>
    rest.kind === 'interlock' ? { ...rest, health: readiness } : { ...rest, readiness };
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
    // With --charter only: did our decisions take?
    ...(cmp.charter === undefined ? {} : { charter: cmp.charter }),
  };
}

/** The comparison in each format the registry offers (render/formats.ts); the HTML page loads when asked for. */
const COMPARISON_RENDERERS: Record<
  ComparisonFormat,
  () => Promise<(cmp: Comparison, opts: CompareRenderOptions) => string>
> = {
  terminal: async () => renderCompareTerminal,
  markdown: async () => renderCompareMarkdown,
  json: async () => (cmp) => safeJson(comparisonJson(cmp)),
  html: async () => (await import('./render-html.js')).renderCompareHtml,
};

export async function renderComparison(
  cmp: Comparison,
  format: ComparisonFormat,
  opts: CompareRenderOptions,
): Promise<string> {
  return (await COMPARISON_RENDERERS[format]())(cmp, opts);
}
