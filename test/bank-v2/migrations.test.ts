import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { V1_EXAMPLES, itemsOf, loadV2, readYaml, v1Ids, v1Items, type Kind } from './helpers.js';

const bank = loadV2();
const v2Kinds = new Map<string, Kind>(itemsOf(bank).map((i) => [i.id, i.kind]));
const v1 = v1Ids();
const fromV1 = bank.migrations['1']!;
const renamed = Object.entries(fromV1.renamed ?? {});
const merged = Object.entries(fromV1.merged ?? {});
const removed = fromV1.removed ?? [];

describe('migrations from version 1', () => {
  it('reads all 52 items of version 1 (38 responsibilities, 14 interlock)', () => {
    const kinds = [...v1.values()];
    expect(kinds.filter((k) => k === 'responsibility')).toHaveLength(38);
    expect(kinds.filter((k) => k === 'interlock')).toHaveLength(14);
  });

  it('has only version 1, with renamed, merged and removed', () => {
    expect(Object.keys(bank.migrations)).toEqual(['1']);
    for (const key of Object.keys(fromV1)) expect(['renamed', 'merged', 'removed']).toContain(key);
  });

  it('gives every version 1 id exactly one fate: kept, renamed, merged or removed', () => {
    const fates = new Map<string, string[]>();
    const note = (id: string, fate: string) => fates.set(id, [...(fates.get(id) ?? []), fate]);
    for (const id of v1.keys()) if (v2Kinds.has(id)) note(id, 'kept');
    for (const [id] of renamed) note(id, 'renamed');
    for (const [id] of merged) note(id, 'merged');
    for (const id of removed) note(id, 'removed');
    for (const id of v1.keys()) expect(fates.get(id) ?? [], id).toHaveLength(1);
    // no mapping names an id that version 1 never had
    for (const id of fates.keys()) expect(v1.has(id), `${id} is not a version 1 id`).toBe(true);
  });

  it('maps only to ids that exist in version 2, of the same kind (a responsibility to a responsibility, a hand-off to a hand-off)', () => {
    for (const [from, to] of [...renamed, ...merged]) {
      expect(v2Kinds.has(to), `${from} -> ${to}`).toBe(true);
      expect(v2Kinds.get(to), `${from} -> ${to}`).toBe(v1.get(from));
    }
  });

  it('renames one to one: each new name is used once and was not an id of version 1', () => {
    const targets = renamed.map(([, to]) => to);
    expect(new Set(targets).size).toBe(targets.length);
    for (const to of targets) expect(v1.has(to), to).toBe(false);
  });

  it('folds the launch cluster into fewer items: launch mechanics are measured in one responsibility and three hand-offs', () => {
    const launchCluster = [
      'launch-readiness-and-status',
      'on-time-delivery-and-beta',
      'quality-launch-on-time-on-spec',
      'launch-status-cadence',
      'roadmap-and-release-plan',
    ];
    const targets = new Set(launchCluster.map((id) => Object.fromEntries([...renamed, ...merged])[id]));
    expect([...targets].sort()).toEqual(['launch-plan', 'release-plan-and-early-warning']);
  });
});

describe('the stems the review found double-barrelled or leading', () => {
  // bank-review.md §3, items 3 and 4
  const doubleBarrelled = [
    'launch-strategy-and-plan',
    'shared-goals-and-structure',
    'customer-visits-and-advisory-boards',
    'cross-functional-leadership',
    'roadmap',
    'pricing-and-packaging',
    'product-strategy-and-portfolio',
    'profitability-and-lifecycle',
    'on-time-delivery-and-beta',
    'demand-generation-and-retention',
    'pr-analyst-relations-thought-leadership',
    'competitive-analysis',
    'distinctive-competence',
    'marketing-plan',
    'marketing-programmes-and-plans',
    'quality-launch-on-time-on-spec',
    'roadmap-and-release-plan',
  ];
  const leading = ['stakeholder-communications', 'marketing-plan', 'launch-readiness-and-status'];
  const v2Questions = new Map(itemsOf(bank).map((i) => [i.id, i.question]));
  const old = v1Items();

  it.each([...new Set([...doubleBarrelled, ...leading])])('%s is split, merged or asked anew', (id) => {
    expect(old.has(id)).toBe(true);
    if (v2Questions.has(id)) expect(v2Questions.get(id)).not.toBe(old.get(id)!.question);
  });
});

describe('the version 1 examples under version 2', () => {
  const mapping = new Map<string, string>([...renamed, ...merged]);
  const examples = ['launch-orphaned.yaml', 'mature.yaml', 'startup-one-person.yaml'];

  it.each(examples)('%s of version 1: every answered id reaches an item of version 2 of the same kind', (name) => {
    const answers = readYaml<{ answers: Record<string, unknown> }>(join(V1_EXAMPLES, name)).answers;
    const ids = Object.keys(answers);
    expect(ids.length).toBe(52);
    for (const id of ids) {
      const target = v2Kinds.has(id) ? id : mapping.get(id);
      expect(target, `${id} has no home in version 2`).toBeDefined();
      expect(v2Kinds.get(target!), id).toBe(v1.get(id));
    }
  });
});
