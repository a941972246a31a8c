import { describe, expect, it } from 'vitest';
import { loadProfileBank } from '../../src/io/profile-files.js';
import type { Side } from '../../src/core/profile/schema.js';
import { isConclusive, scoreProfile, sideOf, type ProfileResult } from '../../src/core/profile/score.js';
import { firstShownAnswers, honestAnswers, randomAnswers, steeredAnswers, type Honest } from './simulate.js';

// The profile's acceptance rates on the built-in profile, with the seeded respondents of simulate.ts:
// - someone answering at random gets `inconclusive` in at least 9 of 10 seeded runs;
// - someone with a known tendency answering honestly, with some noise, gets the right side in at
//   least 8 of 10 seeded runs, whichever side they lean to.
// Each is checked on seeds 1–10, as the acceptance criterion reads, and on 1,000 seeds so that a
// pass cannot rest on ten lucky seeds. The rates of other respondents are checked where the
// instrument makes a promise about them, and printed for the record.

const bank = loadProfileBank();
const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);
const MANY = Array.from({ length: 1000 }, (_, i) => i + 1);

/** An honest respondent: prefers their own side on 80% of the pairs, and answers against their own preference one time in 20. */
const HONEST: Omit<Honest, 'side'> = { lean: 0.8, slip: 0.05 };

const rightSide = (r: ProfileResult, side: Side) => isConclusive(r) && sideOf(r.label) === side;
const share = (seeds: number[], hit: (seed: number) => boolean) => seeds.filter(hit).length / seeds.length;
const randomIsInconclusive = (seed: number) => !isConclusive(scoreProfile(bank, randomAnswers(bank, seed)));
const honestIsRight = (side: Side, person: Omit<Honest, 'side'>) => (seed: number) =>
  rightSide(scoreProfile(bank, honestAnswers(bank, { side, ...person }, seed)), side);

describe('answering at random', () => {
  it('is inconclusive in at least 9 of 10 seeded runs', () => {
    const count = SEEDS.filter(randomIsInconclusive).length;
    console.log(`random answers: inconclusive in ${count} of ${SEEDS.length} seeded runs`);
    expect(count).toBeGreaterThanOrEqual(9);
  });

  it('is inconclusive in at least 95% of 1,000 seeded runs', () => {
    const rate = share(MANY, randomIsInconclusive);
    console.log(`random answers: inconclusive in ${(rate * 100).toFixed(1)}% of ${MANY.length} runs`);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });

  it('gives a consistency near 0, and a reason naming it', () => {
    const result = scoreProfile(bank, randomAnswers(bank, 1));
    expect(result.answered).toBe(result.items);
    expect(result.reasons.map((r) => r.code)).toEqual(['low-consistency']);
  });
});

describe.each(['inbound', 'outbound'] as const)('an honest respondent who leans %s', (side) => {
  it('gets the right side in at least 8 of 10 seeded runs', () => {
    const count = SEEDS.filter(honestIsRight(side, HONEST)).length;
    console.log(`honest ${side}: right side in ${count} of ${SEEDS.length} seeded runs`);
    expect(count).toBeGreaterThanOrEqual(8);
  });

  it('gets the right side in at least 85% of 1,000 seeded runs', () => {
    const rate = share(MANY, honestIsRight(side, HONEST));
    console.log(
      `honest ${side} (lean ${HONEST.lean}, slip ${HONEST.slip}): right side in ${(rate * 100).toFixed(1)}% of ${MANY.length} runs`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.85);
  });

  it('is given the opposite side in under 1% of 1,000 seeded runs', () => {
    const opposite = side === 'inbound' ? 'outbound' : 'inbound';
    const rate = share(MANY, (seed) =>
      rightSide(scoreProfile(bank, honestAnswers(bank, { side, ...HONEST }, seed)), opposite),
    );
    console.log(`honest ${side}: the opposite side in ${(rate * 100).toFixed(1)}% of ${MANY.length} runs`);
    expect(rate).toBeLessThan(0.01);
  });
});

describe('other respondents, for the record', () => {
  it('prints the rates of noisier and weaker respondents', () => {
    for (const person of [
      { lean: 0.7, slip: 0.05 },
      { lean: 0.8, slip: 0.08 },
      { lean: 0.8, slip: 0.1 },
    ]) {
      const rate = share(MANY, honestIsRight('outbound', person));
      console.log(
        `honest outbound (lean ${person.lean}, slip ${person.slip}): right side in ${(rate * 100).toFixed(1)}% of ${MANY.length} runs`,
      );
      expect(rate).toBeGreaterThan(0.5);
    }
  });

  it('catches someone who always takes the statement shown first', () => {
    const result = scoreProfile(bank, firstShownAnswers(bank));
    expect(result.consistency!.value).toBe(0);
    expect(result.label).toBe('inconclusive');
  });

  it('cannot stop someone who knows the key and steers every pair (said in every format)', () => {
    // The limit of any self-report with a public key: consistent steering reads as a strong tendency.
    const result = scoreProfile(bank, steeredAnswers(bank, 'outbound', 1));
    expect(result.label).toBe('strongly outbound');
  });
});
