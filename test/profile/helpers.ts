import type { Choice, ProfileBank, Side } from '../../src/core/profile/schema.js';
import { questions } from '../../src/core/profile/sequence.js';

/**
 * A small profile bank: dimensions of the given sizes, items `<dimension>-<n>` whose statement `b`
 * is the outbound one, the first `repeats` items of each dimension repeated; and, with `styles`, style
 * dimensions of the given sizes whose statement `a` is the right-hand one, none repeated.
 */
export function syntheticBank(
  sizes: Record<string, number>,
  options: { repeats?: number; styles?: Record<string, number> } = {},
): ProfileBank {
  const repeats = options.repeats ?? 2;
  const lean = { 'good-at': 'Good.', 'pair-with': 'Pair.' };
  const tendency = { name: 'T', summary: 'S.', 'good-at': 'G.', 'pair-with': 'P.' };
  return {
    id: 'test-profile',
    version: 3,
    title: 'Test profile',
    tendencies: { inbound: tendency, outbound: tendency, balanced: tendency },
    dimensions: Object.entries(sizes).map(([id, size]) => ({
      id,
      title: `Dimension ${id}`,
      inbound: lean,
      outbound: lean,
      items: Array.from({ length: size }, (_, i) => ({
        id: `${id}-${i + 1}`,
        prompt: 'Q?',
        a: 'in',
        b: 'out',
        outbound: 'b' as const,
        repeat: i < repeats,
      })),
      interview: {
        questions: ['a', 'b'],
        'inbound-sounds-like': ['i'],
        'outbound-sounds-like': ['o'],
        'follow-ups': ['f', 'g'],
      },
    })),
    styles: Object.entries(options.styles ?? {}).map(([id, size]) => ({
      id,
      title: `Style ${id}`,
      left: { name: 'Left', summary: 'L.' },
      right: { name: 'Right', summary: 'R.' },
      items: Array.from({ length: size }, (_, i) => ({
        id: `${id}-${i + 1}`,
        prompt: 'S?',
        a: 'right',
        b: 'left',
        right: 'a' as const,
      })),
    })),
  };
}

/** The letter of a side on the synthetic bank's tendency items (`b` is outbound). */
export const letter = (side: Side): Choice => (side === 'outbound' ? 'b' : 'a');

/** Answers for dimension `id` of the synthetic bank, by side: items `<id>-1`, `<id>-2`, … (undefined: unanswered). */
export function answersFor(id: string, sides: (Side | undefined)[]): [string, Choice][] {
  return sides.flatMap((side, i) => (side === undefined ? [] : [[`${id}-${i + 1}`, letter(side)] as [string, Choice]]));
}

/** `inbound` × a, then `outbound` × b. */
export function mix(inbound: number, outbound: number): Side[] {
  return [...Array<Side>(inbound).fill('inbound'), ...Array<Side>(outbound).fill('outbound')];
}

/** Every question answered, the second showing of each repeated pair the same as the first: a consistency of 100. */
export function consistentAnswers(bank: ProfileBank, first: ReadonlyMap<string, Choice>): Map<string, Choice> {
  const answers = new Map(first);
  for (const q of questions(bank)) if (q.again && first.has(q.pair.id)) answers.set(q.key, first.get(q.pair.id)!);
  return answers;
}
