import type { Choice, ProfileBank } from '../../src/core/profile/schema.js';

/** A small profile bank: dimensions of the given sizes, items `<dimension>-<n>`. */
export function syntheticBank(sizes: Record<string, number>): ProfileBank {
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
      items: Array.from({ length: size }, (_, i) => ({ id: `${id}-${i + 1}`, prompt: 'Q?', inbound: 'in', outbound: 'out' })),
      interview: { questions: ['a', 'b'], 'inbound-sounds-like': ['i'], 'outbound-sounds-like': ['o'], 'follow-ups': ['f', 'g'] },
    })),
  };
}

/** Answers for dimension `id`: the choices in order, items `<id>-1`, `<id>-2`, … */
export function answersFor(id: string, choices: (Choice | undefined)[]): [string, Choice][] {
  return choices.flatMap((choice, i) => (choice === undefined ? [] : [[`${id}-${i + 1}`, choice] as [string, Choice]]));
}

/** `inbound` × a, `outbound` × b, `both` × c, `neither` × d. */
export function mix(inbound: number, outbound: number, both = 0, neither = 0): Choice[] {
  return [...Array<Choice>(inbound).fill('inbound'), ...Array<Choice>(outbound).fill('outbound'), ...Array<Choice>(both).fill('both'), ...Array<Choice>(neither).fill('neither')];
}
