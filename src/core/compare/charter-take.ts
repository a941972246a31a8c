import type { Owner } from '../answers/schema.js';
import type { Charter } from '../charter/schema.js';
import { rounded } from '../score/math.js';
import { actionOwner } from '../render/charter-view.js';
import type { Snapshot } from './snapshot.js';

// `compare BEFORE AFTER --charter FILE`: did our decisions take? Per decision, whether the consensus
// owner moved to the decided one; per action, whether its item's readiness (interlock: health) rose.

/** `took`: the consensus is now the decided owner (moved to it); `kept`: it was and still is; `lost`: it was and no longer is; `not yet`: it is not. */
export type DecisionTake = 'took' | 'kept' | 'lost' | 'not yet';

export interface DecisionOutcome {
  id: string;
  title: string;
  owner: Owner;
  before: Owner | null;
  after: Owner | null;
  take: DecisionTake;
}

export interface ActionOutcome {
  item: string;
  title: string;
  action: string;
  owner: string;
  due: string;
  status: string;
  before: number | null;
  after: number | null;
  /** The item's readiness went up; null when either side has none. */
  improved: boolean | null;
}

export interface CharterTake {
  decided: string;
  decisions: DecisionOutcome[];
  actions: ActionOutcome[];
}

export function charterTake(charter: Charter, before: Snapshot, after: Snapshot): CharterTake {
  const beforeItems = new Map(before.items.map((i) => [i.id, i]));
  const afterItems = new Map(after.items.map((i) => [i.id, i]));
  const title = (id: string) => afterItems.get(id)?.title ?? beforeItems.get(id)?.title ?? id;
  const decisions = [...charter.decisions].map(([id, d]): DecisionOutcome => {
    const b = beforeItems.get(id)?.owner?.consensus ?? null;
    const a = afterItems.get(id)?.owner?.consensus ?? null;
    const take: DecisionTake = a === d.owner ? (b === d.owner ? 'kept' : 'took') : b === d.owner ? 'lost' : 'not yet';
    return { id, title: title(id), owner: d.owner, before: b, after: a, take };
  });
  const actions = charter.actions.map((x): ActionOutcome => {
    const b = rounded(beforeItems.get(x.item)?.readiness ?? null, 'index');
    const a = rounded(afterItems.get(x.item)?.readiness ?? null, 'index');
    return {
      item: x.item,
      title: title(x.item),
      action: x.action,
      owner: x.owner,
      due: x.due,
      status: x.status,
      before: b,
      after: a,
      improved: a === null || b === null ? null : a > b,
    };
  });
  return { decided: charter.decided, decisions, actions };
}

export const TAKE_TITLE = 'Did our decisions take?';
const TAKE_TEXT: Record<DecisionTake, string> = {
  took: 'took: the owner most people name is now the decided one',
  kept: 'kept: the decided owner before and after',
  lost: 'lost: the decided owner before, not any more',
  'not yet': 'not yet: most people name another owner',
};

/** The section as plain lines (each renderer escapes and lays out): a summary, then one line per decision and per action. */
export function takeLines(
  t: CharterTake,
  label: (code: string | null) => string,
): { summary: string; decisions: string[]; actions: string[] } {
  const took = t.decisions.filter((d) => d.take === 'took' || d.take === 'kept').length;
  const improved = t.actions.filter((a) => a.improved === true).length;
  const value = (n: number | null) => (n === null ? 'none' : n.toFixed(1));
  return {
    summary: `Charter decided ${t.decided}: ${took} of ${t.decisions.length} decisions hold now; ${improved} of ${t.actions.length} actions' items improved.`,
    decisions: t.decisions.map(
      (d) =>
        `${d.title}: decided ${label(d.owner)}; consensus ${label(d.before)} → ${label(d.after)}: ${TAKE_TEXT[d.take]}`,
    ),
    actions: t.actions.map(
      (a) =>
        `${a.title}: ${a.action} (${actionOwner(a.owner)}, due ${a.due}, ${a.status}); readiness ${value(a.before)} → ${value(a.after)}: ${a.improved === null ? 'not rated on both sides' : a.improved ? 'improved' : 'not improved'}`,
    ),
  };
}
