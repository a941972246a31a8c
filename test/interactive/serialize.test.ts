import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/core/answers/load.js';
import { OWNERS, ROLES, type LevelAnswer } from '../../src/core/answers/schema.js';
import { serializeAnswers } from '../../src/core/answers/serialize.js';
import { bankItems } from '../../src/core/bank/items.js';
import { loadBank } from '../../src/io/bank-files.js';
import type { Answer } from '../../src/core/answers/respondent.js';

const bank = loadBank();
const items = bankItems(bank);
/** No lone surrogates and no NUL: text that UTF-8 files can hold. */
const storable = (s: string) =>
  s.trim() !== '' && !s.includes('\u0000') && Buffer.from(s, 'utf8').toString('utf8') === s;
const parse = (text: string) => parseAnswers({ source: 'saved.yaml', text }, bank);

describe('serializeAnswers', () => {
  it('writes the compact format of docs/design.md', () => {
    const text = serializeAnswers(
      {
        bank: bank.id,
        organization: 'Acme Corp',
        respondent: { name: 'Dana Lee', role: 'pmm' },
        answers: [
          ['competitive-analysis', { owner: 'pmm', capability: 3, capacity: 2, note: 'shared deck' }],
          ['pricing-and-packaging', 'n/a'],
          ['win-loss-feedback', { delivery: 'unknown' }],
          ['roadmap', null],
        ],
      },
      ['saved by a test'],
    );
    expect(text).toBe(
      [
        '# saved by a test',
        '',
        `bank: ${bank.id}`,
        'organization: Acme Corp',
        'respondent: { name: Dana Lee, role: pmm }',
        'answers:',
        '  competitive-analysis: { owner: pmm, capability: 3, capacity: 2, note: "shared deck" }',
        '  pricing-and-packaging: n/a',
        '  win-loss-feedback: { delivery: unknown }',
        '  roadmap: null',
        '',
      ].join('\n'),
    );
  });

  it('keeps notes with quotes, colons, hashes, newlines and control characters on one line, exactly', () => {
    const note = 'a: "b" # c\nsecond line\u001b[2J \\ \u202e end';
    const text = serializeAnswers({ answers: [['competitive-analysis', { owner: 'pm', note }]] });
    expect(text.split('\n').filter((l) => l.includes('competitive-analysis'))).toHaveLength(1);
    expect(text).not.toContain('\u001b');
    expect(parse(text).respondent.answers.get('competitive-analysis')).toEqual({ owner: 'pm', note });
  });

  it('round-trips any answers through parseAnswers', () => {
    const level = fc.oneof(
      fc.integer({ min: 1, max: 5 }),
      fc.constant('unknown' as const),
    ) as fc.Arbitrary<LevelAnswer>;
    const note = fc.string({ unit: 'binary', minLength: 1 }).filter(storable);
    const answerFor = (index: number): fc.Arbitrary<Answer> => {
      const item = items[index]!;
      const fields =
        item.kind === 'interlock'
          ? fc.record({ delivery: level, note }, { requiredKeys: ['delivery'] })
          : item.kind === 'practice'
            ? fc.record({ frequency: level, note }, { requiredKeys: ['frequency'] })
            : fc.record(
                { owner: fc.constantFrom(...OWNERS), capability: level, capacity: level, note },
                { requiredKeys: ['owner'] },
              );
      return fc.oneof(fc.constant('n/a' as const), fields);
    };
    // Any of the bank's facts, each an option or a whole number, or skipped (null).
    const factValue = (id: string) => {
      const fact = bank.facts![id]!;
      const given = fact.options ? fc.constantFrom(...Object.keys(fact.options)) : fc.nat({ max: 10_000 });
      return fc.option(given as fc.Arbitrary<string | number>, { nil: null });
    };
    const facts = fc
      .subarray(Object.keys(bank.facts ?? {}))
      .chain((ids) => fc.tuple(...ids.map((id) => factValue(id).map((value) => [id, value] as const))));
    const draft = fc.record({
      facts,
      organization: fc.option(fc.string({ minLength: 1 }).filter(storable), { nil: undefined }),
      role: fc.option(fc.constantFrom(...ROLES), { nil: undefined }),
      picks: fc
        .uniqueArray(fc.integer({ min: 0, max: items.length - 1 }), { maxLength: 12 })
        .chain((idx) => fc.tuple(...idx.map((i) => answerFor(i).map((a) => [items[i]!.id, a] as const)))),
    });
    fc.assert(
      fc.property(draft, ({ facts, organization, role, picks }) => {
        const text = serializeAnswers({
          bank: bank.id,
          facts,
          organization,
          respondent: role ? { role } : undefined,
          answers: picks,
        });
        const { respondent } = parse(text);
        expect(Object.fromEntries(respondent.answers)).toEqual(Object.fromEntries(picks));
        expect(respondent.organization).toBe(organization);
        expect(respondent.role).toBe(role);
        // A skipped fact is in the file as null, and not among the respondent's facts.
        const given = facts.filter(([, value]) => value !== null);
        expect(respondent.facts).toEqual(given.length > 0 ? Object.fromEntries(given) : undefined);
      }),
      { numRuns: 150 },
    );
  });
});
