import type { Choice, ProfileBank, Rater, Side } from './schema.js';
import { groups, questions, type Group } from './sequence.js';

// docs/design.md "The profile" (version 2). Each answer counts +1 toward the right-hand end of its
// scale (outbound, or a style's right pole) and −1 toward the left; a pair shown twice counts the mean
// of its answers, so every pair weighs the same. Tendency = 100 × Σ / pairs answered (−100 … 100),
// overall and per dimension, over the inbound/outbound pairs only; the styles are scored the same
// way on their own scales and never enter the tendency.
//
// Consistency = 100 × (2 × same / compared − 1), at least 0: how much more often than chance a
// repeated pair got the same answer the second time (0 is what answering at random gives, 100 is
// every pair the same). The label needs at least 70% of the questions answered and a consistency of
// 60 or more (same answer on 80% of the repeated pairs); else it is `inconclusive`, with the reasons.
// An interviewer's scoring sheet repeats nothing, so it needs only the 70%.
//
// Exact numbers here; rounding happens only in the renderers. Pure: no I/O.

export const LABELS = ['strongly inbound', 'leans inbound', 'balanced', 'leans outbound', 'strongly outbound'] as const;
export type Label = (typeof LABELS)[number];
export const INCONCLUSIVE = 'inconclusive';
/** A label, or `inconclusive` when the answers cannot be read. */
export type ResultLabel = Label | typeof INCONCLUSIVE;

/** The share of questions that must be answered for a label. */
export const MIN_ANSWERED = 0.7;
/** The consistency a person's own answers need for a label. */
export const MIN_CONSISTENCY = 60;
/** A pattern of always the first (or always the second) statement: shown in the reason from this share on. */
const POSITION_PATTERN = 0.9;

/** The label of a tendency: ≤ −50, < −15, ≤ 15, < 50, ≥ 50. Read from the exact value, never a rounded one. */
export function labelOf(tendency: number | null): Label | null {
  if (tendency === null) return null;
  if (tendency <= -50) return 'strongly inbound';
  if (tendency < -15) return 'leans inbound';
  if (tendency <= 15) return 'balanced';
  if (tendency < 50) return 'leans outbound';
  return 'strongly outbound';
}

/** Which way a label leans: the side whose strengths and pairing advice apply, `balanced`, or null (no label, or inconclusive). */
export function sideOf(label: ResultLabel | null): Side | 'balanced' | null {
  if (label === null || label === INCONCLUSIVE) return null;
  if (label === 'balanced') return 'balanced';
  return label.endsWith('inbound') ? 'inbound' : 'outbound';
}

/** 100 × Σ / answered; null when nothing was answered. Multiplied first, so boundary values such as −15 come out exact. */
export function tendencyOf(sum: number, answered: number): number | null {
  return answered === 0 ? null : (100 * sum) / answered;
}

/** 100 × (2 × same / compared − 1), at least 0; null when nothing was compared. */
export function consistencyOf(same: number, compared: number): number | null {
  return compared === 0 ? null : Math.max(0, (100 * (2 * same - compared)) / compared);
}

export interface DimensionResult {
  id: string;
  title: string;
  tendency: number | null;
  /** Null when none of its pairs was answered; `inconclusive` when the whole profile is. */
  label: ResultLabel | null;
  /** Pairs answered at least once. */
  answered: number;
  /** Pairs. */
  items: number;
}

export interface StyleResult {
  id: string;
  title: string;
  left: string;
  right: string;
  /** −100 (every answer toward the left pole) … +100 (toward the right); null when nothing was answered. */
  score: number | null;
  /** The pole the answers lean to (beyond ±15), `neither`, or null with no answers. */
  leans: string | null;
  answered: number;
  items: number;
}

export interface Consistency {
  /** 0–100; null when too few repeated pairs were answered both times to say. */
  value: number | null;
  /** Pairs the profile repeats. */
  repeated: number;
  /** Repeated pairs answered both times. */
  compared: number;
  /** … of which got the same answer both times. */
  same: number;
  /** The fewest compared pairs a consistency is given for. */
  needed: number;
}

export type ReasonCode = 'too-few-answers' | 'consistency-not-measured' | 'low-consistency';

export interface Reason {
  code: ReasonCode;
  /** A clause that follows "Inconclusive: ". */
  text: string;
  /** A few words for a table cell. */
  short: string;
}

export interface ProfileResult {
  profile: { id: string; version: number };
  respondent: { name: string | null };
  /** Where the answers came from (a path, or `<stdin>`): names a person who gave no name. Not in the JSON. */
  source?: string;
  rater: Rater;
  tendency: number | null;
  label: ResultLabel;
  /** Questions answered, and asked (a repeated pair is two questions). */
  answered: number;
  items: number;
  /** answered / items, from 0 to 1. */
  confidence: number;
  /** The least share of questions answered that a label needs, as a count. */
  answeredNeeded: number;
  /** Null on an interviewer's sheet, which repeats nothing. */
  consistency: Consistency | null;
  /** Empty when the profile is conclusive. */
  reasons: Reason[];
  /** How often the statement shown first was picked, over the answers. */
  firstShown: { picked: number; answered: number };
  dimensions: DimensionResult[];
  styles: StyleResult[];
}

export const isConclusive = (r: Pick<ProfileResult, 'reasons'>): boolean => r.reasons.length === 0;

/** Each pair's score, by pair id: the mean of its answers (+1 toward the right, −1 toward the left); absent when unanswered. */
function pairScores(bank: ProfileBank, rater: Rater, answers: ReadonlyMap<string, Choice>): Map<string, number> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const q of questions(bank, rater)) {
    const choice = answers.get(q.key);
    if (choice === undefined) continue;
    const entry = sums.get(q.pair.id) ?? { sum: 0, n: 0 };
    entry.sum += choice === q.pair.right ? 1 : -1;
    entry.n++;
    sums.set(q.pair.id, entry);
  }
  return new Map([...sums].map(([id, { sum, n }]) => [id, sum / n]));
}

function groupScore(
  group: Pick<Group, 'pairs'>,
  scores: ReadonlyMap<string, number>,
): { score: number | null; answered: number; items: number } {
  let sum = 0;
  let answered = 0;
  for (const pair of group.pairs) {
    const score = scores.get(pair.id);
    if (score === undefined) continue;
    sum += score;
    answered++;
  }
  return { score: tendencyOf(sum, answered), answered, items: group.pairs.length };
}

function consistency(bank: ProfileBank, answers: ReadonlyMap<string, Choice>): Consistency {
  const repeats = questions(bank, 'self').filter((q) => q.again);
  let compared = 0;
  let same = 0;
  for (const q of repeats) {
    const first = answers.get(q.pair.id);
    const second = answers.get(q.key);
    if (first === undefined || second === undefined) continue;
    compared++;
    if (first === second) same++;
  }
  const needed = Math.max(1, Math.ceil(repeats.length / 2));
  return {
    value: compared >= needed ? consistencyOf(same, compared) : null,
    repeated: repeats.length,
    compared,
    same,
    needed,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function reasonsFor(
  r: Pick<ProfileResult, 'answered' | 'items' | 'answeredNeeded' | 'consistency' | 'firstShown'>,
): Reason[] {
  const reasons: Reason[] = [];
  if (r.answered < r.answeredNeeded) {
    reasons.push({
      code: 'too-few-answers',
      text: `only ${r.answered} of ${r.items} questions are answered, and a result needs at least ${r.answeredNeeded} (70%)`,
      short: `${r.answered} of ${r.items} answered`,
    });
  }
  const c = r.consistency;
  if (c === null) return reasons;
  if (c.repeated === 0) {
    reasons.push({
      code: 'consistency-not-measured',
      text: 'this profile repeats no pair, so the consistency of the answers cannot be measured',
      short: 'no consistency measure',
    });
  } else if (c.value === null) {
    reasons.push({
      code: 'consistency-not-measured',
      text: `only ${c.compared} of the ${plural(c.repeated, 'pair')} asked twice ${c.compared === 1 ? 'was' : 'were'} answered both times, and measuring consistency needs at least ${c.needed}`,
      short: 'consistency not measured',
    });
  } else if (c.value < MIN_CONSISTENCY) {
    const { picked, answered } = r.firstShown;
    const pattern =
      answered >= 10 && picked / answered >= POSITION_PATTERN
        ? `; the statement shown first was picked in ${picked} of ${answered} answers`
        : answered >= 10 && picked / answered <= 1 - POSITION_PATTERN
          ? `; the statement shown second was picked in ${answered - picked} of ${answered} answers`
          : '';
    reasons.push({
      code: 'low-consistency',
      text: `the consistency is ${Math.floor(c.value)}, under the ${MIN_CONSISTENCY} a result needs: only ${c.same} of the ${plural(c.compared, 'pair')} asked twice got the same answer the second time${pattern}`,
      short: `consistency ${Math.floor(c.value)}`,
    });
  }
  return reasons;
}

/** One person's profile from their answers (question id → a or b; an absent id is unanswered). */
export function scoreProfile(
  bank: ProfileBank,
  answers: ReadonlyMap<string, Choice>,
  respondent: { name?: string | null; rater?: Rater } = {},
): ProfileResult {
  const rater = respondent.rater ?? 'self';
  const asked = questions(bank, rater);
  const scores = pairScores(bank, rater, answers);
  const all = groups(bank);
  const tendencyGroups = all.filter((g) => g.kind === 'tendency');
  const overall = groupScore({ pairs: tendencyGroups.flatMap((g) => g.pairs) }, scores);
  let answered = 0;
  let picked = 0;
  for (const q of asked) {
    const choice = answers.get(q.key);
    if (choice === undefined) continue;
    answered++;
    if (choice === q.shown[0]) picked++;
  }
  const base = {
    answered,
    items: asked.length,
    answeredNeeded: Math.ceil(MIN_ANSWERED * asked.length - 1e-9),
    consistency: rater === 'self' ? consistency(bank, answers) : null,
    firstShown: { picked, answered },
  };
  const reasons = reasonsFor(base);
  if (reasons.length === 0 && overall.score === null)
    reasons.push({
      code: 'too-few-answers',
      text: 'none of the inbound and outbound pairs is answered',
      short: 'no pairs answered',
    });
  const conclusive = reasons.length === 0;
  const label = (tendency: number | null) => (tendency === null ? null : conclusive ? labelOf(tendency) : INCONCLUSIVE);
  const styles = all
    .filter((g) => g.kind === 'style')
    .map((g): StyleResult => {
      const s = groupScore(g, scores);
      const style = bank.styles!.find((st) => st.id === g.id)!;
      const leans =
        s.score === null ? null : s.score < -15 ? style.left.name : s.score > 15 ? style.right.name : 'neither';
      return {
        id: g.id,
        title: g.title,
        left: style.left.name,
        right: style.right.name,
        score: s.score,
        leans,
        answered: s.answered,
        items: s.items,
      };
    });
  return {
    profile: { id: bank.id, version: bank.version },
    respondent: { name: respondent.name ?? null },
    rater,
    tendency: overall.score,
    label: conclusive ? labelOf(overall.score)! : INCONCLUSIVE,
    ...base,
    confidence: asked.length === 0 ? 0 : answered / asked.length,
    reasons,
    dimensions: tendencyGroups.map((g) => {
      const s = groupScore(g, scores);
      return {
        id: g.id,
        title: g.title,
        tendency: s.score,
        label: label(s.score),
        answered: s.answered,
        items: s.items,
      };
    }),
    styles,
  };
}
