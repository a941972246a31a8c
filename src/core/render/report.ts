import type { ReportFormat } from './formats.js';
import type { Diagnosis } from '../score/model.js';

export interface ReportRenderOptions {
  /** Terminal only: markdown and JSON never carry colour. */
  color: boolean;
  /** How many gaps make the agenda. */
  top: number;
  /** Terminal only: the columns to fill (60–120); 80 when not given. */
  width?: number;
}

/**
 * The gap report in one format: it returns the text and the caller writes it. Each format's renderer
 * loads when first asked for (the terminal's brings chalk, a millisecond that markdown and JSON skip).
 */
const REPORT_RENDERERS: Record<ReportFormat, () => Promise<(d: Diagnosis, opts: ReportRenderOptions) => string>> = {
  terminal: async () => (await import('./report-terminal.js')).renderReportTerminal,
  markdown: async () => (await import('./report-markdown.js')).renderReportMarkdown,
  json: async () => (await import('./report-json.js')).renderReportJson,
  html: async () => (await import('./report-html.js')).renderReportHtml,
  csv: async () => (await import('./report-csv.js')).renderReportCsv,
};

export async function renderReport(d: Diagnosis, format: ReportFormat, opts: ReportRenderOptions): Promise<string> {
  return (await REPORT_RENDERERS[format]())(d, opts);
}
