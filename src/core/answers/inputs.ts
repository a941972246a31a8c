import type { Bank } from '../bank/schema.js';
import { andThen, checked, errorsOf, type Checked, type Problem } from '../errors.js';
import { looksLikeCharter, looksLikeReport, parseDocumentText } from '../document/document.js';
import { MAX_INPUT_BYTES, decodeText, tooLarge, type SourceText } from '../source.js';
import { safeLine } from '../text.js';
import type { FormExportOptions } from './csv.js';
import { checkAnswers } from './load.js';
import type { Respondent } from './respondent.js';
import { selectTeam, type Batch, type TeamOptions } from './team.js';

// One input file, whatever holds it: the CLI reads it from disk (io/collect.ts), the facilitator
// page is given it when a file is dropped. Both turn it into respondents here, with the same checks
// (the answers loader, the export readers, the team selection), so the page's report is `report`'s.

export type InputKind = 'answers' | 'export' | 'page';

/** What a file holds, by its name's extension: answers, a form export, or a report page saved beside them. */
export function inputKind(name: string): InputKind | undefined {
  if (/\.(ya?ml|json)$/i.test(name)) return 'answers';
  if (/\.(csv|xlsx|zip)$/i.test(name)) return 'export';
  if (/\.(html?|md|markdown)$/i.test(name)) return 'page';
  return undefined;
}

/** Spreadsheets pm-diag does not read, by extension, each as the refusal names it. */
const OTHER_SPREADSHEETS = new Map([
  ['xls', 'an Excel 97-2003 workbook'],
  ['xlsb', 'an Excel binary workbook'],
  ['xlsm', 'an Excel macro-enabled workbook'],
  ['ods', 'an OpenDocument spreadsheet'],
  ['numbers', 'a Numbers spreadsheet'],
]);

/** A spreadsheet pm-diag does not read, given as an input: what it is and how to save it as one it reads. */
export function otherSpreadsheet(name: string): Problem | undefined {
  const what = OTHER_SPREADSHEETS.get(/\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '');
  if (what === undefined) return undefined;
  return {
    source: safeLine(name),
    message: `${what}, which pm-diag does not read`,
    expected:
      'a form export as .xlsx or .csv: save it as "Excel Workbook (*.xlsx)" or "CSV UTF-8", ' +
      'or download it from the form tool as one',
    severity: 'error',
  };
}

/** How a pm-diag report page begins: the markdown's heading, the HTML page's title. */
const REPORT_HEAD = /^# Gap report\b|<title>Gap report\b/m;

/** Whether a page (HTML, markdown) found among answers is a pm-diag report: its first lines say so. */
export const isReportPage = (head: string): boolean => REPORT_HEAD.test(head.slice(0, 2048));

/**
 * A pm-diag report saved among answers (`--out team/report.json`, `report.html`), or the room's
 * charter kept beside them, is not anyone's answers: skipped, with a warning. `data`: a JSON or YAML
 * file's content; a page is known by name.
 */
export function reportSkipped(name: string, data?: unknown): Problem | undefined {
  const kind =
    inputKind(name) === 'page'
      ? 'a pm-diag report page, not answers'
      : data !== undefined && looksLikeReport(data)
        ? 'a pm-diag JSON report, not answers'
        : looksLikeCharter(data)
          ? 'a charter file, not answers (give it with --charter)'
          : undefined;
  return kind && { source: safeLine(name), message: `skipped: ${kind}`, severity: 'warning' };
}

/** How to read a form export found in a folder, as `report`, `export` and `validate` take inputs. */
const GIVE_EXPORT_AFTER_FOLDER = 'to read this form export, give it by name after the folder';

/**
 * A form export found in a folder, which is read for its answers files only: named, so no one goes missing
 * unsaid, with how to read it (`advice`: where the command takes a fixed number of inputs, as `compare`).
 */
export const exportInFolderSkipped = (name: string, advice = GIVE_EXPORT_AFTER_FOLDER): Problem => ({
  source: safeLine(name),
  message: `skipped: a folder is read for its answers files (.yaml, .yml, .json); ${advice}`,
  severity: 'warning',
});

/**
 * One answers file's text: its respondent, or (`amongOthers`, a folder's or a drop's file) a report or a
 * charter skipped (`report`: it is a pm-diag report, which the same report run again may replace).
 */
export function checkAnswersInput(
  input: SourceText,
  bank: Bank,
  options: FormExportOptions,
  amongOthers: boolean,
): { result?: Checked<Respondent[]>; skipped?: Problem; report?: boolean } {
  const doc = checked(() => parseDocumentText(input, { allowAliases: false }));
  const skipped = amongOthers && doc.value ? reportSkipped(input.source, doc.value.data) : undefined;
  if (skipped) return { skipped, report: looksLikeReport(doc.value!.data) };
  const one = andThen(doc, (parsed) => checkAnswers(parsed, bank, options));
  return { result: { value: one.value && [one.value], problems: one.problems } };
}

/** One input as the page (or a test) holds it. */
export interface InputFile {
  /** The file's name, which every message about it names. */
  name: string;
  bytes: Uint8Array;
  /** Milliseconds since the epoch: the file's modification time. */
  modified: number;
}

/** The respondents of one file, or every problem in it (warnings go with the respondents). */
export async function checkInput(
  file: InputFile,
  bank: Bank,
  options: FormExportOptions = {},
): Promise<Checked<Respondent[]>> {
  const source = safeLine(file.name);
  const kind = inputKind(file.name);
  // Another page dropped with the answers (notes, an agenda) is left alone, as a folder's is.
  if (kind === 'page') {
    const head = new TextDecoder().decode(file.bytes.subarray(0, 2048));
    return { value: [], problems: isReportPage(head) ? [reportSkipped(file.name)!] : [] };
  }
  if (kind === undefined) {
    const other = otherSpreadsheet(file.name);
    if (other) return { problems: [other] };
    const expected = 'an answers file (.yaml, .yml, .json) or a form export (.csv, .xlsx, .zip)';
    return { problems: [{ source, message: 'not a file pm-diag reads', expected, severity: 'error' }] };
  }
  if (file.bytes.length > MAX_INPUT_BYTES) return checked(() => tooLarge(source, file.bytes.length));
  // The form-export readers (and the CSV parser) load only when an export is given.
  if (kind === 'export')
    return (await import('./form-export.js')).checkExportBytes(file.bytes, file.name, bank, options);
  const text = checked(() => decodeText(file.bytes, source));
  if (text.value === undefined) return { problems: text.problems };
  const { result, skipped } = checkAnswersInput({ source: file.name, text: text.value }, bank, options, true);
  return result ?? { value: [], problems: [skipped!] };
}

/**
 * Each file's result, kept while the same file object is given again with the same bank and export
 * options (the page asks again for each change of a report option: only the team is chosen again).
 */
export type InputCache = WeakMap<InputFile, Checked<Respondent[]>>;

/** One file read: its respondents (none when it has an error) and its problems, warnings included. */
export interface InputResult {
  name: string;
  respondents: Respondent[];
  problems: Problem[];
}

export interface InputsCollected {
  /** Each file in the order given. */
  files: InputResult[];
  /** The respondents of the files without errors, as one team (answers/team.ts). */
  respondents: Respondent[];
  /** What choosing the team found: errors here mean there is no report until they are resolved. */
  teamProblems: Problem[];
}

/**
 * Every file read in turn and kept apart: a file with an error gives no respondent and does not stop
 * the others. The respondents of the rest then make one team, as `report` makes it.
 */
export async function collectInputs(
  files: readonly InputFile[],
  bank: Bank,
  options: FormExportOptions & { team?: TeamOptions; cache?: InputCache } = {},
): Promise<InputsCollected> {
  const results: InputResult[] = [];
  const batches: Batch[] = [];
  for (const file of files) {
    let result = options.cache?.get(file);
    if (result === undefined) {
      result = await checkInput(file, bank, options);
      options.cache?.set(file, result);
    }
    const respondents = errorsOf(result.problems).length > 0 ? [] : (result.value ?? []);
    results.push({ name: file.name, respondents, problems: result.problems });
    batches.push({ respondents, fileTime: file.modified });
  }
  const team = selectTeam(batches, options.team);
  return { files: results, respondents: team.respondents, teamProblems: team.problems };
}
