import { describe, expect, it } from 'vitest';
import { renderReportJson } from '../../src/core/render/report-json.js';
import { HOSTILE, hostileDiagnosis, singleDiagnosis, teamDiagnosis } from './fixture.js';
import { expectGolden } from './golden.js';

const json = (d = singleDiagnosis(), top = 10) => renderReportJson(d, { top });
const parse = (d = singleDiagnosis()) =>
  JSON.parse(json(d)) as Record<string, unknown> & { items: Record<string, unknown>[] };

describe('JSON gap report', () => {
  it('matches the golden files', () => {
    expectGolden('report.json', json());
    expectGolden('report-team.json', json(teamDiagnosis()));
  });

  it('is pretty-printed with two spaces and no colour', () => {
    const text = json();
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(text).not.toContain('\u001b');
  });

  it('keeps the public contract, rounded', () => {
    const r = parse();
    expect(r.schemaVersion).toBe(1);
    expect(r.bank).toEqual({
      id: 'pm-pmm-diagnostic',
      version: 1,
      title: 'Product Management and Product Marketing functional diagnostic',
    });
    expect(r.respondents).toBe(1);
    expect(r.target).toBe(4);
    expect(r.summary).toEqual({
      readiness: 45,
      capability: 62.5,
      capacity: 56.3,
      alignment: 41.7,
      interlock: 30,
      // Bank v3 adds the practices index: null where the bank has no practices.
      practices: null,
      coverage: 87.5,
    });
    expect(r.functions).toEqual([
      { id: 'pm', capability: 25, capacity: 50, readiness: 25 },
      { id: 'pmm', capability: 90, capacity: 53.6, readiness: 55 },
      { id: 'shared', capability: 50, capacity: 75, readiness: 50 },
    ]);
    expect(r.interlock).toEqual([
      { from: 'pmm', to: 'pm', health: 0 },
      { from: 'pm', to: 'pmm', health: 50 },
    ]);
    expect(r.gaps).toEqual([
      'market-problem-discovery',
      'win-loss-feedback',
      'competitive-analysis',
      'roadmap-preview',
      'launch-planning',
      'sales-enablement',
    ]);
    expect(r.generatedAt).toBe('2026-03-02');
    expect(r.organization).toBe('Acme Corp');
    expect(r.respondentList).toEqual([
      {
        name: 'Dana Lee',
        role: 'pmm',
        source: 'answers/dana.yaml',
        coverage: 87.5,
        answeredAreas: ['market-insight', 'launch', 'interlock'],
      },
    ]);
  });

  it('lists the role charter to decide, worst first, and the decision on each gap', () => {
    const r = parse(teamDiagnosis()) as ReturnType<typeof parse> & { charter: unknown[] };
    expect(r.charter).toEqual([
      {
        id: 'sales-enablement',
        recommended: 'pmm',
        contributors: [],
        answers: { none: 1 },
        status: 'orphaned',
        contested: false,
        decision: 'Name one accountable owner: PMM is recommended.',
      },
      {
        id: 'launch-planning',
        recommended: 'shared',
        contributors: [],
        answers: { pm: 1, pmm: 1, shared: 1 },
        status: 'blurred',
        contested: true,
        decision: 'Share it on purpose: agree which part PM and PMM each lead.',
      },
      {
        id: 'market-problem-discovery',
        recommended: 'pm',
        contributors: [],
        answers: { pmm: 2, pm: 1 },
        status: 'misassigned',
        contested: false,
        decision: 'Move it from PMM to PM, or record why PMM keeps it.',
      },
    ]);
    const decisions = Object.fromEntries(r.items.map((i) => [i.id, i.decision]));
    expect(decisions['competitive-analysis']).toBe('Free the time or people it needs, or decide what to stop doing.');
    // An item at target is no gap: nothing to decide unless the bank words something.
    expect(decisions['positioning-and-messaging']).toBeNull();
  });

  it('gives each item the keys of its kind', () => {
    const items = parse().items;
    expect(items.map((i) => i.id)).toHaveLength(8);
    const responsibility = items.find((i) => i.id === 'market-problem-discovery')!;
    expect(responsibility).toMatchObject({
      kind: 'responsibility',
      priority: 9,
      capability: 2,
      capacity: 3,
      quadrant: 'critical',
      owner: { recommended: 'pm', consensus: 'pmm', status: 'misassigned', contested: false },
    });
    expect(responsibility).not.toHaveProperty('delivery');
    const unrated = items.find((i) => i.id === 'pricing-and-packaging')!;
    expect(unrated).toMatchObject({
      capability: null,
      capacity: null,
      quadrant: null,
      owner: { consensus: null, status: 'unanswered' },
    });
    const interlock = items.find((i) => i.id === 'win-loss-feedback')!;
    expect(interlock).toMatchObject({ kind: 'interlock', priority: 6, delivery: 1, from: 'pmm', to: 'pm' });
    for (const key of ['capability', 'capacity', 'quadrant', 'owner']) expect(interlock).not.toHaveProperty(key);
  });

  it('rounds means and priorities to 2 decimals, indexes to 1', () => {
    const r = JSON.parse(json(teamDiagnosis()));
    const item = r.items.find((i: { id: string }) => i.id === 'competitive-analysis');
    expect(item).toMatchObject({ capability: 4.33, capacity: 2.33, priority: 3.33, readiness: 33.3 });
    expect(r.interlock[1].health).toBe(58.3);
    expect(r.perception[0]).toMatchObject({ function: 'pm', self: 75, others: 12.5, gap: 62.5 });
    expect(r.disagreements[0]).toMatchObject({ id: 'market-problem-discovery', axis: 'capability', spread: 3 });
    expect(r.respondentList[2]).toEqual({
      name: null,
      role: 'sales',
      source: 'answers/priya.yaml',
      coverage: 75,
      answeredAreas: ['market-insight', 'launch', 'interlock'],
    });
  });

  it('round-trips hostile text exactly', () => {
    const r = JSON.parse(json(hostileDiagnosis()));
    expect(r.organization).toBe(HOSTILE);
    expect(r.bank.title).toBe(HOSTILE);
    expect(r.items[0].notes[0]).toEqual({ respondent: HOSTILE, role: null, note: HOSTILE });
    expect(r.respondentList[0].name).toBe(HOSTILE);
  });
});
