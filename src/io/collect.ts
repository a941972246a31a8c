import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Bank } from '../core/bank/schema.js';
import { checked, errorsOf, valueOf, type Checked, type Problem } from '../core/errors.js';
import { sayProblems } from './output.js';
import { notRegularFile, readFileBytes } from './read.js';
import { STDIN_SOURCE } from '../core/source.js';
import type { Respondent } from '../core/answers/respondent.js';
import { safeLine } from '../core/text.js';
import type { FormExportOptions } from '../core/answers/csv.js';
import { checkExportBytes } from '../core/answers/form-export.js';
import { idList } from '../core/answers/ids.js';
import { loadAnswersFile } from './answers-file.js';
import { selectTeam, type Dated, type TeamOptions } from '../core/answers/team.js';
import { pushAll } from '../core/lists.js';

// `report FILE...` and each side of `compare`: answers files, folders of them and form exports (CSV, XLSX),
// turned into respondents. Every file is read, checked and dropped in turn (only the respondent is
// kept), and the problems of all of them are reported together.

const ANSWERS_FILE = /\.(ya?ml|json)$/i;
const FORM_EXPORT = /\.(csv|xlsx|zip)$/i;
const MAX_WARNINGS_SHOWN = 10;

export interface Collected {
  respondents: Respondent[];
  /** Each respondent with how recent it is, for choosing between a person's files (answers/team.ts). */
  dated: Dated[];
  /** Warnings only (unanswered items). */
  warnings: Problem[];
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A form tool's export (CSV or XLSX), by its name. */
export const isFormExport = (path: string): boolean => FORM_EXPORT.test(path);

/** A folder, or a form export: an input that holds any number of respondents. */
export function isRespondentSet(path: string): boolean {
  return isFormExport(path) || isFolder(path);
}

/** Reads and checks one form export: its respondents, or every problem in it (core/answers/form-export.ts). */
export async function checkFormExport(path: string, bank: Bank, options: FormExportOptions = {}): Promise<Checked<Respondent[]>> {
  const bytes = checked(() => readFileBytes(path));
  if (bytes.value === undefined) return { problems: bytes.problems };
  return checkExportBytes(bytes.value, path, bank, options);
}

/** Whether a folder entry is an answers file to read; what is not a regular file (a FIFO, a device, a link to one) is skipped, named in `skipped`. */
function isReadableEntry(folder: string, entry: Dirent, skipped: Problem[]): boolean {
  if (entry.isFile()) return true;
  if (entry.isDirectory()) return false;
  let stat: Stats;
  try {
    stat = statSync(join(folder, entry.name));
  } catch {
    return true; // A broken link: reading it says what is wrong.
  }
  const why = notRegularFile(stat);
  if (why) skipped.push({ source: safeLine(join(folder, entry.name)), message: `skipped: it ${why}`, severity: 'warning' });
  return why === undefined;
}

/**
 * The answers files of a folder: its *.yaml, *.yml and *.json files, sorted by name; sub-folders are
 * not searched, and what is not a regular file is skipped with a warning.
 */
export function folderFiles(folder: string): Checked<string[]> {
  let names: string[];
  const skipped: Problem[] = [];
  try {
    names = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => ANSWERS_FILE.test(entry.name) && isReadableEntry(folder, entry, skipped))
      .map((entry) => entry.name);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { problems: [{ source: safeLine(folder), message: `the folder cannot be read${code ? ` (${code})` : ''}`, severity: 'error' }] };
  }
  if (names.length === 0) {
    return { problems: [...skipped, { source: safeLine(folder), message: 'the folder holds no answers files', expected: '*.yaml, *.yml or *.json files (sub-folders are not searched)', severity: 'error' }] };
  }
  return { value: names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((name) => join(folder, name)), problems: skipped };
}

/** Reads one path into respondents: a form export, a folder of answers files, an answers file, or `-`. */
async function collectOne(path: string, bank: Bank, options: FormExportOptions, into: Collected, problems: Problem[]): Promise<void> {
  const keep = (result: Checked<Respondent[]>, file: string) => {
    for (const problem of result.problems) (problem.severity === 'error' ? problems : into.warnings).push(problem);
    if (!result.value || errorsOf(result.problems).length > 0) return;
    const modified = file === '-' ? Date.now() : modifiedAt(file);
    // A form export lists its rows in the order they came in: a later row is a later answer.
    pushAll(into.respondents, result.value);
    pushAll(into.dated, result.value.map((respondent, row) => ({ respondent, recency: modified + row })));
  };
  const answersFile = async (file: string) => {
    const result = await loadAnswersFile(file, bank, options);
    keep({ value: result.value && [result.value], problems: result.problems }, file);
  };
  if (isFormExport(path)) return keep(await checkFormExport(path, bank, options), path);
  if (path !== '-' && isFolder(path)) {
    const files = folderFiles(path);
    keep({ problems: files.problems }, path);
    for (const file of files.value ?? []) await answersFile(file);
    return;
  }
  return answersFile(path);
}

export interface CollectOptions extends FormExportOptions {
  /** The respondents make one team's report (answers/team.ts); an export of many teams leaves this out. */
  team?: TeamOptions;
}

/** Every respondent in `paths`, in the order given (a folder's files by name), and every problem in all of them. */
export async function checkRespondents(paths: string[], bank: Bank, options: CollectOptions = {}): Promise<Checked<Collected>> {
  if (paths.filter((p) => p === '-').length > 1) {
    return { problems: [{ source: STDIN_SOURCE, message: '"-" (standard input) is given more than once', expected: 'at most one "-"', severity: 'error' }] };
  }
  const collected: Collected = { respondents: [], dated: [], warnings: [] };
  const problems: Problem[] = [];
  for (const path of paths) await collectOne(path, bank, options, collected, problems);
  if (problems.length > 0) return { problems };
  if (options.team === undefined) return { value: collected, problems: [] };
  const team = selectTeam(collected.dated, options.team);
  for (const problem of team.problems) (problem.severity === 'error' ? problems : collected.warnings).push(problem);
  if (problems.length > 0) return { problems };
  const kept = new Set(team.respondents);
  return { value: { ...collected, respondents: team.respondents, dated: collected.dated.filter((d) => kept.has(d.respondent)) }, problems: [] };
}

function modifiedAt(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** For `report`: the respondents and their warnings, or an InputError with every problem. */
export async function collectRespondents(paths: string[], bank: Bank, options: CollectOptions = {}): Promise<Collected> {
  return valueOf(await checkRespondents(paths, bank, options));
}

/**
 * One warning for what several files share (the same words at the same line and column, as in a
 * team's files made from one template), naming the other files, so each thing is said once. What
 * concerns a whole file (no position: skipped, counted once) stays said of each file.
 */
export function alikeOnce(warnings: Problem[]): Problem[] {
  const groups = new Map<string, Problem[]>();
  warnings.forEach((w, i) => {
    const key = w.line === undefined ? `#${i}` : JSON.stringify([w.severity, w.line, w.column, w.path, w.message, w.found, w.expected]);
    const group = groups.get(key);
    if (group) group.push(w);
    else groups.set(key, [w]);
  });
  return [...groups.values()].map(([first, ...rest]) => {
    const others = [...new Set(rest.map((w) => w.source))].filter((source) => source !== first!.source);
    return others.length === 0 ? first! : { ...first!, message: `${first!.message} (the same in ${idList(others)})` };
  });
}

/** Prints warnings to stderr; past the first few, only how many more there are, so 1,000 files do not flood the terminal. */
export function sayWarnings(warnings: Problem[]): void {
  sayProblems(alikeOnce(warnings), MAX_WARNINGS_SHOWN, 'more warnings like these');
}
