import { checkRespondents, isRespondentSet, sayWarnings } from '../io/collect.js';
import { type FormMap } from '../core/answers/form-map.js';
import { loadFormMap } from '../io/form-map-file.js';
import { checkAnswers } from '../core/answers/load.js';
import { loadBank } from '../io/bank-files.js';
import { DEFAULT_FUNCTION_NAMES, NAMED_FUNCTIONS, type Bank } from '../core/bank/schema.js';
import { functionName } from '../core/bank/items.js';
import { compareSnapshots } from '../core/compare/diff.js';
import { regressionMessage } from '../core/compare/format.js';
import { renderComparison } from '../core/compare/render.js';
import {
  looksLikeReport,
  snapshotFromDiagnosis,
  snapshotFromReportDocument,
  inBankTerms,
  type Snapshot,
} from '../core/compare/snapshot.js';
import {
  InputError,
  ThresholdError,
  UsageError,
  andThen,
  checked,
  checkedAsync,
  errorsOf,
  type Checked,
  type Problem,
} from '../core/errors.js';
import { readSourceText } from '../io/read.js';
import { loadCharter } from '../io/charter-file.js';
import { charterTake } from '../core/compare/charter-take.js';
import { emit } from '../io/output.js';
import { parseDocumentText } from '../core/document/document.js';
import type { Respondent } from '../core/answers/respondent.js';
import type { ReportSettings } from '../app/pipeline.js';
import { checkStage, reportSettings } from './options.js';
import type { TeamOptions } from '../core/answers/team.js';
import { resolveFormat } from '../core/render/formats.js';
import { diagnose } from '../core/score/diagnose.js';
import { safeLine } from '../core/text.js';

export interface CompareOptions {
  bank?: string;
  format?: string;
  out?: string;
  target?: string;
  failOnRegression?: boolean;
  color?: boolean;
  map?: string;
  latest?: boolean;
  organization?: string;
  stage?: string;
  form?: string;
  charter?: string;
}

interface SideContext {
  settings: ReportSettings;
  /** Loaded once, and only when a side needs it. */
  bank: () => Bank;
  /** `--map`, read when a side is a form export. */
  map: () => FormMap | undefined;
  warnings: Problem[];
  /** `--organization`, `--latest`: which respondents of a folder or export count. */
  team: TeamOptions;
}

function diagnosed(ctx: SideContext, respondents: Respondent[], source: string): Snapshot {
  const { target, stage, form } = ctx.settings;
  return snapshotFromDiagnosis(diagnose(ctx.bank(), respondents, { target, stage, form }), safeLine(source));
}

/** A side is one input: a form export beside answers files is compared through the report of both. */
const exportAdvice =
  "compare takes one input a side: save this side's report with pm-diag report FOLDER EXPORT --out SIDE.json, " +
  'then compare the two reports';

/** One side: a folder or form export (CSV, XLSX), a JSON report (it has `schemaVersion`), or an answers file. */
async function loadSide(path: string, ctx: SideContext): Promise<Checked<Snapshot>> {
  if (path !== '-' && isRespondentSet(path)) {
    const set = await checkRespondents([path], ctx.bank(), { team: ctx.team, map: ctx.map(), exportAdvice });
    return andThen(set, ({ respondents, warnings }) => ({
      value: diagnosed(ctx, respondents, path),
      problems: warnings,
    }));
  }
  const doc = andThen(await checkedAsync(() => readSourceText(path)), (input) =>
    checked(() => parseDocumentText(input, { allowAliases: false })),
  );
  return andThen(doc, (parsed) => {
    if (looksLikeReport(parsed.data)) return checked(() => snapshotFromReportDocument(parsed));
    return andThen(checkAnswers(parsed, ctx.bank()), (respondent) => ({
      value: diagnosed(ctx, [respondent], parsed.source),
      problems: [],
    }));
  });
}

/** `pm-diag compare BEFORE AFTER`: what changed, written before `--fail-on-regression` decides the exit code. */
export async function run(before: string, after: string, opts: CompareOptions): Promise<void> {
  // A comparison is written in its own formats (no csv): checked first, then the options it shares with a report.
  const format = resolveFormat('comparison', opts.format, opts.out);
  const settings = reportSettings(opts);
  if (before === '-' && after === '-')
    throw new UsageError('"-" (standard input) can be only one side of the comparison');
  let bank: Bank | undefined;
  let map: { value?: FormMap } | undefined;
  const ctx: SideContext = {
    settings,
    bank: () => (bank ??= loadBank(opts.bank)),
    map: () => (map ??= { value: loadFormMap(opts.map, ctx.bank()) }).value,
    warnings: [],
    team: { organization: opts.organization, latest: opts.latest },
  };
  if (settings.stage !== undefined) checkStage(ctx.bank(), settings.stage);
  const problems: Problem[] = [];
  const sides: Snapshot[] = [];
  for (const path of [before, after]) {
    const side = await loadSide(path, ctx);
    for (const problem of side.problems) (problem.severity === 'error' ? problems : ctx.warnings).push(problem);
    if (side.value) sides.push(side.value);
  }
  if (errorsOf(problems).length > 0) throw new InputError(problems);
  sayWarnings(ctx.warnings);
  // Titles and function names come from the bank (--bank or built-in) when the sides use it: a
  // JSON report carries ids only.
  const names = ctx.bank();
  const [b, a] = sides.map((s) => inBankTerms(s, names)) as [Snapshot, Snapshot];
  const charter = loadCharter(opts.charter, names);
  const comparison = {
    ...compareSnapshots(b, a),
    ...(charter === undefined ? {} : { charter: charterTake(charter, b, a) }),
  };
  const functionNames =
    names.id === a.bank.id
      ? Object.fromEntries(NAMED_FUNCTIONS.map((f) => [f, functionName(names, f)]))
      : DEFAULT_FUNCTION_NAMES;
  const renderOptions = { color: settings.color, functionNames, width: settings.width };
  // The HTML page loads only when asked for, like the report's.
  const text = await renderComparison(comparison, format, renderOptions);
  emit(text, settings.out);
  if (opts.failOnRegression && comparison.regressions.length > 0)
    throw new ThresholdError(regressionMessage(comparison));
}
