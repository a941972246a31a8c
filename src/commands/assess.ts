import { parseAnswers } from '../core/answers/load.js';
import { loadBank } from '../io/bank-files.js';
import { UsageError } from '../core/errors.js';
import { readSourceText } from '../io/read.js';
import { sayProblems } from '../io/output.js';
import type { InteractiveOptions } from '../app/interactive/run.js';
import { publishReport } from '../app/pipeline.js';
import { checkStage, reportSettings, type ReportCliOptions } from './options.js';

export interface AssessOptions extends ReportCliOptions, InteractiveOptions {
  answers?: string;
}

export async function run(opts: AssessOptions): Promise<void> {
  const settings = reportSettings(opts);
  if (opts.answers === undefined) {
    const { runInteractive } = await import('../app/interactive/run.js');
    return runInteractive(opts, settings);
  }
  if (opts.area !== undefined) {
    throw new UsageError(
      '--area chooses what the interactive assessment asks; with --answers the report covers every item of the file: leave out --area',
    );
  }
  const input = await readSourceText(opts.answers);
  const bank = loadBank(opts.bank);
  checkStage(bank, settings.stage);
  const { respondent, warnings } = parseAnswers(input, bank, { strict: settings.strict });
  sayProblems(warnings);
  await publishReport(bank, [respondent], settings);
}
