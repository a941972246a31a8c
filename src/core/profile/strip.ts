import { BANDS, stripCell } from './view.js';

// The tendency strip as text, for the terminal and inside a markdown code block: a rule from −100
// to +100 with a tick at each label boundary, and the markers above it. Markers that would overlap
// go on a row of their own.

export interface StripMarker {
  tendency: number;
  /** One character. */
  mark: string;
}

const TICKS = [-100, ...BANDS.map((b) => b.to)];

export function stripRule(cells: number): string {
  const ticks = new Set(TICKS.map((t) => stripCell(t, cells)));
  let rule = '';
  for (let i = 0; i < cells; i++) rule += i === 0 ? '├' : i === cells - 1 ? '┤' : ticks.has(i) ? '┼' : '─';
  return rule;
}

/** Each marker's cell and row (0 nearest the rule): a marker keeps one free cell on each side, so two never touch. */
export function placeMarkers<M extends StripMarker>(
  markers: readonly M[],
  cells: number,
): { marker: M; cell: number; row: number }[] {
  const taken: Set<number>[] = [];
  return markers.map((marker) => {
    const cell = stripCell(marker.tendency, cells);
    let row = taken.findIndex((used) => !used.has(cell - 1) && !used.has(cell) && !used.has(cell + 1));
    if (row === -1) row = taken.push(new Set()) - 1;
    taken[row]!.add(cell);
    return { marker, cell, row };
  });
}

/** The marker rows (nearest the rule last), the rule, the tick values and the two ends' names. */
export function textStrip(markers: readonly StripMarker[], cells = 61, indent = '  '): string[] {
  const rows: string[][] = [];
  for (const { marker, cell, row } of placeMarkers(markers, cells)) {
    rows[row] ??= Array.from({ length: cells }, () => ' ');
    rows[row][cell] = marker.mark;
  }
  const scale = Array.from({ length: cells + 4 }, () => ' ');
  for (const t of TICKS) {
    const text = t > 0 ? `+${t}` : String(t);
    const start = Math.max(0, Math.min(cells + 4 - text.length, stripCell(t, cells) - Math.floor(text.length / 2)));
    for (let i = 0; i < text.length; i++) scale[start + i] = text[i]!;
  }
  const ends = `strongly inbound${' '.repeat(Math.max(1, cells - 33))}strongly outbound`;
  return [
    ...rows.reverse().map((r) => indent + r.join('').trimEnd()),
    indent + stripRule(cells),
    indent + scale.join('').trimEnd(),
    indent + ends,
  ];
}

/** A short strip for one dimension: the rule with the marker on it (`·` on the middle when there is no tendency). */
export function miniStrip(tendency: number | null, cells = 21, mark = '●'): string {
  const rule = [...stripRule(cells)];
  if (tendency !== null) rule[stripCell(tendency, cells)] = mark;
  return rule.join('');
}
