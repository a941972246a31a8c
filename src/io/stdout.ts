import { fstatSync, writeSync } from 'node:fs';

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

/** `pm-diag roles | head`: a reader that stops early is not an error (no EPIPE stack trace). */
export function onStdoutError(err: NodeJS.ErrnoException): void {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
}

/** Node's stdout stream, with the handler for a reader that stops early. */
export function stdoutStream(): NodeJS.WriteStream {
  const stream = process.stdout;
  if (!stream.listeners('error').includes(onStdoutError)) stream.on('error', onStdoutError);
  return stream;
}

/** Writes a piece of a command's output to standard output. */
export function writeStdout(piece: string | Uint8Array): void {
  if (!stdoutIsFile()) stdoutStream().write(piece);
  // The same call twice: writeSync's overloads take a string or bytes, not either.
  else if (typeof piece === 'string') writeSync(1, piece);
  else writeSync(1, piece);
}
