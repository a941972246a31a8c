import { chart, clip, fits, line, px, text } from './markup.js';

// Two values per row joined by a line: how a function rates itself against how everyone else does.

export interface DumbbellRow {
  label: string;
  a: number | null;
  b: number | null;
  group?: boolean;
}

const WIDTH = 640;
const LABEL = 260;
const SCALE = 330;
const ROW = 26;
const TOP = 44;

/** `names`: what the filled dot (a) and the hollow one (b) stand for; `scale`: the axis, e.g. 0–100 or 1–5. */
export function dumbbells(
  id: string,
  title: string,
  rows: DumbbellRow[],
  names: [string, string],
  scale: { min: number; max: number; ticks: number[] },
): string {
  const x0 = LABEL + 16;
  const at = (v: number) => x0 + ((v - scale.min) / (scale.max - scale.min)) * SCALE;
  const height = TOP + rows.length * ROW + 6;
  const parts = [
    `<circle cx="${px(x0)}" cy="10" r="6" class="dot-a"/>`,
    text(x0 + 12, 14, names[0], 'label'),
    `<circle cx="${px(x0 + 150)}" cy="10" r="6" class="dot-b"/>`,
    text(x0 + 162, 14, names[1], 'label'),
  ];
  for (const t of scale.ticks)
    parts.push(line(at(t), TOP - 6, at(t), height - 4, 'grid'), text(at(t), TOP - 10, String(t), 'tick', 'middle'));
  rows.forEach((row, i) => {
    const y = TOP + i * ROW + 13;
    parts.push(
      text(
        row.group ? 0 : 12,
        y + 4,
        clip(row.label, row.group ? fits(LABEL) : fits(LABEL - 12)),
        row.group ? 'label strong' : 'label',
      ),
    );
    if (row.a !== null && row.b !== null) parts.push(line(at(row.a), y, at(row.b), y, 'stem'));
    if (row.b !== null) parts.push(`<circle cx="${px(at(row.b))}" cy="${px(y)}" r="6" class="dot-b"/>`);
    if (row.a !== null) parts.push(`<circle cx="${px(at(row.a))}" cy="${px(y)}" r="6" class="dot-a"/>`);
  });
  return chart(
    id,
    title,
    WIDTH,
    height,
    parts,
    `Filled dots: ${names[0]}; hollow dots: ${names[1]}. The table below the chart gives the same data.`,
  );
}
