import { statSync } from 'node:fs';
import { InputError, formatProblem, inReadingOrder, type Problem } from '../core/errors.js';
import { safeLine } from '../core/text.js';
import { inputReadAs } from './read.js';
import { writeStdout } from './stdout.js';
import { piecesOf, writeFileAtomic, type FileContent } from './write.js';

// The one module that writes what the user sees: stdout, stderr and output files.

/** Refuses an output that is one of this run's inputs (by any name or link): writing it would destroy it. */
export function refuseInputAsOutput(out: string): void {
  let input: string | undefined;
  try {
    input = inputReadAs(statSync(out, { bigint: true }));
  } catch {
    return; // Not there yet: it cannot be an input.
  }
  if (input === undefined) return;
  const same = input === out ? 'an input' : `an input (${safeLine(input)})`;
  throw new InputError([
    {
      source: safeLine(out),
      message: `the output would replace ${same} of this run, so nothing was written`,
      expected: 'an output file that is not one of the inputs',
      severity: 'error',
    },
  ]);
}

/** Writes a command's text result, ending in a line break: see emitContent. */
export function emit(text: string, out?: string): void {
  emitContent(text.endsWith('\n') ? text : `${text}\n`, out);
}

/** Writes content that may come in pieces (strings or bytes): to `out` atomically when given (never over an input), else (or for `-`) to stdout. */
export function emitContent(content: FileContent, out?: string): void {
  // `--out "$FILE"` with the variable unset: a file was asked for, so stdout is not what was meant.
  if (out === '')
    throw new InputError([
      {
        source: '--out',
        message: 'found an empty file name',
        expected: 'a file name, or - for standard output',
        severity: 'error',
      },
    ]);
  if (out !== undefined && out !== '-') {
    refuseInputAsOutput(out);
    writeFileAtomic(out, content);
  } else for (const piece of piecesOf(content)) writeStdout(piece);
}

export function writeFile(path: string, text: string): void {
  writeFileAtomic(path, text);
}

/** Messages for the person at the terminal: warnings, notices, errors. Never mixed into stdout. */
export function say(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Problems for the person at the terminal, a `pm-diag: ` line each; past `max`, only how many more there are. */
export function sayProblems(problems: Problem[], max = Infinity, more = 'more problems'): void {
  const shown = inReadingOrder(problems)
    .slice(0, max)
    .map((p) => `pm-diag: ${formatProblem(p)}`);
  if (problems.length > max) shown.push(`pm-diag: ... and ${problems.length - max} ${more}`);
  if (shown.length > 0) say(shown.join('\n'));
}
