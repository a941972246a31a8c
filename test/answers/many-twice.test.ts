import { describe, expect, it } from 'vitest';
import type { Respondent } from '../../src/core/answers/respondent.js';
import { selectTeam } from '../../src/core/answers/team.js';

// An export where every person answered twice (a form re-opened for everyone): past the first thousand
// people, what --latest sets aside, or what is refused without it, is counted, not said one by one
// (a hundred thousand warnings held more of the report's memory than the answers).

const PEOPLE = 1500;
const SAID = 1000;

/** Every person's answer of a day, as an export's rows: the later day's rows first. */
function rows(day: number, level: number, firstRow: number): Respondent[] {
  return Array.from({ length: PEOPLE }, (_, i) => ({
    source: `twice.csv row ${firstRow + i}`,
    name: `P${i}`,
    email: `p${i}@acme.example`,
    answers: new Map([['pricing', { capability: level }]]),
    answeredAt: { time: `2026-12-0${day}T10:00:00Z`, source: "Google Forms 'Timestamp' column" },
  }));
}
const batches = [{ respondents: [...rows(5, 4, 2), ...rows(1, 2, PEOPLE + 2)] }];

describe('every person of a large export answered twice', () => {
  it('--latest keeps each latest; the first thousand set aside are named, the rest counted', () => {
    const { respondents, problems } = selectTeam(batches, { latest: true });
    expect(respondents.map((r) => r.source)).toEqual(rows(5, 4, 2).map((r) => r.source));
    expect(problems).toHaveLength(SAID + 1);
    expect(problems[0]!.message).toMatch(/^set aside \(--latest\): "P0" answered again later/);
    expect(problems.at(-1)).toEqual({
      source: `twice.csv row ${PEOPLE + SAID + 2}`,
      message: `and ${PEOPLE - SAID} more answers set aside (--latest), each person's latest kept`,
      severity: 'warning',
    });
  });

  it('without --latest, the first thousand people are named, the rest counted', () => {
    const { problems } = selectTeam(batches);
    expect(problems).toHaveLength(SAID + 1);
    expect(problems[0]!.message).toMatch(/^"P0" answered 2 times with different answers/);
    expect(problems.at(-1)).toMatchObject({
      source: `twice.csv row ${SAID + 2}`,
      message: `and ${PEOPLE - SAID} more people who answered more than once`,
      severity: 'error',
    });
  });
});
