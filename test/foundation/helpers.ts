import { join } from 'node:path';
import { expect } from 'vitest';
import { InputError, formatProblem, type Problem } from '../../src/core/errors.js';
import { ROOT } from '../helpers/cli.js';

export const BUILTIN_BANK = join(ROOT, 'questions', 'pm-pmm.yaml');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const BANKS = join(FIXTURES, 'banks');
export const ANSWERS = join(FIXTURES, 'answers');
export const MINIMAL_BANK = join(BANKS, 'minimal.yaml');

/** The problems `fn` throws as an InputError; fails the test when it returns or throws anything else. */
export function problemsOf(fn: () => unknown): Problem[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  expect.fail('expected an InputError, but nothing was thrown');
}

/** Each problem as the user sees it: `source:line:column: path: message (found …, expected …)`. */
export function linesOf(fn: () => unknown): string[] {
  return problemsOf(fn).map(formatProblem);
}

/** `line:column` of each problem. */
export const positions = (problems: Problem[]): string[] => problems.map((p) => `${p.line}:${p.column}`);
