import type { Choice, ProfileBank, Side } from '../../src/core/profile/schema.js';
import { questions } from '../../src/core/profile/sequence.js';

// Simulated respondents for the profile's acceptance rates, seeded so every run is the same.
//
// - random: every question answered a or b with even odds (someone clicking through).
// - honest: a person with a known tendency. For each pair they hold one real preference: on an
//   inbound/outbound pair their own side with probability `lean`, on a style pair either pole with
//   even odds. Every time a question is shown they answer that preference, except with probability
//   `slip`, when they pick the other statement (a misread, a change of mood, a close call). A
//   repeated pair is answered from the same preference both times, each showing slipping on its own.

/** mulberry32: a small seeded generator, uniform on [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const other = (c: Choice): Choice => (c === 'a' ? 'b' : 'a');

export function randomAnswers(bank: ProfileBank, seed: number): Map<string, Choice> {
  const next = seeded(seed);
  return new Map(questions(bank).map((q) => [q.key, next() < 0.5 ? 'a' : 'b'] as const));
}

export interface Honest {
  side: Side;
  /** The share of inbound/outbound pairs on which the person truly prefers their own side. */
  lean: number;
  /** The chance that one showing is answered against the person's own preference. */
  slip: number;
}

export function honestAnswers(bank: ProfileBank, person: Honest, seed: number): Map<string, Choice> {
  const next = seeded(seed);
  const preference = new Map<string, Choice>();
  const answers = new Map<string, Choice>();
  for (const q of questions(bank)) {
    const { pair } = q;
    let wanted = preference.get(pair.id);
    if (wanted === undefined) {
      if (pair.group.kind === 'tendency') {
        const ownSide = person.side === 'outbound' ? pair.right : other(pair.right);
        wanted = next() < person.lean ? ownSide : other(ownSide);
      } else wanted = next() < 0.5 ? 'a' : 'b';
      preference.set(pair.id, wanted);
    }
    answers.set(q.key, next() < person.slip ? other(wanted) : wanted);
  }
  return answers;
}

/** Someone who always takes the statement shown first. */
export function firstShownAnswers(bank: ProfileBank): Map<string, Choice> {
  return new Map(questions(bank).map((q) => [q.key, q.shown[0]] as const));
}

/** Someone steering toward one side on every inbound/outbound pair, and picking at random elsewhere. */
export function steeredAnswers(bank: ProfileBank, side: Side, seed: number): Map<string, Choice> {
  const next = seeded(seed);
  const style = new Map<string, Choice>();
  return new Map(
    questions(bank).map((q) => {
      if (q.pair.group.kind === 'tendency')
        return [q.key, side === 'outbound' ? q.pair.right : other(q.pair.right)] as const;
      if (!style.has(q.pair.id)) style.set(q.pair.id, next() < 0.5 ? 'a' : 'b');
      return [q.key, style.get(q.pair.id)!] as const;
    }),
  );
}
