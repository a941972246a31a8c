// How wide a terminal report may be: between a width the tables still fit and one lines stay
// readable at (io/terminal.ts reads the terminal's own width).

/** The width of a report that is not on a terminal, and of the tables' full layout. */
export const WIDTH = 80;
export const MIN_WIDTH = 60;
export const MAX_WIDTH = 120;
