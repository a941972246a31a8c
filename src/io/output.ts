import { formatProblem, type Problem } from '../errors.js';
import { piecesOf, writeFileAtomic, type FileContent } from './write.js';

// The one module that writes what the user sees: stdout, stderr and output files.

/** Writes a command's result: to `out` atomically when given, else to stdout. */
export function emit(text: string, out?: string): void {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (out) writeFileAtomic(out, body);
  else process.stdout.write(body);
}

/** Writes content that may come in pieces (strings or bytes) as it is: to `out` atomically when given, else to stdout. */
export function emitContent(content: FileContent, out?: string): void {
  if (out) writeFileAtomic(out, content);
  else for (const piece of piecesOf(content)) process.stdout.write(piece);
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
  const shown = problems.slice(0, max).map((p) => `pm-diag: ${formatProblem(p)}`);
  if (problems.length > max) shown.push(`pm-diag: ... and ${problems.length - max} ${more}`);
  if (shown.length > 0) say(shown.join('\n'));
}
