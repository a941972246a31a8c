import { CSV_EOL, csvCell } from '../csv-cells.js';
import type { Diagnosis, ItemScore, ResponsibilityScore } from '../score/model.js';
import { decisionRows } from './charter-view.js';
import {
  accountableContributors,
  accountableText,
  actionPlan,
  charterRows,
  label,
  problemText,
  statusText,
  votesText,
} from './report-view.js';

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

/** The owner cells of an item: recommended, contributors, answers and status; a hand-off or a practice has none. */
function ownerCells(item: ItemScore): string[] {
  if (item.kind !== 'responsibility') return ['', '', '', ''];
  const { votes } = item.owner;
  return [
    accountableText(item),
    accountableContributors(item).map(label).join(', '),
    votesText(votes),
    statusText(item.owner),
  ];
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
    problemText(d, row.item),
    ...ownerCells(row.item),
    row.decision,
  ]);
  const empty = ['', '', ''];
  const byIdTitle = (id: string) => byId.get(id)?.title ?? id;
  // With --charter: each decision (its bank recommendation in the recommended columns), then each action, overdue first.
  const decisions = decisionRows(d).map((row, i) => [
    'Charter decision',
    String(i + 1),
    row.id,
    row.title,
    `follows the charter: ${row.follows}`,
    row.recommended,
    '',
    row.answers,
    statusText((byId.get(row.id) as ResponsibilityScore).owner),
    `decided: ${row.decided} (contributors ${row.contributors})${row.note ? `; ${row.note}` : ''}`,
    ...empty,
  ]);
  const actions = (d.charter?.actions ?? []).map((a, i) => [
    'Charter action',
    String(i + 1),
    a.item,
    byIdTitle(a.item),
    a.overdue ? 'overdue' : a.status,
    '',
    '',
    '',
    '',
    a.action,
    a.owner,
    a.status,
    a.due,
  ]);
  const lines = [CSV_COLUMNS, ...[...plan, ...charter].map((cells) => [...cells, ...empty]), ...decisions, ...actions];
  return lines.map((cells) => cells.map(csvCell).join(',') + CSV_EOL).join('');
}
