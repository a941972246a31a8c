import { MAX_WIDTH, MIN_WIDTH, WIDTH } from '../core/render/terminal-width.js';

// What the terminal the report goes to allows: its width and whether to colour, decided once here.

/** The terminal's columns, between 60 and 120; 80 when the output is not a terminal (a pipe, a file). */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  if (stream.isTTY !== true || !stream.columns) return WIDTH;
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, stream.columns));
}

/** Colour only on a terminal, unless the environment or `--no-color` says otherwise. */
export function colorWanted(
  flag: boolean | undefined,
  stream: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (flag === false) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}
