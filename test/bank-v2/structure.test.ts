import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNTABLE_OWNERS,
  CONTRIBUTOR_CODES,
  KEBAB,
  STAGES,
  V2_BANK_FILE,
  appliesAt,
  formItems,
  itemsOf,
  loadV2,
  questionCount,
  type Responsibility,
} from './helpers.js';

const bank = loadV2();
const items = itemsOf(bank);
const responsibilities = items.filter((i) => i.kind === 'responsibility');
const interlock = bank.interlock;
const rapid = items.filter((i) => i.rapid === true);
const levels = ['1', '2', '3', '4', '5'];

describe('bank version 2: header, scales and stages', () => {
  it('keeps the id and declares version 2 with growth as the default stage', () => {
    expect(bank.id).toBe('pm-pmm-diagnostic');
    expect(bank.version).toBe(2);
    expect(bank['default-stage']).toBe('growth');
    expect(bank.target).toBe(4);
    expect(Object.keys(bank.functions).sort()).toEqual(['pm', 'pmm']);
  });

  it('declares the three stages with their targets and whether one person doing both is expected', () => {
    expect(Object.keys(bank.stages)).toEqual([...STAGES]);
    const shape = Object.fromEntries(
      Object.entries(bank.stages).map(([id, s]) => [id, { target: s.target, combined: s.combined }]),
    );
    expect(shape).toEqual({
      startup: { target: 3, combined: true },
      growth: { target: 4, combined: false },
      enterprise: { target: 4, combined: false },
    });
    for (const stage of Object.values(bank.stages)) {
      expect(stage.title.length).toBeGreaterThan(2);
      expect(stage.description.length).toBeGreaterThan(40);
    }
  });

  it('tells the rater to choose the highest level whose every statement is true', () => {
    expect(bank.description).toMatch(/highest level whose every statement is true/);
  });

  it.each(['capability', 'capacity', 'delivery'])(
    'the %s scale has five labelled levels, each above 2 adding one condition to the level below',
    (name) => {
      const scale = bank.scales[name]!;
      expect(Object.keys(scale)).toEqual(levels);
      for (const [level, anchor] of Object.entries(scale)) {
        expect(Object.keys(anchor).sort(), `${name} ${level}`).toEqual(['description', 'label']);
        expect(anchor.label.length).toBeGreaterThan(2);
        if (Number(level) >= 3)
          expect(anchor.description, `${name} ${level}`).toMatch(new RegExp(`^Level ${Number(level) - 1}, and `));
        // one condition: after "Level N, and" no further "and also"/"; and" joins a second one
        expect(anchor.description, `${name} ${level}`).not.toMatch(/;\s*and\b|\band also\b/);
        // a "but" states a shortfall that the higher levels, which include this one, would contradict
        expect(anchor.description, `${name} ${level}`).not.toMatch(/\bbut\b/i);
      }
      expect(new Set(Object.values(scale).map((a) => a.label)).size).toBe(5);
    },
  );

  it('anchors capability on the result, so an expert working alone is not rated 1', () => {
    expect(bank.scales.capability!['1']!.description).toMatch(/not done/i);
    expect(bank.scales.capability!['3']!.description).toMatch(/act on it as it is/);
    expect(bank.scales.capability!['3']!.description).toMatch(/expert working alone/);
  });

  it('fits the delivery scale to milestone and recurring hand-offs: before it is needed, in a usable form', () => {
    expect(bank.scales.delivery!['3']!.description).toMatch(/before it is needed/);
    expect(bank.scales.delivery!['3']!.description).toMatch(/milestone/);
    expect(bank.scales.delivery!['3']!.description).toMatch(/recurring/);
    expect(bank.scales.delivery!['4']!.description).toMatch(/without asking for more or reworking it/);
  });
});

describe('bank version 2: only the keys of DESIGN.md', () => {
  const allowed = (keys: string[], object: object, where: string) => {
    for (const key of Object.keys(object)) expect(keys, `${where}: unknown key "${key}"`).toContain(key);
  };
  const itemKeys = [
    'id',
    'title',
    'question',
    'evidence',
    'weight',
    'target',
    'targets',
    'stages',
    'rapid',
    'discussion',
    'sources',
  ];

  it('at the top, in stages, areas, responsibilities, hand-offs and migrations', () => {
    allowed(
      [
        '$schema',
        'id',
        'version',
        'title',
        'description',
        'target',
        'default-stage',
        'functions',
        'scales',
        'stages',
        'areas',
        'interlock',
        'migrations',
      ],
      bank,
      'bank',
    );
    for (const [id, stage] of Object.entries(bank.stages))
      allowed(['title', 'description', 'target', 'combined'], stage, `stages.${id}`);
    for (const area of bank.areas) {
      allowed(['id', 'title', 'description', 'responsibilities'], area, area.id);
      for (const r of area.responsibilities) allowed([...itemKeys, 'owner', 'contributors'], r, r.id);
    }
    for (const i of interlock) allowed([...itemKeys, 'from', 'to'], i, i.id);
    for (const [version, migration] of Object.entries(bank.migrations))
      allowed(['renamed', 'merged', 'removed'], migration, `migrations.${version}`);
  });
});

describe('bank version 2: counts', () => {
  it('has 10 areas and 50 responsibilities, each area with at least 3', () => {
    expect(bank.areas.map((a) => a.id)).toEqual([
      'market-insight',
      'strategy-and-business',
      'definition-and-planning',
      'go-to-market-strategy',
      'launch',
      'adoption-and-lifecycle',
      'marketing-programmes',
      'enablement',
      'roles-and-staffing',
      'leader-behaviours',
    ]);
    expect(responsibilities).toHaveLength(50);
    for (const area of bank.areas) expect(area.responsibilities.length, area.id).toBeGreaterThanOrEqual(3);
  });

  it('has the accountable owners the review argued for', () => {
    const byOwner: Record<string, number> = {};
    for (const r of responsibilities) byOwner[r.owner] = (byOwner[r.owner] ?? 0) + 1;
    expect(byOwner).toEqual({ pm: 16, pmm: 21, shared: 8, leadership: 5 });
  });

  it('has 13 interlock items: 7 from product marketing, 6 from product management', () => {
    expect(interlock.filter((i) => i.from === 'pmm' && i.to === 'pm')).toHaveLength(7);
    expect(interlock.filter((i) => i.from === 'pm' && i.to === 'pmm')).toHaveLength(6);
    expect(interlock).toHaveLength(13);
  });
});

describe('bank version 2: every item', () => {
  it('has unique kebab-case ids, areas included', () => {
    const ids = [...bank.areas.map((a) => a.id), ...items.map((i) => i.id)];
    for (const id of ids) expect(id).toMatch(KEBAB);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has one question ending in a single question mark, an evidence prompt, a title and a weight of 1-3', () => {
    for (const item of items) {
      expect(item.title.length, item.id).toBeGreaterThan(3);
      expect(item.question, item.id).toMatch(/^[^?]{20,}\?$/);
      expect(item.evidence?.length ?? 0, `${item.id}: evidence`).toBeGreaterThan(20);
      expect([1, 2, 3], item.id).toContain(item.weight);
    }
  });

  it('has 2 to 4 distinct discussion prompts and at least 2 distinct sources', () => {
    for (const item of items) {
      expect(item.discussion.length, item.id).toBeGreaterThanOrEqual(2);
      expect(item.discussion.length, item.id).toBeLessThanOrEqual(4);
      expect(new Set(item.discussion).size, item.id).toBe(item.discussion.length);
      expect(new Set(item.sources ?? []).size, `${item.id}: sources`).toBeGreaterThanOrEqual(2);
    }
  });

  it('uses only valid targets, stage names and per-stage targets', () => {
    for (const item of items) {
      if (item.target !== undefined) expect([1, 2, 3, 4, 5], item.id).toContain(item.target);
      for (const [stage, target] of Object.entries(item.targets ?? {})) {
        expect(STAGES, item.id).toContain(stage);
        expect([1, 2, 3, 4, 5], item.id).toContain(target);
      }
      if (item.stages) {
        expect(item.stages.length, item.id).toBeGreaterThan(0);
        expect(new Set(item.stages).size, item.id).toBe(item.stages.length);
        for (const stage of item.stages) expect(STAGES, item.id).toContain(stage);
        // a per-stage target for a stage where the item does not apply would never be used
        for (const stage of Object.keys(item.targets ?? {})) expect(item.stages, item.id).toContain(stage);
      }
      if (item.rapid !== undefined) expect(item.rapid, item.id).toBe(true);
    }
  });

  it('gives responsibilities an accountable owner and contributors from the owner codes, never the owner itself', () => {
    for (const r of responsibilities as Responsibility[]) {
      expect(ACCOUNTABLE_OWNERS, r.id).toContain(r.owner);
      for (const c of r.contributors ?? []) expect(CONTRIBUTOR_CODES, `${r.id}: contributor ${c}`).toContain(c);
      expect(r.contributors ?? [], r.id).not.toContain(r.owner);
      expect(new Set(r.contributors ?? []).size, r.id).toBe((r.contributors ?? []).length);
    }
  });

  it('names, in a comment on the item, the team that each `other` contributor stands for', () => {
    const raw = readFileSync(V2_BANK_FILE, 'utf8');
    for (const r of responsibilities as Responsibility[]) {
      if (!(r.contributors ?? []).includes('other')) continue;
      const start = raw.indexOf(`- id: ${r.id}\n`);
      const end = raw.indexOf('- id: ', start + 1);
      const comments = raw
        .slice(start, end === -1 ? undefined : end)
        .split('\n')
        .filter((line) => line.trim().startsWith('#'))
        .join(' ');
      expect(comments, r.id).toMatch(/\(`other`\)/);
    }
  });

  it('gives leadership the role charter and the staffing of the two functions', () => {
    const owner = (id: string) => (responsibilities.find((r) => r.id === id) as Responsibility | undefined)?.owner;
    expect(owner('role-charter-and-raci')).toBe('leadership');
    expect(owner('pm-pmm-staffing-balance')).toBe('leadership');
    expect(owner('combined-role-coverage')).toBe('leadership');
  });

  it('settles the disputed owners of the review', () => {
    const owner = (id: string) => (responsibilities.find((r) => r.id === id) as Responsibility | undefined)?.owner;
    const contributors = (id: string) =>
      (responsibilities.find((r) => r.id === id) as Responsibility | undefined)?.contributors ?? [];
    expect([owner('value-proposition'), contributors('value-proposition')]).toEqual(['pm', ['pmm']]);
    expect(owner('technical-collateral')).toBe('pmm');
    expect(contributors('technical-collateral')).toContain('pm');
    expect(owner('pricing')).toBe('pm');
  });

  it('links every hand-off between the two functions, in either direction', () => {
    for (const i of interlock) {
      expect(['pm', 'pmm'], i.id).toContain(i.from);
      expect(['pm', 'pmm'], i.id).toContain(i.to);
      expect(i.from, i.id).not.toBe(i.to);
    }
  });

  it('leaves hand-offs out of every stage where one person is expected to do both jobs', () => {
    const combinedStages = Object.entries(bank.stages)
      .filter(([, s]) => s.combined)
      .map(([id]) => id);
    expect(combinedStages).toEqual(['startup']);
    for (const i of interlock) for (const stage of combinedStages) expect(appliesAt(i, stage), i.id).toBe(false);
  });

  it('primes no owner: no question says who should do the work, and no responsibility names a function as the doer', () => {
    const functionName = String.raw`(?:pmm?|product manage(?:r|rs|ment)|product market(?:er|ers|ing)|marketing|engineering|sales|leadership)`;
    for (const item of items)
      expect(item.question, item.id).not.toMatch(
        new RegExp(String.raw`\b${functionName}\s+(?:should|must|ought)\b`, 'i'),
      );
    for (const item of items) expect(item.question, item.id).not.toMatch(/\bshould\b/i);
    for (const r of responsibilities) {
      expect(r.question, r.id).not.toMatch(
        new RegExp(
          String.raw`\b(?:does|do|is|are|can|will|has|have)\s+(?:the\s+)?(?:pmm?|product manage(?:r|rs|ment)|product market(?:er|ers|ing))\b`,
          'i',
        ),
      );
    }
  });

  it('asks one thing per question: no "how often and how well" pairs', () => {
    for (const item of items) expect(item.question, item.id).not.toMatch(/\bhow \w+ and how\b/i);
  });

  it('cites every seed article by author or title', () => {
    const cited = items.flatMap((i) => i.sources ?? []);
    for (const seed of [
      /SiriusDecisions blog, If You're in Product Management/,
      /seed 001/,
      /Brian Waters \(SBI\)/,
      /^pmdude, /,
      /Product Management vs Product Marketing \(19 September 2008\)/,
    ]) {
      expect(
        cited.some((s) => seed.test(s)),
        String(seed),
      ).toBe(true);
    }
  });
});

describe('bank version 2: the rapid form', () => {
  it('has 12 to 16 items and at most 40 questions, at every stage too', () => {
    expect(rapid.length).toBeGreaterThanOrEqual(12);
    expect(rapid.length).toBeLessThanOrEqual(16);
    expect(questionCount(rapid)).toBeLessThanOrEqual(40);
    for (const stage of STAGES) expect(questionCount(formItems(bank, 'rapid', stage)), stage).toBeLessThanOrEqual(40);
  });

  it('covers every area at every stage', () => {
    for (const stage of STAGES) {
      const covered = new Set(
        formItems(bank, 'rapid', stage).flatMap((i) => (i.kind === 'responsibility' ? [i.area] : [])),
      );
      expect([...covered].sort(), stage).toEqual(bank.areas.map((a) => a.id).sort());
    }
  });

  it('covers both interlock directions wherever the interlock applies', () => {
    for (const stage of ['growth', 'enterprise']) {
      const directions = new Set(
        formItems(bank, 'rapid', stage).flatMap((i) => (i.kind === 'interlock' ? [`${i.from}>${i.to}`] : [])),
      );
      expect([...directions].sort(), stage).toEqual(['pm>pmm', 'pmm>pm']);
    }
  });

  it('is the figures the bank comment and the coverage document give', () => {
    expect(questionCount(rapid)).toBe(37);
    expect(questionCount(formItems(bank, 'rapid', 'growth'))).toBe(34);
    expect(questionCount(formItems(bank, 'rapid', 'startup'))).toBe(33);
  });
});
