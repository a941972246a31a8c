import { CSV_EOL, csvCell } from '../csv-cells.js';
import type { Diagnosis, ItemScore } from '../score/model.js';
import { actionPlan, charterRows, label, problemText, statusText, votesText } from './report-view.js';

// The rows a team carries into its wiki or tracker: the action plan and the role charter to decide,
// one row each, with the owner, next step and due date left empty for the room. RFC 4180, and
// formula-safe like the export (a cell a spreadsheet would run as a formula starts with ').

export const CSV_COLUMNS = [
  'Section',
  '#',
  'Item id',
  'Item',
  'Problem',
  'Recommended accountable',
  'Contributors',
  'How people answered',
  'Status',
  'Decision to take',
  'Owner',
  'Next step',
  'Due',
];

/** The owner cells of an item: recommended, contributors, answers and status; an interlock item has none. */
function ownerCells(item: ItemScore): string[] {
  if (item.kind === 'interlock') return ['', '', '', ''];
  const { recommended, contributors, votes } = item.owner;
  return [label(recommended), contributors.map(label).join(', '), votesText(votes), statusText(item.owner)];
}

export function renderReportCsv(d: Diagnosis, opts: { top: number }): string {
  const byId = new Map(d.items.map((i) => [i.id, i]));
  const plan = actionPlan(d, opts.top).map((row) => [
    'Action plan',
    String(row.rank),
    row.id,
    row.title,
    row.problem,
    ...ownerCells(byId.get(row.id)!),
    row.decision,
  ]);
  const charter = charterRows(d).map((row, i) => [
    'Role charter',
    String(i + 1),
    row.item.id,
    row.item.title,
    problemText(row.item),
    ...ownerCells(row.item),
    row.decision,
  ]);
  const empty = ['', '', ''];
  const lines = [CSV_COLUMNS, ...[...plan, ...charter].map((cells) => [...cells, ...empty])];
  return lines.map((cells) => cells.map(csvCell).join(',') + CSV_EOL).join('');
}
