import { chart, clip, esc, fits, px, text } from './markup.js';

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
  const levels: string[] = [];
  axisNames.forEach((name, a) => {
    parts.push(text(left(a) + stripWidth / 2, 13, name, 'tick strong', 'middle'));
    for (let level = 1; level <= 5; level++)
      levels.push(`<text x="${px(at(a, level))}" y="${TOP - 8}">${level}</text>`);
  });
  parts.push(`<g class="tick" text-anchor="middle">${levels.join('')}</g>`);
  // Marks of one kind share one element or group, so that a team's many rows stay a small file.
  const strips: string[] = [];
  const targets: string[] = [];
  const means: string[] = [];
  const dots: string[] = [];
  const counts: string[] = [];
  const labels: string[] = [];
  rows.forEach((row, i) => {
    const y = TOP + i * ROW + ROW / 2;
    labels.push(`<text x="0" y="${px(y + 4)}">${esc(clip(row.label, fits(LABEL - 6)))}</text>`);
    row.axes.forEach((axis, a) => {
      strips.push(`M${px(left(a))} ${px(y - ROW / 2 + 2)}h${stripWidth}v${ROW - 4}h-${stripWidth}z`);
      if (axis.target >= 1 && axis.target <= 5)
        targets.push(`M${px(at(a, axis.target))} ${px(y - ROW / 2 + 2)}v${ROW - 4}`);
      if (axis.mean !== null) means.push(`M${px(at(a, axis.mean))} ${px(y - 12)}v24`);
      axis.counts.forEach((count, l) => {
        if (count === 0) return;
        const r = 3 + 9 * Math.sqrt(count / most);
        dots.push(`<circle cx="${px(at(a, l + 1))}" cy="${px(y)}" r="${px(r)}"/>`);
        if (r >= 8) counts.push(`<text x="${px(at(a, l + 1))}" y="${px(y + 4)}">${count}</text>`);
      });
    });
  });
  parts.push(
    `<g class="label">${labels.join('')}</g>`,
    `<path class="strip" d="${strips.join('')}"/>`,
    `<path class="target" d="${targets.join('')}"/>`,
    `<path class="mean" d="${means.join('')}"/>`,
    `<g class="count">${dots.join('')}</g>`,
    `<g class="dot-text small" text-anchor="middle">${counts.join('')}</g>`,
  );
  return chart(
    id,
    title,
    width,
    height,
    parts,
    'For each item, dots at levels 1 to 5 whose area grows with the number of respondents who gave that level; a solid tick marks the mean and a dashed one the target. The table below the chart gives the counts.',
  );
}
