import { constants } from 'node:os';
import { EXIT, InputError, InterruptedError, MAX_PROBLEMS_SHOWN, ThresholdError, UsageError } from '../core/errors.js';
import { say, sayProblems } from './output.js';
import { safeText } from '../core/text.js';

/** Prints an error the way a user should see it, and says which exit code it deserves. */
export function exitCodeFor(err: unknown, debug: boolean): number {
  if (err instanceof InputError) {
    sayProblems(err.problems, MAX_PROBLEMS_SHOWN);
    return EXIT.input;
  }
  if (err instanceof UsageError) {
    say(`pm-diag: ${safeText(err.message)}`);
    return EXIT.input;
  }
  if (err instanceof InterruptedError) {
    say(err.message);
    // The shell's convention: 128 + the signal's number (SIGINT 130, SIGTERM 143).
    const number = constants.signals[err.signal as keyof typeof constants.signals] as number | undefined;
    return number === undefined ? EXIT.interrupted : 128 + number;
  }
  if (err instanceof ThresholdError) {
    say(`pm-diag: ${safeText(err.message)}`);
    return EXIT.threshold;
  }
  const message = err instanceof Error ? err.message : String(err);
  if (debug && err instanceof Error && err.stack) say(err.stack);
  else
    say(
      `pm-diag: internal error: ${safeText(message)}\n(run again with --debug for the details, and please report it)`,
    );
  return EXIT.internal;
}
