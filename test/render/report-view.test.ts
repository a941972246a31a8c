import { describe, expect, it } from 'vitest';
import { renderReportJson } from '../../src/render/report-json.js';
import { renderReportMarkdown } from '../../src/render/report-markdown.js';
import { renderReportTerminal } from '../../src/render/report-terminal.js';
import { actionPlan, problemText, worstOwnership } from '../../src/render/report-view.js';
import type { ResponsibilityScore } from '../../src/model.js';
import { singleDiagnosis, teamDiagnosis } from './fixture.js';

const item = (d: ReturnType<typeof singleDiagnosis>, id: string) => d.items.find((i) => i.id === id)!;

describe('summary page and action plan', () => {
  it('orders ownership problems orphaned, blurred, misassigned, then contested', () => {
    expect(worstOwnership(singleDiagnosis(), 3).map((i) => i.id)).toEqual(['sales-enablement', 'launch-planning', 'market-problem-discovery']);
    expect(worstOwnership(singleDiagnosis(), 1).map((i) => i.id)).toEqual(['sales-enablement']);
  });

  it('lists a partial owner after the worse problems, never first', () => {
    const d = singleDiagnosis();
    // The heaviest problem becomes partial: weight no longer lifts it above the worse statuses.
    const partial = d.items.find((i): i is ResponsibilityScore => i.kind === 'responsibility' && i.id === 'launch-planning')!;
    partial.owner = { ...partial.owner, status: 'partial', contested: false };
    partial.weight = 3;
    const order = worstOwnership(d, 10).map((i) => i.owner.status);
    expect(order[0]).toBe('orphaned');
    expect(order.indexOf('partial')).toBeGreaterThan(order.indexOf('misassigned'));
  });

  it('says what is wrong with a gap: the axes below target and a problem owner', () => {
    const d = singleDiagnosis();
    expect(problemText(item(d, 'market-problem-discovery'))).toBe('capability 2.00 and capacity 3.00 below target 4; owner misassigned');
    expect(problemText(item(d, 'competitive-analysis'))).toBe('capacity 2.00 below target 4');
    expect(problemText(item(d, 'win-loss-feedback'))).toBe('delivery 1.00 below target 4');
    expect(problemText(item(d, 'positioning-and-messaging'))).toBe('at target 4');
  });

  it('has one plan row per gap on the agenda, ranked as the agenda is', () => {
    const d = singleDiagnosis();
    expect(actionPlan(d, 2)).toEqual([
      { rank: 1, title: 'Market-problem discovery', problem: 'capability 2.00 and capacity 3.00 below target 4; owner misassigned' },
      { rank: 2, title: 'Win/loss findings', problem: 'delivery 1.00 below target 4' },
    ]);
    expect(actionPlan(d, 0)).toEqual([]);
  });

  it('puts the summary first and the plan after the agenda, in terminal and markdown', () => {
    for (const d of [singleDiagnosis(), teamDiagnosis()]) {
      const md = renderReportMarkdown(d, { top: 10 });
      const sections = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      expect(sections.slice(0, 2)).toEqual(['Summary', 'Functions and areas']);
      expect(sections.indexOf('Action plan')).toBe(sections.indexOf('Top gaps: the agenda') + 1);
      expect(md).toContain('| 6 | Sales enablement | capacity 3.00 below target 4; owner orphaned |  |  |  |');
      const text = renderReportTerminal(d, { color: false, top: 10 });
      expect(text.indexOf('ACTION PLAN')).toBeGreaterThan(text.indexOf('TOP GAPS'));
      expect(text.indexOf('Worst ownership problems')).toBeLessThan(text.indexOf('FUNCTIONS AND AREAS'));
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
