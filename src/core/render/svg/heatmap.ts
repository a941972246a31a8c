import type { Tone } from './style.js';
import { chart, clip, esc, fits, px, rect, text } from './markup.js';

// A grid of scores with the number in each cell, tinted by how it stands against the target: it
// reads in print, in black and white, and by a screen reader through the table below it.

export interface HeatCell {
  shown: string;
  tone: Tone;
}

const LABEL = 250;
const CELL_W = 110;
const CELL_H = 30;
const TOP = 26;

export function heatmap(
  id: string,
  title: string,
  columns: string[],
  rows: { label: string; cells: HeatCell[] }[],
): string {
  const width = LABEL + columns.length * CELL_W + 4;
  const height = TOP + rows.length * CELL_H + 4;
  const parts = columns.map((c, j) => text(LABEL + j * CELL_W + CELL_W / 2, TOP - 9, c, 'tick strong', 'middle'));
  // The numbers share one group's class and anchor, so that a team's grid stays a small file.
  const numbers: string[] = [];
  rows.forEach((row, i) => {
    const y = TOP + i * CELL_H;
    parts.push(text(0, y + 19, clip(row.label, fits(LABEL - 6)), 'label'));
    row.cells.forEach((cell, j) => {
      const x = LABEL + j * CELL_W;
      parts.push(rect(x + 2, y + 2, CELL_W - 4, CELL_H - 4, `cell h-${cell.tone}`));
      numbers.push(`<text x="${px(x + CELL_W / 2)}" y="${px(y + 19)}">${esc(cell.shown)}</text>`);
    });
  });
  parts.push(`<g class="cell-text" text-anchor="middle">${numbers.join('')}</g>`);
  return chart(
    id,
    title,
    width,
    height,
    parts,
    'Each cell holds its score from 0 to 100, tinted green at the target, amber within one level of it, red further below. The table below the chart gives the same data.',
  );
}
