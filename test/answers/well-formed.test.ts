import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersSchemas, isWellFormedAnswers, OWNERS, ROLES } from '../../src/core/answers/schema.js';
import { parseDocumentText } from '../../src/core/document/document.js';
import { ROOT } from '../helpers/cli.js';
import { yamlFilesUnder } from '../helpers/files.js';

// A well-formed answers file is taken on a quick check, without zod. The check must accept exactly
// what the zod schema accepts: never more (a bad file would pass unreported), and, for the files
// pm-diag and people write, not less (they would pay for zod for nothing).

const zodAccepts = (data: unknown) => answersSchemas().answersFileSchema.safeParse(data).success;

describe('the quick check of an answers file', () => {
  it('takes every example and fixture answers file zod takes, and no other', () => {
    const files = [...yamlFilesUnder(join(ROOT, 'examples')), ...yamlFilesUnder(join(ROOT, 'test', 'fixtures'))];
    let taken = 0;
    for (const file of files) {
      let data: unknown;
      try {
        data = parseDocumentText({ source: file, text: readFileSync(file, 'utf8') }, { allowAliases: true }).data;
      } catch {
        continue;
      }
      expect(isWellFormedAnswers(data), relative(ROOT, file)).toBe(zodAccepts(data));
      if (isWellFormedAnswers(data)) taken++;
    }
    expect(taken).toBeGreaterThan(20);
    for (const file of yamlFilesUnder(join(ROOT, 'examples')).filter((f) => !f.includes('profile'))) {
      expect(
        isWellFormedAnswers(
          parseDocumentText({ source: file, text: readFileSync(file, 'utf8') }, { allowAliases: false }).data,
        ),
        relative(ROOT, file),
      ).toBe(true);
    }
  });

  it('accepts a generated file exactly when zod does', () => {
    const odd = fc.constantFrom<unknown>(
      undefined,
      null,
      '',
      'n/a',
      'unknown',
      'Unknown',
      0,
      1,
      3,
      5,
      6,
      -1,
      2.5,
      1e21,
      Number.NaN,
      true,
      [],
      {},
      'pm',
      'x',
      ['pm'],
    );
    const level = fc.oneof(
      { weight: 12, arbitrary: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant('unknown'), fc.constant(null)) },
      { weight: 1, arbitrary: odd },
    );
    const owner = fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom<unknown>(...OWNERS) },
      { weight: 1, arbitrary: odd },
    );
    const textValue = fc.oneof(
      { weight: 12, arbitrary: fc.oneof(fc.string(), fc.constant(null)) },
      { weight: 1, arbitrary: odd },
    );
    /** A key no schema has, now and then. */
    const withRareKey = <T extends object>(value: fc.Arbitrary<T>, key: string) =>
      fc.tuple(value, fc.nat(40)).map(([v, n]) => (n === 0 ? { ...v, [key]: 1 } : v));
    const field = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined, freq: 3 });
    const item = fc.record(
      {
        owner: field(owner),
        capability: field(level),
        capacity: field(level),
        delivery: field(level),
        evidence: field(textValue),
        note: field(textValue),
      },
      { requiredKeys: [], noNullPrototype: true },
    );
    const itemWithExtra = withRareKey(item, 'extra');
    const answer = fc.oneof(
      { weight: 8, arbitrary: itemWithExtra },
      { weight: 1, arbitrary: fc.constantFrom<unknown>('n/a', null, 'N/A', 3, []) },
    );
    const file = fc.record(
      {
        $schema: field(fc.oneof({ weight: 12, arbitrary: fc.string() }, { weight: 1, arbitrary: odd })),
        bank: field(textValue),
        'bank-version': field(
          fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 1, max: 9 }) }, { weight: 1, arbitrary: odd }),
        ),
        'bank-hash': field(textValue),
        organization: field(textValue),
        stage: field(textValue),
        form: field(
          fc.oneof({ weight: 12, arbitrary: fc.constantFrom<unknown>('rapid', 'full') }, { weight: 1, arbitrary: odd }),
        ),
        respondent: field(
          fc.oneof(
            withRareKey(
              fc.record(
                {
                  name: field(textValue),
                  role: field(
                    fc.oneof(
                      { weight: 12, arbitrary: fc.constantFrom<unknown>(...ROLES) },
                      { weight: 1, arbitrary: odd },
                    ),
                  ),
                },
                { requiredKeys: [], noNullPrototype: true },
              ),
              'other',
            ),
            odd,
          ),
        ),
        answers: fc.oneof(
          {
            weight: 6,
            arbitrary: fc.dictionary(fc.stringMatching(/^[a-z][a-z-]{0,8}$/), answer, {
              maxKeys: 4,
              noNullPrototype: true,
            }),
          },
          { weight: 1, arbitrary: odd },
        ),
      },
      { requiredKeys: [], noNullPrototype: true },
    );
    const fileWithExtra = withRareKey(file, 'unknownKey');
    let accepted = 0;
    fc.assert(
      fc.property(fileWithExtra, (data) => {
        const quick = isWellFormedAnswers(data);
        expect(quick).toBe(zodAccepts(data));
        if (quick) {
          accepted++;
          // What zod would give back is the file itself.
          expect(answersSchemas().answersFileSchema.parse(data)).toEqual(data);
        }
      }),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(50);
  });
});
