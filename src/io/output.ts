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
