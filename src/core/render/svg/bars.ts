import type { Tone } from './style.js';
import { chart, clip, fits, line, rect, text } from './markup.js';

// Horizontal bars on a 0–100 scale with the target's score marked: functions, areas, interlock.

export interface BarRow {
  label: string;
  value: number | null;
  /** The value as printed, the same as in the table. */
  shown: string;
  tone: Tone;
  /** A group's own row (an interlock direction) is bold; `indent` rows belong to the group above. */
  group?: boolean;
  indent?: boolean;
}

const WIDTH = 640;
const LABEL = 260;
const SCALE = 320;
const ROW = 24;
const TOP = 24;

export function barChart(id: string, title: string, rows: BarRow[], goal: number): string {
  const x0 = LABEL + 8;
  const at = (v: number) => x0 + (Math.max(0, Math.min(100, v)) / 100) * SCALE;
  const height = TOP + rows.length * ROW + 6;
  const parts: string[] = [];
  for (const v of [0, 25, 50, 75, 100])
    parts.push(line(at(v), TOP - 4, at(v), height - 4, 'grid'), text(at(v), TOP - 8, String(v), 'tick', 'middle'));
  rows.forEach((row, i) => {
    const y = TOP + i * ROW;
    const indent = row.indent ? 14 : 0;
    parts.push(
      text(indent, y + 16, clip(row.label, fits(LABEL - indent, row.group)), row.group ? 'label strong' : 'label'),
    );
    if (row.value !== null) parts.push(rect(x0, y + 5, at(row.value) - x0, 14, `bar t-${row.tone}`));
    parts.push(text((row.value === null ? x0 : at(row.value)) + 5, y + 16, row.shown, 'value'));
  });
  parts.push(line(at(goal), TOP - 4, at(goal), height - 4, 'target'));
  return chart(
    id,
    title,
    WIDTH,
    height,
    parts,
    `Bars from 0 to 100; the dashed line marks the target's score, ${goal}. The table below the chart gives the same data.`,
  );
}
