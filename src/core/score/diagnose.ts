import type { Owner, Role } from '../answers/schema.js';
import { AXES, axesOf } from '../bank/item-kinds.js';
import { bankItems, functionName, ownerAt, type BankItem } from '../bank/items.js';
import {
  NAMED_FUNCTIONS,
  RECOMMENDED_OWNERS,
  type Bank,
  type Form,
  type FunctionId,
  type NamedFunction,
  type Party,
} from '../bank/schema.js';
import type { FactValue } from '../answers/schema.js';
import type { Charter } from '../charter/schema.js';
import type {
  Axis,
  CharterDecision,
  CharterOutcome,
  Diagnosis,
  Disagreement,
  HandoffPerception,
  InterlockScore,
  ItemScore,
  OwnershipStatus,
  PerceptionGap,
  PracticeScore,
  Quadrant,
  ResponsibilityScore,
  RespondentSummary,
  ScoreOptions,
  UnevidencedClaim,
} from './model.js';
import type { ItemAnswer, Respondent } from '../answers/respondent.js';
import { byText } from '../text.js';
import { isAnswered, missingOf, sectionOf, type Missing } from './answered.js';
import { mean, pct, shortfall, spread, weightedIndex } from './math.js';
import {
  askedOf,
  combinedExpected,
  formAsks,
  defaultTarget as defaultTargetOf,
  itemTarget,
  itemsInScope,
  mostFrequent,
  resolveScope,
  respondentForm,
  type Scope,
} from '../answers/scope.js';

// The scoring model of docs/design.md, as one pure function: bank + respondents + options → Diagnosis.
// One respondent is simply N = 1. Nothing is rounded here: renderers round at output.

const DISAGREEMENT_SPREAD = 2;
const CONTESTED_SHARE = 2 / 3;
const PERCEPTION_ITEMS = 5;
/** Giver and receiver this many levels apart or more: a handoff seen differently by its two sides. */
const HANDOFF_GAP = 1;
/**
 * From bank version 3 a hand-off or practice priority is `2 × w × shortfall`, on the scale of a
 * responsibility's two terms, and a hand-off's delivery is judged by its receivers.
 */
const V3 = 3;
/** Exported for the reports, which show the factor in each priority's formula. */
export const handoffFactor = (bank: Pick<Bank, 'version'>): number => (bank.version >= V3 ? 2 : 1);
/** Whether a bank's hand-offs are judged by their receivers (the reports say so beside the delivery). */
export const receiversJudge = (bank: Pick<Bank, 'version'>): boolean => bank.version >= V3;
/** A capability from this level on is a claim that evidence should back. */
export const EVIDENCED_LEVEL = 3;
/** Names listed per answer in a disagreement; the count always covers everyone. */
export const NAMED_PER_ANSWER = 8;

/** The numeric answers on one axis, in respondent order (unknown and n/a left out), of the respondents `include` keeps. */
function levels(rated: Rated, axis: Axis, include: (respondent: number) => boolean): number[] {
  const values: number[] = [];
  for (let k = 0; k < rated.answers.length; k++) {
    const v = rated.answers[k]![axis];
    if (typeof v === 'number' && include(rated.who[k]!)) values.push(v);
  }
  return values;
}

export function quadrantOf(capability: number | null, capacity: number | null, target: number): Quadrant | null {
  if (capability === null || capacity === null) return null;
  if (capability >= target) return capacity >= target ? 'strength' : 'stretched';
  return capacity >= target ? 'underskilled' : 'critical';
}

/** Most frequent owner answer; a tie is `unclear`. */
export function consensusOwner(votes: Partial<Record<Owner, number>>): { consensus: Owner | null; contested: boolean } {
  const entries = Object.entries(votes) as [Owner, number][];
  const total = entries.reduce((n, [, c]) => n + c, 0);
  if (total === 0) return { consensus: null, contested: false };
  const top = Math.max(...entries.map(([, c]) => c));
  const leaders = entries.filter(([, c]) => c === top).map(([o]) => o);
  const consensus = leaders.length === 1 ? leaders[0]! : 'unclear';
  return { consensus, contested: (votes[consensus] ?? 0) / total < CONTESTED_SHARE };
}

/** docs/design.md "Ownership": the consensus owner against the accountable one, at a stage that may expect a combined role. */
export function ownershipStatus(recommended: string, consensus: Owner | null, combinedOk = false): OwnershipStatus {
  if (consensus === null) return 'unanswered';
  if (consensus === recommended || (consensus === 'combined' && combinedOk && recommended !== 'leadership'))
    return 'aligned';
  if (consensus === 'none') return 'orphaned';
  if (consensus === 'unclear' || consensus === 'combined' || (consensus === 'shared' && recommended !== 'shared'))
    return 'blurred';
  if (recommended === 'shared' && (consensus === 'pm' || consensus === 'pmm')) return 'partial';
  return 'misassigned';
}

/** What a respondent answered, as the report lists it: respondents who answered alike share one. */
interface AnsweredShape {
  coverage: number;
  sections: string[];
  askedSections: string[];
}

/** A respondent as the report lists them: who and from where are the respondent's own, read when shown. */
class Listed implements RespondentSummary {
  constructor(
    private readonly respondent: Respondent,
    private readonly shape: AnsweredShape,
  ) {}

  get name(): string | undefined {
    return this.respondent.name;
  }

  get role(): Role | undefined {
    return this.respondent.role;
  }

  get source(): string {
    return this.respondent.source;
  }

  get coverage(): number {
    return this.shape.coverage;
  }

  get sections(): string[] {
    return this.shape.sections;
  }

  get askedSections(): string[] {
    return this.shape.askedSections;
  }
}

/**
 * Each respondent as the report lists them. What a form asks is worked out once per form, and each
 * distinct shape of answers is made once: a million respondents give a few.
 */
function listedOf(items: readonly BankItem[], respondents: Respondent[], scope: Scope): RespondentSummary[] {
  const forms = new Map<
    Form,
    { asked: BankItem[]; at: number[]; sections: string[]; shapes: Map<string, AnsweredShape> }
  >();
  const formOf = (form: Form) => {
    let known = forms.get(form);
    if (!known) {
      const asked = items.filter((item) => formAsks(form, item));
      const sections = [...new Set(asked.map(sectionOf))];
      const at = asked.map((item) => sections.indexOf(sectionOf(item)));
      forms.set(form, (known = { asked, at, sections, shapes: new Map() }));
    }
    return known;
  };
  return respondents.map((r) => {
    const { asked, at, sections, shapes } = formOf(respondentForm(r, scope));
    let answered = 0;
    // The answered sections in the order first answered, as one character each.
    let key = '';
    for (let k = 0; k < asked.length; k++) {
      if (!isAnswered(r.answers.get(asked[k]!.id), asked[k]!.kind)) continue;
      answered++;
      const section = String.fromCharCode(at[k]!);
      if (!key.includes(section)) key += section;
    }
    const shapeKey = `${answered}/${key}`;
    let shape = shapes.get(shapeKey);
    if (!shape) {
      shape = {
        coverage: asked.length === 0 ? 0 : (100 * answered) / asked.length,
        sections: [...key].map((c) => sections[c.charCodeAt(0)]!),
        askedSections: sections,
      };
      shapes.set(shapeKey, shape);
    }
    return new Listed(r, shape);
  });
}

function respondentLabel(r: Respondent, index: number): string {
  return r.name ?? `respondent ${index + 1}${r.role ? ` (${r.role})` : ''}`;
}

/**
 * The answers an item was given (n/a aside), in respondent order, each with its respondent's index: only
 * those who answered, since a million respondents each answer a few items.
 */
interface Rated {
  who: number[];
  answers: ItemAnswer[];
}

interface Collected {
  rated: Rated;
  /** The numeric answers on each axis, in respondent order. */
  levels: Record<Axis, number[]>;
  answered: number;
  notApplicable: number;
  /** Respondents asked the item (docs/design.md "Mixed forms"). */
  asked: number;
}

/**
 * How many answers (n/a aside) each item was given, at most: the lists of an item's answers are made
 * that long and cut to what they hold, not grown as they are filled (a million respondents).
 */
function answerCounts(respondents: Respondent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of respondents) {
    r.answers.forEach((a, id) => {
      if (a !== 'n/a') counts.set(id, (counts.get(id) ?? 0) + 1);
    });
  }
  return counts;
}

function collect(item: BankItem, respondents: Respondent[], scope: Scope, most: number): Collected {
  const rated: Rated = { who: new Array<number>(most), answers: new Array<ItemAnswer>(most) };
  const rates = new Set<Axis>(axesOf(item.kind));
  const levels = Object.fromEntries(AXES.map((axis) => [axis, new Array<number>(rates.has(axis) ? most : 0)]));
  const filled = Object.fromEntries(AXES.map((axis) => [axis, 0])) as Record<Axis, number>;
  let count = 0;
  let answered = 0;
  let notApplicable = 0;
  let asked = 0;
  respondents.forEach((r, i) => {
    // An item a respondent's form did not ask is neither their answer nor their gap.
    const a = askedOf(r, item, scope) ? (asked++, r.answers.get(item.id)) : undefined;
    if (isAnswered(a, item.kind)) answered++;
    if (a === 'n/a') notApplicable++;
    if (a === undefined || a === 'n/a') return;
    rated.who[count] = i;
    rated.answers[count++] = a;
    for (const axis of rates) {
      const level = a[axis];
      if (typeof level === 'number') levels[axis]![filled[axis]++] = level;
    }
  });
  rated.who.length = rated.answers.length = count;
  for (const axis of AXES) levels[axis]!.length = filled[axis];
  return { rated, levels: levels as Record<Axis, number[]>, answered, notApplicable, asked };
}

function unknownCounts(rated: Rated, axes: readonly (Axis | 'owner')[]) {
  return axes
    .map((axis) => ({ axis, count: rated.answers.filter((a) => a[axis] === 'unknown').length }))
    .filter((u) => u.count > 0);
}

function notesOf(rated: Rated, respondents: Respondent[]) {
  const notes: ItemScore['notes'] = [];
  rated.answers.forEach((a, k) => {
    const i = rated.who[k]!;
    const role = respondents[i]!.role;
    if (a.note)
      notes.push({ respondent: respondentLabel(respondents[i]!, i), ...(role ? { role } : {}), note: a.note });
  });
  return notes;
}

/** How many rated capability 3 or more, how many of them without evidence text, and the first few of those. */
function claimsOf(rated: Rated): { claims: number; unevidenced: number; first: number[] } {
  const found = { claims: 0, unevidenced: 0, first: [] as number[] };
  rated.answers.forEach((a, k) => {
    if (typeof a.capability !== 'number' || a.capability < EVIDENCED_LEVEL) return;
    found.claims++;
    if (a.evidence) return;
    if (found.unevidenced++ < NAMED_PER_ANSWER) found.first.push(rated.who[k]!);
  });
  return found;
}

/** The mean delivery as rated by the respondents whose role is `role`. */
const deliveryBy = (role: Party, rated: Rated, respondents: Respondent[]) =>
  mean(levels(rated, 'delivery', (i) => respondents[i]!.role === role));

interface ItemContext {
  charter?: Charter;
  respondents: Respondent[];
  stage: string | null;
  defaultTarget: number;
  combinedOk: boolean;
  /** 2 from bank version 3: hand-offs and practices rank on a responsibility's scale. */
  handoffFactor: number;
  /** From bank version 3: a hand-off's delivery is its receivers' mean, when any answered. */
  receiversJudge: boolean;
}

function scoreItem(item: BankItem, collected: Collected, context: ItemContext): ItemScore {
  const { rated, levels, answered, notApplicable } = collected;
  const { respondents, stage, defaultTarget, combinedOk } = context;
  const { id, title, question, weight, discussion } = item;
  // The bank's own decision wording, only when it has one (JSON shows null otherwise).
  const decision = item.decision === undefined ? {} : { decision: item.decision };
  const target = itemTarget(item, stage, defaultTarget);
  // What every kind of item reports, in the order every score lists it.
  const common = {
    id,
    title,
    question,
    weight,
    target,
    discussion,
    ...decision,
    answered,
    notApplicable,
    notes: notesOf(rated, respondents),
  };
  if (item.kind === 'practice') {
    const frequency = mean(levels.frequency);
    const score: PracticeScore = {
      ...common,
      kind: 'practice',
      area: item.area,
      frequency,
      readiness: frequency === null ? null : pct(frequency),
      priority: context.handoffFactor * weight * shortfall(target, frequency),
      unknown: unknownCounts(rated, axesOf('practice')),
      levels: { frequency: levels.frequency },
    };
    return score;
  }
  if (item.kind === 'interlock') {
    const giver = deliveryBy(item.from, rated, respondents);
    const receiver = deliveryBy(item.to, rated, respondents);
    const delivery = context.receiversJudge && receiver !== null ? receiver : mean(levels.delivery);
    const score: InterlockScore = {
      ...common,
      kind: 'interlock',
      from: item.from,
      to: item.to,
      delivery,
      health: delivery === null ? null : pct(delivery),
      deliveryBySide: { giver, receiver },
      priority: context.handoffFactor * weight * shortfall(target, delivery),
      unknown: unknownCounts(rated, axesOf('interlock')),
      levels: { delivery: levels.delivery },
    };
    return score;
  }
  const capability = mean(levels.capability);
  const capacity = mean(levels.capacity);
  // "I don't know" is a knowledge gap, not a vote: it is left out of the consensus.
  const votes: Partial<Record<Owner, number>> = {};
  for (const a of rated.answers) if (a.owner && a.owner !== 'unknown') votes[a.owner] = (votes[a.owner] ?? 0) + 1;
  const { consensus, contested } = consensusOwner(votes);
  const accountable = ownerAt(item, stage);
  // The charter's decision, where it has one, is the accountable owner the consensus is measured against.
  const decided = context.charter?.decisions.get(id);
  const score: ResponsibilityScore = {
    ...common,
    kind: 'responsibility',
    area: item.area,
    capability,
    capacity,
    readiness: capability === null || capacity === null ? null : pct(Math.min(capability, capacity)),
    quadrant: quadrantOf(capability, capacity, target),
    priority: weight * (shortfall(target, capability) + shortfall(target, capacity)),
    unevidenced: claimsOf(rated).unevidenced,
    owner: {
      recommended: accountable.owner,
      contributors: accountable.contributors ?? [],
      ...(decided ? { decided } : {}),
      consensus,
      status: ownershipStatus(decided?.owner ?? accountable.owner, consensus, combinedOk),
      contested,
      votes,
    },
    unknown: unknownCounts(rated, ['owner', ...axesOf('responsibility')]),
    levels: { capability: levels.capability, capacity: levels.capacity },
  };
  return score;
}

const pctOrNull = (v: number | null) => (v === null ? null : pct(v));

function groupIndexes(items: ResponsibilityScore[]) {
  return {
    capability: weightedIndex(items.map((i) => ({ weight: i.weight, value: pctOrNull(i.capability) }))),
    capacity: weightedIndex(items.map((i) => ({ weight: i.weight, value: pctOrNull(i.capacity) }))),
    readiness: weightedIndex(items.map((i) => ({ weight: i.weight, value: i.readiness }))),
  };
}

/** An area's indexes: capability and capacity over its responsibilities, readiness over its practices too. */
function areaIndexes(area: Bank['areas'][number], responsibilities: ResponsibilityScore[], practices: PracticeScore[]) {
  const own = responsibilities.filter((i) => i.area.id === area.id);
  const indexes = groupIndexes(own);
  const ownPractices = practices.filter((i) => i.area.id === area.id);
  if (ownPractices.length === 0) return { id: area.id, title: area.title, ...indexes };
  const readiness = weightedIndex([...own, ...ownPractices].map((i) => ({ weight: i.weight, value: i.readiness })));
  return { id: area.id, title: area.title, ...indexes, readiness };
}

function interlockHealth(items: InterlockScore[]): number | null {
  return weightedIndex(items.map((i) => ({ weight: i.weight, value: i.health })));
}

/** Items with priority > 0: by priority descending, then weight descending, then bank order. */
export function rankGaps(items: ItemScore[]): string[] {
  return items
    .map((item, order) => ({ item, order }))
    .filter(({ item }) => item.priority > 0)
    .sort((a, b) => b.item.priority - a.item.priority || b.item.weight - a.item.weight || a.order - b.order)
    .map(({ item }) => item.id);
}

function disagreementsOf(
  items: ItemScore[],
  collected: Map<string, Collected>,
  respondents: Respondent[],
): Disagreement[] {
  if (respondents.length < 2) return [];
  const found: Disagreement[] = [];
  for (const score of items) {
    const { rated, levels } = collected.get(score.id)!;
    const who = (axis: Axis | 'owner'): Disagreement['groups'] => {
      const groups = new Map<string | number, Disagreement['groups'][number]>();
      for (let k = 0; k < rated.answers.length; k++) {
        const i = rated.who[k]!;
        const value = rated.answers[k]![axis];
        if (value === undefined || (axis !== 'owner' && typeof value !== 'number')) continue;
        let group = groups.get(value);
        if (!group) groups.set(value, (group = { value: String(value), count: 0, respondents: [] }));
        group.count++;
        if (group.respondents.length < NAMED_PER_ANSWER)
          group.respondents.push({ name: respondentLabel(respondents[i]!, i), role: respondents[i]!.role });
      }
      const order = (v: string) => (Number.isFinite(Number(v)) ? Number(v) : Infinity);
      return [...groups.values()].sort((a, b) => order(a.value) - order(b.value) || byText(a.value, b.value));
    };
    for (const axis of axesOf(score.kind)) {
      const s = spread(levels[axis]);
      if (s !== null && s >= DISAGREEMENT_SPREAD) found.push({ id: score.id, axis, spread: s, groups: who(axis) });
    }
    if (score.kind === 'responsibility' && score.owner.contested)
      found.push({ id: score.id, axis: 'owner', spread: null, groups: who('owner') });
  }
  // The widest spreads first; contested owners after the numbers; bank order otherwise.
  return found
    .map((x, order) => ({ x, order }))
    .sort((a, b) => (b.x.spread ?? -1) - (a.x.spread ?? -1) || a.order - b.order)
    .map(({ x }) => x);
}

/** How a function rates its own items against how everyone else rates them. */
function perceptionOf(
  items: readonly BankItem[],
  collected: Map<string, Collected>,
  respondents: Respondent[],
  stage: string | null,
): PerceptionGap[] {
  if (respondents.length < 2 || !respondents.some((r) => r.role === 'pm' || r.role === 'pmm')) return [];
  return (['pm', 'pmm'] as FunctionId[]).map((f) => {
    const own = items.filter((i) => i.kind === 'responsibility' && ownerAt(i, stage).owner === f);
    const isSelf = (i: number) => respondents[i]!.role === f;
    const isOther = (i: number) => respondents[i]!.role !== f;
    const capabilityMean = (item: BankItem, group: (i: number) => boolean) =>
      mean(levels(collected.get(item.id)!.rated, 'capability', group));
    const means = own.map((item) => ({
      item,
      self: capabilityMean(item, isSelf),
      others: capabilityMean(item, isOther),
    }));
    const index = (group: 'self' | 'others', include: (i: number) => boolean) =>
      respondents.some((_, i) => include(i))
        ? weightedIndex(means.map((m) => ({ weight: m.item.weight, value: pctOrNull(m[group]) })))
        : null;
    const selfIndex = index('self', isSelf);
    const othersIndex = index('others', isOther);
    const differing = means
      .map(({ item, self, others }) => ({ id: item.id, self, others }))
      .filter((d): d is { id: string; self: number; others: number } => d.self !== null && d.others !== null)
      .map((d) => ({ ...d, difference: d.self - d.others }))
      .filter((d) => d.difference !== 0)
      .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference))
      .slice(0, PERCEPTION_ITEMS);
    return {
      function: f,
      self: selfIndex,
      others: othersIndex,
      gap: selfIndex === null || othersIndex === null ? null : selfIndex - othersIndex,
      items: differing,
    };
  });
}

/** Each role's readiness per area, from the answers of that role's respondents alone; roles in the order first met. */
function areaRolesOf(
  bank: Bank,
  items: ResponsibilityScore[],
  collected: Map<string, Collected>,
  respondents: Respondent[],
): Diagnosis['areaRoles'] {
  if (respondents.length < 2) return [];
  const roles = new Set<Role>();
  for (const r of respondents) if (r.role) roles.add(r.role);
  // Each item's answers split by role in one pass, not looked through once per role.
  const byRole = new Map<string, Map<Role, Rated>>();
  const ratedBy = (id: string, role: Role): Rated => {
    let split = byRole.get(id);
    if (!split) {
      byRole.set(id, (split = new Map()));
      const { rated } = collected.get(id)!;
      rated.answers.forEach((answer, k) => {
        const who = rated.who[k]!;
        const role = respondents[who]!.role;
        if (role === undefined) return;
        let part = split!.get(role);
        if (!part) split!.set(role, (part = { who: [], answers: [] }));
        part.who.push(who);
        part.answers.push(answer);
      });
    }
    return split.get(role) ?? { who: [], answers: [] };
  };
  const all = () => true;
  return [...roles].map((role) => {
    const members = respondents.filter((r) => r.role === role);
    const readiness = (item: ResponsibilityScore) => {
      const rated = ratedBy(item.id, role);
      const capability = mean(levels(rated, 'capability', all));
      const capacity = mean(levels(rated, 'capacity', all));
      return capability === null || capacity === null ? null : pct(Math.min(capability, capacity));
    };
    // Why a role has no readiness in an area: "don't know", n/a, or nothing answered, as a report marks it.
    const missing = (areaItems: ResponsibilityScore[]): Missing =>
      missingOf(
        areaItems.map((item) => {
          const answers = members.map((r) => r.answers.get(item.id));
          const unknown = answers.filter(
            (a) => a !== undefined && a !== 'n/a' && (a.capability === 'unknown' || a.capacity === 'unknown'),
          ).length;
          return { unknown, notApplicable: answers.filter((a) => a === 'n/a').length };
        }),
      );
    const areas = bank.areas.map((area) => {
      const areaItems = items.filter((i) => i.area.id === area.id);
      const value = weightedIndex(areaItems.map((i) => ({ weight: i.weight, value: readiness(i) })));
      return value === null
        ? { id: area.id, readiness: value, missing: missing(areaItems) }
        : { id: area.id, readiness: value };
    });
    return { role, areas };
  });
}

/** Interlock items whose giver and receiver differ by a level or more: the widest first, then bank order. */
function handoffPerceptionOf(items: InterlockScore[]): HandoffPerception[] {
  const found: HandoffPerception[] = [];
  for (const { id, from, to, deliveryBySide } of items) {
    const { giver, receiver } = deliveryBySide;
    if (giver !== null && receiver !== null && Math.abs(giver - receiver) >= HANDOFF_GAP)
      found.push({ id, from, to, giver, receiver, difference: giver - receiver });
  }
  return found
    .map((x, order) => ({ x, order }))
    .sort((a, b) => Math.abs(b.x.difference) - Math.abs(a.x.difference) || a.order - b.order)
    .map(({ x }) => x);
}

/** Capability claims of 3 or more without evidence, by responsibility in bank order. */
function unevidencedClaimsOf(
  items: ResponsibilityScore[],
  collected: Map<string, Collected>,
  respondents: Respondent[],
): UnevidencedClaim[] {
  return items.flatMap((item) => {
    if (item.unevidenced === 0) return [];
    const { rated } = collected.get(item.id)!;
    const { claims, first } = claimsOf(rated);
    return [
      {
        id: item.id,
        claims,
        unevidenced: item.unevidenced,
        respondents: first.map((i) => respondentLabel(respondents[i]!, i)),
      },
    ];
  });
}

/** Each organization fact the respondents gave, the most frequent answer (a tie: the first given), in bank order. */
function factsOf(bank: Bank, respondents: Respondent[]): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {};
  for (const fact of Object.keys(bank.facts ?? {})) {
    const { value } = mostFrequent(respondents, (r) => r.facts?.[fact]);
    if (value !== undefined) facts[fact] = value;
  }
  return facts;
}

/** Each given fact's answer for people: its option's label, or the number. */
function factLabelsOf(bank: Bank, facts: Record<string, FactValue>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(facts).map(([fact, value]) => [fact, bank.facts?.[fact]?.options?.[String(value)] ?? String(value)]),
  );
}

/** The function groups: PM, PMM, shared and leadership, then every other accountable owner at this stage. */
function functionGroups(responsibilities: ResponsibilityScore[]): (typeof RECOMMENDED_OWNERS)[number][] {
  const present = new Set(responsibilities.map((i) => i.owner.recommended));
  return RECOMMENDED_OWNERS.filter(
    (id) => id === 'pm' || id === 'pmm' || id === 'shared' || id === 'leadership' || present.has(id),
  );
}

/** Every (from, to) pair of the hand-offs in scope, in bank order. */
function directionsOf(interlock: InterlockScore[]): [Party, Party][] {
  const pairs = new Map<string, [Party, Party]>();
  for (const { from, to } of interlock) if (!pairs.has(`${from}>${to}`)) pairs.set(`${from}>${to}`, [from, to]);
  return [...pairs.values()];
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The charter against the report: each decision over an item in scope, and the actions, overdue first. */
function charterOutcome(charter: Charter, items: ResponsibilityScore[], date: string): CharterOutcome {
  const decisions: CharterDecision[] = items.flatMap(({ id, owner }) => {
    const d = owner.decided;
    if (d === undefined) return [];
    return [
      {
        id,
        ...d,
        recommended: owner.recommended,
        recommendedContributors: owner.contributors,
        departs: d.owner !== owner.recommended || !sameSet(d.contributors, owner.contributors),
        status: owner.status,
        contested: owner.contested,
      },
    ];
  });
  const actions = charter.actions
    .map((a, order) => ({ a: { ...a, overdue: a.status === 'open' && a.due < date }, order }))
    .sort((x, y) => Number(y.a.overdue) - Number(x.a.overdue) || byText(x.a.due, y.a.due) || x.order - y.order)
    .map(({ a }) => a);
  return {
    source: charter.source,
    ...(charter.organization ? { organization: charter.organization } : {}),
    decided: charter.decided,
    decisions,
    outOfScope: charter.decisions.size - decisions.length,
    actions,
  };
}

/** Today's date in UTC, YYYY-MM-DD. */
const today = (): string => new Date().toISOString().slice(0, 10);

export function diagnose(bank: Bank, respondents: Respondent[], options: ScoreOptions = {}): Diagnosis {
  const scope = resolveScope(bank, respondents, options);
  const { stage } = scope;
  const defaultTarget = defaultTargetOf(bank, stage, options.target);
  // Out-of-scope items are left out of every number and list below; their answers stay in the respondents.
  const bankItemsInScope = itemsInScope(bankItems(bank), scope);
  // Each item's answers are gathered once, and every measure below reads them.
  const counts = answerCounts(respondents);
  const collected = new Map(
    bankItemsInScope.map((item) => [item.id, collect(item, respondents, scope, counts.get(item.id) ?? 0)]),
  );
  const date = options.date ?? today();
  const context: ItemContext = {
    charter: options.charter,
    respondents,
    stage,
    defaultTarget,
    combinedOk: combinedExpected(bank, stage),
    handoffFactor: handoffFactor(bank),
    receiversJudge: receiversJudge(bank),
  };
  const items = bankItemsInScope.map((item) => scoreItem(item, collected.get(item.id)!, context));
  const responsibilities = items.filter((i): i is ResponsibilityScore => i.kind === 'responsibility');
  const interlock = items.filter((i): i is InterlockScore => i.kind === 'interlock');
  const practices = items.filter((i): i is PracticeScore => i.kind === 'practice');
  const ownedItems = responsibilities.filter((i) => i.owner.status !== 'unanswered');
  const alignedWeight = ownedItems.filter((i) => i.owner.status === 'aligned').reduce((n, i) => n + i.weight, 0);
  const ownedWeight = ownedItems.reduce((n, i) => n + i.weight, 0);
  const askedCount = (id: string) => collected.get(id)!.asked;
  const totalPairs = items.reduce((n, i) => n + askedCount(i.id), 0);
  const answeredPairs = items.reduce((n, i) => n + i.answered, 0);
  const overall = groupIndexes(responsibilities);
  const facts = factsOf(bank, respondents);
  return {
    bank: { id: bank.id, version: bank.version, title: bank.title },
    organization: respondents.find((r) => r.organization)?.organization,
    stage,
    stageTitle: stage === null ? null : (bank.stages?.[stage]?.title ?? stage),
    ...(scope.stageSource === null ? {} : { stageSource: scope.stageSource }),
    facts,
    factLabels: factLabelsOf(bank, facts),
    form: scope.form,
    forms: scope.forms,
    outOfScope: bankItems(bank).length - items.length,
    notices: scope.notices,
    date,
    target: defaultTarget,
    respondents: listedOf(bankItemsInScope, respondents, scope),
    functionNames: Object.fromEntries(NAMED_FUNCTIONS.map((f) => [f, functionName(bank, f)])) as Record<
      NamedFunction,
      string
    >,
    summary: {
      readiness: overall.readiness,
      capability: overall.capability,
      capacity: overall.capacity,
      alignment: ownedWeight === 0 ? null : (100 * alignedWeight) / ownedWeight,
      interlock: interlockHealth(interlock),
      practices: weightedIndex(practices.map((i) => ({ weight: i.weight, value: i.readiness }))),
      coverage: totalPairs === 0 ? 0 : (100 * answeredPairs) / totalPairs,
    },
    functions: functionGroups(responsibilities).map((id) => ({
      id,
      ...groupIndexes(responsibilities.filter((i) => i.owner.recommended === id)),
    })),
    areas: bank.areas.map((area) => areaIndexes(area, responsibilities, practices)),
    interlock: directionsOf(interlock).map(([from, to]) => ({
      from,
      to,
      health: interlockHealth(interlock.filter((i) => i.from === from && i.to === to)),
    })),
    items,
    gaps: rankGaps(items),
    disagreements: disagreementsOf(items, collected, respondents),
    perception: perceptionOf(bankItemsInScope, collected, respondents, stage),
    areaRoles: areaRolesOf(bank, responsibilities, collected, respondents),
    handoffPerception: handoffPerceptionOf(interlock),
    unevidenced: unevidencedClaimsOf(responsibilities, collected, respondents),
    knowledgeGaps: {
      unknown: items.flatMap((i) => i.unknown.map((u) => ({ id: i.id, axis: u.axis, count: u.count }))),
      unanswered: items
        .filter((i) => i.answered < askedCount(i.id))
        .map((i) => ({ id: i.id, respondents: askedCount(i.id) - i.answered })),
    },
    ...(options.charter ? { charter: charterOutcome(options.charter, responsibilities, date) } : {}),
  };
}
