import type { CharterOutcome, Diagnosis } from '../score/model.js';
import { OWNERSHIP } from './ownership.js';
import { label, votesText } from './report-view.js';

// What every format says about the organization's own charter (`--charter`): its decisions against
// the bank's recommendation (shown, not judged), whether the team follows each, and its actions,
// overdue first. Plain words; each renderer escapes and lays out.

export const DECISIONS_TITLE = 'Our charter: decisions and actions';
export const DECISION_COLUMNS = [
  'Responsibility',
  'Decided accountable',
  'Decided contributors',
  'Recommended',
  'How people answered',
  'Follows the charter',
];
export const ACTION_COLUMNS = ['Item', 'Action', 'Owner', 'Due', 'Status'];

/** An action's owner as the reports say it: the charter template leaves the person for the room to name. */
export const actionOwner = (owner: string): string => owner.trim() || 'no one named yet';

const names = (codes: readonly string[]) => (codes.length === 0 ? 'none' : codes.map(label).join(', '));

export interface DecisionRow {
  id: string;
  title: string;
  decided: string;
  contributors: string;
  /** The bank's recommendation, and whether the charter departs from it or keeps it. */
  recommended: string;
  answers: string;
  follows: string;
  note?: string;
}

export interface ActionRow {
  item: string;
  action: string;
  owner: string;
  due: string;
  status: string;
  overdue: boolean;
}

/** "Decided 2026-12-10 by Acme Corp: 3 decisions over items in this report; 2 followed; 1 departs from the recommendation." */
export function decisionsIntro(c: CharterOutcome): string {
  const n = c.decisions.length;
  const followed = c.decisions.filter((x) => x.status === 'aligned').length;
  const departs = c.decisions.filter((x) => x.departs).length;
  const overdue = c.actions.filter((a) => a.overdue).length;
  return [
    `Decided ${c.decided}${c.organization ? ` by ${c.organization}` : ''} (${c.source}).`,
    `${n} ${n === 1 ? 'decision' : 'decisions'} over items in this report: ${followed} followed (the owner most people name is the decided one).`,
    `${departs} ${departs === 1 ? 'departs' : 'depart'} from the recommendation, shown here and not judged: the organization's decision is the owner each item is measured against.`,
    ...(c.outOfScope > 0 ? [`${c.outOfScope} more out of scope at this stage or form.`] : []),
    `${c.actions.length} ${c.actions.length === 1 ? 'action' : 'actions'}, ${overdue} overdue (open and due before the report's date).`,
  ].join(' ');
}

/** The summary page's line on the charter (with --charter only): what is overdue on the report's date, and what is followed. */
export function charterSummary(d: Diagnosis): string | undefined {
  const c = d.charter;
  if (c === undefined) return undefined;
  const overdue = c.actions.filter((a) => a.overdue).length;
  const followed = c.decisions.filter((x) => x.status === 'aligned').length;
  return (
    `${overdue} of ${c.actions.length} ${c.actions.length === 1 ? 'action' : 'actions'} overdue on ${d.date}; ` +
    `${followed} of ${c.decisions.length} ${c.decisions.length === 1 ? 'decision' : 'decisions'} followed.`
  );
}

export function decisionRows(d: Diagnosis): DecisionRow[] {
  const titles = new Map(d.items.map((i) => [i.id, i.title]));
  const votes = new Map(
    d.items.flatMap((i) => (i.kind === 'responsibility' ? [[i.id, votesText(i.owner.votes)]] : [])),
  );
  return (d.charter?.decisions ?? []).map((x) => ({
    id: x.id,
    title: titles.get(x.id) ?? x.id,
    decided: label(x.owner),
    contributors: names(x.contributors),
    recommended: `${label(x.recommended)}${x.recommendedContributors.length > 0 ? ` (contributors ${names(x.recommendedContributors)})` : ''}; ${x.departs ? 'the charter departs from it' : 'the charter keeps it'}`,
    answers: votes.get(x.id) ?? 'none',
    follows:
      x.status === 'aligned'
        ? `yes${x.contested ? ', contested' : ''}`
        : `no: ${x.status}${x.contested ? ', contested' : ''} (${OWNERSHIP[x.status].definition.replace('the recommended one', 'the decided one')})`,
    ...(x.note ? { note: x.note } : {}),
  }));
}

export function actionRows(d: Diagnosis): ActionRow[] {
  const titles = new Map(d.items.map((i) => [i.id, i.title]));
  return (d.charter?.actions ?? []).map((a) => ({
    item: titles.get(a.item) ?? a.item,
    action: a.action,
    owner: actionOwner(a.owner),
    due: a.due,
    status: a.overdue ? 'OVERDUE (open)' : a.status,
    overdue: a.overdue,
  }));
}
