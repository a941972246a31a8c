import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parseProfileAnswers } from '../../src/core/profile/answers.js';
import { parseProfileBank } from '../../src/core/profile/load.js';
import { BUILTIN_PROFILE_FILE, COMPILED_PROFILE_FILE, loadProfileBank } from '../../src/io/profile-files.js';
import type { Choice } from '../../src/core/profile/schema.js';
import { questions } from '../../src/core/profile/sequence.js';
import { serializeProfileAnswers } from '../../src/core/profile/serialize.js';
import { SEEDS, seedsPresent } from '../bank-v3/helpers.js';
import { runs, sharedRuns, withoutSources } from '../bank-v3/originality.js';
import { ROOT } from '../helpers/cli.js';

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (err) {
    if (err instanceof InputError) return err.message.split('\n');
    throw err;
  }
  throw new Error('expected an InputError');
}

const builtinText = readFileSync(join(ROOT, BUILTIN_PROFILE_FILE), 'utf8');

describe('the built-in profile (version 2)', () => {
  const bank = loadProfileBank();
  const items = bank.dimensions.flatMap((d) => d.items);
  const styleItems = (bank.styles ?? []).flatMap((s) => s.items);
  const asked = questions(bank);

  it('has 6 dimensions of 3 inbound/outbound pairs, 3 styles of 2 neutral pairs, and 39 questions, every id once', () => {
    expect(bank.id).toBe('pm-pmm-tendency');
    expect(bank.version).toBe(2);
    expect(bank.dimensions.map((d) => d.id)).toEqual([
      'information',
      'insight',
      'free-time',
      'success',
      'setbacks',
      'writing',
    ]);
    expect(items).toHaveLength(18);
    expect(styleItems).toHaveLength(6);
    expect(asked).toHaveLength(39);
    expect(bank.description).toContain('Thirty-nine quick choices');
    const ids = [
      ...bank.dimensions.map((d) => d.id),
      ...(bank.styles ?? []).map((s) => s.id),
      ...items.map((i) => i.id),
      ...styleItems.map((i) => i.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('offers no "both" or "neither": every question is two statements', () => {
    for (const q of asked) expect(q.shown, q.key).toHaveLength(2);
    expect(builtinText).not.toMatch(/^\s+(both|neither):/m);
  });

  it('repeats 15 pairs (two of each dimension, one of each style), and mixes the styles in among the first 24 questions', () => {
    expect(asked.filter((q) => q.again)).toHaveLength(15);
    for (const d of bank.dimensions) expect(d.items.filter((i) => i.repeat).length, d.id).toBe(2);
    for (const s of bank.styles ?? []) expect(s.items.filter((i) => i.repeat).length, s.id).toBe(1);
    const firstStyle = asked.findIndex((q) => q.pair.group.kind === 'style');
    expect(firstStyle).toBeLessThan(4);
    // No more than three inbound/outbound pairs in a row in the first showing.
    const kinds = asked
      .filter((q) => !q.again)
      .map((q) => (q.pair.group.kind === 'style' ? 's' : 't'))
      .join('');
    expect(kinds).not.toMatch(/tttttttt/);
  });

  it('shows the outbound statement first on about half the pairs, not by a pattern', () => {
    const outboundFirst = items.map((i) => i.outbound === 'a');
    expect(outboundFirst.filter(Boolean).length).toBe(9);
    // Not strictly alternating, and not the same in every dimension.
    expect(outboundFirst.some((v, i) => i > 0 && v === outboundFirst[i - 1])).toBe(true);
    expect(new Set(bank.dimensions.map((d) => d.items.map((i) => i.outbound).join(''))).size).toBeGreaterThan(2);
  });

  it('offers two statements of comparable length on every pair', () => {
    for (const item of [...items, ...styleItems]) {
      const [short, long] = [item.a.length, item.b.length].sort((x, y) => x - y);
      expect(long! / short!, item.id).toBeLessThan(1.5);
    }
  });

  it('lets both tendencies claim research and evidence: as many outbound as inbound statements speak of it', () => {
    const EVIDENCE =
      /\b(research|evidence|data|test|tests|testing|measure|interviews?|proof|numbers?|notes|recorded|noting|find out|checking|how common|how many|how often|talk to)\b/i;
    const inbound = items.filter((i) => EVIDENCE.test(i.outbound === 'a' ? i.b : i.a)).map((i) => i.id);
    const outbound = items.filter((i) => EVIDENCE.test(i[i.outbound])).map((i) => i.id);
    const both = `inbound: ${inbound.join(', ')}; outbound: ${outbound.join(', ')}`;
    expect(Math.min(inbound.length, outbound.length), both).toBeGreaterThanOrEqual(5);
    expect(Math.abs(inbound.length - outbound.length), both).toBeLessThanOrEqual(3);
    // The four items the review found coding evidence as inbound only are gone or rewritten.
    const course = items.find((i) => i.id === 'free-course')!;
    expect(course[course.outbound]).toMatch(/research/);
  });

  it('gives every dimension 2 or 3 behavioural questions, both kinds of answer, follow-ups and sources', () => {
    for (const d of bank.dimensions) {
      expect(d.interview.questions.length, d.id).toBeGreaterThanOrEqual(2);
      expect(d.interview.questions.length, d.id).toBeLessThanOrEqual(3);
      for (const q of d.interview.questions) expect(q, d.id).toMatch(/^Tell me about /);
      expect(d.interview['follow-ups'].length).toBeGreaterThanOrEqual(2);
      expect(d.sources?.length).toBeGreaterThan(0);
    }
  });

  it('is what the build checked and stored in dist/', () => {
    const compiled = JSON.parse(readFileSync(join(ROOT, COMPILED_PROFILE_FILE), 'utf8'));
    expect(compiled.content).toEqual(parseProfileBank({ source: BUILTIN_PROFILE_FILE, text: builtinText }));
  });
});

describe.skipIf(!seedsPresent())('the profile is in our own words', () => {
  const seedRuns = new Set<string>();
  for (const name of seedsPresent() ? readdirSync(SEEDS).sort() : [])
    for (const run of runs(readFileSync(join(SEEDS, name), 'utf8'))) seedRuns.add(run);

  it.each([
    'questions/profile.yaml',
    'examples/profile/sam-ortiz.yaml',
    ...readdirSync(join(ROOT, 'examples', 'profile-team')).map((f) => `examples/profile-team/${f}`),
  ])('%s shares no run of six words with a seed outside its sources', (file) => {
    expect(sharedRuns(withoutSources(readFileSync(join(ROOT, file), 'utf8')), seedRuns)).toEqual([]);
  });
});

describe('a broken profile bank', () => {
  const parse = (text: string) => () => parseProfileBank({ source: 'p.yaml', text });

  it('points at a YAML syntax error', () => {
    const problems = problemsOf(parse('id: x\ndimensions: [\n'));
    expect(problems[0]).toMatch(/^p\.yaml:\d+:\d+: /);
  });

  it('says what is missing and what a wrong value should be, with positions', () => {
    const text = builtinText
      .replace('version: 2', 'version: two')
      .replace('    title: Where they get their information\n', '')
      .replace(
        '        outbound: b\n        repeat: true\n      - id: info-monday',
        '        outbound: c\n        repeat: true\n      - id: info-monday',
      );
    const problems = problemsOf(parse(text));
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^p\.yaml:\d+:\d+: version: invalid value \(found "two", expected a whole version number\)$/,
      ),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^p\.yaml:\d+:\d+: dimensions\.0\.title: missing/));
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^p\.yaml:\d+:\d+: dimensions\.0\.items\.0\.outbound: invalid value \(found "c", expected a or b: the statement that is the outbound one\)$/,
      ),
    );
  });

  it('finds an id used twice, an id ending in -again, a typo in a key, and too few repeated pairs', () => {
    const text = builtinText
      .replace('- id: info-monday', '- id: info-new-market')
      .replace('- id: info-reading', '- id: info-reading-again')
      .replace('    outbound:\n      good-at: "Knowing', '    outbund:\n      good-at: "Knowing');
    const problems = problemsOf(parse(text));
    expect(problems).toContainEqual(
      expect.stringMatching(
        /dimensions\.0\.items\.1\.id: duplicate id "info-new-market".*first used at dimensions\.0\.items\.0\.id/,
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/dimensions\.0\.items\.2\.id: the id "info-reading-again" ends in "-again"/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/unknown key "outbund" \(did you mean "outbound"\?\)/));
    const few = problemsOf(parse(builtinText.replace(/\n +repeat: true/g, '')));
    expect(few).toContainEqual(
      expect.stringMatching(
        /^p\.yaml:\d+:\d+: dimensions: 0 pairs marked repeat: true \(expected at least 4 repeated pairs/,
      ),
    );
  });
});

describe('profile answers files', () => {
  const bank = loadProfileBank();
  const parse = (text: string, source = 'a.yaml') => parseProfileAnswers({ source, text }, bank);

  it('reads choices, leaves empty values unanswered, and takes the name', () => {
    const loaded = parse(
      'profile: pm-pmm-tendency\nrespondent: { name: Sam Ortiz }\nanswers: { info-new-market: a, info-new-market-again: b, pace-friday: b, writing-brief: }\n',
    );
    expect(loaded.name).toBe('Sam Ortiz');
    expect(loaded.rater).toBe('self');
    expect(Object.fromEntries(loaded.answers)).toEqual({
      'info-new-market': 'a',
      'info-new-market-again': 'b',
      'pace-friday': 'b',
    });
  });

  it('refuses an unknown id with a did-you-mean, and a bad choice, at their positions, all at once', () => {
    const problems = problemsOf(() => parse('answers:\n  info-new-markt: a\n  free-week: c\n'));
    expect(problems).toEqual([
      expect.stringMatching(
        /^a\.yaml:2:3: answers\.info-new-markt: unknown question id "info-new-markt" \(did you mean "info-new-market"\?\)/,
      ),
      'a.yaml:3:14: answers.free-week: invalid value (found "c", expected a or b, the statement picked (or nothing, for not answered))',
    ]);
  });

  it('refuses answers for another profile', () => {
    expect(problemsOf(() => parse('profile: other\nanswers: {}\n'))).toEqual([
      'a.yaml:1:10: profile: the answers were given for another profile (found "other", expected "pm-pmm-tendency" (or pass that profile with --profile))',
    ]);
  });

  it("keeps an interviewer's sheet to the inbound/outbound pairs", () => {
    expect(parse('rater: interviewer\nanswers: { setback-deal: b }\n').rater).toBe('interviewer');
    expect(problemsOf(() => parse('rater: interviewer\nanswers: { pace-friday: a, setback-deal-again: b }\n'))).toEqual(
      [
        expect.stringMatching(
          /^a\.yaml:2:12: answers\.pace-friday: unknown sheet id "pace-friday".*expected an id on the interviewer's sheet/,
        ),
        expect.stringMatching(
          /^a\.yaml:2:28: answers\.setback-deal-again: unknown sheet id "setback-deal-again" \(did you mean "setback-deal"\?\)/,
        ),
      ],
    );
  });

  it('refuses a version 1 file with one problem that says what to do', () => {
    const v1 = join(ROOT, 'test', 'fixtures', 'profile', 'v1-sam-ortiz.yaml');
    const problems = problemsOf(() => parse(readFileSync(v1, 'utf8'), 'v1.yaml'));
    expect(problems).toEqual([
      'v1.yaml:9:17: answers.info-sources: this is a version 1 profile answers file: version 2 of the profile asks new pairs of statements, answered a or b, with no "both", and version 1 answers cannot be carried over to them (found "outbound", expected answers to version 2: take the profile again with pm-diag profile --save NEW.yaml, or, for an interviewer, write a new sheet with pm-diag profile interview --sheet NEW.yaml)',
    ]);
    // A blank version 1 sheet is known by its old ids; a single "both" anywhere gives it away too.
    expect(problemsOf(() => parse('answers:\n  free-week:\n  lost-deal:\n'))).toEqual([
      expect.stringMatching(
        /^a\.yaml:3:3: answers\.lost-deal: this is a version 1 profile answers file.*found the version 1 item id "lost-deal"/,
      ),
    ]);
    expect(problemsOf(() => parse('answers: { free-week: a, writing-brief: both }\n'))).toEqual([
      expect.stringMatching(/^a\.yaml:1:41: answers\.writing-brief: this is a version 1 .*found "both"/),
    ]);
  });

  it('writes a file that reads back the same, each question under its prompt, never naming a side', () => {
    const answers = new Map<string, Choice>([
      ['info-new-market', 'a'],
      ['info-new-market-again', 'b'],
      ['structure-week', 'b'],
    ]);
    const text = serializeProfileAnswers(bank, { name: 'Ana "A" Ruiz\u001b[31m', answers }, ['a header']);
    expect(text).toContain('# a header');
    expect(text).toContain('  # 1. You have two days to get to know a market');
    expect(text).toMatch(/# \d+\. \(again, the other way round\) You have two days/);
    expect(text).toMatch(/\n {2}info-monday:\n/);
    expect(text).not.toMatch(/inbound|outbound|both/i);
    const back = parse(text);
    expect(back.name).toBe('Ana "A" Ruiz\u001b[31m');
    expect(back.answers).toEqual(answers);
  });
});
