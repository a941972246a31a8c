import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parseProfileAnswers } from '../../src/core/profile/answers.js';
import { serializeProfileAnswers } from '../../src/core/profile/serialize.js';
import { parseProfileBank } from '../../src/core/profile/load.js';
import { BUILTIN_PROFILE_FILE, COMPILED_PROFILE_FILE, loadProfileBank } from '../../src/io/profile-files.js';
import type { Choice } from '../../src/core/profile/schema.js';
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

describe('the built-in profile', () => {
  const bank = loadProfileBank();
  const items = bank.dimensions.flatMap((d) => d.items);

  it('has 4 to 6 dimensions and 20 to 30 items, every id once', () => {
    expect(bank.id).toBe('pm-pmm-tendency');
    expect(bank.version).toBe(1);
    expect(bank.dimensions.length).toBeGreaterThanOrEqual(4);
    expect(bank.dimensions.length).toBeLessThanOrEqual(6);
    expect(items.length).toBeGreaterThanOrEqual(20);
    expect(items.length).toBeLessThanOrEqual(30);
    const ids = [...bank.dimensions.map((d) => d.id), ...items.map((i) => i.id)];
    expect(new Set(ids).size).toBe(ids.length);
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

  it('offers two options of comparable length on every item', () => {
    for (const item of items) {
      const [short, long] = [item.inbound.length, item.outbound.length].sort((a, b) => a - b);
      expect(long! / short!, item.id).toBeLessThan(1.8);
    }
  });
});

describe('a broken profile bank', () => {
  const parse = (text: string) => () => parseProfileBank({ source: 'p.yaml', text });

  it('points at a YAML syntax error', () => {
    const problems = problemsOf(parse('id: x\ndimensions: [\n'));
    expect(problems[0]).toMatch(/^p\.yaml:\d+:\d+: /);
  });

  it('says what is missing and what a wrong value should be, with positions', () => {
    const text = builtinText.replace('version: 1', 'version: one').replace('    title: Where they get their information\n', '');
    const problems = problemsOf(parse(text));
    expect(problems).toContainEqual(expect.stringMatching(/^p\.yaml:11:\d+: version: invalid value \(found "one", expected a whole version number\)$/));
    expect(problems).toContainEqual(expect.stringMatching(/^p\.yaml:\d+:\d+: dimensions\.0\.title: missing/));
  });

  it('finds an id used twice, and a typo in a key', () => {
    const text = builtinText.replace('- id: info-reading', '- id: info-sources').replace('    outbound:\n      good-at: "Knowing', '    outbund:\n      good-at: "Knowing');
    const problems = problemsOf(parse(text));
    expect(problems).toContainEqual(expect.stringMatching(/dimensions\.0\.items\.1\.id: duplicate id "info-sources".*first used at dimensions\.0\.items\.0\.id/));
    expect(problems).toContainEqual(expect.stringMatching(/unknown key "outbund" \(did you mean "outbound"\?\)/));
  });
});

describe('profile answers files', () => {
  const bank = loadProfileBank();
  const parse = (text: string) => parseProfileAnswers({ source: 'a.yaml', text }, bank);

  it('reads choices, leaves empty values unanswered, and takes the name', () => {
    const loaded = parse('profile: pm-pmm-tendency\nrespondent: { name: Sam Ortiz }\nanswers: { info-sources: inbound, free-week: outbound, lost-deal: both, writing-best: neither, success-done: }\n');
    expect(loaded.name).toBe('Sam Ortiz');
    expect(Object.fromEntries(loaded.answers)).toEqual({ 'info-sources': 'inbound', 'free-week': 'outbound', 'lost-deal': 'both', 'writing-best': 'neither' });
  });

  it('refuses an unknown id with a did-you-mean, and a bad choice, at their positions, all at once', () => {
    const problems = problemsOf(() => parse('answers:\n  info-source: inbound\n  free-week: outward\n'));
    expect(problems).toEqual([
      expect.stringMatching(/^a\.yaml:2:3: answers\.info-source: unknown item id "info-source" \(did you mean "info-sources"\?\)/),
      'a.yaml:3:14: answers.free-week: invalid value (found "outward", expected inbound, outbound, both or neither (or nothing, for not answered yet))',
    ]);
  });

  it('refuses answers for another profile', () => {
    expect(problemsOf(() => parse('profile: other\nanswers: {}\n'))).toEqual([
      'a.yaml:1:10: profile: the answers were given for another profile (found "other", expected "pm-pmm-tendency" (or pass that profile with --profile))',
    ]);
  });

  it('writes a file that reads back the same, each item under its question', () => {
    const answers = new Map<string, Choice>([
      ['info-sources', 'inbound'],
      ['writing-one-page', 'both'],
    ]);
    const text = serializeProfileAnswers(bank, { name: 'Ana "A" Ruiz\u001b[31m', answers }, ['a header']);
    expect(text).toContain('# a header');
    expect(text).toContain('  # You have two days to understand a market');
    expect(text).toMatch(/\n {2}info-reading:\n/);
    const back = parse(text);
    expect(back.name).toBe('Ana "A" Ruiz\u001b[31m');
    expect(back.answers).toEqual(answers);
  });
});
