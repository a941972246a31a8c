import { describe, expect, it } from 'vitest';
import type { InterlockScore, ResponsibilityScore } from '../../src/core/score/model.js';
import { consensusOwner, diagnose, ownershipStatus, quadrantOf, rankGaps } from '../../src/core/score/diagnose.js';
import { pct, round, weightedIndex } from '../../src/core/score/math.js';
import { respondent, tinyBank } from './bank.js';
import { parseBank } from '../../src/core/bank/parse.js';

const resp = (d: ReturnType<typeof diagnose>, id: string) => d.items.find((i) => i.id === id) as ResponsibilityScore;
const link = (d: ReturnType<typeof diagnose>, id: string) => d.items.find((i) => i.id === id) as InterlockScore;

describe('formulas', () => {
  it('pct maps 1..5 onto 0..100', () => {
    expect([1, 2, 3, 4, 5].map(pct)).toEqual([0, 25, 50, 75, 100]);
  });

  it('weighted index skips undefined values and is null when none is defined', () => {
    expect(
      weightedIndex([
        { weight: 3, value: 100 },
        { weight: 1, value: 0 },
        { weight: 2, value: null },
      ]),
    ).toBe(75);
    expect(weightedIndex([{ weight: 3, value: null }])).toBeNull();
    expect(weightedIndex([])).toBeNull();
  });

  it('quadrants, with a value equal to the target counting as meeting it', () => {
    expect(quadrantOf(4, 4, 4)).toBe('strength');
    expect(quadrantOf(4, 3.99, 4)).toBe('stretched');
    expect(quadrantOf(3.99, 4, 4)).toBe('underskilled');
    expect(quadrantOf(1, 1, 4)).toBe('critical');
    expect(quadrantOf(null, 5, 4)).toBeNull();
    expect(quadrantOf(5, null, 4)).toBeNull();
  });

  it('consensus owner: most frequent, a tie is unclear, under 2/3 is contested', () => {
    expect(consensusOwner({ pm: 2, pmm: 1 })).toEqual({ consensus: 'pm', contested: false });
    expect(consensusOwner({ pm: 3, pmm: 2 })).toEqual({ consensus: 'pm', contested: true });
    expect(consensusOwner({ pm: 1, pmm: 1 })).toEqual({ consensus: 'unclear', contested: true });
    expect(consensusOwner({})).toEqual({ consensus: null, contested: false });
  });

  it('each ownership status', () => {
    expect(ownershipStatus('pm', 'pm')).toBe('aligned');
    expect(ownershipStatus('shared', 'shared')).toBe('aligned');
    expect(ownershipStatus('pm', 'none')).toBe('orphaned');
    expect(ownershipStatus('pm', 'unclear')).toBe('blurred');
    expect(ownershipStatus('pmm', 'shared')).toBe('blurred');
    expect(ownershipStatus('pm', 'pmm')).toBe('misassigned');
    expect(ownershipStatus('shared', 'sales')).toBe('misassigned');
    expect(ownershipStatus('shared', 'pm')).toBe('partial');
    expect(ownershipStatus('shared', 'pmm')).toBe('partial');
    expect(ownershipStatus('pm', null)).toBe('unanswered');
  });

  it('rounds half up at output only', () => {
    expect(round(2.345, 2)).toBe(2.35);
    expect(round(66.66666, 1)).toBe(66.7);
    expect(round(null, 1)).toBeNull();
  });
});

describe('diagnose, one respondent', () => {
  const one = respondent({
    a: { owner: 'pm', capability: 2, capacity: 3 },
    b: { owner: 'pm', capability: 5, capacity: 2 },
    c: { owner: 'none', capability: 'unknown', capacity: 4 },
    d: 'n/a',
    x: { delivery: 1 },
    y: { delivery: 4 },
  });
  const d = diagnose(tinyBank, [one], { date: '2026-01-01' });

  it('item values, readiness as the weaker axis, quadrants and priorities', () => {
    expect(resp(d, 'a')).toMatchObject({
      capability: 2,
      capacity: 3,
      readiness: 25,
      quadrant: 'critical',
      priority: 3 * (2 + 1),
    });
    expect(resp(d, 'b')).toMatchObject({
      capability: 5,
      capacity: 2,
      readiness: 25,
      quadrant: 'stretched',
      priority: 2 * (0 + 2),
    });
    // unknown capability: left out, a null term counts 0 in the priority
    expect(resp(d, 'c')).toMatchObject({ capability: null, capacity: 4, readiness: null, quadrant: null, priority: 0 });
    expect(resp(d, 'c').unknown).toEqual([{ axis: 'capability', count: 1 }]);
    expect(resp(d, 'd')).toMatchObject({ capability: null, capacity: null, notApplicable: 1, priority: 0 });
    expect(link(d, 'x')).toMatchObject({ delivery: 1, health: 0, priority: 2 * 3 });
    expect(link(d, 'y')).toMatchObject({ delivery: 4, health: 75, priority: 0 });
  });

  it('gaps by priority, then weight, then bank order', () => {
    expect(d.gaps).toEqual(['a', 'x', 'b']);
  });

  it('weighted indexes with unknown and n/a left out', () => {
    // capability: a 25 (w3), b 100 (w2) → (75 + 200) / 5 = 55
    expect(d.summary.capability).toBe(55);
    // capacity: a 50 (w3), b 25 (w2), c 75 (w1) → (150 + 50 + 75) / 6
    expect(d.summary.capacity).toBeCloseTo(275 / 6, 10);
    // readiness: a 25 (w3), b 25 (w2) → 25
    expect(d.summary.readiness).toBe(25);
    // interlock: x 0 (w2), y 75 (w1) → 25
    expect(d.summary.interlock).toBe(25);
    expect(d.interlock).toEqual([
      { from: 'pmm', to: 'pm', health: 0 },
      { from: 'pm', to: 'pmm', health: 75 },
    ]);
    expect(d.functions).toEqual([
      { id: 'pm', capability: 25, capacity: 50, readiness: 25 },
      { id: 'pmm', capability: 100, capacity: 25, readiness: 25 },
      { id: 'shared', capability: null, capacity: 75, readiness: null },
      { id: 'leadership', capability: null, capacity: null, readiness: null },
    ]);
  });

  it('area indexes: the same weighted means over each area’s responsibilities', () => {
    // area one: capability a 25 (w3), b 100 (w2) → 55; capacity a 50, b 25, c 75 (w1) → 275 / 6; area two: n/a only
    expect(d.areas).toEqual([
      { id: 'one', title: 'One', capability: 55, capacity: 275 / 6, readiness: 25 },
      { id: 'two', title: 'Two', capability: null, capacity: null, readiness: null },
    ]);
  });

  it('keeps each item’s numeric answers, unknown left out', () => {
    expect(resp(d, 'c').levels).toEqual({ capability: [], capacity: [4] });
    expect(link(d, 'x').levels).toEqual({ delivery: [1] });
  });

  it('ownership statuses and alignment over the items that have an owner answer', () => {
    expect(resp(d, 'a').owner).toMatchObject({
      recommended: 'pm',
      consensus: 'pm',
      status: 'aligned',
      contested: false,
    });
    expect(resp(d, 'b').owner.status).toBe('misassigned');
    expect(resp(d, 'c').owner.status).toBe('orphaned');
    expect(resp(d, 'd').owner.status).toBe('unanswered');
    // aligned weight 3 of 3 + 2 + 1
    expect(d.summary.alignment).toBe(50);
  });

  it('coverage counts n/a and unknown as answered', () => {
    expect(d.summary.coverage).toBe(100);
    const partial = diagnose(tinyBank, [respondent({ a: { capability: 'unknown' }, d: 'n/a' })]);
    expect(partial.summary.coverage).toBeCloseTo((100 * 2) / 6, 10);
    expect(partial.knowledgeGaps.unanswered.map((u) => u.id)).toEqual(['b', 'c', 'x', 'y']);
  });

  it('an item target overrides --target, which overrides the bank target', () => {
    const r = respondent({ a: { capability: 3, capacity: 3 }, d: { capability: 3, capacity: 3 } });
    expect(resp(diagnose(tinyBank, [r]), 'a')).toMatchObject({ target: 4, quadrant: 'critical' });
    expect(resp(diagnose(tinyBank, [r], { target: 3 }), 'a')).toMatchObject({
      target: 3,
      quadrant: 'strength',
      priority: 0,
    });
    expect(resp(diagnose(tinyBank, [r], { target: 5 }), 'd')).toMatchObject({ target: 3, quadrant: 'strength' });
  });

  it('indexes are null when nothing is answered; no disagreements or perception for one respondent', () => {
    const empty = diagnose(tinyBank, [respondent({})]);
    expect(empty.summary).toEqual({
      readiness: null,
      capability: null,
      capacity: null,
      alignment: null,
      interlock: null,
      practices: null,
      coverage: 0,
    });
    expect(empty.gaps).toEqual([]);
    expect(d.disagreements).toEqual([]);
    expect(d.perception).toEqual([]);
  });
});

describe('the respondents as the report lists them', () => {
  const alike = { d: { capability: 3, capacity: 3 }, x: { delivery: 2 } };
  const listed = diagnose(tinyBank, [
    respondent(alike, { name: 'Pat', role: 'pm', source: 'pat.yaml' }),
    respondent({ ...alike }, { source: 'row 3' }),
    respondent({ a: 'n/a' }, { source: 'row 4' }),
  ]).respondents;

  it('each with who and from where, coverage, the sections answered and those asked, in bank order', () => {
    const [pat, anonymous, third] = listed;
    expect([pat!.name, pat!.role, pat!.source]).toEqual(['Pat', 'pm', 'pat.yaml']);
    expect(anonymous!.name).toBeUndefined();
    expect(anonymous!.source).toBe('row 3');
    expect(pat!.coverage).toBeCloseTo((100 * 2) / 6, 10);
    expect(pat!.sections).toEqual(['two', 'interlock']);
    expect(pat!.askedSections).toEqual(['one', 'two', 'interlock']);
    expect(third!.coverage).toBeCloseTo(100 / 6, 10);
    expect(third!.sections).toEqual(['one']);
  });

  it('respondents who answered alike share one list of sections', () => {
    expect(listed[1]!.sections).toBe(listed[0]!.sections);
    expect(listed[2]!.sections).not.toBe(listed[0]!.sections);
    expect(listed[2]!.askedSections).toBe(listed[0]!.askedSections);
  });
});

describe('a bank item that words its own decision', () => {
  it('is accepted by the bank schema and carried to the item; an item without one has none', () => {
    const bank = parseBank({
      source: 'decision.json',
      text: JSON.stringify(tinyBank).replace('"id":"a",', '"id":"a","decision":"Name one owner for a.",'),
    });
    const d = diagnose(bank, [
      respondent({ a: { owner: 'pm', capability: 1, capacity: 1 }, b: { owner: 'pm', capability: 1, capacity: 1 } }),
    ]);
    expect(resp(d, 'a').decision).toBe('Name one owner for a.');
    expect(resp(d, 'b')).not.toHaveProperty('decision');
    expect(() =>
      parseBank({ source: 'bad.json', text: JSON.stringify(tinyBank).replace('"id":"a",', '"id":"a","decision":7,') }),
    ).toThrow();
  });

  it('says how the stage was chosen: the option, the answers, or the bank default', () => {
    const staged = {
      ...tinyBank,
      stages: { growth: { title: 'Growth', description: 'g' }, startup: { title: 'Start-up', description: 's' } },
    };
    const one = (stage?: string) => respondent({}, stage === undefined ? {} : { stage });
    expect(diagnose(staged, [one()], { stage: 'startup' }).stageSource).toBe('option');
    expect(diagnose(staged, [one('startup')]).stageSource).toBe('answers');
    expect(diagnose(staged, [one()]).stageSource).toBe('default');
    expect(diagnose(tinyBank, [one()])).not.toHaveProperty('stageSource');
  });
});

describe('diagnose, several respondents', () => {
  const people = [
    respondent(
      { a: { owner: 'pm', capability: 2, capacity: 2 }, b: { owner: 'pmm', capability: 4 }, x: { delivery: 1 } },
      { name: 'Ann', role: 'pm' },
    ),
    respondent(
      { a: { owner: 'pm', capability: 4, capacity: 'unknown' }, b: { owner: 'pm', capability: 2 }, x: { delivery: 2 } },
      { name: 'Bo', role: 'pmm' },
    ),
    respondent(
      { a: { owner: 'pmm', capability: 3, capacity: 3 }, b: 'n/a', x: { delivery: 'unknown' } },
      { role: 'sales' },
    ),
  ];
  const d = diagnose(tinyBank, people);

  it('means over the numeric answers only', () => {
    expect(resp(d, 'a')).toMatchObject({ capability: 3, capacity: 2.5, answered: 3 });
    expect(resp(d, 'b')).toMatchObject({ capability: 3, capacity: null, notApplicable: 1 });
    expect(link(d, 'x')).toMatchObject({ delivery: 1.5 });
  });

  it('readiness per area and role, from each role’s own answers', () => {
    // area one: a (w3) and b (w2); only a has both axes. Ann: min(2, 2) → 25; Bo: capacity unknown → none; sales: min(3, 3) → 50.
    // A missing readiness says why, as the report marks it: Bo's "don't know", or nobody of the role answered.
    expect(d.areaRoles).toEqual([
      {
        role: 'pm',
        areas: [
          { id: 'one', readiness: 25 },
          { id: 'two', readiness: null, missing: 'unanswered' },
        ],
      },
      {
        role: 'pmm',
        areas: [
          { id: 'one', readiness: null, missing: 'unknown' },
          { id: 'two', readiness: null, missing: 'unanswered' },
        ],
      },
      {
        role: 'sales',
        areas: [
          { id: 'one', readiness: 50 },
          { id: 'two', readiness: null, missing: 'unanswered' },
        ],
      },
    ]);
    expect(diagnose(tinyBank, [people[0]!]).areaRoles).toEqual([]);
  });

  it('a two-way owner tie is unclear and contested; 2 of 3 is not contested', () => {
    expect(resp(d, 'a').owner).toMatchObject({ consensus: 'pm', contested: false, votes: { pm: 2, pmm: 1 } });
    expect(resp(d, 'b').owner).toMatchObject({ consensus: 'unclear', status: 'blurred', contested: true });
  });

  it('flags spreads of 2 or more and contested owners, with who said what', () => {
    const flagged = d.disagreements.map((x) => `${x.id}.${x.axis}`);
    expect(flagged).toEqual(['a.capability', 'b.capability', 'b.owner']);
    expect(d.disagreements[0]!.groups).toEqual([
      { value: '2', count: 1, respondents: [{ name: 'Ann', role: 'pm' }] },
      { value: '3', count: 1, respondents: [{ name: 'respondent 3 (sales)', role: 'sales' }] },
      { value: '4', count: 1, respondents: [{ name: 'Bo', role: 'pmm' }] },
    ]);
  });

  it('names a few respondents per answer but counts them all, widest spread first', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      respondent({ a: { capability: i < 20 ? 1 : i < 25 ? 3 : 5 } }, { name: `P${i}` }),
    );
    const [first] = diagnose(tinyBank, many).disagreements;
    expect(first).toMatchObject({ id: 'a', axis: 'capability', spread: 4 });
    expect(first!.groups.map((g) => [g.value, g.count, g.respondents.length])).toEqual([
      ['1', 20, 8],
      ['3', 5, 5],
      ['5', 5, 5],
    ]);
    expect(first!.groups[0]!.respondents[0]).toEqual({ name: 'P0', role: undefined });
  });

  it('perception gap: self rating minus everyone else, per function', () => {
    const pm = d.perception.find((p) => p.function === 'pm')!;
    // pm items: a (w3) and d (unanswered). Ann (pm) rates a at 2 → 25; others rate a at 4 and 3 → 3.5 → 62.5
    expect(pm).toMatchObject({ self: 25, others: 62.5, gap: -37.5 });
    expect(pm.items).toEqual([{ id: 'a', self: 2, others: 3.5, difference: -1.5 }]);
    const pmm = d.perception.find((p) => p.function === 'pmm')!;
    // pmm item b: Bo (pmm) rates 2 → 25; Ann rates 4 → 75 (the n/a is left out)
    expect(pmm).toMatchObject({ self: 25, others: 75, gap: -50 });
  });

  it('perception is empty without pm or pmm respondents, and null on a side with no ratings', () => {
    expect(diagnose(tinyBank, [people[2]!, people[2]!]).perception).toEqual([]);
    const onlyPm = diagnose(tinyBank, [people[0]!, people[2]!]);
    expect(onlyPm.perception.find((p) => p.function === 'pmm')).toMatchObject({ self: null, gap: null });
  });

  it('coverage over every respondent and item; unanswered counts per item', () => {
    expect(d.summary.coverage).toBeCloseTo((100 * 9) / 18, 10);
    expect(d.knowledgeGaps.unanswered).toContainEqual({ id: 'c', respondents: 3 });
    expect(d.knowledgeGaps.unknown).toEqual([
      { id: 'a', axis: 'capacity', count: 1 },
      { id: 'x', axis: 'delivery', count: 1 },
    ]);
  });

  it('rankGaps breaks ties by weight, then bank order', () => {
    const base = {
      title: '',
      question: '',
      target: 4,
      discussion: [],
      answered: 1,
      notApplicable: 0,
      unknown: [],
      notes: [],
      levels: {},
    };
    const mk = (id: string, priority: number, weight: number) => ({
      ...base,
      id,
      priority,
      weight,
      kind: 'interlock' as const,
      from: 'pm' as const,
      to: 'pmm' as const,
      delivery: null,
      health: null,
      deliveryBySide: { giver: null, receiver: null },
    });
    expect(rankGaps([mk('p', 2, 1), mk('q', 2, 2), mk('r', 4, 1), mk('s', 2, 1), mk('t', 0, 3)])).toEqual([
      'r',
      'q',
      'p',
      's',
    ]);
  });
});
