// The "own words" check: no run of RUN_LENGTH consecutive words shared with a source article.
// Both sides are normalised the same way (bank-review.md §2): NFKC, lower case, apostrophes
// dropped, any other punctuation turned into a space.

export const RUN_LENGTH = 6;

export function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['\u2018\u2019\u02bc`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
}

/** Every run of `n` consecutive words of `text`, joined by single spaces. */
export function runs(text: string, n = RUN_LENGTH): string[] {
  const list = words(text);
  const out: string[] = [];
  for (let i = 0; i + n <= list.length; i++) out.push(list.slice(i, i + n).join(' '));
  return out;
}

/** The runs of `text` found in any of the sources, each named once, in order of appearance. */
export function sharedRuns(text: string, sourceRuns: ReadonlySet<string>): string[] {
  return [...new Set(runs(text).filter((run) => sourceRuns.has(run)))];
}

/**
 * The text of a bank file as a reader sees it (keys, values and comments) without its `sources`
 * lists, where the seeds are cited by title. A `sources:` key drops the lines indented under it.
 */
export function withoutSources(raw: string): string {
  const kept: string[] = [];
  let skipDeeperThan: number | null = null;
  for (const line of raw.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (skipDeeperThan !== null) {
      if (line.trim() === '' || indent > skipDeeperThan) continue;
      skipDeeperThan = null;
    }
    const key = /^(\s*)(?:- )?sources:(.*)$/.exec(line);
    if (key) {
      if (key[2]!.trim() === '') skipDeeperThan = indent;
      continue;
    }
    kept.push(line);
  }
  return kept.join('\n');
}
