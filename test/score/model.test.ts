import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBankFile } from '../../src/io/bank-files.js';
import type { InterlockScore, ResponsibilityScore } from '../../src/core/score/model.js';
import { NAMED_PER_ANSWER, consensusOwner, diagnose, ownershipStatus } from '../../src/core/score/diagnose.js';
import { evidenceRows } from '../../src/core/render/report-scope.js';
import { defaultTarget, itemTarget, resolveScope } from '../../src/core/answers/scope.js';
import { bankItems } from '../../src/core/bank/items.js';
import { BANKS } from '../foundation/helpers.js';
import { respondent, tinyBank } from './bank.js';

// docs/design.md "Ownership" and "Scoring" on a version-2 bank: stages, the rapid form, per-stage
// targets, contributors, a leadership-owned item, both sides of a handoff and evidence.

const v2 = loadBankFile(join(BANKS, 'v2-minimal.yaml'));
const byId = (d: ReturnType<typeof diagnose>, id: string) => d.items.find((i) => i.id === id);
const resp = (d: ReturnType<typeof diagnose>, id: string) => byId(d, id) as ResponsibilityScore;
const link = (d: ReturnType<typeof diagnose>, id: string) => byId(d, id) as InterlockScore;
const ids = (d: ReturnType<typeof diagnose>) => d.items.map((i) => i.id);

describe('ownership statuses (docs/design.md "Ownership")', () => {
  it('follows the table for every accountable owner', () => {
    expect(ownershipStatus('pm', null)).toBe('unanswered');
    expect(ownershipStatus('pm', 'pm')).toBe('aligned');
    expect(ownershipStatus('shared', 'shared')).toBe('aligned');
    expect(ownershipStatus('leadership', 'leadership')).toBe('aligned');
    expect(ownershipStatus('pmm', 'none')).toBe('orphaned');
    expect(ownershipStatus('shared', 'none')).toBe('orphaned');
    expect(ownershipStatus('pm', 'unclear')).toBe('blurred');
    expect(ownershipStatus('pm', 'shared')).toBe('blurred');
    expect(ownershipStatus('leadership', 'shared')).toBe('blurred');
    expect(ownershipStatus('shared', 'pm')).toBe('partial');
    expect(ownershipStatus('shared', 'pmm')).toBe('partial');
    expect(ownershipStatus('pm', 'pmm')).toBe('misassigned');
    expect(ownershipStatus('leadership', 'pm')).toBe('misassigned');
    expect(ownershipStatus('shared', 'sales')).toBe('misassigned');
    expect(ownershipStatus('pmm', 'leadership')).toBe('misassigned');
  });

  it('combined is aligned only at a stage that expects it, and never for a leadership item', () => {
    for (const owner of ['pm', 'pmm', 'shared'] as const) {
      expect(ownershipStatus(owner, 'combined', true)).toBe('aligned');
      expect(ownershipStatus(owner, 'combined', false)).toBe('blurred');
    }
    expect(ownershipStatus('leadership', 'combined', true)).toBe('blurred');
  });

  it('combined at each stage of the bank: aligned at startup (combined: true), blurred at growth and enterprise', () => {
    const r = respondent({ 'market-problems': { owner: 'combined' }, 'operating-model': { owner: 'combined' } });
    const status = (stage: string, id: string) => resp(diagnose(v2, [r], { stage }), id).owner.status;
    expect(status('startup', 'market-problems')).toBe('aligned');
    expect(status('growth', 'market-problems')).toBe('blurred');
    expect(status('enterprise', 'market-problems')).toBe('blurred');
    expect(status('startup', 'operating-model')).toBe('blurred');
    // A bank without stages has one implicit stage that expects no combined role.
    expect(resp(diagnose(tinyBank, [respondent({ a: { owner: 'combined' } })]), 'a').owner.status).toBe('blurred');
  });

  it('contested when the consensus has less than 2/3 of the owner answers', () => {
    expect(consensusOwner({ pm: 2, pmm: 1 })).toEqual({ consensus: 'pm', contested: false });
    expect(consensusOwner({ pm: 3, pmm: 2 })).toEqual({ consensus: 'pm', contested: true });
    expect(consensusOwner({ combined: 1, pm: 1 })).toEqual({ consensus: 'unclear', contested: true });
  });

  it('alignment = 100 × aligned weight / weight over answered responsibilities in scope', () => {
    // market-problems (3) aligned, positioning (2) misassigned, pricing (2) partial, operating-model (1) unanswered.
    const r = respondent({
      'market-problems': { owner: 'pm' },
      positioning: { owner: 'pm' },
      pricing: { owner: 'pmm' },
    });
    const growth = diagnose(v2, [r], { stage: 'growth' });
    expect(resp(growth, 'pricing').owner.status).toBe('partial');
    expect(growth.summary.alignment).toBeCloseTo((100 * 3) / 7, 10);
    // At startup pricing is out of scope: its answer counts nowhere.
    expect(diagnose(v2, [r], { stage: 'startup' }).summary.alignment).toBe(60);
  });

  it('carries the contributors to the output, empty when the bank names none', () => {
    const d = diagnose(v2, [], { stage: 'growth' });
    expect(resp(d, 'market-problems').owner.contributors).toEqual(['pmm', 'sales']);
    expect(resp(d, 'pricing').owner.contributors).toEqual([]);
    expect(resp(d, 'operating-model').owner.recommended).toBe('leadership');
  });
});

describe('targets: T = targets[s] ?? target ?? --target ?? stages[s].target ?? bank target', () => {
  const target = (stage: string | undefined, id: string, cliTarget?: number) =>
    byId(diagnose(v2, [], { stage, target: cliTarget }), id)!.target;

  it('a per-stage target wins at its stage only', () => {
    expect(target('startup', 'market-problems')).toBe(2);
    expect(target('startup', 'market-problems', 5)).toBe(2);
    expect(target('growth', 'market-problems')).toBe(4);
  });

  it("an item's own target beats --target and the stage's", () => {
    expect(target('enterprise', 'positioning', 1)).toBe(3);
    expect(target('enterprise', 'positioning')).toBe(3);
  });

  it("--target beats the stage's target, which beats the bank's", () => {
    expect(target('enterprise', 'operating-model', 2)).toBe(2);
    expect(target('enterprise', 'operating-model')).toBe(5);
    expect(target('startup', 'operating-model')).toBe(3);
    expect(diagnose(v2, [], { stage: 'enterprise' }).target).toBe(5);
    expect(defaultTarget(v2, null)).toBe(4);
    expect(
      itemTarget(
        bankItems(tinyBank).find((i) => i.id === 'a')!,
        null,
        4,
      ),
    ).toBe(4);
  });

  it('the priority and quadrant use the stage target', () => {
    const r = respondent({ 'market-problems': { owner: 'pm', capability: 2, capacity: 3 } });
    const startup = resp(diagnose(v2, [r], { stage: 'startup' }), 'market-problems');
    expect(startup.priority).toBe(0);
    expect(startup.quadrant).toBe('strength');
    const growth = resp(diagnose(v2, [r], { stage: 'growth' }), 'market-problems');
    expect(growth.priority).toBe(3 * (2 + 1));
    expect(growth.quadrant).toBe('critical');
  });
});

describe('scope: stage and form', () => {
  it('the stage is --stage, else the most frequent in the answers (a notice when they differ), else the default stage', () => {
    const at = (stage?: string) => respondent({}, stage === undefined ? {} : { stage });
    expect(resolveScope(v2, [at('startup')], { stage: 'enterprise' })).toEqual({
      stage: 'enterprise',
      stageSource: 'option',
      form: 'full',
      notices: [],
      forms: { rapid: 0, full: 1 },
    });
    const mixed = resolveScope(v2, [at('startup'), at('enterprise'), at('enterprise'), at()], {});
    expect(mixed.stage).toBe('enterprise');
    expect(mixed.notices).toHaveLength(1);
    expect(mixed.notices[0]).toContain('startup, enterprise');
    const agreed = resolveScope(v2, [at('startup'), at('startup')], {});
    expect(agreed).toEqual({
      stage: 'startup',
      stageSource: 'answers',
      form: 'full',
      notices: [],
      forms: { rapid: 0, full: 2 },
    });
    expect(resolveScope(v2, [at()], {})).toMatchObject({ stage: 'growth', stageSource: 'default' });
    expect(resolveScope(tinyBank, [at()], {})).toMatchObject({ stage: null, stageSource: null });
  });

  it('the form is --form, else rapid when every file says rapid, else full', () => {
    const form = (forms: ('rapid' | 'full' | undefined)[], option?: 'rapid' | 'full') =>
      resolveScope(
        v2,
        forms.map((f) => respondent({}, f === undefined ? {} : { form: f })),
        { form: option },
      ).form;
    expect(form(['rapid', 'rapid'])).toBe('rapid');
    expect(form(['rapid', 'full'])).toBe('full');
    expect(form(['rapid', undefined])).toBe('full');
    expect(form([])).toBe('full');
    expect(form(['rapid', 'rapid'], 'full')).toBe('full');
    expect(form(['full'], 'rapid')).toBe('rapid');
  });

  it('items out of the stage or the form are left out of every list, and counted once', () => {
    expect(ids(diagnose(v2, [], { stage: 'growth' }))).toEqual([
      'market-problems',
      'positioning',
      'pricing',
      'operating-model',
      'win-loss-feedback',
    ]);
    expect(diagnose(v2, [], { stage: 'growth' }).outOfScope).toBe(1);
    expect(ids(diagnose(v2, [], { stage: 'startup' }))).toEqual([
      'market-problems',
      'positioning',
      'operating-model',
      'win-loss-feedback',
    ]);
    expect(ids(diagnose(v2, [], { stage: 'enterprise' }))).toHaveLength(6);
    const rapid = diagnose(v2, [], { stage: 'enterprise', form: 'rapid' });
    expect(ids(rapid)).toEqual(['market-problems', 'positioning', 'operating-model', 'win-loss-feedback']);
    expect(rapid.outOfScope).toBe(2);
    expect(rapid.form).toBe('rapid');
  });

  it('answers to out-of-scope items count in no score, coverage, gap or knowledge gap, and stay with the respondent', () => {
    const r = respondent({
      'market-problems': { owner: 'pm', capability: 4, capacity: 4 },
      pricing: { owner: 'none', capability: 1, capacity: 1 },
      'launch-cadence': { delivery: 1 },
    });
    const d = diagnose(v2, [r], { stage: 'startup' });
    expect(d.summary.capability).toBe(75);
    expect(d.summary.readiness).toBe(75);
    expect(d.summary.interlock).toBeNull();
    expect(d.gaps).not.toContain('pricing');
    expect(d.gaps).not.toContain('launch-cadence');
    expect(d.knowledgeGaps.unanswered.map((u) => u.id)).toEqual([
      'positioning',
      'operating-model',
      'win-loss-feedback',
    ]);
    // Coverage over the 4 items in scope: 1 answered.
    expect(d.summary.coverage).toBe(25);
    expect(d.respondents[0]!.coverage).toBe(25);
    expect(r.answers.has('pricing')).toBe(true);
  });

  it('an all-rapid set of files is scored on the rapid form; a mixed set on the full one', () => {
    const answers = {
      'market-problems': { owner: 'pm' as const, capability: 2, capacity: 2 },
      pricing: { owner: 'pm' as const, capability: 1, capacity: 1 },
    };
    const allRapid = diagnose(v2, [respondent(answers, { form: 'rapid' }), respondent(answers, { form: 'rapid' })]);
    expect(allRapid.form).toBe('rapid');
    expect(allRapid.gaps).toEqual(['market-problems']);
    expect(allRapid.summary.coverage).toBe(25);
    const mixed = diagnose(v2, [respondent(answers, { form: 'rapid' }), respondent(answers, { form: 'full' })]);
    expect(mixed.form).toBe('full');
    expect(mixed.gaps).toEqual(['market-problems', 'pricing']);
  });

  it('mixed forms: each respondent is scored over their own form, and the report counts each form', () => {
    const kinds = new Map(bankItems(v2).map((item) => [item.id, item.kind]));
    const answer = (level: number) => (id: string) => {
      const rated =
        kinds.get(id) === 'interlock'
          ? { delivery: level }
          : { owner: 'pm' as const, capability: level, capacity: level };
      return [id, rated];
    };
    const asked = (form: 'rapid' | 'full') => ids(diagnose(v2, [], { stage: 'growth', form }));
    const fullOnly = asked('full').filter((id) => !asked('rapid').includes(id));
    expect(fullOnly).toContain('pricing');
    const rapid = [1, 2, 3, 4].map(() =>
      respondent(Object.fromEntries(asked('rapid').map(answer(2))), { form: 'rapid' }),
    );
    const full = respondent(Object.fromEntries(asked('full').map(answer(4))), { form: 'full' });
    const d = diagnose(v2, [...rapid, full], { stage: 'growth' });
    expect(d.form).toBe('full');
    expect(d.forms).toEqual({ rapid: 4, full: 1 });
    expect(d.respondents.map((r) => r.coverage)).toEqual([100, 100, 100, 100, 100]);
    expect(d.summary.coverage).toBe(100);
    expect(d.knowledgeGaps.unanswered).toEqual([]);
    // A full-form item's numbers come from those who were asked it; a rapid item's from everyone.
    expect(resp(d, 'pricing').capability).toBe(4);
    expect(resp(d, 'market-problems').capability).toBeCloseTo((4 * 2 + 4) / 5);
    // A rapid respondent who leaves a rapid item open is short of it, and of nothing else.
    const open = diagnose(v2, [respondent({}, { form: 'rapid' }), full], { stage: 'growth' });
    expect(open.respondents[0]!.coverage).toBe(0);
    expect(open.knowledgeGaps.unanswered).toEqual(asked('rapid').map((id) => ({ id, respondents: 1 })));
    expect(open.summary.coverage).toBe((100 * asked('full').length) / (asked('full').length + asked('rapid').length));
  });

  it('functions group responsibilities by accountable owner, leadership included', () => {
    const r = respondent({ 'operating-model': { owner: 'leadership', capability: 3, capacity: 5 } });
    const d = diagnose(v2, [r], { stage: 'growth' });
    expect(d.functions.map((f) => f.id)).toEqual(['pm', 'pmm', 'shared', 'leadership']);
    expect(d.functions.find((f) => f.id === 'leadership')).toEqual({
      id: 'leadership',
      capability: 50,
      capacity: 100,
      readiness: 50,
    });
  });
});

describe('handoff perception: giver against receiver', () => {
  const team = (pmm: number[], pm: number[], others: number[] = []) => [
    ...pmm.map((delivery) => respondent({ 'win-loss-feedback': { delivery } }, { role: 'pmm' })),
    ...pm.map((delivery) => respondent({ 'win-loss-feedback': { delivery } }, { role: 'pm' })),
    ...others.map((delivery) => respondent({ 'win-loss-feedback': { delivery } }, { role: 'sales' })),
  ];

  it('giver = mean delivery from the from-role, receiver = from the to-role; listed at a level or more apart', () => {
    const d = diagnose(v2, team([4, 5], [3], [1]));
    expect(link(d, 'win-loss-feedback').deliveryBySide).toEqual({ giver: 4.5, receiver: 3 });
    expect(link(d, 'win-loss-feedback').delivery).toBe(13 / 4);
    expect(d.handoffPerception).toEqual([
      { id: 'win-loss-feedback', from: 'pmm', to: 'pm', giver: 4.5, receiver: 3, difference: 1.5 },
    ]);
  });

  it('exactly one level apart is listed, less is not, and a receiver who rates higher gives a negative difference', () => {
    expect(diagnose(v2, team([3], [4])).handoffPerception[0]?.difference).toBe(-1);
    expect(diagnose(v2, team([3, 4], [3])).handoffPerception).toEqual([]);
  });

  it('one side missing: null, and not listed', () => {
    const d = diagnose(v2, team([4], [], [1]));
    expect(link(d, 'win-loss-feedback').deliveryBySide).toEqual({ giver: 4, receiver: null });
    expect(d.handoffPerception).toEqual([]);
  });
});

describe('evidence', () => {
  it('unevidenced = respondents who rated capability 3 or more without evidence text; scores unchanged', () => {
    const rs = [
      respondent({ 'market-problems': { capability: 3 } }, { name: 'Ann' }),
      respondent({ 'market-problems': { capability: 5, evidence: 'interview notes' } }, { name: 'Ben' }),
      respondent({ 'market-problems': { capability: 2 } }, { name: 'Cy' }),
      respondent({ 'market-problems': { capability: 'unknown' } }, { name: 'Di' }),
      respondent({ 'market-problems': { capability: 4, note: 'a note is not evidence' } }, { name: 'Ed' }),
    ];
    const d = diagnose(v2, rs);
    expect(resp(d, 'market-problems').unevidenced).toBe(2);
    expect(resp(d, 'market-problems').capability).toBe((3 + 5 + 2 + 4) / 4);
    expect(resp(d, 'positioning').unevidenced).toBe(0);
    expect(d.unevidenced).toEqual([{ id: 'market-problems', claims: 3, unevidenced: 2, respondents: ['Ann', 'Ed'] }]);
  });

  it('names the first few respondents of a claim and counts them all', () => {
    const rs = Array.from({ length: NAMED_PER_ANSWER + 2 }, (_, i) =>
      respondent({ 'market-problems': { capability: 4 } }, { name: `r${i}` }),
    );
    const [claim] = diagnose(v2, rs).unevidenced;
    expect(claim).toMatchObject({ claims: NAMED_PER_ANSWER + 2, unevidenced: NAMED_PER_ANSWER + 2 });
    expect(claim!.respondents).toHaveLength(NAMED_PER_ANSWER);
    expect(evidenceRows(diagnose(v2, rs))[0]![2]).toMatch(/, r7 and 2 more$/);
  });
});
