import { collectRespondents, sayWarnings } from '../io/collect.js';
import type { TeamOptions } from '../core/answers/team.js';
import { loadBank } from '../io/bank-files.js';
import { publishReport } from '../app/pipeline.js';
import { checkStage, reportSettings, type ReportCliOptions } from './options.js';

/** `pm-diag report FILE...`: one report over every respondent in the files, folders and form exports given. */
export async function run(files: string[], opts: ReportCliOptions & TeamOptions & { map?: string }): Promise<void> {
  const settings = reportSettings(opts);
  const bank = loadBank(opts.bank);
  checkStage(bank, settings.stage);
  // The form-map reader loads only when a map is given.
  const map = opts.map === undefined ? undefined : (await import('../io/form-map-file.js')).loadFormMap(opts.map, bank);
  const { respondents, warnings } = await collectRespondents(files, bank, {
    strict: settings.strict,
    map,
    team: { organization: opts.organization, latest: opts.latest },
  });
  sayWarnings(warnings);
  await publishReport(bank, respondents, settings);
}
