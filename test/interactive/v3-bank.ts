import type { Bank } from '../../src/core/bank/schema.js';

// A version 3 bank small enough to script the collection on: organization facts (a revenue band
// that suggests a stage, a number), a responsibility and a practice with statements of their own for
// the levels, and a hand-off from product marketing to sales.

const scale = (name: string) =>
  Object.fromEntries(
    (['1', '2', '3', '4', '5'] as const).map((n) => [
      n,
      { label: `${name} ${n}`, description: `${name} scale text ${n}` },
    ]),
  ) as Bank['scales']['capability'];
const anchors = (what: string) =>
  Object.fromEntries((['1', '2', '3', '4', '5'] as const).map((n) => [n, `${what}: own statement ${n}`])) as Record<
    '1' | '2' | '3' | '4' | '5',
    string
  >;
const discussion = ['What shows it?', 'Who decides?'];

export const V3_BANK: Bank = {
  id: 'collect-v3',
  version: 3,
  title: 'Collection on bank v3',
  target: 4,
  'default-stage': 'startup',
  functions: {
    pm: { name: 'Product Management', mandate: 'Builds the right product.' },
    pmm: { name: 'Product Marketing', mandate: 'Sells it to the right customers.' },
    sales: { name: 'Field Sales', mandate: 'Closes the deals.' },
  },
  scales: {
    capability: scale('Capability'),
    capacity: scale('Capacity'),
    delivery: scale('Delivery'),
    frequency: scale('Frequency'),
  },
  stages: {
    startup: { title: 'Start-up', description: 'Small.', target: 3, combined: true, revenue: ['small'] },
    growth: { title: 'Growth', description: 'Growing.', target: 4, revenue: ['mid'] },
  },
  facts: {
    revenue: { question: 'Annual revenue?', options: { small: 'Under $10 million', mid: '$10 to 50 million' } },
    'pm-people': { question: 'How many product managers?', type: 'number' },
  },
  areas: [
    {
      id: 'market',
      title: 'Market',
      responsibilities: [
        {
          id: 'pricing',
          owner: 'pmm',
          title: 'Pricing',
          question: 'How well is pricing set?',
          weight: 2,
          levels: { capability: anchors('Pricing capability') },
          discussion,
        },
      ],
      practices: [
        {
          id: 'trust',
          title: 'Trust between the leads',
          question: 'How often do the leads settle a disagreement between themselves?',
          weight: 2,
          levels: { frequency: anchors('Trust') },
          discussion,
        },
      ],
    },
  ],
  interlock: [
    {
      id: 'deal-support',
      from: 'pmm',
      to: 'sales',
      title: 'Deal support',
      question: 'How reliably does deal support arrive?',
      weight: 2,
      discussion,
    },
  ],
};
