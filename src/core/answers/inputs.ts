import type { Bank } from '../bank/schema.js';
import { checked, checkedAsync, errorsOf, type Checked, type Problem } from '../errors.js';
import { MAX_INPUT_BYTES, decodeText, tooLarge } from '../source.js';
import { safeLine } from '../text.js';
import { checkAnswersText } from './load.js';
import { checkCsvAnswers, checkSheetAnswers, type FormExportOptions } from './csv.js';
import type { Respondent } from './respondent.js';
import { selectTeam, type Dated, type TeamOptions } from './team.js';

// Respondents from files already in memory, by name and bytes: what the facilitator page is given
// when files are dropped on it, with no file system to read. Pure, so the page runs it bundled; the
// same checks as `report` (the answers loader, the export readers, the team selection), file by
// file, so one bad file is named with its problems while the others are still read.

/** One input as the page (or a test) holds it. */
export interface InputFile {
  /** The file's name, which every message about it names. */
  name: string;
  bytes: Uint8Array;
  /** Milliseconds since the epoch: the file's modification time, which orders a person's files. */
  modified: number;
}

export type InputKind = 'answers' | 'csv' | 'xlsx';

/** What a file holds, by its name's extension: the names `report` reads. */
export function inputKind(name: string): InputKind | undefined {
  if (/\.(ya?ml|json)$/i.test(name)) return 'answers';
  if (/\.csv$/i.test(name)) return 'csv';
  if (/\.xlsx$/i.test(name)) return 'xlsx';
  return undefined;
}

/** The respondents of one file, or every problem in it (warnings go with the respondents). */
export async function checkInput(
  file: InputFile,
  bank: Bank,
  options: FormExportOptions = {},
): Promise<Checked<Respondent[]>> {
  const source = safeLine(file.name);
  const kind = inputKind(file.name);
  if (kind === undefined) {
    const expected = 'an answers file (.yaml, .yml, .json) or a form export (.csv, .xlsx)';
    return { problems: [{ source, message: 'not a file pm-diag reads', expected, severity: 'error' }] };
  }
  if (file.bytes.length > MAX_INPUT_BYTES) return checked(() => tooLarge(source, file.bytes.length));
  if (kind === 'xlsx') {
    const { xlsxRows } = await import('./xlsx.js');
    const rows = await checkedAsync(() => xlsxRows(file.bytes, file.name));
    return rows.value === undefined
      ? { problems: rows.problems }
      : checkSheetAnswers(rows.value, file.name, bank, options);
  }
  const text = checked(() => decodeText(file.bytes, source));
  if (text.value === undefined) return { problems: text.problems };
  const input = { source: file.name, text: text.value };
  if (kind === 'csv') return checkCsvAnswers(input, bank, options);
  const one = checkAnswersText(input, bank, options);
  return { value: one.value && [one.value], problems: one.problems };
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
  const dated: Dated[] = [];
  for (const file of files) {
    let result = options.cache?.get(file);
    if (result === undefined) {
      result = await checkInput(file, bank, options);
      options.cache?.set(file, result);
    }
    const respondents = errorsOf(result.problems).length > 0 ? [] : (result.value ?? []);
    results.push({ name: file.name, respondents, problems: result.problems });
    // A form export lists its rows in the order they came in: a later row is a later answer.
    respondents.forEach((respondent, row) => dated.push({ respondent, recency: file.modified + row }));
  }
  const team = selectTeam(dated, options.team);
  return { files: results, respondents: team.respondents, teamProblems: team.problems };
}
