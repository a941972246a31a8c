import { fstatSync } from 'node:fs';
import { EXIT, formatProblem } from '../core/errors.js';
import { writePieces, writeProblem } from './write.js';

// Standard output. Node makes its stdout stream on first use, and loading it costs a short run more
// than the run's own work. Where that stream would itself write synchronously with nothing to wait
// for, a regular file (`> report.html`), the text is written directly; a terminal or a pipe gets the
// stream, which knows the terminal's width and waits for a slow reader.

let isFile: boolean | undefined;

/** Whether standard output is a regular file, known without making Node's stream. */
export function stdoutIsFile(): boolean {
  if (isFile === undefined) {
    try {
      isFile = fstatSync(1).isFile();
    } catch {
      isFile = false; // Closed: the stream reports that as it always has.
    }
  }
  return isFile;
}

/** How a message names standard output. */
const STDOUT = 'standard output';

/**
 * `pm-diag roles | head`: a reader that stops early is not an error (no EPIPE stack trace). Any other
 * failure (`> /dev/full`) is said in one line, and the run exits as for bad input: its output is not whole.
 */
export function onStdoutError(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  const problem = writeProblem(STDOUT, err);
  if (problem === undefined) throw err;
  process.stderr.write(problem.problems.map((p) => `pm-diag: ${formatProblem(p)}\n`).join(''));
  process.exit(EXIT.input);
}

let guarded: NodeJS.WriteStream | undefined;

/** Node's stdout stream, with the handler for a reader that stops early (added once, not on every write). */
export function stdoutStream(): NodeJS.WriteStream {
  if (guarded === undefined) {
    guarded = process.stdout;
    if (!guarded.listeners('error').includes(onStdoutError)) guarded.on('error', onStdoutError);
  }
  return guarded;
}

/** Writes a piece of a command's output to standard output. */
export function writeStdout(piece: string | Uint8Array): void {
  if (stdoutIsFile()) writeStdoutDirectly(piece);
  else stdoutStream().write(piece);
}

/** Writes to standard output without Node's stream, wherever it leads; a failed write is met as the stream's error is. */
export function writeStdoutDirectly(piece: string | Uint8Array): void {
  try {
    writePieces(1, piece);
  } catch (err) {
    onStdoutError(err as NodeJS.ErrnoException);
  }
}
