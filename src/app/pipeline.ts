import type { Bank, Form } from '../core/bank/schema.js';
import { ThresholdError } from '../core/errors.js';
import { emit, emitContent, say } from '../io/output.js';
import type { Diagnosis } from '../core/score/model.js';
import type { Respondent } from '../core/answers/respondent.js';
import type { ReportFormat } from '../core/render/formats.js';
import { reportText } from '../core/render/report.js';
import { diagnose } from '../core/score/diagnose.js';
import { fixed } from '../core/score/math.js';

export interface ReportSettings {
  format: ReportFormat;
  out?: string;
  target?: number;
  /** `--stage` as given: checked against the bank by publishReport. */
  stage?: string;
  form?: Form;
  top: number;
  failUnder?: number;
  strict: boolean;
  color: boolean;
  /** Terminal only: the columns a report fills (render/terminal-width.ts). */
  width?: number;
  /** `--charter FILE`: the organization's decided owners and actions. */
  charter?: string;
}

/** score → render → write, then the threshold: the outputs are written before exit code 1. */
export async function publishReport(
  bank: Bank,
  respondents: Respondent[],
  settings: ReportSettings,
): Promise<Diagnosis> {
  // The charter reader loads only when a charter is given.
  const charter =
    settings.charter === undefined
      ? undefined
      : (await import('../io/charter-file.js')).loadCharter(settings.charter, bank);
  const diagnosis = diagnose(bank, respondents, {
    target: settings.target,
    stage: settings.stage,
    form: settings.form,
    charter,
  });
  for (const notice of diagnosis.notices) say(`pm-diag: warning: ${notice}`);
  const text = await reportText(diagnosis, settings.format, {
    color: settings.color,
    top: settings.top,
    width: settings.width,
  });
  if (typeof text === 'string') emit(text, settings.out);
  else emitContent(text, settings.out);
  const readiness = diagnosis.summary.readiness;
  if (settings.failUnder !== undefined && (readiness === null || readiness < settings.failUnder)) {
    throw new ThresholdError(
      `readiness ${readiness === null ? 'could not be computed (no rated responsibilities)' : fixed(readiness, 'index')} is below --fail-under ${settings.failUnder}`,
    );
  }
  return diagnosis;
}
