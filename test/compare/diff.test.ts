import { describe, expect, it } from 'vitest';
import { compareSnapshots } from '../../src/core/compare/diff.js';
import type { Snapshot } from '../../src/core/compare/snapshot.js';
import { compare, side } from './helpers.js';

// before.yaml, worked out by hand with the minimal bank (target 4; positioning's own target 3):
//   market-problems  C 2, K 3  → readiness 25, critical, priority 3 × (2 + 1) = 9, owner pm (aligned)
//   positioning      C 3, K 2  → readiness 25, stretched, priority 2 × (0 + 1) = 2, owner shared (blurred)
//   win-loss         D 2       → health 25, priority 2 × 2 = 4
//   launch-cadence   D 4       → health 75, priority 0
//   summary readiness (3 × 25 + 2 × 25) / 5 = 25

const directions = (cmp: Awaited<ReturnType<typeof compare>>) => cmp.items.map((i) => `${i.id}:${i.direction}`);

describe('compare: what changed', () => {
  it('improved: readiness up item by item, gaps closed', async () => {
    const cmp = await compare('before.yaml', 'improved.yaml');
    expect(directions(cmp)).toEqual(['win-loss-feedback:improved', 'market-problems:improved', 'positioning:improved']);
    expect(cmp.unchanged).toBe(1);
    expect(cmp.summary.readiness).toEqual({ before: 25, after: 50, delta: 25 });
    const mp = cmp.items.find((i) => i.id === 'market-problems')!;
    expect(mp.readiness).toEqual({ before: 25, after: 50, delta: 25 });
    expect(mp.capability).toEqual({ before: 2, after: 4, delta: 2 });
    expect(mp.quadrant).toEqual({ before: 'critical', after: 'stretched' });
    expect(mp.priority).toEqual({ before: 9, after: 3, delta: -6 });
    const pos = cmp.items.find((i) => i.id === 'positioning')!;
    expect(pos.owner).toEqual({
      before: { consensus: 'shared', status: 'blurred', contested: false },
      after: { consensus: 'pmm', status: 'aligned', contested: false },
    });
    expect(cmp.newGaps).toEqual([]);
    expect(cmp.closedGaps.map((g) => `${g.id}:${g.reason}:${g.priority}`)).toEqual([
      'win-loss-feedback:met:4',
      'positioning:met:2',
    ]);
    expect(cmp.regressions).toEqual([]);
    expect(cmp.functions.find((f) => f.id === 'pmm')!.readiness).toEqual({ before: 25, after: 50, delta: 25 });
    expect(cmp.interlock).toEqual([
      { from: 'pmm', to: 'pm', health: { before: 25, after: 75, delta: 50 } },
      { from: 'pm', to: 'pmm', health: { before: 75, after: 75, delta: 0 } },
    ]);
  });

  it('regressed: readiness down is a regression, in the list and the gate alike; an owner lost with readiness kept is a change', async () => {
    const cmp = await compare('before.yaml', 'regressed.yaml');
    expect(directions(cmp)).toEqual(['positioning:regressed', 'launch-cadence:regressed', 'market-problems:changed']);
    expect(cmp.items.filter((i) => i.direction === 'regressed').map((i) => i.id)).toEqual(
      cmp.regressions.filter((r) => r.id).map((r) => r.id),
    );
    expect(cmp.summary.readiness).toEqual({ before: 25, after: 15, delta: -10 });
    expect(cmp.regressions.map((r) => `${r.id ?? 'summary'} ${r.change.before}→${r.change.after}`)).toEqual([
      'summary 25→15',
      'positioning 25→0',
      'launch-cadence 75→50',
    ]);
    const mp = cmp.items.find((i) => i.id === 'market-problems')!;
    expect(mp.readiness).toEqual({ before: 25, after: 25, delta: 0 });
    expect(mp.owner!.after).toEqual({ consensus: 'pmm', status: 'misassigned', contested: false });
    expect(cmp.newGaps).toEqual([{ id: 'launch-cadence', title: 'Launch cadence', priority: 1 }]);
    expect(cmp.closedGaps).toEqual([]);
  });

  it('unchanged: nothing listed, nothing failed', async () => {
    const cmp = await compare('before.yaml', 'before.yaml');
    expect(cmp.items).toEqual([]);
    expect(cmp.unchanged).toBe(4);
    expect(cmp.regressions).toEqual([]);
    // A bank without practices has no practices index on either side: nothing to move.
    const { practices, ...indexes } = cmp.summary;
    expect(practices).toEqual({ before: null, after: null, delta: null });
    expect(Object.values(indexes).every((c) => c.delta === 0)).toBe(true);
  });

  it('a JSON report of the same answers compares as unchanged', async () => {
    const cmp = await compare('before-report.json', 'before.yaml');
    expect(cmp.items).toEqual([]);
    expect(cmp.notes).toEqual([]);
    expect(cmp.before).toMatchObject({ from: 'report', respondents: 1 });
    // Item readiness is worked out from the report's means: 25 × (min(C, K) − 1).
    expect((await side('before-report.json')).items.map((i) => i.readiness)).toEqual([25, 25, 25, 75]);
    expect(directions(await compare('before-report.json', 'improved.yaml'))).toEqual(
      directions(await compare('before.yaml', 'improved.yaml')),
    );
  });

  it('sets: a folder before, a CSV export after; means over respondents, consensus owners', async () => {
    const cmp = await compare('before-set', 'after-set.csv');
    expect(cmp.before.respondents).toBe(2);
    const mp = cmp.items.find((i) => i.id === 'market-problems')!;
    // Before: pm and pmm tie → unclear, contested; after: both pm.
    expect(mp.owner).toEqual({
      before: { consensus: 'unclear', status: 'blurred', contested: true },
      after: { consensus: 'pm', status: 'aligned', contested: false },
    });
    expect(mp.capacity).toEqual({ before: 3, after: 3.5, delta: 0.5 });
    expect(cmp.items.find((i) => i.id === 'win-loss-feedback')!.delivery).toEqual({
      before: 2,
      after: 3.5,
      delta: 1.5,
    });
    expect(cmp.regressions).toEqual([]);
  });
});

describe('compare: rounding, unrated items, other banks and targets', () => {
  const item = (id: string, fields: Partial<Snapshot['items'][number]> = {}): Snapshot['items'][number] => ({
    id,
    kind: 'responsibility',
    priority: 0,
    capability: 4,
    capacity: 4,
    delivery: null,
    frequency: null,
    readiness: 75,
    notApplicable: false,
    unknown: [],
    quadrant: 'strength',
    owner: { consensus: 'pm', status: 'aligned', contested: false },
    ...fields,
  });
  const snap = (items: Snapshot['items'], fields: Partial<Snapshot> = {}): Snapshot => ({
    source: 's',
    from: 'report',
    bank: { id: 'b', version: 1 },
    respondents: 1,
    target: 4,
    summary: {
      readiness: 50,
      capability: 50,
      capacity: 50,
      alignment: 100,
      interlock: null,
      practices: null,
      coverage: 100,
    },
    functions: [],
    interlock: [],
    items,
    gaps: items.filter((i) => i.priority > 0).map((i) => i.id),
    ...fields,
  });

  it('a gap that closes because the item is no longer rated says so', () => {
    const before = snap([item('a', { capability: 2, readiness: 25, quadrant: 'critical', priority: 4 })]);
    const after = snap([item('a', { capability: null, readiness: null, quadrant: null, priority: 0 })]);
    const cmp = compareSnapshots(before, after);
    expect(cmp.closedGaps).toEqual([{ id: 'a', title: 'a', priority: 4, reason: 'unrated' }]);
    expect(cmp.items[0]).toMatchObject({ direction: 'changed', readiness: { before: 25, after: null, delta: null } });
    expect(cmp.regressions).toEqual([]);
  });

  it('items of another bank are added and removed; the notes say the banks and targets differ', () => {
    const cmp = compareSnapshots(
      snap([item('a'), item('old')]),
      snap([item('a'), item('new')], { bank: { id: 'other', version: 2 }, target: 3 }),
    );
    expect(directions(cmp)).toEqual(['new:added', 'old:removed']);
    expect(cmp.notes).toEqual([
      'the two sides use different question banks ("b" and "other"): only the items they share are compared',
      'the two sides use different targets (4 and 3): priorities, gaps and quadrants are not like for like',
    ]);
  });

  it('with readiness unchanged, ownership settling and mixed level moves are "changed": only readiness judges', () => {
    const before = snap([
      item('a', { owner: { consensus: 'pm', status: 'aligned', contested: true } }),
      item('b', { capability: 5, capacity: 4 }),
    ]);
    const after = snap([item('a'), item('b', { capability: 4, capacity: 5 })]);
    expect(directions(compareSnapshots(before, after))).toEqual(['a:changed', 'b:changed']);
  });
});

describe('compare: an item that became not applicable', () => {
  it('is a change, not a regression, and says n/a (not applicable) rather than unanswered', async () => {
    const { compareSnapshots } = await import('../../src/core/compare/diff.js');
    const { changePhrases } = await import('../../src/core/compare/format.js');
    const before = await side('before.yaml');
    const after = {
      ...before,
      items: before.items.map((i) =>
        i.id === 'market-problems'
          ? {
              ...i,
              capability: null,
              capacity: null,
              readiness: null,
              quadrant: null,
              notApplicable: true,
              owner: { consensus: null, status: 'unanswered' as const, contested: false },
            }
          : i,
      ),
    };
    const cmp = compareSnapshots(before, after);
    const mp = cmp.items.find((i) => i.id === 'market-problems')!;
    expect(mp.direction).toBe('changed');
    expect(cmp.regressions.map((r) => r.id)).not.toContain('market-problems');
    const phrases = changePhrases(mp).join('; ');
    expect(phrases).toContain('owner pm (aligned) → n/a');
    expect(phrases).toContain('capability 2.00 → n/a');
    expect(phrases).not.toMatch(/unanswered|—|don’t know/);
  });
});
