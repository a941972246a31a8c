import { safeLine } from './text.js';

/** Every problem of a real file fits under this; a generated one can hold millions, which would only flood the terminal. */
export const MAX_PROBLEMS_SHOWN = 100;

/** The exit codes, by what happened (docs/design.md): io/exit.ts picks one for an error. */
export const EXIT = { ok: 0, threshold: 1, input: 2, internal: 70, interrupted: 130, terminated: 143 } as const;

/** One problem found in an input: where it is, and what was found against what was expected. */
export interface Problem {
  source: string;
  line?: number;
  column?: number;
  /** A spreadsheet's cell (`C7`): shown in place of the line and column. */
  cell?: string;
  /** A dotted path inside the document, e.g. `answers.pricing.capability`. */
  path?: string;
  message: string;
  found?: string;
  expected?: string;
  severity: 'error' | 'warning';
}

/** Bad input: printed without a stack trace, exit code 2. Carries every problem found at once. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    // The first few make the message: a hostile file can hold a million problems.
    super(
      problems.slice(0, 10).map(formatProblem).join('\n') +
        (problems.length > 10 ? `\n... and ${problems.length - 10} more` : ''),
    );
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** Bad usage of the command line (a wrong option value, a missing file argument): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A threshold (`--fail-under`, `--fail-on-regression`) failed: outputs are written, exit code 1. */
export class ThresholdError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ThresholdError';
  }
}

/** An interactive session stopped by Ctrl-C or a signal, after its progress was saved: exit 128 + the signal's number. */
export class InterruptedError extends Error {
  readonly signal: string;
  constructor(message: string, signal: string) {
    super(message);
    this.name = 'InterruptedError';
    this.signal = signal;
  }
}

/** `source:line:column: path: message (found X, expected Y)`; every part that is known. */
export function formatProblem(p: Problem): string {
  let where = p.source;
  if (p.cell !== undefined) where += `:${p.cell}`;
  else if (p.line !== undefined) where += p.column !== undefined ? `:${p.line}:${p.column}` : `:${p.line}`;
  const label = p.severity === 'warning' ? 'warning: ' : '';
  const path = p.path ? `${p.path}: ` : '';
  const detail = [
    p.found !== undefined ? `found ${p.found}` : '',
    p.expected !== undefined ? `expected ${p.expected}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  // Messages quote file content: whatever a caller forgot, no control character reaches the terminal.
  return safeLine(`${where}: ${label}${path}${p.message}${detail ? ` (${detail})` : ''}`);
}

/** Document order within one source: by line, then column; what concerns the whole source (no line) last. */
export function byPosition(a: Problem, b: Problem): number {
  return (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0);
}

/** Each source's problems together, sources in the order they were given, each in document order. */
export function inReadingOrder(problems: readonly Problem[]): Problem[] {
  const sourceOrder = new Map<string, number>();
  for (const p of problems) if (!sourceOrder.has(p.source)) sourceOrder.set(p.source, sourceOrder.size);
  return [...problems].sort((a, b) => sourceOrder.get(a.source)! - sourceOrder.get(b.source)! || byPosition(a, b));
}

export function errorsOf(problems: Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error');
}

export function warningsOf(problems: Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'warning');
}

/**
 * What a loader gives back: the value when the input passed, and every problem found (warnings
 * included). Gathering problems from many inputs is then the normal path, not a catch.
 */
export interface Checked<T> {
  value?: T;
  problems: Problem[];
}

/** An InputError as a result; anything else is a bug and goes on up. */
function caught(err: unknown): Checked<never> {
  if (err instanceof InputError) return { problems: err.problems };
  throw err;
}

/** Problems raised deep inside reading or parsing (an InputError) become a result at the loader's boundary. */
export function checked<T>(load: () => T): Checked<T> {
  try {
    return { value: load(), problems: [] };
  } catch (err) {
    return caught(err);
  }
}

/** The same, for a loader that waits (standard input). */
export async function checkedAsync<T>(load: () => Promise<T> | T): Promise<Checked<T>> {
  try {
    return { value: await load(), problems: [] };
  } catch (err) {
    return caught(err);
  }
}

/** Chains a check on a value that passed: problems of both, the second's value. */
export function andThen<T, U>(first: Checked<T>, next: (value: T) => Checked<U>): Checked<U> {
  if (first.value === undefined || errorsOf(first.problems).length > 0) return { problems: first.problems };
  const second = next(first.value);
  return { value: second.value, problems: [...first.problems, ...second.problems] };
}

/** For a command with one input: the value, or an InputError carrying every error (warnings go with the value). */
export function valueOf<T>(result: Checked<T>): T {
  const errors = errorsOf(result.problems);
  if (errors.length > 0 || result.value === undefined)
    throw new InputError(errors.length > 0 ? errors : result.problems);
  return result.value;
}
