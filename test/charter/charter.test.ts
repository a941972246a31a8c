import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/errors.js';
import { diagnose } from '../../src/core/score/diagnose.js';
import type { ResponsibilityScore } from '../../src/core/score/model.js';
import { renderReport } from '../../src/core/render/report.js';
import type { ReportFormat } from '../../src/core/render/formats.js';
import { problemsOf } from '../foundation/helpers.js';
import { checkCharterText } from '../../src/core/charter/load.js';
import { parseAnswers } from '../../src/core/answers/load.js';
import { readFileText } from '../../src/io/read.js';
import { ANSWERS_CS, CHARTER, bank, charterOf, fixtureCharter, laterBank, respondent } from './helpers.js';

const DATE = '2026-12-10';
const onboarding = (charter = fixtureCharter()) =>
  diagnose(bank, [respondent()], { date: DATE, charter }).items.find(
    (i) => i.id === 'customer-onboarding',
  ) as ResponsibilityScore;

describe('charter file: loading', () => {
  it('reads decisions and actions, contributors defaulting to none', () => {
    const c = fixtureCharter();
    expect(c.bank).toBe('pm-pmm-diagnostic');
    expect(c.decided).toBe('2026-12-10');
    expect(c.decisions.get('customer-onboarding')).toEqual({
      owner: 'cs',
      contributors: ['pm', 'pmm'],
      note: 'CS runs it; PMM supplies the content',
    });
    expect(c.decisions.get('launch-plan')).toEqual({ owner: 'pmm', contributors: [] });
    expect(c.actions.map((a) => a.status)).toEqual(['open', 'open', 'done']);
  });

  it('reports every problem at once, with line, column, found, expected and "did you mean"', () => {
    const text = [
      'charter: pm-pmm-diagnostc',
      'decided: 2026-13-01',
      'decisions:',
      '  customer-onbording: { owner: cs }',
      '  launch-plan: { owner: nobody }',
      '  sales-enablement-content: { owner: pm }',
      'actions:',
      '  - { item: lanch-plan, action: x, owner: Priya, due: 2027-01-15, status: late }',
      '',
    ].join('\n');
    expect(problemsOf(() => charterOf(text)).map(formatProblem)).toEqual([
      expect.stringMatching(
        /^charter\.yaml:1:10: charter: the charter was decided over another question bank \(found "pm-pmm-diagnostc", expected "pm-pmm-diagnostic"/,
      ),
      expect.stringMatching(
        /^charter\.yaml:2:10: decided: invalid value \(found "2026-13-01", expected a date such as 2026-12-10\)/,
      ),
      expect.stringMatching(
        /^charter\.yaml:4:3: decisions\.customer-onbording: unknown responsibility id "customer-onbording" \(did you mean "customer-onboarding"\?\)/,
      ),
      expect.stringMatching(
        /^charter\.yaml:5:25: decisions\.launch-plan\.owner: invalid value \(found "nobody", expected pm, pmm, shared, combined, marketing, cs, sales/,
      ),
      expect.stringMatching(
        /^charter\.yaml:6:3: decisions\.sales-enablement-content: "sales-enablement-content" is an interlock item/,
      ),
      expect.stringMatching(
        /^charter\.yaml:8:13: actions\.0\.item: unknown item id "lanch-plan" \(did you mean "launch-plan"\?\)/,
      ),
      expect.stringMatching(
        /^charter\.yaml:8:75: actions\.0\.status: invalid value \(found "late", expected open, done, dropped\)/,
      ),
    ]);
  });

  it('names an unknown key with "did you mean"', () => {
    const problems = problemsOf(() => charterOf('charter: pm-pmm-diagnostic\ndecided: 2026-12-10\ndecisons: {}\n'));
    expect(problems.map(formatProblem)).toEqual([
      expect.stringContaining('3:1: decisons: unknown key "decisons" (did you mean "decisions"?)'),
    ]);
  });
});

describe('charter: the accountable owner', () => {
  it('makes customer success the owner of onboarding: aligned with the charter, misassigned without it', () => {
    expect(onboarding().owner).toMatchObject({ recommended: 'pm', consensus: 'cs', status: 'aligned' });
    expect(onboarding().owner.decided?.owner).toBe('cs');
    const without = diagnose(bank, [respondent()], { date: DATE }).items.find((i) => i.id === 'customer-onboarding');
    expect((without as ResponsibilityScore).owner.status).toBe('misassigned');
    expect((without as ResponsibilityScore).owner.decided).toBeUndefined();
  });

  it('counts an item that follows the charter as aligned in the alignment index', () => {
    const withCharter = diagnose(bank, [respondent()], { date: DATE, charter: fixtureCharter() }).summary.alignment!;
    const without = diagnose(bank, [respondent()], { date: DATE }).summary.alignment!;
    expect(withCharter).toBeGreaterThan(without);
  });

  it('lists where the charter departs from the recommendation', () => {
    const d = diagnose(bank, [respondent()], { date: DATE, charter: fixtureCharter() });
    expect(d.charter!.decisions.map((x) => [x.id, x.departs, x.status])).toEqual([
      ['launch-plan', true, 'aligned'],
      ['customer-onboarding', true, 'aligned'],
    ]);
    const kept = charterOf(
      'charter: pm-pmm-diagnostic\ndecided: 2026-12-10\ndecisions:\n  customer-onboarding: { owner: pm, contributors: [other, pmm] }\n',
    );
    const d2 = diagnose(bank, [respondent()], { date: DATE, charter: kept });
    expect(d2.charter!.decisions.map((x) => [x.id, x.departs, x.status])).toEqual([
      ['customer-onboarding', false, 'misassigned'],
    ]);
  });
});

describe('charter: actions on the report date', () => {
  const charter = () =>
    charterOf(
      [
        'charter: pm-pmm-diagnostic',
        'decided: 2026-11-01',
        'actions:',
        '  - { item: launch-plan, action: later, owner: A, due: 2027-01-01, status: open }',
        '  - { item: launch-plan, action: due, owner: B, due: 2026-12-09, status: open }',
        '  - { item: launch-plan, action: finished, owner: C, due: 2026-11-01, status: done }',
        '  - { item: launch-plan, action: today, owner: D, due: 2026-12-10, status: open }',
        '',
      ].join('\n'),
    );
  const actions = (date: string) =>
    diagnose(bank, [respondent()], { date, charter: charter() }).charter!.actions.map((a) => [a.action, a.overdue]);

  it('puts overdue actions (open, due before the report date) first', () => {
    expect(actions('2026-12-10')).toEqual([
      ['due', true],
      ['finished', false],
      ['today', false],
      ['later', false],
    ]);
  });

  it('is overdue only once the report date has passed its due date', () => {
    expect(actions('2026-12-09').filter(([, overdue]) => overdue)).toEqual([]);
    expect(
      actions('2027-01-02')
        .filter(([, overdue]) => overdue)
        .map(([a]) => a),
    ).toEqual(['due', 'today', 'later']);
  });
});

describe('charter: every format', () => {
  const d = () => diagnose(bank, [respondent()], { date: DATE, charter: fixtureCharter() });
  const without = () => diagnose(bank, [respondent()], { date: DATE });
  const render = (format: ReportFormat, diagnosis = d()) =>
    renderReport(diagnosis, format, { color: false, top: 10, width: 100 });

  it.each(['terminal', 'markdown', 'html'] as ReportFormat[])(
    '%s: the decisions, what follows, the overdue action first',
    async (format) => {
      const text = await render(format);
      expect(text).toMatch(/Our charter: decisions and actions/i);
      expect(text).toContain('Customer success');
      expect(text).toContain('the charter departs from it');
      expect(text).toContain('CS runs it; PMM supplies the content');
      const overdue = text.indexOf('Measure every AI claim before launch');
      expect(overdue).toBeGreaterThan(0);
      expect(overdue).toBeLessThan(text.indexOf('Name one launch owner per release'));
      expect(text).toContain('OVERDUE');
      expect(await render(format, without())).not.toMatch(/Our charter: decisions and actions/i);
    },
  );

  it.each(['terminal', 'markdown', 'html'] as ReportFormat[])(
    "%s: the summary page counts the actions overdue on the report's date",
    async (format) => {
      const text = await render(format);
      const start = text.search(/SUMMARY \(|## Summary|<section id="summary"/);
      const end = text.search(/TOP GAPS: THE AGENDA|## Top gaps|<section id="agenda"/);
      expect(start).toBeGreaterThan(0);
      expect(end).toBeGreaterThan(start);
      const summary = text.slice(start, end);
      expect(summary).toContain(`1 of 3 actions overdue on ${DATE}; 2 of 2 decisions followed.`);
      const later = diagnose(bank, [respondent()], { date: '2999-06-01', charter: fixtureCharter() });
      expect(await render(format, later)).toContain('2 of 3 actions overdue on 2999-06-01');
      expect(await render(format, without())).not.toContain('actions overdue');
    },
  );

  it('html: the words of the charter are escaped', async () => {
    const charter = charterOf(
      'charter: pm-pmm-diagnostic\ndecided: 2026-12-10\ndecisions:\n  customer-onboarding: { owner: cs, note: "<script>x</script>" }\nactions:\n  - { item: launch-plan, action: "<b>go</b>", owner: "<i>Priya</i>", due: 2027-01-01, status: open }\n',
    );
    const html = await render('html', diagnose(bank, [respondent()], { date: DATE, charter }));
    expect(html).not.toContain('<script>x');
    expect(html).not.toContain('<b>go');
    expect(html).not.toContain('<i>Priya');
    expect(html).toContain('&lt;b&gt;go&lt;/b&gt;');
  });

  it('defines the decided accountable owner and overdue only with a charter', async () => {
    expect(await render('markdown')).toContain('**Decided accountable**');
    expect(await render('markdown', without())).not.toContain('Decided accountable');
  });

  it('json: the decided owner beside the recommendation, the followed items and the actions', async () => {
    const json = JSON.parse(await render('json'));
    const item = json.items.find((i: { id: string }) => i.id === 'customer-onboarding');
    expect(item.owner).toMatchObject({
      recommended: 'pm',
      decided: { owner: 'cs', contributors: ['pm', 'pmm'] },
      status: 'aligned',
    });
    expect(json.decided.followed).toEqual(['launch-plan', 'customer-onboarding']);
    expect(json.decided.actions[0]).toMatchObject({ item: 'ai-claims-validation', overdue: true });
    expect(json.decided.overdue).toBe(1);
    const plain = JSON.parse(await render('json', without()));
    expect(plain.decided).toBeUndefined();
    expect(plain.items.find((i: { id: string }) => i.id === 'customer-onboarding').owner.status).toBe('misassigned');
  });

  it('csv: a row per decision and per action, the overdue action first', async () => {
    const rows = (await render('csv')).split('\r\n');
    const decision = rows.find((r) => r.startsWith('Charter decision') && r.includes('customer-onboarding'))!;
    expect(decision).toContain('follows the charter: yes');
    expect(decision).toContain('decided: Customer success');
    const actions = rows.filter((r) => r.startsWith('Charter action'));
    expect(actions[0]).toContain('ai-claims-validation');
    expect(actions[0]).toContain('overdue');
  });
});

describe('charter: decided with an earlier version of the bank', () => {
  const later = laterBank();
  const v2 = readFileText(CHARTER)
    .text.replace('decided: 2026-12-10', 'bank-version: 2\ndecided: 2026-12-10')
    .concat(
      '  - { item: launch-tiering, action: "Tier every launch", owner: "Ana Ruiz", due: 2999-02-01, status: open }\n',
    );
  const check = (text: string) => checkCharterText({ source: 'charter.yaml', text }, later);

  it('moves renamed and merged ids as answers move, sets aside what was removed, and says so', () => {
    const { value, problems } = check(v2);
    expect(value).toBeDefined();
    expect([...value!.decisions.keys()]).toEqual(['onboarding-and-adoption', 'launch-plan']);
    expect(value!.decisions.get('onboarding-and-adoption')!.owner).toBe('cs');
    expect(value!.actions.map((a) => [a.item, a.action])).toEqual([
      ['launch-plan', 'Name one launch owner per release'],
      ['onboarding-and-adoption', 'Write the onboarding guide'],
      ['launch-plan', 'Tier every launch'],
    ]);
    const warnings = problems.filter((p) => p.severity === 'warning').map(formatProblem);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^charter\.yaml:3:15: warning: bank-version: the charter was decided with version 2 .* read as version 3/,
    );
    // Nothing dropped without a word: every old id is named, with where it went.
    expect(warnings[0]).toContain('customer-onboarding → onboarding-and-adoption (renamed)');
    expect(warnings[0]).toContain('launch-tiering → launch-plan (merged)');
    expect(warnings[0]).toContain('ai-claims-validation (removed)');
  });

  it('migrates a charter that does not say its version, and uses the decided owner in the report', () => {
    const { value, problems } = check(readFileText(CHARTER).text);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.map(formatProblem).join('\n')).toMatch(/decisions or actions under ids of an earlier version/);
    const answers = parseAnswers(readFileText(ANSWERS_CS), later).respondent;
    const item = diagnose(later, [answers], { date: DATE, charter: value }).items.find(
      (i) => i.id === 'onboarding-and-adoption',
    ) as ResponsibilityScore;
    expect(item.owner).toMatchObject({ consensus: 'cs', status: 'aligned' });
    expect(item.owner.decided?.owner).toBe('cs');
  });

  it('sets aside a second decision merged into an item already decided, naming it', () => {
    const { value, problems } = check(
      v2.replace('  launch-plan: { owner: pmm }', '  launch-plan: { owner: pmm }\n  launch-tiering: { owner: pm }'),
    );
    expect(value!.decisions.get('launch-plan')!.owner).toBe('pmm');
    expect(problems.map(formatProblem).join('\n')).toContain('launch-tiering (merged into launch-plan');
  });

  it('still refuses an id no migration knows, with "did you mean"', () => {
    const { value, problems } = check(v2.replace('launch-plan: { owner: pmm }', 'lanch-plan: { owner: pmm }'));
    expect(value).toBeUndefined();
    expect(problems.map(formatProblem).join('\n')).toContain('did you mean "launch-plan"');
  });
});
