import { safeLine } from './text.js';

/** Every problem of a real file fits under this; a generated one can hold millions, which would only flood the terminal. */
export const MAX_PROBLEMS_SHOWN = 100;

/** One problem found in an input: where it is, and what was found against what was expected. */
export interface Problem {
  source: string;
  line?: number;
  column?: number;
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
    super(problems.slice(0, 10).map(formatProblem).join('\n') + (problems.length > 10 ? `\n... and ${problems.length - 10} more` : ''));
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
  if (p.line !== undefined) where += `:${p.line}`;
  if (p.line !== undefined && p.column !== undefined) where += `:${p.column}`;
  const label = p.severity === 'warning' ? 'warning: ' : '';
  const path = p.path ? `${p.path}: ` : '';
  const detail = [p.found !== undefined ? `found ${p.found}` : '', p.expected !== undefined ? `expected ${p.expected}` : '']
    .filter(Boolean)
    .join(', ');
  // Messages quote file content: whatever a caller forgot, no control character reaches the terminal.
  return safeLine(`${where}: ${label}${path}${p.message}${detail ? ` (${detail})` : ''}`);
}

export function errorsOf(problems: Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error');
}

export function warningsOf(problems: Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'warning');
}
