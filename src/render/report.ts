import type { ReportFormat } from '../commands/options.js';
import type { Diagnosis } from '../model.js';
import { renderReportJson } from './report-json.js';
import { renderReportMarkdown } from './report-markdown.js';
import { renderReportTerminal } from './report-terminal.js';

export interface ReportRenderOptions {
  /** Terminal only: markdown and JSON never carry colour. */
  color: boolean;
  /** How many gaps make the agenda. */
  top: number;
}

/** The gap report in one format. Pure: it returns the text and the caller writes it. */
export function renderReport(d: Diagnosis, format: ReportFormat, opts: ReportRenderOptions): string {
  switch (format) {
    case 'terminal':
      return renderReportTerminal(d, opts);
    case 'markdown':
      return renderReportMarkdown(d, opts);
    case 'json':
      return renderReportJson(d, opts);
  }
}
