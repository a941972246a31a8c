import { describe, expect, it } from 'vitest';
import { renderReportJson } from '../../src/core/render/report-json.js';
import { renderReportMarkdown } from '../../src/core/render/report-markdown.js';
import { renderReportTerminal } from '../../src/core/render/report-terminal.js';
import {
  actionPlan,
  charterRows,
  definitions,
  problemText,
  worstOwnership,
} from '../../src/core/render/report-view.js';
import type { ResponsibilityScore } from '../../src/core/score/model.js';
import { singleDiagnosis, teamDiagnosis } from './fixture.js';

const item = (d: ReturnType<typeof singleDiagnosis>, id: string) => d.items.find((i) => i.id === id)!;

describe('summary page and action plan', () => {
  it('orders ownership problems orphaned, blurred, misassigned, then contested', () => {
    expect(worstOwnership(singleDiagnosis(), 3).map((i) => i.id)).toEqual([
      'sales-enablement',
      'launch-planning',
      'market-problem-discovery',
    ]);
    expect(worstOwnership(singleDiagnosis(), 1).map((i) => i.id)).toEqual(['sales-enablement']);
  });

  it('lists a partial owner after the worse problems, never first', () => {
    const d = singleDiagnosis();
    // The heaviest problem becomes partial: weight no longer lifts it above the worse statuses.
    const partial = d.items.find(
      (i): i is ResponsibilityScore => i.kind === 'responsibility' && i.id === 'launch-planning',
    )!;
    partial.owner = { ...partial.owner, status: 'partial', contested: false };
    partial.weight = 3;
    const order = worstOwnership(d, 10).map((i) => i.owner.status);
    expect(order[0]).toBe('orphaned');
    expect(order.indexOf('partial')).toBeGreaterThan(order.indexOf('misassigned'));
  });

  it('says what is wrong with a gap: the axes below target and a problem owner', () => {
    const d = singleDiagnosis();
    expect(problemText(d, item(d, 'market-problem-discovery'))).toBe(
      'capability 2.00 and capacity 3.00 below target 4; owner misassigned',
    );
    expect(problemText(d, item(d, 'competitive-analysis'))).toBe('capacity 2.00 below target 4');
    expect(problemText(d, item(d, 'win-loss-feedback'))).toBe('delivery 1.00 below target 4');
    expect(problemText(d, item(d, 'positioning-and-messaging'))).toBe('at target 4');
  });

  it('has one plan row per gap on the agenda, ranked as the agenda is', () => {
    const d = singleDiagnosis();
    expect(actionPlan(d, 2)).toEqual([
      {
        rank: 1,
        id: 'market-problem-discovery',
        title: 'Market-problem discovery',
        problem: 'capability 2.00 and capacity 3.00 below target 4; owner misassigned',
        decision:
          'Move it from PMM to PM, or record why PMM keeps it. Decide which comes first, the skill or the time, and who leads it.',
      },
      {
        rank: 2,
        id: 'win-loss-feedback',
        title: 'Win/loss findings',
        problem: 'delivery 1.00 below target 4',
        decision:
          'Agree what Product Marketing hands to Product Management, in what form and by when, and who checks it arrived.',
      },
    ]);
    expect(actionPlan(d, 0)).toEqual([]);
  });

  it('takes the decision from the question bank when the item words one', () => {
    const d = singleDiagnosis();
    d.items.find((i) => i.id === 'win-loss-feedback')!.decision = 'Name who runs win/loss interviews.';
    expect(actionPlan(d, 2).map((r) => r.decision)[1]).toBe('Name who runs win/loss interviews.');
    expect(renderReportMarkdown(d, { top: 2 })).toContain('**Decision:** Name who runs win/loss interviews.');
  });

  it('words each ownership problem as the decision the charter needs, with its owners named', () => {
    const rows = charterRows(singleDiagnosis());
    expect(rows.map((r) => [r.item.id, r.status, r.decision])).toEqual([
      ['sales-enablement', 'orphaned', 'Name one accountable owner: PMM is recommended.'],
      ['launch-planning', 'blurred', 'Share it on purpose: agree which part PM and PMM each lead.'],
      ['market-problem-discovery', 'misassigned', 'Move it from PMM to PM, or record why PMM keeps it.'],
    ]);
    // Nobody holds what PM and PMM should share: the decision is to share it, not to pick "Shared" as one owner.
    const d = singleDiagnosis();
    const shared = d.items.find(
      (i): i is ResponsibilityScore => i.kind === 'responsibility' && i.id === 'launch-planning',
    )!;
    shared.owner = { ...shared.owner, status: 'orphaned' };
    expect(charterRows(d).find((r) => r.item === shared)!.decision).toBe(
      'Give it owners: PM and PMM share it, each leading an agreed part.',
    );
  });

  it('defines every ownership status and mark the report can show', () => {
    const terms = definitions(teamDiagnosis()).map(([term]) => term);
    for (const term of [
      'orphaned',
      'blurred',
      'partial',
      'misassigned',
      'contested',
      'Readiness',
      'Critical',
      '—',
      'n/a',
    ])
      expect(terms).toContain(term);
  });

  it('puts the summary, agenda, plan and charter first and the details after, in terminal and markdown', () => {
    for (const d of [singleDiagnosis(), teamDiagnosis()]) {
      const md = renderReportMarkdown(d, { top: 10 });
      const sections = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      expect(sections.slice(0, 4)).toEqual([
        'Summary',
        'Top gaps: the agenda',
        'Action plan',
        'Role charter to decide',
      ]);
      expect(sections.indexOf('Functions and areas')).toBeGreaterThan(sections.indexOf('Disagreements'));
      expect(sections.at(-2)).toBe('Definitions');
      expect(md).toContain(
        '| 6 | Sales enablement | capacity 3.00 below target 4; owner orphaned | Name one accountable owner: PMM is recommended. Free the time or people it needs, or decide what to stop doing. |  |  |  |',
      );
      const text = renderReportTerminal(d, { color: false, top: 10 });
      expect(text.indexOf('ACTION PLAN')).toBeGreaterThan(text.indexOf('TOP GAPS'));
      expect(text.indexOf('Worst ownership problems')).toBeLessThan(text.indexOf('TOP GAPS'));
      expect(text.indexOf('ROLE CHARTER TO DECIDE')).toBeLessThan(text.indexOf('FUNCTIONS AND AREAS'));
    }
    expect(renderReportMarkdown(teamDiagnosis(), { top: 10 })).toContain('**Widest disagreements:**');
    expect(renderReportMarkdown(singleDiagnosis(), { top: 10 })).not.toContain('Widest disagreements');
  });

  it('names no more top gaps on the summary than the agenda has', () => {
    const md = renderReportMarkdown(singleDiagnosis(), { top: 1 });
    expect(md).toContain('1. Market-problem discovery: capability');
    expect(md).not.toContain('2. Win/loss findings:');
  });

  it('adds the areas to the JSON report', () => {
    const json = JSON.parse(renderReportJson(teamDiagnosis(), { top: 10 }));
    expect(json.areas).toEqual([
      { id: 'market-insight', capability: 53.3, capacity: 43.3, readiness: 33.3 },
      { id: 'launch', capability: 75, capacity: 70.2, readiness: 65 },
    ]);
  });
});
