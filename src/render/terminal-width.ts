// How wide a terminal report is, decided once here (as color-choice.ts decides colour): the
// terminal's own width, kept between a width the tables still fit and one lines stay readable at.

/** The width of a report that is not on a terminal, and of the tables' full layout. */
export const WIDTH = 80;
export const MIN_WIDTH = 60;
export const MAX_WIDTH = 120;

/** The terminal's columns, between 60 and 120; 80 when the output is not a terminal (a pipe, a file). */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  if (stream.isTTY !== true || !stream.columns) return WIDTH;
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, stream.columns));
}
