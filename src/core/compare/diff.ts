import type { Party, RecommendedOwner } from '../bank/schema.js';
import type { Axis, Quadrant } from '../score/model.js';
import { axesOf } from '../bank/item-kinds.js';
import { rounded, type Precision } from '../score/math.js';
import type { CharterTake } from './charter-take.js';
import { SUMMARY_KEYS, type OwnerView, type Snapshot, type SnapshotItem, type SummaryKey } from './snapshot.js';

// What changed between two snapshots: a pure function, so every renderer shows the same thing.

export interface Change {
  before: number | null;
  after: number | null;
  /** after − before; null when either side is undefined. */
  delta: number | null;
}

/**
 * `improved` / `regressed`: readiness (an interlock item: health) went up / down: the one definition
 * the list, the counts and `--fail-on-regression` share. `changed`: anything else moved (a level
 * mean, the owner, the quadrant, an item becoming not applicable) and is described, not judged.
 */
export type Direction = 'regressed' | 'improved' | 'changed' | 'added' | 'removed';
export const DIRECTIONS: readonly Direction[] = ['regressed', 'improved', 'changed', 'added', 'removed'];

export interface ItemChange {
  id: string;
  kind: SnapshotItem['kind'];
  title: string;
  direction: Direction;
  /** Responsibility: readiness; interlock: health. */
  readiness: Change;
  capability?: Change;
  capacity?: Change;
  delivery?: Change;
  frequency?: Change;
  priority: Change;
  quadrant?: { before: Quadrant | null; after: Quadrant | null };
  owner?: { before: OwnerView | null; after: OwnerView | null };
  notApplicable: { before: boolean; after: boolean };
  /** The axes (or the owner) someone answered "don't know" on each side: why a missing value is missing. */
  unknown: { before: (Axis | 'owner')[]; after: (Axis | 'owner')[] };
}

export interface SideSummary {
  source: string;
  from: Snapshot['from'];
  bank: Snapshot['bank'];
  respondents: number;
  target: number;
  date?: string;
  summary: Snapshot['summary'];
}

export interface GapChange {
  id: string;
  title: string;
  /** A new gap: its priority now; a closed one: its priority before. */
  priority: number;
}

export interface ClosedGap extends GapChange {
  /** `met`: the target is reached; `unrated`: no longer rated (n/a, unknown, unanswered); `removed`: not in the later bank. */
  reason: 'met' | 'unrated' | 'removed';
}

export interface Regression {
  /** The item, or undefined for the summary readiness. */
  id?: string;
  title: string;
  change: Change;
}

export interface Comparison {
  before: SideSummary;
  after: SideSummary;
  /** Why the numbers may not be comparable: another bank, another target. */
  notes: string[];
  summary: Record<SummaryKey, Change>;
  functions: { id: RecommendedOwner; capability: Change; capacity: Change; readiness: Change }[];
  interlock: { from: Party; to: Party; health: Change }[];
  /** Only the items that changed: regressed first (the largest fall first), then improved, changed, added, removed. */
  items: ItemChange[];
  unchanged: number;
  newGaps: GapChange[];
  closedGaps: ClosedGap[];
  /** What `--fail-on-regression` fails on: the summary readiness, or an item's readiness or health, went down. */
  regressions: Regression[];
  /** `--charter`: whether each decision took and each action's item improved. */
  charter?: CharterTake;
}

function change(before: number | null | undefined, after: number | null | undefined, precision: Precision): Change {
  const b = before ?? null;
  const a = after ?? null;
  return { before: b, after: a, delta: b === null || a === null ? null : rounded(a - b, precision) };
}

/** Something moved: the value changed, or appeared, or went away. */
export function moved(c: Change | undefined): boolean {
  return c !== undefined && (c.delta === null ? c.before !== c.after : c.delta !== 0);
}

function sameOwner(a: OwnerView | null, b: OwnerView | null): boolean {
  return a?.consensus === b?.consensus && a?.status === b?.status && a?.contested === b?.contested;
}

function directionOf(c: Omit<ItemChange, 'direction'>): Direction {
  return c.readiness.delta ? (c.readiness.delta < 0 ? 'regressed' : 'improved') : 'changed';
}

function itemChange(before: SnapshotItem | undefined, after: SnapshotItem | undefined): ItemChange | undefined {
  const item = (after ?? before)!;
  const c: Omit<ItemChange, 'direction'> = {
    id: item.id,
    kind: item.kind,
    title: after?.title ?? before?.title ?? item.id,
    readiness: change(before?.readiness, after?.readiness, 'index'),
    priority: change(before?.priority, after?.priority, 'mean'),
    notApplicable: { before: before?.notApplicable ?? false, after: after?.notApplicable ?? false },
    unknown: { before: before?.unknown ?? [], after: after?.unknown ?? [] },
  };
  if (item.kind === 'interlock') {
    c.delivery = change(before?.delivery, after?.delivery, 'mean');
  } else if (item.kind === 'practice') {
    c.frequency = change(before?.frequency, after?.frequency, 'mean');
  } else {
    c.capability = change(before?.capability, after?.capability, 'mean');
    c.capacity = change(before?.capacity, after?.capacity, 'mean');
    c.quadrant = { before: before?.quadrant ?? null, after: after?.quadrant ?? null };
    c.owner = { before: before?.owner ?? null, after: after?.owner ?? null };
  }
  if (!before || !after) return { ...c, direction: before ? 'removed' : 'added' };
  const changed =
    [c.readiness, c.priority, c.capability, c.capacity, c.delivery, c.frequency].some(moved) ||
    c.quadrant?.before !== c.quadrant?.after ||
    c.notApplicable.before !== c.notApplicable.after ||
    !sameOwner(c.owner?.before ?? null, c.owner?.after ?? null);
  return changed ? { ...c, direction: directionOf(c) } : undefined;
}

function side(s: Snapshot): SideSummary {
  const result: SideSummary = {
    source: s.source,
    from: s.from,
    bank: s.bank,
    respondents: s.respondents,
    target: s.target,
    summary: s.summary,
  };
  if (s.date !== undefined) result.date = s.date;
  return result;
}

function notesOf(before: Snapshot, after: Snapshot): string[] {
  const notes: string[] = [];
  if (before.bank.id !== after.bank.id) {
    notes.push(
      `the two sides use different question banks ("${before.bank.id}" and "${after.bank.id}"): only the items they share are compared`,
    );
  } else if (before.bank.version !== after.bank.version) {
    notes.push(
      `the two sides use different versions of the bank "${before.bank.id}" (${before.bank.version} and ${after.bank.version})`,
    );
  }
  for (const [name, s] of [
    ['before', before],
    ['after', after],
  ] as const)
    if (s.idMapping) notes.push(`${name}: ${s.idMapping}`);
  if (before.target !== after.target) {
    notes.push(
      `the two sides use different targets (${before.target} and ${after.target}): priorities, gaps and quadrants are not like for like`,
    );
  }
  return notes;
}

const byDirection = (a: ItemChange, b: ItemChange) =>
  DIRECTIONS.indexOf(a.direction) - DIRECTIONS.indexOf(b.direction) ||
  Math.abs(b.readiness.delta ?? 0) - Math.abs(a.readiness.delta ?? 0);

function gapChanges(ids: string[], others: string[], items: Map<string, SnapshotItem>): GapChange[] {
  const known = new Set(others);
  return ids
    .filter((id) => !known.has(id))
    .map((id) => ({ id, title: items.get(id)?.title ?? id, priority: items.get(id)?.priority ?? 0 }));
}

function closedReason(item: SnapshotItem | undefined): ClosedGap['reason'] {
  if (!item) return 'removed';
  return axesOf(item.kind).some((axis) => item[axis] === null) ? 'unrated' : 'met';
}

export function compareSnapshots(before: Snapshot, after: Snapshot): Comparison {
  const beforeItems = new Map(before.items.map((i) => [i.id, i]));
  const afterItems = new Map(after.items.map((i) => [i.id, i]));
  const ids = [...afterItems.keys(), ...[...beforeItems.keys()].filter((id) => !afterItems.has(id))];
  const changes: ItemChange[] = [];
  for (const id of ids) {
    const c = itemChange(beforeItems.get(id), afterItems.get(id));
    if (c) changes.push(c);
  }
  // A stable sort: within a direction, the largest readiness move first, then bank order.
  changes.sort(byDirection);

  const summary = {} as Record<SummaryKey, Change>;
  for (const key of SUMMARY_KEYS) summary[key] = change(before.summary[key], after.summary[key], 'index');
  const functions = after.functions.map((f) => {
    const b = before.functions.find((x) => x.id === f.id);
    return {
      id: f.id,
      capability: change(b?.capability, f.capability, 'index'),
      capacity: change(b?.capacity, f.capacity, 'index'),
      readiness: change(b?.readiness, f.readiness, 'index'),
    };
  });
  const interlock = after.interlock.map((i) => {
    const b = before.interlock.find((x) => x.from === i.from && x.to === i.to);
    return { from: i.from, to: i.to, health: change(b?.health, i.health, 'index') };
  });

  const regressions: Regression[] = [];
  if ((summary.readiness.delta ?? 0) < 0) regressions.push({ title: 'summary readiness', change: summary.readiness });
  for (const c of changes) {
    if ((c.readiness.delta ?? 0) < 0) regressions.push({ id: c.id, title: c.title, change: c.readiness });
  }

  return {
    before: side(before),
    after: side(after),
    notes: notesOf(before, after),
    summary,
    functions,
    interlock,
    items: changes,
    unchanged: ids.length - changes.length,
    newGaps: gapChanges(after.gaps, before.gaps, afterItems),
    closedGaps: gapChanges(before.gaps, after.gaps, beforeItems).map((g) => ({
      ...g,
      reason: closedReason(afterItems.get(g.id)),
    })),
    regressions,
  };
}
