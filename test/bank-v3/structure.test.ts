import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { axesOf } from '../../src/core/bank/item-kinds.js';
import { CONTRIBUTORS, NAMED_FUNCTIONS, PARTIES, RECOMMENDED_OWNERS } from '../../src/core/bank/schema.js';
import {
  KEBAB,
  NAMED_NOT_AS_DOER,
  NUMBER_WORDS,
  STAGES,
  V3_BANK_FILE,
  appliesAt,
  fieldCount,
  formItems,
  itemsOf,
  loadV3,
  ownerAt,
  visibleTexts,
  type AnyItem,
  type Responsibility,
} from './helpers.js';

// The content of version 3 of the built-in bank against DESIGN.md's v3 format and issue 26.

const bank = loadV3();
const raw = readFileSync(V3_BANK_FILE, 'utf8');
const items = itemsOf(bank);
const responsibilities = items.filter((i) => i.kind === 'responsibility');
const practices = items.filter((i) => i.kind === 'practice');
const interlock = bank.interlock;
const LEVELS = ['1', '2', '3', '4', '5'];

describe('bank version 3: header, scales, stages and facts', () => {
  it('keeps the id and declares version 3 with growth as the default stage', () => {
    expect(bank.id).toBe('pm-pmm-diagnostic');
    expect(bank.version).toBe(3);
    expect(bank['default-stage']).toBe('growth');
    expect(bank.target).toBe(4);
  });

  it('describes the two functions and the ones around them, each with a name and a mandate', () => {
    expect(Object.keys(bank.functions).slice(0, 2)).toEqual(['pm', 'pmm']);
    for (const [id, f] of Object.entries(bank.functions)) {
      expect(NAMED_FUNCTIONS, id).toContain(id);
      expect(f.name.length, id).toBeGreaterThan(2);
      expect(f.mandate.length, id).toBeGreaterThan(40);
    }
  });

  it('tells the rater to choose the highest level whose every statement is true', () => {
    expect(bank.description).toMatch(/highest level whose every\s+statement is true/);
  });

  it('asks for the owner only of responsibilities: practices and hand-offs have no owner question', () => {
    const ownerSentences = bank.description!.split(/(?<=\.)\s+/).filter((s) => /\bwho owns\b/i.test(s));
    expect(ownerSentences.length).toBeGreaterThan(0);
    for (const sentence of ownerSentences) expect(sentence).toMatch(/\bresponsibilit(?:y|ies)\b/);
  });

  it('has the four scales, each with five distinct labelled levels', () => {
    expect(Object.keys(bank.scales)).toEqual(['capability', 'capacity', 'delivery', 'frequency']);
    for (const [name, scale] of Object.entries(bank.scales)) {
      expect(Object.keys(scale), name).toEqual(LEVELS);
      for (const [level, anchor] of Object.entries(scale)) {
        expect(Object.keys(anchor).sort(), `${name} ${level}`).toEqual(['description', 'label']);
        expect(anchor.label.length, `${name} ${level}`).toBeGreaterThan(2);
        expect(anchor.description.length, `${name} ${level}`).toBeGreaterThan(20);
      }
      expect(new Set(Object.values(scale).map((a) => a.label)).size, name).toBe(5);
      expect(new Set(Object.values(scale).map((a) => a.description)).size, name).toBe(5);
    }
  });

  it('rates practices on how often they hold, from never to always', () => {
    expect(bank.scales.frequency!['1']!.label).toBe('Never');
    expect(bank.scales.frequency!['5']!.label).toBe('Always');
  });

  it('keeps capacity about time, and capability and delivery about the result', () => {
    for (const level of ['2', '3', '4', '5'])
      expect(bank.scales.capacity![level]!.description, `capacity ${level}`).toMatch(/\btime\b|late|cut short/);
    expect(bank.scales.capability!['1']!.description).toMatch(/not done/i);
    expect(bank.scales.capability!['3']!.description).toMatch(/act on it as it is/);
    expect(bank.scales.delivery!['3']!.description).toMatch(/before it is needed/);
    expect(bank.scales.delivery!['4']!.description).toMatch(/without asking for more or reworking it/);
  });

  it('declares the three stages with their targets, whether one person doing both is expected, and revenue bands', () => {
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

  it('gives every stage revenue bands that are options of the revenue fact, each band to one stage', () => {
    const bands = Object.keys(bank.facts!.revenue!.options!);
    const staged = Object.values(bank.stages).flatMap((s) => s.revenue ?? []);
    for (const [id, stage] of Object.entries(bank.stages)) expect(stage.revenue?.length ?? 0, id).toBeGreaterThan(0);
    for (const band of staged) expect(bands, band).toContain(band);
    expect([...staged].sort()).toEqual([...bands].sort());
  });

  it('asks the organization facts DESIGN lists, each with options or a number', () => {
    expect(Object.keys(bank.facts!)).toEqual([
      'revenue',
      'pm-people',
      'pmm-people',
      'marketing-people',
      'sales-motion',
      'products',
      'pm-reports-to',
      'pmm-reports-to',
    ]);
    for (const [id, fact] of Object.entries(bank.facts!)) {
      expect(fact.question, id).toMatch(/^[^?]{10,}\?/);
      expect((fact.options === undefined) !== (fact.type === undefined), `${id}: options or a type`).toBe(true);
      if (fact.type !== undefined) expect(fact.type, id).toBe('number');
      for (const option of Object.keys(fact.options ?? {})) expect(option, id).toMatch(KEBAB);
    }
    const options = (id: string) => Object.keys(bank.facts![id]!.options!).sort();
    expect(options('sales-motion')).toEqual(['hybrid', 'product-led', 'sales-led']);
    for (const id of ['pm-reports-to', 'pmm-reports-to'])
      expect(options(id), id).toEqual(['ceo', 'cmo', 'cpo', 'cro', 'cto', 'other']);
    for (const id of ['pm-people', 'pmm-people', 'marketing-people', 'products'])
      expect(bank.facts![id]!.type, id).toBe('number');
  });
});

describe('bank version 3: only the keys of DESIGN.md', () => {
  const allowed = (keys: string[], object: object, where: string) => {
    for (const key of Object.keys(object)) expect(keys, `${where}: unknown key "${key}"`).toContain(key);
  };
  const shared = [
    'id',
    'title',
    'question',
    'weight',
    'rapid',
    'stages',
    'levels',
    'discussion',
    'decision',
    'sources',
  ];
  const scoped = ['evidence', 'target', 'targets'];

  it('at the top, in functions, stages, facts and migrations', () => {
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
        'facts',
        'migrations',
      ],
      bank,
      'bank',
    );
    for (const [id, f] of Object.entries(bank.functions)) allowed(['name', 'mandate'], f, `functions.${id}`);
    for (const [id, stage] of Object.entries(bank.stages))
      allowed(['title', 'description', 'target', 'combined', 'revenue'], stage, `stages.${id}`);
    for (const [id, fact] of Object.entries(bank.facts ?? {})) allowed(['question', 'options', 'type'], fact, id);
    for (const [version, migration] of Object.entries(bank.migrations ?? {}))
      allowed(['renamed', 'merged', 'removed'], migration, `migrations.${version}`);
  });

  it('in areas and items: a practice has no owner, capacity or evidence; anchors only on what the kind is rated on', () => {
    for (const area of bank.areas)
      allowed(['id', 'title', 'description', 'responsibilities', 'practices'], area, area.id);
    for (const area of bank.areas) {
      for (const r of area.responsibilities ?? [])
        allowed([...shared, ...scoped, 'owner', 'contributors', 'owners'], r, r.id);
      for (const p of area.practices ?? []) allowed(shared, p, p.id);
    }
    for (const i of interlock) allowed([...shared, ...scoped, 'from', 'to'], i, i.id);
    for (const item of items)
      allowed(
        axesOf(item.kind).map((axis) => axis),
        item.levels ?? {},
        `${item.id}.levels`,
      );
  });
});

describe('bank version 3: counts', () => {
  it('has 10 areas; how the teams work together holds practices only', () => {
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
      'working-together',
    ]);
    for (const area of bank.areas) {
      const size = (area.responsibilities ?? []).length + (area.practices ?? []).length;
      expect(size, area.id).toBeGreaterThanOrEqual(3);
      if (area.id !== 'working-together')
        expect((area.responsibilities ?? []).length, area.id).toBeGreaterThanOrEqual(3);
    }
    const together = bank.areas.find((a) => a.id === 'working-together')!;
    expect(together.responsibilities ?? []).toEqual([]);
    expect(together.practices!.length).toBeGreaterThanOrEqual(3);
  });

  it('has 47 responsibilities, 11 practices and 20 hand-offs', () => {
    expect([responsibilities.length, practices.length, interlock.length]).toEqual([47, 11, 20]);
  });

  it('has the hand-offs by direction: 9 from product management, 6 back, and the ones with sales, marketing and customer success', () => {
    const byDirection: Record<string, number> = {};
    for (const i of interlock) byDirection[`${i.from}>${i.to}`] = (byDirection[`${i.from}>${i.to}`] ?? 0) + 1;
    expect(byDirection).toEqual({
      'pm>pmm': 9,
      'pmm>pm': 6,
      'pmm>sales': 1,
      'pmm>marketing': 1,
      'marketing>pmm': 1,
      'sales>pmm': 1,
      'pm>cs': 1,
    });
  });

  it('has the accountable owners at growth that the coverage document gives', () => {
    const byOwner: Record<string, number> = {};
    for (const r of responsibilities.filter((r) => appliesAt(r, 'growth'))) {
      const { owner } = ownerAt(r as Responsibility, 'growth');
      byOwner[owner] = (byOwner[owner] ?? 0) + 1;
    }
    expect(byOwner).toEqual({ pm: 11, pmm: 18, leadership: 7, marketing: 4, sales: 2, shared: 2, cs: 1 });
  });

  it('has the form lengths its header comment gives (a responsibility asks 3 rated fields, a hand-off or practice 1)', () => {
    const comment = (pattern: RegExp) => {
      const match = pattern.exec(raw);
      expect(match, String(pattern)).not.toBeNull();
      return match!.slice(1).map(Number);
    };
    const kinds = (form: 'rapid' | 'full', stage: string) => {
      const scope = formItems(bank, form, stage);
      const count = (kind: AnyItem['kind']) => scope.filter((i) => i.kind === kind).length;
      return [count('responsibility'), count('practice'), count('interlock'), fieldCount(scope)];
    };
    const [r, p, h, total] = comment(
      /growth and enterprise: (\d+) responsibilities x 3 = \d+, (\d+) practice = \d+, (\d+) hand-offs = \d+: (\d+) fields/,
    );
    for (const stage of ['growth', 'enterprise']) expect(kinds('rapid', stage), stage).toEqual([r, p, h, total]);
    expect(kinds('rapid', 'startup')).toEqual(
      comment(/start-up: +(\d+) responsibilities x 3 = \d+, (\d+) practice = \d+, (\d+) hand-offs = \d+: (\d+) fields/),
    );
    const [gr, gp, gh, gt] = comment(
      /growth (\d+) responsibilities \(\d+ fields\) \+ (\d+) practices \+ (\d+) hand-offs = (\d+)/,
    );
    expect(kinds('full', 'growth')).toEqual([gr, gp, gh, gt]);
    const [er, ep, eh, et] = comment(/enterprise (\d+) responsibilities \(\d+\) \+ (\d+) \+ (\d+) = (\d+)/);
    expect(kinds('full', 'enterprise')).toEqual([er, ep, eh, et]);
    const [sr, sp, sh, st] = comment(
      /start-up (\d+) responsibilities \(\d+\)\s+#\s+\+ (\d+) practices \+ (\d+) hand-offs = (\d+)/,
    );
    expect(kinds('full', 'startup')).toEqual([sr, sp, sh, st]);
  });

  it('has as many hand-offs at start-up as the interlock comment says', () => {
    const said = /# [^\n]*?(\w+) hand-offs apply at\s+# start-up|(\w+) hand-offs apply at start-up/i.exec(raw);
    expect(said).not.toBeNull();
    const n = NUMBER_WORDS.indexOf((said![1] ?? said![2])!.toLowerCase());
    expect(interlock.filter((i) => appliesAt(i, 'startup')).length).toBe(n);
  });
});

describe('bank version 3: every item', () => {
  it('has unique kebab-case ids, areas included', () => {
    const ids = [...bank.areas.map((a) => a.id), ...items.map((i) => i.id)];
    for (const id of ids) expect(id).toMatch(KEBAB);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has a title, one question ending in its only question mark, and a weight of 1-3', () => {
    for (const item of items) {
      expect(item.title.length, item.id).toBeGreaterThan(3);
      expect(item.question, item.id).toMatch(/^[^?]{20,}\?$/);
      expect([1, 2, 3], item.id).toContain(item.weight);
    }
  });

  it('has a title and a question of its own: no two items share either', () => {
    for (const field of ['title', 'question'] as const) {
      const texts = items.map((i) => i[field].toLowerCase());
      expect(
        texts.filter((t, n) => texts.indexOf(t) !== n),
        field,
      ).toEqual([]);
    }
  });

  it('asks of every practice how often it holds, the scale it is rated on', () => {
    for (const p of practices) expect(p.question, p.id).toMatch(/\bhow often\b/i);
  });

  it('has an evidence prompt for every responsibility and hand-off', () => {
    for (const item of items.filter((i) => i.kind !== 'practice'))
      expect(item.evidence?.length ?? 0, `${item.id}: evidence`).toBeGreaterThan(20);
  });

  it('has 2 to 4 distinct discussion prompts and at least 2 distinct sources', () => {
    for (const item of items) {
      expect(item.discussion.length, item.id).toBeGreaterThanOrEqual(2);
      expect(item.discussion.length, item.id).toBeLessThanOrEqual(4);
      expect(new Set(item.discussion).size, item.id).toBe(item.discussion.length);
      expect(new Set(item.sources ?? []).size, `${item.id}: sources`).toBeGreaterThanOrEqual(2);
    }
  });

  it('tells the room what to decide when it is a top gap', () => {
    for (const item of items) expect(item.decision ?? '', item.id).toMatch(/^(?:Decide|Name|Agree|Settle)\b.{20,}\.$/);
  });

  it('uses only valid targets, stage names and per-stage targets', () => {
    for (const item of items) {
      if (item.target !== undefined) expect([1, 2, 3, 4, 5], item.id).toContain(item.target);
      for (const [stage, target] of Object.entries(item.targets ?? {})) {
        expect(STAGES, item.id).toContain(stage);
        expect([1, 2, 3, 4, 5], item.id).toContain(target);
        // a per-stage target for a stage where the item does not apply would never be used
        expect(appliesAt(item, stage), `${item.id}: target at ${stage}`).toBe(true);
      }
      if (item.stages) {
        expect(item.stages.length, item.id).toBeGreaterThan(0);
        expect(new Set(item.stages).size, item.id).toBe(item.stages.length);
        for (const stage of item.stages) expect(STAGES, item.id).toContain(stage);
      }
      if (item.rapid !== undefined) expect(item.rapid, item.id).toBe(true);
    }
  });
});

describe('bank version 3: the level anchors', () => {
  const anchored = items.filter((i) => i.rapid === true || i.weight === 3 || i.kind === 'practice');

  it('gives every rapid item, every weight-3 item and every practice its own anchors on what it is rated on', () => {
    expect(anchored.length).toBeGreaterThan(25);
    for (const item of anchored) {
      // capacity keeps the scale's time statements unless the item needs its own
      const axes = axesOf(item.kind).filter((axis) => axis !== 'capacity');
      for (const axis of axes)
        expect(Object.keys(item.levels?.[axis] ?? {}), `${item.id}.levels.${axis}`).toEqual(LEVELS);
    }
  });

  it('builds only on the level just below: a statement that names a level is one above it', () => {
    for (const item of items)
      for (const [axis, anchors] of Object.entries(item.levels ?? {}))
        for (const [level, statement] of Object.entries(anchors))
          for (const named of statement.matchAll(/\bLevel (\d)\b/g))
            expect(Number(named[1]), `${item.id}.levels.${axis}.${level}`).toBe(Number(level) - 1);
  });

  it('has five distinct statements in every anchor set', () => {
    for (const item of items)
      for (const [axis, anchors] of Object.entries(item.levels ?? {})) {
        expect(Object.keys(anchors), `${item.id}.${axis}`).toEqual(LEVELS);
        const statements = Object.values(anchors);
        for (const s of statements) expect(s.trim().length, `${item.id}.${axis}`).toBeGreaterThan(5);
        expect(new Set(statements).size, `${item.id}.${axis}`).toBe(5);
      }
  });

  // Review 2.1 ("anchors measuring formality"): the growth target sat on "a written method or a
  // second person", a backup person, a named person's job, or "reviewed together"; none of them
  // may be what level 4 asks, so that one capable person can reach it.
  const FORMALITY =
    /\b(?:written|writes? (?:it )?down|document(?:s|ed|ation)?|wiki|playbook|backup|back-up|stand-in|deputy|second person|another person|someone else|anyone else|(?:a|one) named person|cover(?:s|ed)? for|reviewed together|review (?:meeting|ritual|board)|ritual)\b/i;

  it('asks at level 4 nothing one capable person cannot do: no document, backup, second person or review ritual', () => {
    expect(FORMALITY.test('A written method, or a second person who has done it.')).toBe(true);
    expect(FORMALITY.test('A backup person is ready to cover.')).toBe(true);
    expect(FORMALITY.test('The hand-off was reviewed together in the last year.')).toBe(true);
    for (const [name, scale] of Object.entries(bank.scales))
      expect(scale['4']!.description, `scales.${name}.4`).not.toMatch(FORMALITY);
    for (const item of items)
      for (const [axis, anchors] of Object.entries(item.levels ?? {}))
        expect(anchors['4'], `${item.id}.levels.${axis}.4`).not.toMatch(FORMALITY);
  });
});

describe('bank version 3: owners', () => {
  it('gives responsibilities an accountable owner and contributors from the owner codes, never the owner itself, at every stage', () => {
    for (const r of responsibilities as Responsibility[]) {
      expect(RECOMMENDED_OWNERS as readonly string[], r.id).toContain(r.owner);
      for (const stage of STAGES.filter((s) => appliesAt(r, s))) {
        const { owner, contributors } = ownerAt(r, stage);
        expect(RECOMMENDED_OWNERS as readonly string[], `${r.id} at ${stage}`).toContain(owner);
        for (const c of contributors)
          expect(CONTRIBUTORS as readonly string[], `${r.id}: contributor ${c}`).toContain(c);
        expect(contributors, `${r.id} at ${stage}`).not.toContain(owner);
        expect(new Set(contributors).size, `${r.id} at ${stage}`).toBe(contributors.length);
      }
    }
  });

  it('gives per-stage owners only for stages where the item applies, and only where they change something', () => {
    for (const r of responsibilities as Responsibility[])
      for (const [stage, staged] of Object.entries(r.owners ?? {})) {
        expect(STAGES as readonly string[], r.id).toContain(stage);
        expect(appliesAt(r, stage), `${r.id}: owners at ${stage}`).toBe(true);
        expect(
          staged.owner !== r.owner || (staged.contributors ?? []).join() !== (r.contributors ?? []).join(),
          `${r.id} at ${stage}`,
        ).toBe(true);
      }
  });

  it('has the owners issue 26 settled: founders at start-up, specialists at enterprise, leadership for price and the boundary', () => {
    const owner = (id: string, stage = 'growth') =>
      ownerAt(responsibilities.find((r) => r.id === id) as Responsibility, stage).owner;
    expect(owner('boundary-decisions')).toBe('leadership');
    expect(owner('pricing')).toBe('leadership');
    for (const id of ['product-strategy', 'business-case', 'value-proposition', 'gtm-plan'])
      expect([owner(id, 'startup'), id]).toEqual(['leadership', id]);
    expect(owner('customer-onboarding')).toBe('cs');
    expect(owner('demand-generation')).toBe('marketing');
    expect(owner('strategic-deal-support')).toBe('sales');
    expect(owner('sales-training', 'enterprise')).toBe('sales');
    expect(owner('value-proposition')).toBe('pm');
    expect(owner('positioning-and-messaging')).toBe('pmm');
  });

  it('links every hand-off between two different parties, and gives practices no owner', () => {
    for (const i of interlock) {
      expect(PARTIES as readonly string[], i.id).toContain(i.from);
      expect(PARTIES as readonly string[], i.id).toContain(i.to);
      expect(i.from, i.id).not.toBe(i.to);
    }
    for (const p of practices) expect(Object.keys(p), p.id).not.toContain('owner');
  });
});

describe('bank version 3: wording', () => {
  const FUNCTION_WORD = String.raw`(?:pmm?|product manage(?:r|rs|ment)|product market(?:er|ers|ing)|marketing|sales|salespeople|sellers?|reps?|customer success|support|engineering|engineers?|leadership|leaders?|executives?|founders?|finance|legal)`;
  const mentions = (text: string) => [...text.matchAll(new RegExp(String.raw`\b${FUNCTION_WORD}\b`, 'gi'))];

  it('primes no owner: no responsibility question names a function except as the receiver or the object of the work', () => {
    for (const r of responsibilities) {
      if (r.id in NAMED_NOT_AS_DOER)
        expect(mentions(r.question).length, `${r.id}: listed but names none`).toBeGreaterThan(0);
      else
        expect(
          mentions(r.question).map((m) => m[0]),
          r.id,
        ).toEqual([]);
    }
    for (const item of items) {
      expect(item.question, item.id).not.toMatch(
        new RegExp(String.raw`\b${FUNCTION_WORD}\s+(?:should|must|ought)\b`, 'i'),
      );
      expect(item.question, item.id).not.toMatch(/\bshould\b/i);
    }
  });

  it('asks one thing per question: no "how often and how well" pairs, no " and how "', () => {
    for (const item of items) {
      expect(item.question, item.id).not.toMatch(/\bhow \w+ and how\b/i);
      expect(item.question, item.id).not.toMatch(/\band how\b/i);
    }
  });

  it('spells out the functions in every question and glosses go-to-market where a question uses it', () => {
    for (const item of items) {
      expect(item.question, item.id).not.toMatch(/\bPMM?s?\b/);
      if (/go-to-market/i.test(item.question)) expect(item.question, item.id).toMatch(/go-to-market \w+ \([^)]+\)/i);
    }
  });

  it('uses no jargon a chief executive or a sales leader misreads, in anything the room sees', () => {
    for (const { where, text } of visibleTexts(bank))
      expect(text, where).not.toMatch(/\b(?:RACI|interlock|sell-through|backlog|win\/loss|discovery)\b/i);
  });

  it('asks every discussion prompt about this company’s own cases: an instance or an instruction, never a yes-or-no or either-or choice', () => {
    for (const item of items)
      for (const prompt of item.discussion) {
        expect(prompt, item.id).not.toMatch(
          /^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b/i,
        );
        // "…, or a yearly dinner?": a flattering answer offered beside an unflattering one
        expect(prompt, item.id).not.toMatch(/, or (?:a|an|the|just|only|merely)\b[^?]*\?$/i);
        expect(prompt, item.id).toMatch(/[?.]$/);
      }
  });
});

describe('bank version 3: what the room never sees', () => {
  const texts = visibleTexts(bank);
  // "Source" in the sense of where a piece of customer data came from is the client's, not ours.
  const CLIENT_PROVENANCE = /\b(?:its source|no source|with sources and counts)\b/gi;
  const PROJECT_WORDS = /\b(?:seeds?|articles?|sources?)\b/i;

  it('covers every kind of text a respondent or the room sees', () => {
    const fields = new Set(texts.map((t) => t.where.split('.').pop()));
    for (const field of ['title', 'question', 'evidence', 'decision', 'label', 'description', 'mandate', 'name'])
      expect(fields, field).toContain(field);
    expect(texts.some((t) => /\.discussion\.\d$/.test(t.where))).toBe(true);
    expect(texts.some((t) => /\.levels\.\w+\.\d$/.test(t.where))).toBe(true);
    expect(texts.some((t) => t.where.startsWith('facts.'))).toBe(true);
    expect(texts.some((t) => t.where.startsWith('stages.'))).toBe(true);
  });

  it('mentions no seed, article or source of this project', () => {
    expect(PROJECT_WORDS.test('the product planner split that seed 003 says fails')).toBe(true);
    expect(PROJECT_WORDS.test('Two of our source articles disagree'.replace(CLIENT_PROVENANCE, ''))).toBe(true);
    for (const { where, text } of texts) expect(text.replace(CLIENT_PROVENANCE, ''), where).not.toMatch(PROJECT_WORDS);
  });

  /** The authors and publications the `sources` lists cite: the part before the first comma, split into names. */
  function citedNames(): string[] {
    const names = new Set<string>();
    for (const source of items.flatMap((i) => i.sources ?? [])) {
      const head = source.split(',')[0]!;
      // a description of an unnamed source ("Blog post", "Essay on …") names nobody
      if (/^(?:blog post|essay on)\b/i.test(head)) continue;
      for (const part of head.split(/\s+and\s+|\s*[()]\s*/)) {
        const name = part.replace(/\bothers\b/, '').trim();
        if (name.length >= 3) names.add(name);
      }
    }
    return [...names];
  }

  it('names no author or publication that the sources cite', () => {
    const names = citedNames();
    for (const expected of ['Pragmatic Institute', 'Blackblot', 'April Dunford', 'SBI', 'SiriusDecisions', 'pmdude'])
      expect(names, expected).toContain(expected);
    const pattern = new RegExp(
      `\\b(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`,
      'i',
    );
    for (const { where, text } of texts) expect(text, where).not.toMatch(pattern);
  });
});

describe('bank version 3: the rapid form', () => {
  const BOUNDARY = [
    'user-personas',
    'buyer-personas-and-buying-process',
    'value-proposition',
    'positioning-and-messaging',
    'gtm-plan',
    'pricing',
    'launch-plan',
    'boundary-decisions',
    'guard-rails',
  ];

  it('asks at most 36 rated fields at every stage, and exactly the 34 the bank comment and the coverage document give', () => {
    for (const stage of STAGES) {
      const fields = fieldCount(formItems(bank, 'rapid', stage));
      expect(fields, stage).toBeLessThanOrEqual(36);
      expect(fields, stage).toBe(34);
    }
  });

  it('covers the contested boundary at every stage: both personas, value proposition and positioning, the go-to-market plan, pricing, launch, the boundary decisions and guard rails', () => {
    for (const stage of STAGES) {
      const ids = formItems(bank, 'rapid', stage).map((i) => i.id);
      for (const id of BOUNDARY) expect(ids, `${id} at ${stage}`).toContain(id);
    }
  });

  it('covers the hand-offs both ways between the two functions wherever such hand-offs apply', () => {
    for (const stage of STAGES) {
      const full = new Set(
        formItems(bank, 'full', stage).flatMap((i) => (i.kind === 'interlock' ? [`${i.from}>${i.to}`] : [])),
      );
      const rapid = new Set(
        formItems(bank, 'rapid', stage).flatMap((i) => (i.kind === 'interlock' ? [`${i.from}>${i.to}`] : [])),
      );
      for (const direction of ['pm>pmm', 'pmm>pm'])
        if (full.has(direction)) expect(rapid.has(direction), `${direction} at ${stage}`).toBe(true);
      expect(full.has('pm>pmm') && full.has('pmm>pm'), stage).toBe(true);
    }
  });

  it('asks about one person doing both jobs at start-up only', () => {
    for (const stage of STAGES)
      expect(
        formItems(bank, 'rapid', stage).some((i) => i.id === 'combined-role-coverage'),
        stage,
      ).toBe(stage === 'startup');
  });
});
