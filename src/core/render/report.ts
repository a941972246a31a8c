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

/** A report's text, whole or in pieces (the JSON report lists every respondent, so it may be too long to hold). */
export type ReportText = string | Iterable<string>;

/**
 * The gap report in one format: it returns the text and the caller writes it. Each format's renderer
 * loads when first asked for (the terminal's brings chalk, a millisecond that markdown and JSON skip).
 */
const REPORT_RENDERERS: Record<ReportFormat, () => Promise<(d: Diagnosis, opts: ReportRenderOptions) => ReportText>> = {
  terminal: async () => (await import('./report-terminal.js')).renderReportTerminal,
  markdown: async () => (await import('./report-markdown.js')).renderReportMarkdown,
  json: async () => (await import('./report-json.js')).reportJsonPieces,
  html: async () => (await import('./report-html.js')).renderReportHtml,
  csv: async () => (await import('./report-csv.js')).renderReportCsv,
};

/** The report as the command writes it: see ReportText. */
export async function reportText(d: Diagnosis, format: ReportFormat, opts: ReportRenderOptions): Promise<ReportText> {
  return (await REPORT_RENDERERS[format]())(d, opts);
}

/** The report as one text. */
export async function renderReport(d: Diagnosis, format: ReportFormat, opts: ReportRenderOptions): Promise<string> {
  const text = await reportText(d, format, opts);
  return typeof text === 'string' ? text : [...text].join('');
}
