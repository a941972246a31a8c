import { closeSync, openSync, readSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Bank } from '../core/bank/schema.js';
import { checked, checkedAsync, errorsOf, valueOf, type Checked, type Problem } from '../core/errors.js';
import { sayProblems } from './output.js';
import { notAnInput, notRegularFile, readFileBytes, readSourceText } from './read.js';
import { STDIN_SOURCE } from '../core/source.js';
import type { Respondent } from '../core/answers/respondent.js';
import { safeLine } from '../core/text.js';
import type { FormExportOptions } from '../core/answers/csv.js';
import { idList } from '../core/answers/ids.js';
import {
  checkAnswersInput,
  exportInFolderSkipped,
  inputKind,
  isReportPage,
  otherSpreadsheet,
  reportSkipped,
} from '../core/answers/inputs.js';
import { selectTeam, type Batch, type TeamOptions } from '../core/answers/team.js';
import { mayBeOwnOutput, ownOutputOf } from '../core/export/own-outputs.js';

// `report FILE...` and each side of `compare`: answers files, folders of them and form exports (CSV, XLSX),
// turned into respondents. Every file is read, checked and dropped in turn (only the respondent is
// kept), and the problems of all of them are reported together.

const HEAD_BYTES = 2048;

/** The first bytes of a regular file, as text; a FIFO or a device is not opened. */
function fileHead(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return undefined;
    const fd = openSync(path, 'r');
    try {
      const head = new Uint8Array(HEAD_BYTES);
      return new TextDecoder().decode(head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0)));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** Whether a page in an answers folder is a pm-diag report: its first few lines say so. */
function isReportPageFile(path: string): boolean {
  const head = fileHead(path);
  return head !== undefined && isReportPage(head);
}

const ownOutputSkipped = (path: string, own: string): Problem => ({
  source: safeLine(path),
  message: `skipped: ${own}, not answers`,
  severity: 'warning',
});

/** What pm-diag wrote a file as (core/export/own-outputs.ts), by the file's first bytes. */
function ownOutputOfFile(path: string): string | undefined {
  if (path === '-' || !mayBeOwnOutput(path)) return undefined;
  const head = fileHead(path);
  return head === undefined ? undefined : ownOutputOf(head);
}

/** Whether a file is one of pm-diag's own outputs, which the collector skips: a report, a comparison, an export. */
export const isOwnOutput = (path: string): boolean => ownOutputOfFile(path) !== undefined;

const MAX_WARNINGS_SHOWN = 10;

export interface Collected {
  respondents: Respondent[];
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
export const isFormExport = (path: string): boolean => inputKind(path) === 'export';

/** A folder, or a form export: an input that holds any number of respondents. */
export function isRespondentSet(path: string): boolean {
  return isFormExport(path) || isFolder(path);
}

/** Reads and checks one form export: its respondents, or every problem in it (core/answers/form-export.ts). */
export async function checkFormExport(
  path: string,
  bank: Bank,
  options: FormExportOptions = {},
): Promise<Checked<Respondent[]>> {
  const bytes = checked(() => readFileBytes(path));
  if (bytes.value === undefined) return { problems: bytes.problems };
  // The form-export readers (and the CSV parser) load only when an export is given.
  const { checkExportBytes } = await import('../core/answers/form-export.js');
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
  if (why)
    skipped.push({ source: safeLine(join(folder, entry.name)), message: `skipped: it ${why}`, severity: 'warning' });
  return why === undefined;
}

/**
 * The answers files of a folder: its *.yaml, *.yml and *.json files, sorted by name; sub-folders are
 * not searched, and what is not a regular file, a report or a form export is skipped with a warning.
 */
export function folderFiles(folder: string, exportAdvice?: string): Checked<string[]> {
  let names: string[];
  const skipped: Problem[] = [];
  try {
    names = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => inputKind(entry.name) !== undefined)
      .filter((entry) => isReadableEntry(folder, entry, skipped))
      .map((entry) => entry.name);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      problems: [
        {
          source: safeLine(folder),
          message: `the folder cannot be read${code ? ` (${code})` : ''}`,
          severity: 'error',
        },
      ],
    };
  }
  for (const name of names.filter((n) => inputKind(n) === 'page' && isReportPageFile(join(folder, n)))) {
    skipped.push(reportSkipped(join(folder, name))!);
  }
  for (const name of names.filter((n) => inputKind(n) === 'export')) {
    const own = ownOutputOfFile(join(folder, name));
    skipped.push(
      own === undefined
        ? exportInFolderSkipped(join(folder, name), exportAdvice)
        : ownOutputSkipped(join(folder, name), own),
    );
  }
  names = names.filter((n) => inputKind(n) === 'answers');
  if (names.length === 0) {
    return {
      problems: [
        ...skipped,
        {
          source: safeLine(folder),
          message: 'the folder holds no answers files',
          expected: '*.yaml, *.yml or *.json files (sub-folders are not searched)',
          severity: 'error',
        },
      ],
    };
  }
  return {
    value: names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((name) => join(folder, name)),
    problems: skipped,
  };
}

/** Reads one path into respondents: a form export, a folder of answers files, an answers file, or `-`. */
async function collectOne(path: string, bank: Bank, options: CollectOptions, into: Gathered, batches: Batch[]) {
  const sort = (problems: Problem[]) => {
    for (const p of problems) (p.severity === 'error' ? into.problems : into.warnings).push(p);
  };
  const keep = (result: Checked<Respondent[]>, file: string) => {
    const failed = !result.value || errorsOf(result.problems).length > 0;
    into.files.push({ path: file, respondents: failed ? undefined : result.value });
    sort(result.problems);
    if (failed) return;
    // A file's own time is theirs, for --latest, where they give none (none for standard input).
    batches.push({ respondents: result.value!, fileTime: file === '-' ? undefined : modifiedAt(file) });
  };
  const answersFile = async (file: string, inFolder: boolean) => {
    const input = await checkedAsync(() => readSourceText(file));
    if (input.value === undefined) return keep({ problems: input.problems }, file);
    const { result, skipped, report } = checkAnswersInput(input.value, bank, options, inFolder);
    if (report) notAnInput(file);
    if (skipped) into.warnings.push(skipped);
    else keep(result!, file);
  };
  /** A page given among answers: a pm-diag report, or another page; neither is anyone's answers. */
  const pageFile = async (file: string) => {
    const input = await checkedAsync(() => readSourceText(file));
    if (input.value === undefined) return keep({ problems: input.problems }, file);
    const report = isReportPage(input.value.text);
    if (report) notAnInput(file);
    into.warnings.push(
      report
        ? reportSkipped(file)!
        : { source: safeLine(file), message: 'skipped: a page, not answers', severity: 'warning' },
    );
  };
  if (isFormExport(path)) {
    const own = ownOutputOfFile(path);
    if (own === undefined) return keep(await checkFormExport(path, bank, options), path);
    into.warnings.push(ownOutputSkipped(path, own));
    return;
  }
  if (path !== '-' && isFolder(path)) {
    const files = folderFiles(path, options.exportAdvice);
    sort(files.problems);
    for (const file of files.value ?? []) await answersFile(file, true);
    return;
  }
  const other = otherSpreadsheet(path);
  if (other) return keep({ problems: [other] }, path);
  if (inputKind(path) === 'page') return pageFile(path);
  const own = ownOutputOfFile(path);
  if (own !== undefined) return void into.warnings.push(ownOutputSkipped(path, own));
  // Named one by one (`answers/*`) or in a folder, a report or a charter among answers is skipped alike.
  return answersFile(path, true);
}

export interface CollectOptions extends FormExportOptions {
  /** Which respondents count (answers/team.ts): `--organization`, `--latest`. */
  team?: TeamOptions;
  /** How to read a form export a folder holds, where it cannot be given after the folder (`compare`). */
  exportAdvice?: string;
}

/** Everything a collection found, even when it failed: what `validate` reports file by file. */
export interface Gathered extends Collected {
  /** Every file read, folders expanded, in order, with its respondents (undefined: it failed). */
  files: { path: string; respondents?: Respondent[] }[];
  /** Errors only. */
  problems: Problem[];
  /** The files were sound, but who answered breaks the rules (a person twice, several organizations). */
  refused?: boolean;
}

/**
 * The one collector of `report`, `export`, `compare` and `validate`: every respondent in `paths`, in
 * the order given (a folder's files by name), each person once (answers/team.ts), and every problem.
 */
export async function gatherRespondents(paths: string[], bank: Bank, options: CollectOptions = {}) {
  const gathered: Gathered = { respondents: [], warnings: [], files: [], problems: [] };
  /** Each file's respondents with the file's time, for choosing between a person's files (answers/team.ts). */
  const batches: Batch[] = [];
  gathered.refused = false;
  if (paths.filter((p) => p === '-').length > 1) {
    const message = '"-" (standard input) is given more than once';
    gathered.problems.push({ source: STDIN_SOURCE, message, expected: 'at most one "-"', severity: 'error' });
    return gathered;
  }
  for (const path of paths) await collectOne(path, bank, options, gathered, batches);
  if (gathered.problems.length > 0) return gathered;
  const team = selectTeam(batches, options.team);
  gathered.refused = errorsOf(team.problems).length > 0;
  for (const problem of team.problems) {
    (problem.severity === 'error' ? gathered.problems : gathered.warnings).push(problem);
  }
  // Every input skipped (a report, a page, an export of pm-diag's own): nothing to count, so no report.
  if (team.respondents.length === 0 && gathered.problems.length === 0 && paths.length > 0)
    gathered.problems.push({
      source: safeLine(paths[0]!),
      message: 'no respondents: every input given was skipped',
      expected: 'answers files or a form export',
      severity: 'error',
    });
  gathered.respondents = team.respondents;
  return gathered;
}

/** Every respondent in `paths` and their warnings, or every error. */
export async function checkRespondents(
  paths: string[],
  bank: Bank,
  options: CollectOptions = {},
): Promise<Checked<Collected>> {
  const { respondents, warnings, problems } = await gatherRespondents(paths, bank, options);
  return problems.length > 0 ? { problems } : { value: { respondents, warnings }, problems: [] };
}

function modifiedAt(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** For `report`: the respondents and their warnings, or an InputError with every problem. */
export async function collectRespondents(
  paths: string[],
  bank: Bank,
  options: CollectOptions = {},
): Promise<Collected> {
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
    const key =
      w.line === undefined
        ? `#${i}`
        : JSON.stringify([w.severity, w.line, w.column, w.path, w.message, w.found, w.expected]);
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
