import { describe, expect, it } from 'vitest';
import { checkAnswersText } from '../../src/core/answers/load.js';
import { builtinBank } from '../../src/io/bank-files.js';

// docs/design.md "The answers file": the organization facts of bank v3, checked against the bank's.

const bank = builtinBank();
const check = (facts: string) =>
  checkAnswersText(
    {
      source: 'facts.yaml',
      text: `bank: pm-pmm-diagnostic\nbank-version: 3\nstage: growth\nform: rapid\nfacts: ${facts}\nanswers:\n  pricing: { owner: pm, capability: 3, capacity: 2 }\n`,
    },
    bank,
  );
const errors = (facts: string) => check(facts).problems.filter((p) => p.severity === 'error');

describe('organization facts in an answers file', () => {
  it('are kept on the respondent: option ids and whole numbers', () => {
    const result = check('{ revenue: 10-50m, pm-people: 6, pmm-people: 0, sales-motion: hybrid, products: }');
    expect(errors('{ revenue: 10-50m, pm-people: 6, pmm-people: 0, sales-motion: hybrid, products: }')).toEqual([]);
    expect(result.value?.facts).toEqual({
      revenue: '10-50m',
      'pm-people': 6,
      'pmm-people': 0,
      'sales-motion': 'hybrid',
    });
  });

  it('an unknown fact is an error at its key, with a "did you mean"', () => {
    const [problem] = errors('{ revenu: 10-50m }');
    expect(problem).toMatchObject({ line: 5, path: 'facts.revenu' });
    expect(problem!.message).toBe('unknown fact "revenu" (did you mean "revenue"?)');
    expect(problem!.expected).toMatch(/^one of the bank's facts: revenue, pm-people, /);
  });

  it('an option the fact does not offer lists the ones it does', () => {
    const [problem] = errors('{ revenue: 10m-50m }');
    expect(problem!.found).toBe('"10m-50m"');
    expect(problem!.expected).toBe('one of lt-10m, 10-50m, 50-250m, gt-250m');
  });

  it('a head count must be a whole number, 0 or more', () => {
    expect(errors('{ pm-people: -1 }')[0]!.expected).toBe('a whole number, 0 or more');
    expect(errors('{ pm-people: many }')[0]!.expected).toBe('a whole number, 0 or more');
    expect(errors('{ pm-people: 2.5 }')).toHaveLength(1);
  });

  it('every problem at once', () => {
    expect(errors('{ revenu: x, pm-people: -1, sales-motion: door-to-door }')).toHaveLength(3);
  });

  it('a revenue band and no stage: the items missing are those of the stage the band suggests', () => {
    const warning = (facts: string) =>
      checkAnswersText(
        {
          source: 'f.yaml',
          text: `form: rapid\nfacts: ${facts}\nanswers:\n  pricing: { owner: pm, capability: 3, capacity: 2 }\n`,
        },
        bank,
      ).problems.find((p) => p.path === 'answers')!.message;
    // the rapid form asks 14 items at start-up and 16 at growth, the default stage
    expect(warning('{ revenue: lt-10m }')).toMatch(/^13 of 14 items unanswered/);
    expect(warning('{ revenue: 10-50m }')).toMatch(/^15 of 16 items unanswered/);
  });
});
