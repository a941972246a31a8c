import { describe, expect, it } from 'vitest';
import { profileJson } from '../../src/core/profile/render-json.js';
import { labelOf, scoreProfile, tendencyOf } from '../../src/core/profile/score.js';
import { answersFor, mix, syntheticBank } from './helpers.js';

describe('labelOf: the label boundaries of DESIGN.md', () => {
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
});

describe('scoreProfile', () => {
  const bank = syntheticBank({ a: 20, b: 4 });
  const score = (a: (ReturnType<typeof mix>[number] | undefined)[], b: (ReturnType<typeof mix>[number] | undefined)[] = []) =>
    scoreProfile(bank, new Map([...answersFor('a', a), ...answersFor('b', b)]), { name: 'Sam' });

  it.each([
    // 20 answers: each step is 5 points, so the boundaries themselves are reached exactly.
    [mix(10, 0, 10), -50, 'strongly inbound'],
    [mix(11, 0, 9), -55, 'strongly inbound'],
    [mix(9, 0, 11), -45, 'leans inbound'],
    [mix(4, 0, 16), -20, 'leans inbound'],
    [mix(3, 0, 17), -15, 'balanced'],
    [mix(2, 0, 18), -10, 'balanced'],
    [mix(0, 2, 18), 10, 'balanced'],
    [mix(0, 3, 0, 17), 15, 'balanced'],
    [mix(0, 4, 0, 16), 20, 'leans outbound'],
    [mix(0, 9, 11), 45, 'leans outbound'],
    [mix(0, 10, 10), 50, 'strongly outbound'],
    [mix(0, 11, 9), 55, 'strongly outbound'],
  ])('scores %j at the boundary: %d, %s', (choices, tendency, label) => {
    const result = score(choices);
    expect(result.tendency).toBe(tendency);
    expect(result.label).toBe(label);
    expect(result.dimensions[0]).toMatchObject({ tendency, label, answered: 20 });
  });

  it('counts both and neither as answered, leaning nowhere', () => {
    const result = score(mix(2, 0, 1, 1));
    expect(result.answered).toBe(4);
    expect(result.tendency).toBe(-50);
    expect(score(mix(0, 0, 3, 2)).tendency).toBe(0);
    expect(score(mix(0, 0, 3, 2)).label).toBe('balanced');
  });

  it('leaves unanswered items out of the tendency but not out of the confidence', () => {
    const result = score([undefined, 'inbound', undefined, 'outbound', 'outbound']);
    expect(result.answered).toBe(3);
    expect(result.items).toBe(24);
    expect(result.tendency).toBeCloseTo(100 / 3, 10);
    expect(result.confidence).toBe(3 / 24);
  });

  it('scores each dimension on its own answers, and the whole over every answer', () => {
    const result = score(mix(3, 1), mix(0, 4));
    expect(result.dimensions.map((d) => [d.id, d.tendency, d.label, d.answered])).toEqual([
      ['a', -50, 'strongly inbound', 4],
      ['b', 100, 'strongly outbound', 4],
    ]);
    expect(result.tendency).toBe(25);
    expect(result.label).toBe('leans outbound');
  });

  it('gives a dimension with no answers a null tendency and label', () => {
    const result = score(mix(1, 0));
    expect(result.dimensions[1]).toMatchObject({ id: 'b', tendency: null, label: null, answered: 0 });
    const empty = score([]);
    expect(empty).toMatchObject({ tendency: null, label: null, answered: 0, confidence: 0 });
  });

  it('multiplies before dividing, so boundary values are exact', () => {
    expect(tendencyOf(-3, 20)).toBe(-15);
    expect(tendencyOf(-7, 14)).toBe(-50);
    expect(tendencyOf(0, 0)).toBeNull();
  });
});

describe('the JSON contract', () => {
  it('has exactly the keys of DESIGN.md, the tendency to one decimal', () => {
    const bank = syntheticBank({ a: 3, b: 2 });
    const json = profileJson(scoreProfile(bank, new Map(answersFor('a', ['inbound', 'outbound', 'outbound'])), { name: 'Sam' }));
    expect(json).toEqual({
      schemaVersion: 1,
      profile: { id: 'test-profile', version: 3 },
      respondent: { name: 'Sam' },
      tendency: 33.3,
      label: 'leans outbound',
      confidence: 3 / 5,
      dimensions: [
        { id: 'a', tendency: 33.3, label: 'leans outbound', answered: 3 },
        { id: 'b', tendency: null, label: null, answered: 0 },
      ],
    });
  });

  it('labels from the exact value, not the rounded one', () => {
    // 100 × −20 / 133 = −15.04…: leans inbound, although it prints as −15.0.
    const bank = syntheticBank({ a: 133 });
    const json = profileJson(scoreProfile(bank, new Map(answersFor('a', mix(20, 0, 113)))));
    expect(json.tendency).toBe(-15);
    expect(json.label).toBe('leans inbound');
    expect(json.respondent).toEqual({ name: null });
  });
});
