import type { ReportFormat } from '../commands/options.js';
import type { Diagnosis } from '../model.js';

export interface ReportRenderOptions {
  /** Terminal only: markdown and JSON never carry colour. */
  color: boolean;
  /** How many gaps make the agenda. */
  top: number;
}

/**
 * The gap report in one format: it returns the text and the caller writes it. Each format's renderer
 * loads when first asked for (the terminal's brings chalk, a millisecond that markdown and JSON skip).
 */
export async function renderReport(d: Diagnosis, format: ReportFormat, opts: ReportRenderOptions): Promise<string> {
  switch (format) {
    case 'terminal':
      return (await import('./report-terminal.js')).renderReportTerminal(d, opts);
    case 'markdown':
      return (await import('./report-markdown.js')).renderReportMarkdown(d, opts);
    case 'json':
      return (await import('./report-json.js')).renderReportJson(d, opts);
    case 'html':
      return (await import('./report-html.js')).renderReportHtml(d, opts);
  }
}
