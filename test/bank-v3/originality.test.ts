import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { COVERAGE_DOC, README, RESPONSE_DOC, SEEDS, V3_BANK_FILE, exampleFiles, seedsPresent } from './helpers.js';
import { RUN_LENGTH, runs, sharedRuns, withoutSources, words } from './originality.js';

describe('the own-words checker', () => {
  it('normalises case, apostrophes and punctuation the same way on both sides', () => {
    expect(words("It’s a “Go-to-Market” STRATEGY, isn't it?")).toEqual([
      'its',
      'a',
      'go',
      'to',
      'market',
      'strategy',
      'isnt',
      'it',
    ]);
    expect(runs('one two three four five six seven')).toEqual([
      'one two three four five six',
      'two three four five six seven',
    ]);
  });

  it('finds a run of six shared words, and not a run of five', () => {
    const source = new Set(runs('Product Marketing drives market adoption through content and campaigns.'));
    expect(sharedRuns('Our product marketing: drives MARKET adoption, through content here.', source)).toEqual([
      'product marketing drives market adoption through',
      'marketing drives market adoption through content',
    ]);
    // five shared words in a row are allowed
    expect(sharedRuns('it drives market adoption through content alone', source)).toEqual([]);
    expect(sharedRuns('Drives market adoption, through content AND campaigns!', source)).toEqual([
      'drives market adoption through content and',
      'market adoption through content and campaigns',
    ]);
  });

  it('leaves out only what is listed under a sources key', () => {
    const raw = [
      'a: keep this',
      '    sources:',
      '      - "cited title"',
      '      - "another"',
      '    weight: 2',
      '  # a comment kept',
      'sources: ["inline"]',
      'b: kept',
    ].join('\n');
    expect(withoutSources(raw)).toBe(['a: keep this', '    weight: 2', '  # a comment kept', 'b: kept'].join('\n'));
  });
});

/** The README's section on the bank, which quotes the coverage document's ideas. */
function readmeSection(): string {
  const text = readFileSync(README, 'utf8');
  return text.slice(text.indexOf('\n## What the bank covers\n'), text.indexOf('\n## Your own question bank\n'));
}

describe('version 3 is in our own words', () => {
  const seedRuns = new Set<string>();
  for (const name of seedsPresent() ? readdirSync(SEEDS).sort() : []) {
    for (const run of runs(readFileSync(join(SEEDS, name), 'utf8'))) seedRuns.add(run);
  }

  const texts: { file: string; text: string }[] = [
    { file: V3_BANK_FILE, text: withoutSources(readFileSync(V3_BANK_FILE, 'utf8')) },
    ...exampleFiles().map((file) => ({ file, text: readFileSync(file, 'utf8') })),
    ...[COVERAGE_DOC, RESPONSE_DOC].filter(existsSync).map((file) => ({ file, text: readFileSync(file, 'utf8') })),
    { file: README, text: readmeSection() },
  ];

  it('read the five seeds', () => {
    // Without the articles this check cannot be made: that is a failure, not a skip.
    expect(seedsPresent(), `the seed articles are not at ${SEEDS}: clone beside ../shared`).toBe(true);
    expect(readdirSync(SEEDS).length).toBeGreaterThanOrEqual(5);
    expect(seedRuns.size).toBeGreaterThan(1000);
  });

  it.each(texts.map((t) => [relative(ROOT, t.file), t.text] as const))(
    `%s shares no run of ${RUN_LENGTH} words with a seed outside its sources`,
    (_file, text) => {
      expect(sharedRuns(text, seedRuns)).toEqual([]);
    },
  );

  it('the check does find seed text: the sources lists themselves cite seed titles', () => {
    const sourcesOnly = readFileSync(V3_BANK_FILE, 'utf8');
    expect(sharedRuns(sourcesOnly, seedRuns).length).toBeGreaterThan(0);
  });
});
