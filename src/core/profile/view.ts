import { round } from '../score/math.js';
import type { ProfileBank } from './schema.js';
import { LABELS, sideOf, type DimensionResult, type Label, type ProfileResult } from './score.js';
import type { TeamResult } from './team.js';

// What every format of the profile shows, decided once: how a tendency is written, the strip's
// bands, which strengths and pairing advice apply, and the caveat. Renderers only lay these out.

export const CAVEAT =
  'A conversation starter, not a test: nobody should be hired or rejected on this result. It has not been validated for selection; use it to decide what to ask about, then listen to what the person has actually done.';

export const SCORING_NOTE =
  'Each answer counts inbound −1, outbound +1, both or neither 0; tendency = 100 × sum / answered, from −100 (all inbound) to +100 (all outbound). Labels: −50 or less strongly inbound, under −15 leans inbound, up to +15 balanced, under +50 leans outbound, +50 or more strongly outbound. Confidence = answered / items.';

/** A tendency as text, to one decimal with its sign: `-20.8`, `+12.5`, `0.0`; `n/a` when nothing was answered. */
export function fmtTendency(value: number | null): string {
  const shown = round(value, 1);
  if (shown === null) return 'n/a';
  return `${shown > 0 ? '+' : ''}${shown.toFixed(1)}`;
}

/** A capacity weight (Σ w × shortfall) to two decimals, as the report prints priorities. */
export const fmtWeight = (value: number): string => (round(value, 2) ?? 0).toFixed(2);

export function fmtConfidence(confidence: number): string {
  return `${round(confidence * 100, 0)}%`;
}

export const labelText = (label: Label | null): string => label ?? 'no answers';

/** The five bands of the strip, from −100 to +100, with the label each one carries. */
export const BANDS: { label: Label; from: number; to: number }[] = [
  { label: LABELS[0], from: -100, to: -50 },
  { label: LABELS[1], from: -50, to: -15 },
  { label: LABELS[2], from: -15, to: 15 },
  { label: LABELS[3], from: 15, to: 50 },
  { label: LABELS[4], from: 50, to: 100 },
];

/** Where a tendency sits along a strip of `cells` positions (0 … cells − 1). */
export function stripCell(tendency: number, cells: number): number {
  return Math.round(((Math.max(-100, Math.min(100, tendency)) + 100) / 200) * (cells - 1));
}

export interface Advice {
  /** The tendency's name: Inbound, Outbound or Balanced. */
  name: string;
  summary: string;
  goodAt: string;
  pairWith: string;
}

/** The strengths and pairing advice for a person's overall label; undefined with no answers. */
export function overallAdvice(bank: ProfileBank, label: Label | null): Advice | undefined {
  const side = sideOf(label);
  if (side === null) return undefined;
  const t = bank.tendencies[side];
  return { name: t.name, summary: t.summary, goodAt: t['good-at'], pairWith: t['pair-with'] };
}

/** A dimension's own strengths and pairing advice, when its answers lean one way. */
export function dimensionAdvice(bank: ProfileBank, dimension: DimensionResult): { goodAt: string; pairWith: string } | undefined {
  const side = sideOf(dimension.label);
  if (side === null || side === 'balanced') return undefined;
  const lean = bank.dimensions.find((d) => d.id === dimension.id)?.[side];
  return lean && { goodAt: lean['good-at'], pairWith: lean['pair-with'] };
}

/** "answered 20 of 24 items" */
export const answeredText = (r: { answered: number; items: number }): string => `${r.answered} of ${r.items} answered`;

/** "96% (23 of 24 items answered)" */
export const confidenceText = (r: ProfileResult): string => `${fmtConfidence(r.confidence)} (${r.answered} of ${r.items} items answered)`;

/** The person's name, else their file's name (a long path would be cut off in a column). */
export const respondentLabel = (r: ProfileResult): string => r.respondent.name ?? r.source?.split(/[\\/]/).pop() ?? 'respondent';

/** A team member's marker on the strip: 1–9, then A–Z, then `*`. */
export function memberMark(i: number): string {
  if (i < 9) return String(i + 1);
  return i < 35 ? String.fromCharCode(65 + i - 9) : '*';
}

/** The mark of the team's balance on the strip. */
export const BALANCE_MARK = 'Σ';

/** Everyone with a tendency as a numbered marker on the strip, then the team's balance. */
export function teamMarkers(team: TeamResult): { tendency: number; mark: string; name: string }[] {
  const people = team.members.flatMap((m, i) => (m.tendency === null ? [] : [{ tendency: m.tendency, mark: memberMark(i), name: respondentLabel(m) }]));
  return team.balance === null ? people : [...people, { tendency: team.balance, mark: BALANCE_MARK, name: 'the team\'s balance' }];
}
