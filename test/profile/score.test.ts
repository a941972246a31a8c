import { describe, expect, it } from 'vitest';
import { profileJson } from '../../src/core/profile/render-json.js';
import type { Choice } from '../../src/core/profile/schema.js';
import { consistencyOf, isConclusive, labelOf, scoreProfile, tendencyOf } from '../../src/core/profile/score.js';
import { answerKeys, questions } from '../../src/core/profile/sequence.js';
import { answersFor, consistentAnswers, letter, mix, syntheticBank } from './helpers.js';

describe('labelOf: the label boundaries of docs/design.md', () => {
  it.each([
    [-100, 'strongly inbound'],
    [-50.0001, 'strongly inbound'],
    [-50, 'strongly inbound'],
    [-49.9999, 'leans inbound'],
    [-15.0001, 'leans inbound'],
    [-15, 'balanced'],
    [-14.9999, 'balanced'],
    [0, 'balanced'],
    [14.9999, 'balanced'],
    [15, 'balanced'],
    [15.0001, 'leans outbound'],
    [49.9999, 'leans outbound'],
    [50, 'strongly outbound'],
    [50.0001, 'strongly outbound'],
    [100, 'strongly outbound'],
  ])('%d is %s', (tendency, label) => {
    expect(labelOf(tendency)).toBe(label);
  });

  it('has no label without a tendency', () => {
    expect(labelOf(null)).toBeNull();
  });

  it('multiplies before dividing, so boundary values are exact', () => {
    expect(tendencyOf(-3, 20)).toBe(-15);
    expect(tendencyOf(-7, 14)).toBe(-50);
    expect(tendencyOf(0, 0)).toBeNull();
  });
});

describe('the order of the questions', () => {
  const bank = syntheticBank({ a: 3, b: 3, c: 3, d: 3 }, { styles: { s: 2, t: 2 } });

  it('mixes the styles among the dimensions, round by round, then repeats the marked pairs the other way round', () => {
    const asked = questions(bank);
    expect(asked.map((q) => q.key)).toEqual([
      ...['a-1', 'b-1', 's-1', 'c-1', 'd-1', 't-1'],
      ...['a-2', 'b-2', 's-2', 'c-2', 'd-2', 't-2'],
      ...['a-3', 'b-3', 'c-3', 'd-3'],
      ...['a-1', 'b-1', 'c-1', 'd-1', 'a-2', 'b-2', 'c-2', 'd-2'].map((id) => `${id}-again`),
    ]);
    expect(asked[0]!.shown).toEqual(['a', 'b']);
    expect(asked.find((q) => q.key === 'a-1-again')!.shown).toEqual(['b', 'a']);
  });

  it('gives an interviewer only the inbound/outbound pairs, once each, by dimension', () => {
    expect(answerKeys(bank, 'interviewer')).toEqual(
      ['a', 'b', 'c', 'd'].flatMap((d) => [1, 2, 3].map((n) => `${d}-${n}`)),
    );
  });
});

describe('scoreProfile', () => {
  const bank = syntheticBank({ a: 20, b: 4 });
  /** Every pair answered as given, each repeated pair the same again. */
  const score = (a: Parameters<typeof answersFor>[1], b: Parameters<typeof answersFor>[1] = []) =>
    scoreProfile(bank, consistentAnswers(bank, new Map([...answersFor('a', a), ...answersFor('b', b)])), {
      name: 'Sam',
    });

  it.each([
    // [inbound, outbound] pairs of dimension a (20), then of b (4): tendency = 100 × (outbound − inbound) / 24.
    [[15, 5], [3, 1], -50, 'strongly inbound'],
    [[14, 6], [3, 1], -250 / 6, 'leans inbound'],
    [[13, 7], [1, 3], -100 / 6, 'leans inbound'],
    [[12, 8], [2, 2], -100 / 6, 'leans inbound'],
    [[11, 9], [2, 2], -100 / 12, 'balanced'],
    [[9, 11], [2, 2], 100 / 12, 'balanced'],
    [[6, 14], [2, 2], 100 / 3, 'leans outbound'],
    [[5, 15], [1, 3], 50, 'strongly outbound'],
  ])('scores %j and %j as %d, %s', (a, b, tendency, label) => {
    const result = score(mix(a[0]!, a[1]!), mix(b[0]!, b[1]!));
    expect(result.tendency).toBeCloseTo(tendency as number, 10);
    expect(result.label).toBe(label);
    expect(result.consistency).toMatchObject({ value: 100, repeated: 4, compared: 4, same: 4 });
    expect(isConclusive(result)).toBe(true);
  });

  it('counts a pair asked twice as the mean of its two answers', () => {
    // a-1 inbound then outbound (0), a-2 outbound twice (+1), b-1 and b-2 inbound twice (−1 each).
    const answers = consistentAnswers(bank, new Map([...answersFor('a', mix(1, 19)), ...answersFor('b', mix(4, 0))]));
    answers.set('a-1-again', letter('outbound'));
    const result = scoreProfile(bank, answers);
    expect(result.dimensions[0]!.tendency).toBeCloseTo((100 * (0 + 19)) / 20, 10);
    expect(result.dimensions[1]).toMatchObject({ tendency: -100, answered: 4, items: 4 });
    expect(result.tendency).toBeCloseTo((100 * (19 - 4)) / 24, 10);
    expect(result.consistency).toMatchObject({ compared: 4, same: 3, value: 50 });
  });

  it('scores each dimension on its own pairs, and the whole over every pair', () => {
    const result = score(mix(15, 5), mix(0, 4));
    expect(result.dimensions.map((d) => [d.id, d.tendency, d.label, d.answered, d.items])).toEqual([
      ['a', -50, 'strongly inbound', 20, 20],
      ['b', 100, 'strongly outbound', 4, 4],
    ]);
    expect(result.tendency).toBe(-25);
  });

  it('is inconclusive, saying why, when under 70% of the questions are answered', () => {
    // 28 questions (24 pairs and 4 repeats): a result needs 20 answered.
    expect(score(mix(0, 16)).answeredNeeded).toBe(20);
    const enough = score(mix(0, 16));
    expect(enough.answered).toBe(16 + 2);
    expect(enough.label).toBe('inconclusive');
    expect(enough.reasons.map((r) => r.code)).toEqual(['too-few-answers']);
    expect(enough.reasons[0]!.text).toBe('only 18 of 28 questions are answered, and a result needs at least 20 (70%)');
    // Each dimension with answers is inconclusive too; one without any has no label.
    expect(enough.dimensions.map((d) => [d.tendency, d.label])).toEqual([
      [100, 'inconclusive'],
      [null, null],
    ]);
    const just = score(mix(0, 18));
    expect(just.answered).toBe(20);
    expect(just.label).toBe('strongly outbound');
  });

  it('is inconclusive when the repeated pairs were not answered the same way', () => {
    const bank5 = syntheticBank({ a: 10 }, { repeats: 5 });
    const answers = consistentAnswers(bank5, new Map(answersFor('a', mix(0, 10))));
    // 4 of 5 the same: 100 × (2 × 4/5 − 1) = 60, just enough.
    answers.set('a-1-again', letter('inbound'));
    const sixty = scoreProfile(bank5, answers);
    expect(sixty.consistency!.value).toBeCloseTo(60, 10);
    expect(sixty.label).toBe('strongly outbound');
    // 3 of 5: 20.
    answers.set('a-2-again', letter('inbound'));
    const twenty = scoreProfile(bank5, answers);
    expect(twenty.consistency!.value).toBeCloseTo(20, 10);
    expect(twenty.label).toBe('inconclusive');
    expect(twenty.reasons.map((r) => r.text)).toEqual([
      'the consistency is 20, under the 60 a result needs: only 3 of the 5 pairs asked twice got the same answer the second time',
    ]);
  });

  it('does not measure consistency on fewer than half the repeated pairs', () => {
    const bank8 = syntheticBank({ a: 30 }, { repeats: 8 });
    const answers = new Map(answersFor('a', mix(0, 30)));
    for (const id of ['a-1', 'a-2', 'a-3']) answers.set(`${id}-again`, letter('outbound'));
    const result = scoreProfile(bank8, answers);
    expect(result.answered).toBeGreaterThanOrEqual(result.answeredNeeded);
    expect(result.consistency).toMatchObject({ value: null, compared: 3, needed: 4 });
    expect(result.reasons.map((r) => r.code)).toEqual(['consistency-not-measured']);
    expect(result.label).toBe('inconclusive');
  });

  it('names a pattern of always the first statement shown, which the reversed repeats catch', () => {
    const answers = new Map(questions(bank).map((q) => [q.key, q.shown[0]] as [string, Choice]));
    const result = scoreProfile(bank, answers);
    expect(result.consistency!.value).toBe(0);
    expect(result.label).toBe('inconclusive');
    expect(result.reasons[0]!.text).toContain('the statement shown first was picked in 28 of 28 answers');
  });

  it("gives no consistency to an interviewer's sheet, and needs 70% of its pairs", () => {
    const sheet = new Map(answersFor('a', mix(0, 17)));
    const result = scoreProfile(bank, sheet, { rater: 'interviewer' });
    expect(result).toMatchObject({
      rater: 'interviewer',
      consistency: null,
      answered: 17,
      items: 24,
      answeredNeeded: 17,
      label: 'strongly outbound',
      reasons: [],
    });
    expect(scoreProfile(bank, new Map(answersFor('a', mix(0, 16))), { rater: 'interviewer' }).label).toBe(
      'inconclusive',
    );
  });

  it('is inconclusive with no answers at all, with no tendency', () => {
    const result = scoreProfile(bank, new Map());
    expect(result).toMatchObject({ tendency: null, label: 'inconclusive', answered: 0, confidence: 0 });
    expect(result.dimensions.every((d) => d.label === null && d.tendency === null)).toBe(true);
  });

  it('scores the styles on their own scales, never in the tendency', () => {
    const styled = syntheticBank({ a: 4 }, { styles: { s: 2 } });
    const answers = consistentAnswers(styled, new Map([...answersFor('a', mix(0, 4)), ['s-1', 'a'], ['s-2', 'a']]));
    const result = scoreProfile(styled, answers);
    expect(result.tendency).toBe(100);
    expect(result.styles).toEqual([
      { id: 's', title: 'Style s', left: 'Left', right: 'Right', score: 100, leans: 'Right', answered: 2, items: 2 },
    ]);
    answers.set('s-2', 'b');
    expect(scoreProfile(styled, answers).styles[0]).toMatchObject({ score: 0, leans: 'neither' });
    expect(scoreProfile(styled, answers).tendency).toBe(100);
  });
});

describe('consistencyOf', () => {
  it.each([
    [15, 15, 100],
    [12, 15, 60],
    [8, 16, 0],
    [0, 15, 0],
    [3, 4, 50],
  ])('%d same of %d is %d', (same, compared, value) => {
    expect(consistencyOf(same, compared)).toBeCloseTo(value, 10);
  });

  it('is null when nothing was compared', () => {
    expect(consistencyOf(0, 0)).toBeNull();
  });
});

describe('the JSON contract', () => {
  const V1_KEYS = ['schemaVersion', 'profile', 'respondent', 'tendency', 'label', 'confidence', 'dimensions'];

  it('keeps the keys of version 1 first, with their meaning, and adds the new ones after them', () => {
    const bank = syntheticBank({ a: 3, b: 2 });
    const answers = consistentAnswers(bank, new Map(answersFor('a', ['inbound', 'outbound', 'outbound'])));
    const json = profileJson(scoreProfile(bank, answers, { name: 'Sam' }));
    expect(Object.keys(json).slice(0, V1_KEYS.length)).toEqual(V1_KEYS);
    expect(json).toMatchObject({
      schemaVersion: 2,
      profile: { id: 'test-profile', version: 3 },
      respondent: { name: 'Sam' },
      tendency: 33.3,
      label: 'inconclusive',
      confidence: 5 / 9,
      dimensions: [
        { id: 'a', tendency: 33.3, label: 'inconclusive', answered: 3 },
        { id: 'b', tendency: null, label: null, answered: 0 },
      ],
      rater: 'self',
      answered: 5,
      items: 9,
      consistency: 100,
      repeats: { asked: 4, compared: 2, same: 2, needed: 2 },
      inconclusive: true,
      reasons: ['too-few-answers'],
      styles: [],
    });
    expect(json.reason).toMatch(/^Inconclusive: only 5 of 9 questions are answered/);
    expect(json.caution).toContain('no population norms');
    expect(json.dimensions[0]).toEqual({ id: 'a', tendency: 33.3, label: 'inconclusive', answered: 3 });
  });

  it('labels from the exact value, not the rounded one', () => {
    // 100 × −20 / 133 = −15.04…: leans inbound, although it prints as −15.0.
    // a-1 is answered inbound, then outbound when it comes back (0); of the other 132, 76 inbound and 56 outbound.
    const bank = syntheticBank({ a: 133 }, { repeats: 10 });
    const answers = consistentAnswers(bank, new Map(answersFor('a', ['inbound', ...mix(76, 56)])));
    answers.set('a-1-again', letter('outbound'));
    const json = profileJson(scoreProfile(bank, answers));
    expect(json.tendency).toBe(-15);
    expect(json.label).toBe('leans inbound');
    expect(json.inconclusive).toBe(false);
    expect(json.reason).toBeNull();
    expect(json.respondent).toEqual({ name: null });
  });
});
