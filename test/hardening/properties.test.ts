import { readFileSync } from 'node:fs';
import type { ItemKind } from '../../src/core/bank/item-kinds.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseCsvAnswers } from '../../src/core/answers/csv.js';
import { parseAnswers } from '../../src/core/answers/load.js';
import { OWNERS, ROLES, type LevelAnswer } from '../../src/core/answers/schema.js';
import { bankItems } from '../../src/core/bank/items.js';
import { loadBankFile } from '../../src/io/bank-files.js';
import { parseBank } from '../../src/core/bank/parse.js';
import { InputError, formatProblem } from '../../src/core/errors.js';
import type { SourceText } from '../../src/core/source.js';
import type { Diagnosis } from '../../src/core/score/model.js';
import type { Answer, Respondent } from '../../src/core/answers/respondent.js';
import { diagnose } from '../../src/core/score/diagnose.js';
import { closest } from '../../src/core/text.js';
import { tinyBank } from '../score/bank.js';
import { MINIMAL_BANK, TERMINAL_UNSAFE } from './helpers.js';

const RUNS = 300;
const bank = loadBankFile(MINIMAL_BANK);

/** Lines as an editor counts them: \r\n, \r and \n each end one. */
const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length;

/** The loader returns, or throws an InputError whose every position is inside the text; anything else fails. */
function checkLoader(load: (input: SourceText) => unknown, input: SourceText): void {
  try {
    load(input);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    expect(err.problems.length).toBeGreaterThan(0);
    for (const p of err.problems) {
      if (p.line !== undefined) {
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.line).toBeLessThanOrEqual(lineCount(input.text) + 1);
      }
      if (p.column !== undefined) expect(p.column).toBeGreaterThanOrEqual(1);
      expect(formatProblem(p)).not.toMatch(TERMINAL_UNSAFE);
    }
  }
}

const LOADERS: [string, (input: SourceText) => unknown][] = [
  ['answers', (input) => parseAnswers(input, bank)],
  ['answers --strict', (input) => parseAnswers(input, bank, { strict: true })],
  ['bank', parseBank],
];

/** Text that looks like YAML, JSON or CSV, with the characters that matter to each. */
const yamlish = fc.string({
  unit: fc.constantFrom(
    'a',
    '1',
    ' ',
    '\n',
    '\r',
    '\t',
    ':',
    '-',
    ',',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    '&a',
    '*a',
    '!',
    '#',
    '|',
    '>',
    '?',
    '---',
    '__proto__',
    'answers',
    'n/a',
    '\u001b',
  ),
  maxLength: 60,
});

describe('loaders: any input gives a result or a typed error with its position inside the file', () => {
  it.each(LOADERS)('%s, from arbitrary text (YAML and JSON names)', (_name, load) => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), yamlish),
        fc.constantFrom('in.yaml', 'in.json', '<stdin>'),
        (text, source) => {
          checkLoader(load, { source, text });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it.each(LOADERS)('%s, from arbitrary data written as YAML or JSON', (_name, load) => {
    const key = fc.constantFrom(
      'answers',
      'bank',
      'organization',
      'respondent',
      'id',
      'areas',
      'interlock',
      'market-problems',
      'owner',
      'capability',
      '__proto__',
      'x',
    );
    const value = fc.oneof(fc.anything({ maxDepth: 3 }), fc.constantFrom('n/a', 'unknown', 1, 3, 5, 6, 'pm', null));
    const data = fc.oneof(
      fc.anything({ maxDepth: 3 }),
      fc.dictionary(key, fc.oneof(value, fc.dictionary(key, fc.oneof(value, fc.dictionary(key, value))))),
    );
    fc.assert(
      fc.property(data, fc.boolean(), (d, asJson) => {
        let text: unknown;
        try {
          text = asJson ? JSON.stringify(d, null, 2) : stringify(d);
        } catch {
          return; // not representable (a BigInt in JSON): nothing to load
        }
        if (typeof text === 'string') checkLoader(load, { source: asJson ? 'in.json' : 'in.yaml', text });
      }),
      { numRuns: RUNS },
    );
  });

  it('bank: the minimal bank with values changed anywhere', () => {
    const base = JSON.parse(
      JSON.stringify(parseBank({ source: 'b', text: readFileSync(MINIMAL_BANK, 'utf8') })),
    ) as Record<string, unknown>;
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (v !== null && typeof v === 'object')
        for (const [k, c] of Object.entries(v)) walk(c, [...path, Array.isArray(v) ? Number(k) : k]);
    };
    walk(base, []);
    const edit = fc.tuple(
      fc.constantFrom(...paths.filter((p) => p.length > 0)),
      fc.oneof(
        fc.anything({ maxDepth: 2 }),
        fc.constantFrom('pm', 'pmm', 'market-problems', 'insight', 1, 2, 3, 4, ''),
      ),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const changed = structuredClone(base);
        for (const [path, value] of edits) {
          let node: unknown = changed;
          for (const key of path.slice(0, -1))
            node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
          if (node !== null && typeof node === 'object') (node as Record<string, unknown>)[path.at(-1)!] = value;
        }
        const text = stringify(changed) as unknown;
        if (typeof text === 'string') checkLoader(parseBank, { source: 'bank.yaml', text });
      }),
      { numRuns: RUNS },
    );
  });

  it('CSV export, from arbitrary text with and without a header', () => {
    const header =
      'respondent,role,market-problems.owner,market-problems.capability,market-problems.note,win-loss-feedback.delivery\n';
    const csvish = fc.string({
      unit: fc.constantFrom(
        'a',
        ',',
        ';',
        '\t',
        '"',
        '\n',
        '\r',
        ' ',
        '3',
        '9',
        'n/a',
        'pm',
        'market-problems.capability',
        '\u0000',
      ),
      maxLength: 60,
    });
    fc.assert(
      fc.property(fc.oneof(csvish, fc.string({ unit: 'binary', maxLength: 100 })), fc.boolean(), (body, withHeader) => {
        checkLoader((input) => parseCsvAnswers(input, bank), {
          source: 'in.csv',
          text: withHeader ? header + body : body,
        });
      }),
      { numRuns: RUNS },
    );
  });
});

// The scorer, over the tiny bank of test/score: 4 responsibilities (owners pm, pmm, shared, pm) and 2 interlock items.
const items = bankItems(tinyBank);
const level: fc.Arbitrary<LevelAnswer> = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant('unknown' as const));
const answerFor = (kind: ItemKind): fc.Arbitrary<Answer | undefined> =>
  fc.oneof(
    fc.constant(undefined),
    fc.constant('n/a' as const),
    kind === 'interlock'
      ? fc.record({ delivery: level }, { requiredKeys: [] })
      : kind === 'practice'
        ? fc.record({ frequency: level }, { requiredKeys: [] })
        : fc.record({ owner: fc.constantFrom(...OWNERS), capability: level, capacity: level }, { requiredKeys: [] }),
  );
const respondentArb: fc.Arbitrary<Respondent> = fc
  .tuple(fc.tuple(...items.map((i) => answerFor(i.kind))), fc.option(fc.constantFrom(...ROLES), { nil: undefined }))
  .map(([answers, role]) => {
    const map = new Map<string, Answer>();
    answers.forEach((a, i) => a !== undefined && map.set(items[i]!.id, a));
    return { source: 'generated', role, answers: map };
  });
const respondents = fc.array(respondentArb, { minLength: 1, maxLength: 4 });
const score = (people: Respondent[], target?: number) => diagnose(tinyBank, people, { date: '2026-01-01', target });

/** Every 0–100 number of a diagnosis, by name. */
function indexes(d: Diagnosis): [string, number | null][] {
  return [
    ...Object.entries(d.summary).map(([k, v]) => [`summary.${k}`, v] as [string, number | null]),
    ...d.functions.flatMap((f) =>
      (['capability', 'capacity', 'readiness'] as const).map((k) => [`${f.id}.${k}`, f[k]] as [string, number | null]),
    ),
    ...d.interlock.map((i) => [`interlock.${i.from}`, i.health] as [string, number | null]),
    ...d.items.map(
      (i) => [`${i.id}.readiness`, i.kind === 'interlock' ? i.health : i.readiness] as [string, number | null],
    ),
    ...d.respondents.map((r, n) => [`respondent ${n}.coverage`, r.coverage] as [string, number | null]),
    ...d.perception.flatMap(
      (p) =>
        [
          [`perception.${p.function}.self`, p.self],
          [`perception.${p.function}.others`, p.others],
        ] as [string, number | null][],
    ),
  ];
}

/** The indexes that n/a must not move: everything but coverage, which counts n/a as answered. */
const scoresOf = (d: Diagnosis) => indexes(d).filter(([name]) => !name.endsWith('coverage'));

describe('the scorer', () => {
  it('keeps every index and readiness within 0..100 (or null); priorities are never negative', () => {
    fc.assert(
      fc.property(
        respondents,
        fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: undefined }),
        (people, target) => {
          const d = score(people, target);
          for (const [name, value] of indexes(d)) {
            if (value === null) continue;
            expect(value, name).toBeGreaterThanOrEqual(0);
            expect(value, name).toBeLessThanOrEqual(100);
          }
          for (const item of d.items) expect(item.priority, item.id).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('ranks the gaps by priority, then weight, then bank order, and lists exactly the items with a priority', () => {
    fc.assert(
      fc.property(respondents, (people) => {
        const d = score(people);
        const byId = new Map(d.items.map((item, order) => [item.id, { ...item, order }]));
        expect([...d.gaps].sort()).toEqual(
          d.items
            .filter((i) => i.priority > 0)
            .map((i) => i.id)
            .sort(),
        );
        for (let g = 1; g < d.gaps.length; g++) {
          const a = byId.get(d.gaps[g - 1]!)!;
          const b = byId.get(d.gaps[g]!)!;
          const inOrder =
            a.priority > b.priority ||
            (a.priority === b.priority && (a.weight > b.weight || (a.weight === b.weight && a.order < b.order)));
          expect(inOrder, `${a.id} before ${b.id}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('adding an n/a answer never changes an index, a priority or the gaps', () => {
    fc.assert(
      fc.property(respondents, fc.nat(), fc.nat(), (people, who, which) => {
        const person = people[who % people.length]!;
        const open = items.filter((i) => !person.answers.has(i.id));
        fc.pre(open.length > 0);
        const item = open[which % open.length]!;
        const before = score(people);
        const after = score(
          people.map((p) => (p === person ? { ...p, answers: new Map([...p.answers, [item.id, 'n/a' as const]]) } : p)),
        );
        expect(scoresOf(after)).toEqual(scoresOf(before));
        expect(after.items.map((i) => i.priority)).toEqual(before.items.map((i) => i.priority));
        expect(after.gaps).toEqual(before.gaps);
      }),
      { numRuns: RUNS },
    );
  });

  it("raising one capability answer by one level never lowers its function's capability index, nor the overall one", () => {
    fc.assert(
      fc.property(respondents, fc.nat(), fc.nat(), (people, who, which) => {
        const person = people[who % people.length]!;
        const raisable = items.filter((i) => {
          const a = person.answers.get(i.id);
          return (
            i.kind === 'responsibility' &&
            a !== undefined &&
            a !== 'n/a' &&
            typeof a.capability === 'number' &&
            a.capability < 5
          );
        });
        fc.pre(raisable.length > 0);
        const item = raisable[which % raisable.length]!;
        const answer = person.answers.get(item.id) as Exclude<Answer, 'n/a'>;
        const raised = { ...answer, capability: (answer.capability as number) + 1 };
        const before = score(people);
        const after = score(
          people.map((p) => (p === person ? { ...p, answers: new Map([...p.answers, [item.id, raised]]) } : p)),
        );
        const group = item.kind === 'responsibility' ? item.owner : 'pm';
        const capability = (d: Diagnosis) => d.functions.find((f) => f.id === group)!.capability!;
        expect(capability(after)).toBeGreaterThanOrEqual(capability(before));
        expect(after.summary.capability!).toBeGreaterThanOrEqual(before.summary.capability!);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('"did you mean"', () => {
  /** The plain nearest-candidate search that `closest` speeds up. */
  function reference(word: string, candidates: string[]): string | undefined {
    let best: string | undefined;
    let bestDistance = Infinity;
    // The textbook full table, independent of the one-row version in src/text.ts.
    const lev = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) =>
        Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
      );
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++)
          d[i]![j] = Math.min(
            d[i - 1]![j]! + 1,
            d[i]![j - 1]! + 1,
            d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
          );
      }
      return d[a.length]![b.length]!;
    };
    for (const c of candidates) {
      const d = lev(word.toLowerCase(), c.toLowerCase());
      if (d < bestDistance) [best, bestDistance] = [c, d];
    }
    if (best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3))) return best;
    return candidates.find((c) => word.length >= 4 && c.includes(word));
  }

  it('suggests exactly what a plain nearest-candidate search suggests', () => {
    const ids = items
      .map((i) => i.id)
      .concat(
        bankItems(bank).map((i) => i.id),
        ['pricing-and-packaging', 'competitive-analysis', 'İstanbul'],
      );
    const word = fc.oneof(
      fc
        .constantFrom(...ids)
        .chain((id) =>
          fc
            .tuple(fc.constant(id), fc.nat(id.length), fc.string({ maxLength: 3 }))
            .map(([s, at, extra]) => s.slice(0, at) + extra + s.slice(at + 1)),
        ),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(word, fc.subarray(ids, { minLength: 0 }), (w, candidates) => {
        expect(closest(w, candidates)).toBe(reference(w, candidates));
      }),
      { numRuns: RUNS },
    );
  });
});
