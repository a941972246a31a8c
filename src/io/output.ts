import { formatProblem, inReadingOrder, type Problem } from '../errors.js';
import { writeFileAtomic } from './write.js';

// The one module that writes what the user sees: stdout, stderr and output files.

/** Writes a command's result: to `out` atomically when given, else to stdout. */
export function emit(text: string, out?: string): void {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (out) writeFileAtomic(out, body);
  else process.stdout.write(body);
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
  const shown = inReadingOrder(problems).slice(0, max).map((p) => `pm-diag: ${formatProblem(p)}`);
  if (problems.length > max) shown.push(`pm-diag: ... and ${problems.length - max} ${more}`);
  if (shown.length > 0) say(shown.join('\n'));
}
