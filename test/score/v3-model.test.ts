import { describe, expect, it } from 'vitest';
import type { Bank } from '../../src/core/bank/schema.js';
import type { Answer } from '../../src/core/answers/respondent.js';
import type { InterlockScore, PracticeScore, ResponsibilityScore } from '../../src/core/score/model.js';
import { diagnose } from '../../src/core/score/diagnose.js';
import { respondent, scale, tinyBank } from './bank.js';

// docs/design.md, the v3 notes of "Ownership" and "Scoring": each rule of the version 3 model on a
// bank small enough to work out by hand (target 4 everywhere).

const prompts = ['a?', 'b?'];

const v3Bank: Bank = {
  id: 'tiny-v3',
  version: 3,
  title: 'Tiny v3',
  target: 4,
  'default-stage': 'growth',
  functions: {
    pm: { name: 'Product Management', mandate: 'm' },
    pmm: { name: 'Product Marketing', mandate: 'm' },
    cs: { name: 'Customer Success', mandate: 'm' },
  },
  scales: { capability: scale, capacity: scale, delivery: scale, frequency: scale },
  stages: {
    startup: { title: 'Start-up', description: 'd', target: 4, combined: true, revenue: ['small'] },
    growth: { title: 'Growth', description: 'd', target: 4, revenue: ['mid'] },
  },
  facts: {
    revenue: { question: 'Revenue?', options: { small: 'Small', mid: 'Mid', big: 'Big' } },
    'pm-people': { question: 'How many?', type: 'number' },
  },
  areas: [
    {
      id: 'one',
      title: 'One',
      responsibilities: [
        {
          id: 'business-case',
          owner: 'pm',
          contributors: ['pmm'],
          owners: { startup: { owner: 'leadership', contributors: ['pm'] } },
          title: 'Business case',
          question: 'q?',
          weight: 2,
          discussion: prompts,
        },
        { id: 'onboarding', owner: 'cs', title: 'Onboarding', question: 'q?', weight: 1, discussion: prompts },
      ],
      practices: [{ id: 'trust', title: 'Trust', question: 'q?', weight: 3, discussion: prompts }],
    },
  ],
  interlock: [
    { id: 'win-loss', from: 'pmm', to: 'pm', title: 'Win-loss', question: 'q?', weight: 3, discussion: prompts },
  ],
};

const score = <K extends 'responsibility' | 'practice' | 'interlock'>(
  d: ReturnType<typeof diagnose>,
  id: string,
  kind: K,
) => {
  const item = d.items.find((i) => i.id === id && i.kind === kind);
  if (!item) throw new Error(`no ${kind} ${id}`);
  return item as Extract<ResponsibilityScore | PracticeScore | InterlockScore, { kind: K }>;
};

const full = (answers: Record<string, Answer>): Record<string, Answer> => ({
  'business-case': { owner: 'pm', capability: 4, capacity: 4 },
  onboarding: { owner: 'cs', capability: 4, capacity: 4 },
  trust: { frequency: 4 },
  'win-loss': { delivery: 4 },
  ...answers,
});

describe('practices (rated on frequency, no owner, no capacity)', () => {
  const d = diagnose(
    v3Bank,
    [respondent(full({ trust: { frequency: 2 } })), respondent(full({ trust: { frequency: 3 } }))],
    {
      date: '2026-12-07',
    },
  );
  const trust = score(d, 'trust', 'practice');

  it('F is the mean frequency, readiness pct(F), priority 2 × w × (T − F)', () => {
    expect(trust.frequency).toBe(2.5);
    expect(trust.readiness).toBe(37.5);
    expect(trust.priority).toBe(2 * 3 * 1.5);
    expect(d.gaps[0]).toBe('trust');
  });

  it('count in the summary practices index and their area readiness, not in capability, capacity or readiness', () => {
    expect(d.summary.practices).toBe(37.5);
    expect(d.summary.capability).toBe(75);
    expect(d.summary.readiness).toBe(75);
    // area readiness: (2 × 75 + 1 × 75 + 3 × 37.5) / 6
    expect(d.areas[0]!.readiness).toBe((2 * 75 + 75 + 3 * 37.5) / 6);
    expect(d.areas[0]!.capability).toBe(75);
  });
});

describe('hand-offs: receivers judge delivery; priority on the responsibility scale', () => {
  const giver = respondent(full({ 'win-loss': { delivery: 5 } }), { role: 'pmm' });
  const receiver = respondent(full({ 'win-loss': { delivery: 1 } }), { role: 'pm' });
  const bystander = respondent(full({ 'win-loss': { delivery: 3 } }), { role: 'sales' });

  it('D is the mean of the receivers when one answered, and the giver side stays visible', () => {
    const item = score(diagnose(v3Bank, [giver, receiver, bystander], { date: '2026-12-07' }), 'win-loss', 'interlock');
    expect(item.delivery).toBe(1);
    expect(item.deliveryBySide).toEqual({ giver: 5, receiver: 1 });
    expect(item.priority).toBe(2 * 3 * 3);
  });

  it('D is everyone’s mean when no receiver answered', () => {
    const item = score(diagnose(v3Bank, [giver, bystander], { date: '2026-12-07' }), 'win-loss', 'interlock');
    expect(item.delivery).toBe(4);
    expect(item.priority).toBe(0);
  });

  it('a failed hand-off outranks a responsibility one level short on both axes', () => {
    const d = diagnose(
      v3Bank,
      [
        respondent(
          full({ 'business-case': { owner: 'pm', capability: 3, capacity: 3 }, 'win-loss': { delivery: 2 } }),
          { role: 'pm' },
        ),
      ],
      { date: '2026-12-07' },
    );
    // hand-off 2 × 3 × 2 = 12 against the responsibility's 2 × (1 + 1) = 4
    expect(d.gaps.slice(0, 2)).toEqual(['win-loss', 'business-case']);
  });

  it('a version 1 or 2 bank keeps its delivery mean and w × shortfall', () => {
    const d = diagnose(tinyBank, [
      respondent({ x: { delivery: 1 } }, { role: 'pm' }),
      respondent({ x: { delivery: 3 } }, { role: 'pmm' }),
    ]);
    const x = score(d, 'x', 'interlock');
    expect(x.delivery).toBe(2);
    expect(x.priority).toBe(2 * 2);
  });
});

describe('owners by stage', () => {
  const founder = respondent(full({ 'business-case': { owner: 'leadership', capability: 3, capacity: 3 } }));

  it('at start-up the founder owning the business case is aligned, with the stage’s contributors', () => {
    const item = score(diagnose(v3Bank, [founder], { stage: 'startup' }), 'business-case', 'responsibility');
    expect(item.owner).toMatchObject({ recommended: 'leadership', contributors: ['pm'], status: 'aligned' });
  });

  it('at growth the same answer is misassigned against the bank’s owner', () => {
    const item = score(diagnose(v3Bank, [founder], { stage: 'growth' }), 'business-case', 'responsibility');
    expect(item.owner).toMatchObject({ recommended: 'pm', contributors: ['pmm'], status: 'misassigned' });
  });

  it('customer success as the accountable owner is aligned, and a function group of its own', () => {
    const d = diagnose(v3Bank, [respondent(full({}))], { stage: 'growth' });
    expect(score(d, 'onboarding', 'responsibility').owner.status).toBe('aligned');
    expect(d.functions.map((f) => f.id)).toEqual(['pm', 'pmm', 'shared', 'leadership', 'cs']);
    expect(d.functionNames.cs).toBe('Customer Success');
  });
});

describe('"I don\'t know" who owns it (unknown) against "unclear"', () => {
  it('unknown is a knowledge gap, left out of the consensus', () => {
    const d = diagnose(v3Bank, [
      respondent(full({ onboarding: { owner: 'unknown', capability: 4, capacity: 4 } })),
      respondent(full({ onboarding: { owner: 'unknown', capability: 4, capacity: 4 } })),
      respondent(full({})),
    ]);
    const item = score(d, 'onboarding', 'responsibility');
    expect(item.owner).toMatchObject({ consensus: 'cs', status: 'aligned', contested: false });
    expect(item.unknown).toEqual([{ axis: 'owner', count: 2 }]);
    expect(d.knowledgeGaps.unknown).toContainEqual({ id: 'onboarding', axis: 'owner', count: 2 });
  });

  it('only unknown answers leave the owner unanswered, not blurred', () => {
    const d = diagnose(v3Bank, [respondent(full({ onboarding: { owner: 'unknown', capability: 4, capacity: 4 } }))]);
    expect(score(d, 'onboarding', 'responsibility').owner.status).toBe('unanswered');
  });

  it('unclear is a finding: blurred', () => {
    const d = diagnose(v3Bank, [respondent(full({ onboarding: { owner: 'unclear', capability: 4, capacity: 4 } }))]);
    expect(score(d, 'onboarding', 'responsibility').owner.status).toBe('blurred');
  });
});

describe('the stage suggested by revenue, and the organization facts', () => {
  const withFacts = (facts: Record<string, string | number>, extra = {}) => respondent(full({}), { facts, ...extra });

  it('no --stage and no stage in the answers: the stage whose revenue bands hold the most frequent band', () => {
    const d = diagnose(v3Bank, [
      withFacts({ revenue: 'small' }),
      withFacts({ revenue: 'small' }),
      withFacts({ revenue: 'mid' }),
    ]);
    expect(d.stage).toBe('startup');
    expect(d.stageSource).toBe('revenue');
  });

  it('a stage in the answers, or --stage, wins over revenue', () => {
    expect(diagnose(v3Bank, [withFacts({ revenue: 'small' }, { stage: 'growth' })]).stageSource).toBe('answers');
    expect(diagnose(v3Bank, [withFacts({ revenue: 'small' })], { stage: 'growth' }).stageSource).toBe('option');
  });

  it('a band no stage claims leaves the default stage', () => {
    const d = diagnose(v3Bank, [withFacts({ revenue: 'big' })]);
    expect([d.stage, d.stageSource]).toEqual(['growth', 'default']);
  });

  it('reports each fact’s most frequent answer, in bank order', () => {
    const d = diagnose(v3Bank, [
      withFacts({ 'pm-people': 6, revenue: 'mid' }),
      withFacts({ 'pm-people': 5 }),
      withFacts({ 'pm-people': 6 }),
    ]);
    expect(d.facts).toEqual({ revenue: 'mid', 'pm-people': 6 });
    expect(Object.keys(d.facts)).toEqual(['revenue', 'pm-people']);
  });
});

describe('mixed forms', () => {
  const rapidBank: Bank = {
    ...v3Bank,
    areas: [
      {
        ...v3Bank.areas[0]!,
        responsibilities: [
          { ...v3Bank.areas[0]!.responsibilities[0]!, rapid: true },
          v3Bank.areas[0]!.responsibilities[1]!,
        ],
      },
    ],
  };

  it('a rapid respondent is scored over the rapid items: full-form items are out of their coverage', () => {
    const rapid = respondent({ 'business-case': { owner: 'pm', capability: 4, capacity: 4 } }, { form: 'rapid' });
    const d = diagnose(rapidBank, [rapid, respondent(full({}), { form: 'full' })]);
    expect(d.forms).toEqual({ rapid: 1, full: 1 });
    expect(d.respondents.map((r) => r.coverage)).toEqual([100, 100]);
    expect(d.knowledgeGaps.unanswered).toEqual([]);
  });
});
