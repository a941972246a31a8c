import type { Choice, ProfileBank, Side } from './schema.js';

// DESIGN.md "The profile": inbound −1, outbound +1, both and neither 0; tendency = 100 × Σ / answered
// (−100 … 100), overall and per dimension; confidence = answered / items. Exact numbers here;
// rounding happens only in the renderers. Pure: no I/O.

export const LABELS = ['strongly inbound', 'leans inbound', 'balanced', 'leans outbound', 'strongly outbound'] as const;
export type Label = (typeof LABELS)[number];

const CHOICE_VALUE: Record<Choice, number> = { inbound: -1, outbound: 1, both: 0, neither: 0 };

/** The label of a tendency: ≤ −50, < −15, ≤ 15, < 50, ≥ 50. Read from the exact value, never a rounded one. */
export function labelOf(tendency: number | null): Label | null {
  if (tendency === null) return null;
  if (tendency <= -50) return 'strongly inbound';
  if (tendency < -15) return 'leans inbound';
  if (tendency <= 15) return 'balanced';
  if (tendency < 50) return 'leans outbound';
  return 'strongly outbound';
}

/** Which way a label leans: the side whose strengths and pairing advice apply, or `balanced`. */
export function sideOf(label: Label | null): Side | 'balanced' | null {
  if (label === null) return null;
  if (label === 'balanced') return 'balanced';
  return label.endsWith('inbound') ? 'inbound' : 'outbound';
}

/** 100 × Σ / answered; null when nothing was answered. Multiplied first, so boundary values such as −15 come out exact. */
export function tendencyOf(sum: number, answered: number): number | null {
  return answered === 0 ? null : (100 * sum) / answered;
}

export interface Scored {
  tendency: number | null;
  label: Label | null;
  /** Items answered, `both` and `neither` included. */
  answered: number;
  items: number;
}

export interface DimensionResult extends Scored {
  id: string;
  title: string;
}

export interface ProfileResult extends Scored {
  profile: { id: string; version: number };
  respondent: { name: string | null };
  /** Where the answers came from (a path, or `<stdin>`): names a person who gave no name. Not in the JSON. */
  source?: string;
  /** answered / items, from 0 to 1. */
  confidence: number;
  dimensions: DimensionResult[];
}

function scored(choices: (Choice | undefined)[]): Scored {
  let sum = 0;
  let answered = 0;
  for (const choice of choices) {
    if (choice === undefined) continue;
    sum += CHOICE_VALUE[choice];
    answered++;
  }
  const tendency = tendencyOf(sum, answered);
  return { tendency, label: labelOf(tendency), answered, items: choices.length };
}

/** One person's profile from their answers (item id → choice; an absent id is unanswered). */
export function scoreProfile(bank: ProfileBank, answers: ReadonlyMap<string, Choice>, respondent: { name?: string | null } = {}): ProfileResult {
  const dimensions = bank.dimensions.map((d) => ({ id: d.id, title: d.title, ...scored(d.items.map((item) => answers.get(item.id))) }));
  const overall = scored(bank.dimensions.flatMap((d) => d.items.map((item) => answers.get(item.id))));
  return {
    profile: { id: bank.id, version: bank.version },
    respondent: { name: respondent.name ?? null },
    ...overall,
    confidence: overall.items === 0 ? 0 : overall.answered / overall.items,
    dimensions,
  };
}
