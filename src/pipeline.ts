import type { Bank } from './bank/schema.js';
import { REPORT_FORMATS, colorWanted, parseFailUnder, parseTarget, parseTop, resolveFormat, type ReportFormat } from './commands/options.js';
import { ThresholdError } from './errors.js';
import { emit } from './io/output.js';
import type { Diagnosis, Respondent } from './model.js';
import { renderReport } from './render/report.js';
import { diagnose } from './score/diagnose.js';
import { fixed } from './score/math.js';

/** The report options shared by `assess`, `report` and the interactive flow, as commander gives them. */
export interface ReportCliOptions {
  bank?: string;
  format?: string;
  out?: string;
  target?: string;
  top?: string;
  failUnder?: string;
  strict?: boolean;
  color?: boolean;
}

export interface ReportSettings {
  format: ReportFormat;
  out?: string;
  target?: number;
  top: number;
  failUnder?: number;
  strict: boolean;
  color: boolean;
}

/** Checks every report option before any input is read, so a typo costs nothing. */
export function reportSettings(opts: ReportCliOptions): ReportSettings {
  const format = resolveFormat(opts.format, opts.out, REPORT_FORMATS, 'terminal');
  return {
    format,
    out: opts.out,
    target: parseTarget(opts.target),
    top: parseTop(opts.top) ?? 10,
    failUnder: parseFailUnder(opts.failUnder),
    strict: opts.strict === true,
    color: format === 'terminal' && !opts.out && colorWanted(opts.color),
  };
}

/** score → render → write, then the threshold: the outputs are written before exit code 1. */
export async function publishReport(bank: Bank, respondents: Respondent[], settings: ReportSettings): Promise<Diagnosis> {
  const diagnosis = diagnose(bank, respondents, { target: settings.target });
  emit(await renderReport(diagnosis, settings.format, { color: settings.color, top: settings.top }), settings.out);
  const readiness = diagnosis.summary.readiness;
  if (settings.failUnder !== undefined && (readiness === null || readiness < settings.failUnder)) {
    throw new ThresholdError(`readiness ${readiness === null ? 'could not be computed (no rated responsibilities)' : fixed(readiness, 'index')} is below --fail-under ${settings.failUnder}`);
  }
  return diagnosis;
}
