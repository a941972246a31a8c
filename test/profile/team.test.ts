import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parseDiagnosis } from '../../src/core/profile/diagnosis.js';
import { scoreProfile } from '../../src/core/profile/score.js';
import { capacityGaps, teamResult, type CapacityItem } from '../../src/core/profile/team.js';
import { answersFor, consistentAnswers, mix, syntheticBank } from './helpers.js';

const bank = syntheticBank({ a: 4 });
/** A conclusive profile: every pair answered as given, the repeated ones the same again. */
const person = (name: string, sides: ReturnType<typeof mix>) =>
  scoreProfile(bank, consistentAnswers(bank, new Map(answersFor('a', sides))), { name });
/** An inconclusive profile: the repeated pairs answered the other way the second time. */
const flipper = (name: string, sides: ReturnType<typeof mix>) => {
  const answers = consistentAnswers(bank, new Map(answersFor('a', sides)));
  for (const id of ['a-1-again', 'a-2-again']) answers.set(id, answers.get(id) === 'a' ? 'b' : 'a');
  return scoreProfile(bank, answers, { name });
};
const item = (recommended: string, weight: number, target: number, capacity: number | null): CapacityItem => ({
  id: `${recommended}-${weight}-${capacity}`,
  weight,
  target,
  capacity,
  owner: { recommended },
});

describe('capacityGaps: Σ w × max(0, T − K) by accountable owner', () => {
  it('sums each owner, with no credit for capacity above target and nothing for an unrated item', () => {
    const gaps = capacityGaps([
      item('pm', 3, 4, 2),
      item('pm', 2, 4, 5),
      item('pmm', 1, 4, 1.5),
      item('pmm', 2, 3, null),
      item('shared', 2, 4, 3),
    ]);
    expect(gaps.pm).toBe(6);
    expect(gaps.pmm).toBe(2.5);
    expect(gaps.byOwner).toEqual({ pm: 6, pmm: 2.5, shared: 2 });
  });
});

describe('teamResult', () => {
  const inbound = person('In', mix(4, 0));
  const leaning = person('Lean', mix(3, 1));
  const outbound = person('Out', mix(0, 4));

  it('balances the team as the mean of the conclusive tendencies, leaving the others out and saying how many', () => {
    const team = teamResult([
      inbound,
      leaning,
      flipper('Unsure', mix(0, 4)),
      scoreProfile(bank, new Map(), { name: 'Nobody' }),
    ]);
    expect(team.balance).toBe(-75);
    expect(team.label).toBe('strongly inbound');
    expect(team).toMatchObject({ counted: 2, leftOut: 2 });
    expect(team.countSentence).toBe(
      '2 profiles count; 2 profiles are inconclusive and left out of the balance and the advice.',
    );
    expect(team.sentence).toContain("; 2 inconclusive profiles are left out of the team's balance");
    expect(teamResult([inbound]).countSentence).toBe('The one profile is conclusive and counts.');
    expect(teamResult([inbound, outbound]).countSentence).toBe('All 2 profiles are conclusive and count.');
  });

  it('without a diagnosis, asks for the side the team lacks', () => {
    const team = teamResult([inbound, leaning]);
    expect(team.hire).toBe('outbound');
    expect(team.sentence).toBe(
      "Without a diagnosis only the team's balance speaks: the team is strongly inbound (-75.0) and someone who leans outbound would balance it (add --diagnosis report.json to weigh each function's capacity gaps).",
    );
    expect(teamResult([leaning]).sentence).toContain('the team is strongly inbound (-50.0)');
    expect(teamResult([person('Some', mix(2, 1))]).sentence).toContain(
      'the team leans inbound (-33.3) and someone who leans outbound',
    );
    expect(teamResult([inbound, outbound]).hire).toBe('either');
  });

  it('says nothing about a side when nobody is conclusive', () => {
    const team = teamResult([flipper('A', mix(4, 0)), flipper('B', mix(4, 0))]);
    expect(team).toMatchObject({ balance: null, label: null, hire: 'either', counted: 0, leftOut: 2 });
    expect(team.sentence).toContain('nobody on the team has a conclusive profile');
    expect(team.countSentence).toBe(
      'No profile counts; 2 profiles are inconclusive and left out of the balance and the advice.',
    );
  });

  it('hires for the function whose capacity gaps weigh more', () => {
    const team = teamResult([inbound], [item('pm', 1, 4, 3), item('pmm', 3, 4, 2)]);
    expect(team.hire).toBe('outbound');
    expect(team.sentence).toBe(
      "Hire someone who leans outbound: Product Marketing's responsibilities carry the heavier capacity gaps (6.00 against 1.00 for Product Management), and the team itself leans inbound (-100.0).",
    );
    const other = teamResult([inbound, flipper('Unsure', mix(0, 4))], [item('pm', 3, 4, 1), item('pmm', 3, 4, 2)]);
    expect(other.hire).toBe('inbound');
    expect(other.sentence).toContain(
      "the team already leans inbound (-100.0), so what is missing is time rather than outlook; 1 inconclusive profile is left out of the team's balance.",
    );
  });

  it("lets the team's balance decide when both functions weigh the same", () => {
    const team = teamResult([outbound], [item('pm', 2, 4, 3), item('pmm', 1, 4, 2)]);
    expect(team.hire).toBe('inbound');
    expect(team.sentence).toMatch(/weigh the same \(2\.00\), so the team's balance decides/);
  });
});

describe('parseDiagnosis', () => {
  const report = (items: unknown[]) =>
    JSON.stringify(
      {
        schemaVersion: 1,
        bank: { id: 'b', version: 1 },
        respondents: 1,
        target: 4,
        summary: { readiness: 1, capability: 1, capacity: 1, alignment: 1, interlock: 1, coverage: 1 },
        functions: [],
        interlock: [],
        items,
        gaps: [],
      },
      null,
      2,
    );
  const responsibility = {
    id: 'r',
    kind: 'responsibility',
    weight: 2,
    target: 4,
    priority: 1,
    capability: 3,
    capacity: 2.5,
    quadrant: 'critical',
    owner: { recommended: 'pmm', consensus: 'pmm', status: 'aligned', contested: false },
  };
  const interlock = { id: 'i', kind: 'interlock', weight: 1, target: 4, priority: 0, delivery: 3 };

  it("reads each responsibility's weight, target, capacity and accountable owner", () => {
    expect(parseDiagnosis({ source: 'r.json', text: report([responsibility, interlock]) })).toEqual([
      { id: 'r', weight: 2, target: 4, capacity: 2.5, owner: { recommended: 'pmm' } },
    ]);
  });

  it('reads a bank v3 report: a practice gives no capacity item', () => {
    const practice = { id: 'p', kind: 'practice', weight: 2, target: 4, priority: 4, frequency: 3 };
    expect(parseDiagnosis({ source: 'r.json', text: report([responsibility, practice, interlock]) })).toEqual([
      { id: 'r', weight: 2, target: 4, capacity: 2.5, owner: { recommended: 'pmm' } },
    ]);
  });

  it('points at what is wrong, with positions', () => {
    const { weight: _weight, ...noWeight } = responsibility;
    try {
      parseDiagnosis({ source: 'r.json', text: report([noWeight, { ...interlock, kind: 'other' }]) });
      throw new Error('expected an InputError');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).message).toMatch(/^r\.json:\d+:\d+: items\.1\.kind: /m);
    }
    try {
      parseDiagnosis({ source: 'r.json', text: report([noWeight]) });
      throw new Error('expected an InputError');
    } catch (err) {
      expect((err as InputError).message).toMatch(
        /^r\.json:\d+:\d+: items\.0\.weight: missing \(expected a weight \(a number\)\)$/,
      );
    }
  });
});
