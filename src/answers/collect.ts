import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Bank } from '../bank/schema.js';
import { InputError, type Problem } from '../errors.js';
import { sayProblems } from '../io/output.js';
import { STDIN_SOURCE, notRegularFile, readFileText, readSourceText } from '../io/read.js';
import type { Respondent } from '../model.js';
import { safeLine } from '../text.js';
import { parseCsvAnswers } from './csv.js';
import { parseAnswers, type AnswersCheckOptions } from './load.js';
import { pushAll } from '../lists.js';

// `report FILE...` and each side of `compare`: answers files, folders of them and CSV exports,
// turned into respondents. Every file is read, checked and dropped in turn (only the respondent is
// kept), and the problems of all of them are reported together.

const ANSWERS_FILE = /\.(ya?ml|json)$/i;
const CSV_FILE = /\.csv$/i;
const MAX_WARNINGS_SHOWN = 10;

export interface Collected {
  respondents: Respondent[];
  /** Warnings only (unanswered items); errors are thrown, all at once. */
  warnings: Problem[];
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export const isCsvPath = (path: string): boolean => CSV_FILE.test(path);

/** A folder, or a CSV export: an input that holds any number of respondents. */
export function isRespondentSet(path: string): boolean {
  return isCsvPath(path) || isFolder(path);
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

/** The answers files of a folder: its *.yaml, *.yml and *.json files, sorted by name; sub-folders are not searched. */
export function folderFiles(folder: string, skipped: Problem[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => ANSWERS_FILE.test(entry.name) && isReadableEntry(folder, entry, skipped))
      .map((entry) => entry.name);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([{ source: safeLine(folder), message: `the folder cannot be read${code ? ` (${code})` : ''}`, severity: 'error' }]);
  }
  if (names.length === 0) {
    throw new InputError([{ source: safeLine(folder), message: 'the folder holds no answers files', expected: '*.yaml, *.yml or *.json files (sub-folders are not searched)', severity: 'error' }]);
  }
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((name) => join(folder, name));
}

/** Reads one path into respondents: a CSV export, a folder of answers files, an answers file, or `-`. */
async function collectOne(path: string, bank: Bank, options: AnswersCheckOptions, into: Collected, problems: Problem[]): Promise<void> {
  const attempt = async (load: () => Promise<void> | void) => {
    try {
      await load();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      pushAll(problems, err.problems);
    }
  };
  const answersFile = async (file: string) => {
    const { respondent, warnings } = parseAnswers(await readSourceText(file), bank, options);
    into.respondents.push(respondent);
    pushAll(into.warnings, warnings);
  };
  if (isCsvPath(path)) {
    return attempt(() => {
      const { respondents, warnings } = parseCsvAnswers(readFileText(path), bank, options);
      pushAll(into.respondents, respondents);
      pushAll(into.warnings, warnings);
    });
  }
  if (path !== '-' && isFolder(path)) {
    let files: string[] = [];
    await attempt(() => {
      files = folderFiles(path, into.warnings);
    });
    for (const file of files) await attempt(() => answersFile(file));
    return;
  }
  return attempt(() => answersFile(path));
}

/** Every respondent in `paths`, in the order given (a folder's files by name), or every problem in all of them. */
export async function collectRespondents(paths: string[], bank: Bank, options: AnswersCheckOptions = {}): Promise<Collected> {
  if (paths.filter((p) => p === '-').length > 1) {
    throw new InputError([{ source: STDIN_SOURCE, message: '"-" (standard input) is given more than once', expected: 'at most one "-"', severity: 'error' }]);
  }
  const collected: Collected = { respondents: [], warnings: [] };
  const problems: Problem[] = [];
  for (const path of paths) await collectOne(path, bank, options, collected, problems);
  if (problems.length > 0) throw new InputError(problems);
  return collected;
}

/** Prints warnings to stderr; past the first few, only how many more there are, so 1,000 files do not flood the terminal. */
export function sayWarnings(warnings: Problem[]): void {
  sayProblems(warnings, MAX_WARNINGS_SHOWN, 'more warnings like these');
}
