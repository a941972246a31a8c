import type { Bank } from '../../src/core/bank/schema.js';
import type { Answer, Respondent } from '../../src/core/answers/respondent.js';

/** Five levels with plain labels: enough for any scale of a test bank. */
export const scale = {
  '1': { label: 'one', description: 'd' },
  '2': { label: 'two', description: 'd' },
  '3': { label: 'three', description: 'd' },
  '4': { label: 'four', description: 'd' },
  '5': { label: 'five', description: 'd' },
};
const item = (id: string, owner: 'pm' | 'pmm' | 'shared', weight: 1 | 2 | 3, target?: number) => ({
  id,
  owner,
  title: id,
  question: `${id}?`,
  weight,
  ...(target === undefined ? {} : { target }),
  discussion: ['a?', 'b?'],
});

/** A tiny bank whose numbers are easy to work out by hand: target 4. */
export const tinyBank: Bank = {
  id: 'tiny',
  version: 1,
  title: 'Tiny',
  target: 4,
  functions: { pm: { name: 'Product Management', mandate: 'm' }, pmm: { name: 'Product Marketing', mandate: 'm' } },
  scales: { capability: scale, capacity: scale, delivery: scale },
  areas: [
    { id: 'one', title: 'One', responsibilities: [item('a', 'pm', 3), item('b', 'pmm', 2), item('c', 'shared', 1)] },
    { id: 'two', title: 'Two', responsibilities: [item('d', 'pm', 1, 3)] },
  ],
  interlock: [
    { id: 'x', from: 'pmm', to: 'pm', title: 'x', question: 'x?', weight: 2, discussion: ['a?', 'b?'] },
    { id: 'y', from: 'pm', to: 'pmm', title: 'y', question: 'y?', weight: 1, discussion: ['a?', 'b?'] },
  ],
};

export function respondent(answers: Record<string, Answer>, extra: Partial<Respondent> = {}): Respondent {
  return { source: 'test', answers: new Map(Object.entries(answers)), ...extra };
}
