import type { Owner } from '../answers/schema.js';
import { itemsById } from '../bank/items.js';
import type { Bank, Party, RecommendedOwner } from '../bank/schema.js';
import type { ItemKind } from '../bank/item-kinds.js';
import { InputError, type Problem } from '../errors.js';
import type { ParsedDocument } from '../document/document.js';
import { validateDocument } from '../document/validate.js';
import { mapOldIds, mappingText } from '../answers/migrate.js';
import type { Axis, Diagnosis, OwnershipStatus, Quadrant } from '../score/model.js';
import { pct, rounded } from '../score/math.js';
import { describeValue } from '../text.js';
import { reportSchema, type ReportJson } from './report-schema.js';

// One side of a comparison, whatever it came from (answers diagnosed now, or a JSON report written
// earlier), with every number rounded as the report prints it. Item readiness is worked out from
// the rounded means on both sides, so a report and the answers it came from compare as equal.

export type SummaryKey = 'readiness' | 'capability' | 'capacity' | 'alignment' | 'interlock' | 'practices' | 'coverage';
export const SUMMARY_KEYS: readonly SummaryKey[] = [
  'readiness',
  'capability',
  'capacity',
  'alignment',
  'interlock',
  'practices',
  'coverage',
];

export interface OwnerView {
  consensus: Owner | null;
  status: OwnershipStatus;
  contested: boolean;
}

export interface SnapshotItem {
  id: string;
  kind: ItemKind;
  title?: string;
  priority: number;
  capability: number | null;
  capacity: number | null;
  delivery: number | null;
  frequency: number | null;
  /** Responsibility: pct(min(C, K)); practice: pct(F); interlock: its health, pct(D). */
  readiness: number | null;
  /** Everyone who answered it said it does not apply. */
  notApplicable: boolean;
  /** The axes (and, bank v3, the owner) someone answered "don't know". */
  unknown: (Axis | 'owner')[];
  quadrant: Quadrant | null;
  owner?: OwnerView;
}

export interface FunctionIndexes {
  id: RecommendedOwner;
  capability: number | null;
  capacity: number | null;
  readiness: number | null;
}

export interface Snapshot {
  /** The path (or `<stdin>`) as given. */
  source: string;
  from: 'answers' | 'report';
  bank: { id: string; version: number };
  respondents: number;
  target: number;
  date?: string;
  summary: Record<SummaryKey, number | null>;
  functions: FunctionIndexes[];
  interlock: { from: Party; to: Party; health: number | null }[];
  items: SnapshotItem[];
  gaps: string[];
  /** How the ids of a report made with an earlier version of the bank were read, when they moved. */
  idMapping?: string;
}

const index = (v: number | null | undefined) => rounded(v, 'index');
const level = (v: number | null | undefined) => rounded(v, 'mean');

function readinessOf(
  item: Pick<SnapshotItem, 'kind' | 'capability' | 'capacity' | 'delivery' | 'frequency'>,
): number | null {
  const { capability, capacity, delivery, frequency } = item;
  if (item.kind === 'interlock') return delivery === null ? null : index(pct(delivery));
  if (item.kind === 'practice') return frequency === null ? null : index(pct(frequency));
  return capability === null || capacity === null ? null : index(pct(Math.min(capability, capacity)));
}

type ItemInput = Pick<SnapshotItem, 'id' | 'kind' | 'title' | 'priority'> & {
  answered?: number;
  notApplicable?: number;
  unknown?: { axis: Axis | 'owner'; count: number }[];
  capability?: number | null;
  capacity?: number | null;
  delivery?: number | null;
  frequency?: number | null;
  quadrant?: Quadrant | null;
  owner?: OwnerView;
};

function snapshotItem(item: ItemInput): SnapshotItem {
  const capability = level(item.capability);
  const capacity = level(item.capacity);
  const delivery = level(item.delivery);
  const frequency = level(item.frequency);
  const values = { kind: item.kind, capability, capacity, delivery, frequency };
  const result: SnapshotItem = {
    id: item.id,
    priority: level(item.priority)!,
    ...values,
    readiness: readinessOf(values),
    notApplicable: (item.answered ?? 0) > 0 && item.notApplicable === item.answered,
    unknown: (item.unknown ?? []).filter((u) => u.count > 0).map((u) => u.axis),
    quadrant: item.quadrant ?? null,
  };
  if (item.title !== undefined) result.title = item.title;
  if (item.owner)
    result.owner = { consensus: item.owner.consensus, status: item.owner.status, contested: item.owner.contested };
  return result;
}

type SnapshotInput = Omit<Snapshot, 'items' | 'summary' | 'functions' | 'interlock'> & {
  /** A report of an earlier version has no practices index. */
  summary: Partial<Record<SummaryKey, number | null>>;
  functions: FunctionIndexes[];
  interlock: Snapshot['interlock'];
  items: ItemInput[];
};

function snapshot(input: SnapshotInput): Snapshot {
  const summary = {} as Record<SummaryKey, number | null>;
  for (const key of SUMMARY_KEYS) summary[key] = index(input.summary[key]);
  return {
    ...input,
    summary,
    functions: input.functions.map((f) => ({
      id: f.id,
      capability: index(f.capability),
      capacity: index(f.capacity),
      readiness: index(f.readiness),
    })),
    interlock: input.interlock.map((i) => ({ from: i.from, to: i.to, health: index(i.health) })),
    items: input.items.map(snapshotItem),
    gaps: [...input.gaps],
  };
}

/** Answers diagnosed now. */
export function snapshotFromDiagnosis(d: Diagnosis, source: string): Snapshot {
  return snapshot({
    source,
    from: 'answers',
    bank: { id: d.bank.id, version: d.bank.version },
    respondents: d.respondents.length,
    target: d.target,
    summary: d.summary,
    functions: d.functions,
    interlock: d.interlock,
    items: d.items,
    gaps: d.gaps,
  });
}

// `schemaVersion` marks a JSON report (any other value is checked, and refused, by the schema).
export { looksLikeReport } from '../document/document.js';

function reportRuleProblems(report: ReportJson, doc: ParsedDocument): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  report.items.forEach((item, i) => {
    if (ids.has(item.id)) {
      problems.push({
        source: doc.source,
        ...doc.locate(['items', i, 'id']),
        path: `items.${i}.id`,
        message: `the item "${item.id}" is listed twice`,
        severity: 'error',
      });
    }
    ids.add(item.id);
  });
  report.gaps.forEach((id, i) => {
    if (!ids.has(id)) {
      problems.push({
        source: doc.source,
        ...doc.locate(['gaps', i]),
        path: `gaps.${i}`,
        message: 'a gap that is not among the items',
        found: describeValue(id),
        expected: 'an id from items',
        severity: 'error',
      });
    }
  });
  return problems;
}

/** A JSON report written earlier by `assess` or `report`, checked against the published contract. */
export function snapshotFromReportDocument(doc: ParsedDocument): Snapshot {
  const kind = (doc.data as { kind?: unknown }).kind;
  if (kind === 'comparison') {
    throw new InputError([
      {
        source: doc.source,
        ...doc.locate(['kind']),
        path: 'kind',
        message: 'this is the output of pm-diag compare, not a report',
        expected: 'an answers file, a folder, a CSV export or a JSON report of assess/report',
        severity: 'error',
      },
    ]);
  }
  const { value, problems } = validateDocument(reportSchema, doc);
  if (!value) throw new InputError(problems);
  const ruleProblems = reportRuleProblems(value, doc);
  if (ruleProblems.length > 0) throw new InputError(ruleProblems);
  return snapshot({
    source: doc.source,
    from: 'report',
    bank: value.bank,
    respondents: Array.isArray(value.respondents) ? value.respondents.length : value.respondents,
    target: value.target,
    date: value.date ?? value.generatedAt,
    summary: value.summary,
    functions: value.functions,
    interlock: value.interlock,
    items: value.items,
    gaps: value.gaps,
  });
}

/**
 * A side in the terms of the bank the comparison uses (when it is that bank): a JSON report of an
 * earlier version has its ids followed through the bank's migrations, so each item meets the one it
 * became, as an answers file's would; a side without titles (a JSON report) gets the bank's.
 */
export function inBankTerms(side: Snapshot, bank: Bank | undefined): Snapshot {
  if (!bank || bank.id !== side.bank.id) return side;
  const items = itemsById(bank);
  let moved = side;
  if (side.from === 'report' && side.bank.version < bank.version) {
    const present = new Set(side.items.map((i) => i.id));
    const mapping = mapOldIds(present, bank, side.bank.version, (id) => present.has(id));
    const current = (id: string) => mapping.to.get(id) ?? id;
    if (mapping.moved.length + mapping.setAside.length > 0) {
      moved = {
        ...side,
        items: side.items.map((i) => (mapping.to.get(i.id) ? { ...i, id: current(i.id) } : i)),
        gaps: side.gaps.map(current),
        idMapping: `its ids of version ${side.bank.version} are read as version ${bank.version}: ${mappingText(mapping, 'kept under their old ids, so listed as removed')}`,
      };
    }
  }
  return {
    ...moved,
    items: moved.items.map((i) => (i.title !== undefined ? i : { ...i, title: items.get(i.id)?.title })),
  };
}
