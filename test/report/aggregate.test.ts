import { describe, expect, it } from 'vitest';
import { collectRespondents } from '../../src/io/collect.js';
import type { Owner } from '../../src/core/answers/schema.js';
import type { Respondent } from '../../src/core/answers/respondent.js';
import { diagnose } from '../../src/core/score/diagnose.js';
import { TEAM, TEAM_CSV, answersOf, interlock, miniBank, responsibility } from './helpers.js';

// The minimal bank: market-problems (pm, weight 3, target 4), positioning (pmm, weight 2,
// target 3), win-loss-feedback (pmm → pm, weight 2), launch-cadence (pm → pmm, weight 1).
// The team (ann.yaml, ben.json, cy.yml, and the same three rows in team.csv):
//
//                     Ann (pm)        Ben (pmm)              Cy (sales)
//   market-problems   pm 4 / 2        pmm 2 / unknown        pm 3 / 3
//   positioning       pmm 2 / 3       pmm 4 / 4              shared unknown / 2
//   win-loss          3               5                      (skipped)
//   launch-cadence    2               n/a                    4

const bank = miniBank();
const team = async (path: string) => (await collectRespondents([path], bank)).respondents;

describe('aggregation over several respondents, worked out by hand', () => {
  it('means leave out unknown and n/a; a skipped item is unanswered', async () => {
    const d = diagnose(bank, await team(TEAM), { date: '2024-01-01' });
    const mp = responsibility(d, 'market-problems');
    expect(mp.capability).toBe(3); // (4 + 2 + 3) / 3
    expect(mp.capacity).toBe(2.5); // (2 + 3) / 2: Ben's unknown left out
    expect(mp.readiness).toBe(37.5); // pct(min(3, 2.5))
    expect(mp.quadrant).toBe('critical');
    expect(mp.priority).toBe(7.5); // 3 × ((4 − 3) + (4 − 2.5))
    const pos = responsibility(d, 'positioning');
    expect([pos.capability, pos.capacity, pos.readiness, pos.quadrant, pos.priority]).toEqual([
      3,
      3,
      50,
      'strength',
      0,
    ]);
    expect(interlock(d, 'win-loss-feedback').delivery).toBe(4); // (3 + 5) / 2: Cy skipped it
    expect(interlock(d, 'launch-cadence').delivery).toBe(3); // (2 + 4) / 2: Ben's n/a left out
    expect(interlock(d, 'launch-cadence').notApplicable).toBe(1);
    expect(d.summary.readiness).toBe(42.5); // (3 × 37.5 + 2 × 50) / 5
    expect(d.summary.capability).toBe(50);
    expect(d.summary.capacity).toBe(42.5); // (3 × 37.5 + 2 × 50) / 5
    expect(d.summary.interlock).toBeCloseTo(200 / 3, 10); // (2 × 75 + 1 × 50) / 3
    expect(d.summary.coverage).toBeCloseTo((100 * 11) / 12, 10); // n/a and unknown count as answered
    expect(d.gaps).toEqual(['market-problems', 'launch-cadence']);
    expect(d.knowledgeGaps.unknown).toEqual([
      { id: 'market-problems', axis: 'capacity', count: 1 },
      { id: 'positioning', axis: 'capability', count: 1 },
    ]);
    expect(d.knowledgeGaps.unanswered).toEqual([{ id: 'win-loss-feedback', respondents: 1 }]);
    expect(d.respondents.map((r) => [r.name, r.role, Math.round(r.coverage)])).toEqual([
      ['Ann', 'pm', 100],
      ['Ben', 'pmm', 100],
      ['Cy', 'sales', 75],
    ]);
  });

  it('the consensus owner is the most frequent answer; 2 of 3 is not contested', async () => {
    const d = diagnose(bank, await team(TEAM));
    expect(responsibility(d, 'market-problems').owner).toMatchObject({
      consensus: 'pm',
      status: 'aligned',
      contested: false,
      votes: { pm: 2, pmm: 1 },
    });
    expect(responsibility(d, 'positioning').owner).toMatchObject({
      consensus: 'pmm',
      status: 'aligned',
      contested: false,
    });
    expect(d.summary.alignment).toBe(100);
  });

  it('spreads of 2 or more are disagreements, with who said what', async () => {
    const d = diagnose(bank, await team(TEAM));
    expect(d.disagreements.map((x) => `${x.id}.${x.axis}=${x.spread}`)).toEqual([
      'market-problems.capability=2',
      'positioning.capability=2',
      'positioning.capacity=2',
      'win-loss-feedback.delivery=2',
      'launch-cadence.delivery=2',
    ]);
    expect(d.disagreements[0]!.groups).toEqual([
      { value: '2', count: 1, respondents: [{ name: 'Ben', role: 'pmm' }] },
      { value: '3', count: 1, respondents: [{ name: 'Cy', role: 'sales' }] },
      { value: '4', count: 1, respondents: [{ name: 'Ann', role: 'pm' }] },
    ]);
  });

  it('perception gaps: each function against everyone else, when both roles are present', async () => {
    const d = diagnose(bank, await team(TEAM));
    // pm rates market-problems 4 (pct 75); everyone else (2 + 3) / 2 = 2.5 (pct 37.5).
    expect(d.perception[0]).toMatchObject({
      function: 'pm',
      self: 75,
      others: 37.5,
      gap: 37.5,
      items: [{ id: 'market-problems', self: 4, others: 2.5, difference: 1.5 }],
    });
    // pmm rates positioning 4 (pct 75); everyone else: Ann's 2 (Cy's unknown left out), pct 25.
    expect(d.perception[1]).toMatchObject({ function: 'pmm', self: 75, others: 25, gap: 50 });
  });

  it('perception gaps without one of the roles: that side is null; without either, none', async () => {
    const all = await team(TEAM);
    const noPmm = all.filter((r) => r.role !== 'pmm');
    const d = diagnose(bank, noPmm);
    expect(d.perception.find((p) => p.function === 'pmm')).toMatchObject({ self: null, gap: null, items: [] });
    expect(d.perception.find((p) => p.function === 'pm')).toMatchObject({ self: 75, others: 50, gap: 25 });
    const neither = all.map((r): Respondent => ({ ...r, role: 'sales' }));
    expect(diagnose(bank, neither).perception).toEqual([]);
  });

  it('the CSV export gives the same respondents and the same numbers as the files', async () => {
    const files = await team(TEAM);
    const rows = await team(TEAM_CSV);
    expect(rows.map(answersOf)).toEqual(
      files
        .map(answersOf)
        .map((a, i) =>
          i === 0 ? { ...a, positioning: { ...(a.positioning as object), note: 'two lines,\nof note' } } : a,
        ),
    );
    expect(rows.map((r) => [r.name, r.role, r.source])).toEqual([
      ['Ann', 'pm', `${TEAM_CSV} row 2`],
      ['Ben', 'pmm', `${TEAM_CSV} row 3`],
      ['Cy', 'sales', `${TEAM_CSV} row 4`],
    ]);
    const strip = (d: ReturnType<typeof diagnose>) => ({
      ...d,
      respondents: d.respondents.map((r) => r.coverage),
      items: d.items.map((i) => ({ ...i, notes: [] })),
      disagreements: [],
    });
    expect(strip(diagnose(bank, rows, { date: 'x' }))).toEqual(strip(diagnose(bank, files, { date: 'x' })));
  });
});

describe('ownership ties and contested owners', () => {
  const owners = (...list: Owner[]) =>
    list.map((owner, i): Respondent => ({ source: `r${i}`, answers: new Map([['market-problems', { owner }]]) }));
  const ownerOf = (...list: Owner[]) => responsibility(diagnose(bank, owners(...list)), 'market-problems').owner;

  it('a tie is unclear (blurred) and contested', () => {
    expect(ownerOf('pm', 'pmm')).toMatchObject({ consensus: 'unclear', status: 'blurred', contested: true });
    expect(ownerOf('pm', 'pm', 'pmm', 'pmm', 'none')).toMatchObject({ consensus: 'unclear', contested: true });
  });

  it('a majority under 2/3 is contested, and listed as a disagreement', () => {
    expect(ownerOf('pm', 'pm', 'pm', 'pmm', 'sales')).toMatchObject({
      consensus: 'pm',
      status: 'aligned',
      contested: true,
    });
    const d = diagnose(bank, owners('pm', 'pm', 'pm', 'pmm', 'sales'));
    expect(d.disagreements).toEqual([expect.objectContaining({ id: 'market-problems', axis: 'owner', spread: null })]);
    expect(d.disagreements[0]!.groups.map((g) => [g.value, g.count])).toEqual([
      ['pm', 3],
      ['pmm', 1],
      ['sales', 1],
    ]);
  });

  it('2/3 or more is settled; respondents with no owner answer do not count', () => {
    expect(ownerOf('pmm', 'pmm', 'pm')).toMatchObject({ consensus: 'pmm', status: 'misassigned', contested: false });
    const d = diagnose(bank, [
      ...owners('none', 'none'),
      { source: 'x', answers: new Map([['market-problems', { capability: 3 }]]) },
    ]);
    expect(responsibility(d, 'market-problems').owner).toMatchObject({
      consensus: 'none',
      status: 'orphaned',
      contested: false,
    });
  });
});
