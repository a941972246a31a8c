import { chart, clip, fits, line, px, rect, text } from './markup.js';

// One strip per item and axis: how many respondents gave each level 1–5 (the dot's area grows with
// the count), with the mean and the target marked. It shows the spread a mean hides.

export interface StripRow {
  label: string;
  axes: { counts: number[]; mean: number | null; target: number }[];
}

const LABEL = 250;
const STEP = 38;
const GAP = 24;
const ROW = 30;
const TOP = 40;

export function strips(id: string, title: string, axisNames: string[], rows: StripRow[]): string {
  const stripWidth = STEP * 5;
  const left = (a: number) => LABEL + a * (stripWidth + GAP);
  const at = (a: number, level: number) => left(a) + STEP / 2 + (level - 1) * STEP;
  const width = left(axisNames.length) - GAP + 4;
  const height = TOP + rows.length * ROW + 4;
  const most = Math.max(1, ...rows.flatMap((r) => r.axes.flatMap((a) => a.counts)));
  const parts: string[] = [];
  axisNames.forEach((name, a) => {
    parts.push(text(left(a) + stripWidth / 2, 13, name, 'tick strong', 'middle'));
    for (let level = 1; level <= 5; level++) parts.push(text(at(a, level), TOP - 8, String(level), 'tick', 'middle'));
  });
  rows.forEach((row, i) => {
    const y = TOP + i * ROW + ROW / 2;
    parts.push(text(0, y + 4, clip(row.label, fits(LABEL - 6)), 'label'));
    row.axes.forEach((axis, a) => {
      parts.push(rect(left(a), y - ROW / 2 + 2, stripWidth, ROW - 4, 'strip'));
      if (axis.target >= 1 && axis.target <= 5) parts.push(line(at(a, axis.target), y - ROW / 2 + 2, at(a, axis.target), y + ROW / 2 - 2, 'target'));
      if (axis.mean !== null) parts.push(line(at(a, axis.mean), y - 12, at(a, axis.mean), y + 12, 'mean'));
      axis.counts.forEach((count, l) => {
        if (count === 0) return;
        const r = 3 + 9 * Math.sqrt(count / most);
        parts.push(`<circle cx="${px(at(a, l + 1))}" cy="${px(y)}" r="${px(r)}" class="count"/>`);
        if (r >= 8) parts.push(text(at(a, l + 1), y + 4, String(count), 'dot-text small', 'middle'));
      });
    });
  });
  return chart(id, title, width, height, parts, 'For each item, dots at levels 1 to 5 whose area grows with the number of respondents who gave that level; a solid tick marks the mean and a dashed one the target. The table beside the chart gives the counts.');
}
