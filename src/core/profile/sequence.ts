import type { Choice, ProfileBank, Rater } from './schema.js';

// The questions of the profile, in the order they are asked: the same order in the interactive flow,
// in a saved answers file and in the scoring. Pure: no I/O.
//
// A person is asked every pair once, the inbound/outbound pairs of the dimensions and the neutral
// pairs of the styles mixed together (a style after every few dimensions, then round by round: the
// first pair of each, the second of each, …), so that neither the dimensions nor the key show.
// Then each pair marked `repeat` comes back, in the same order, with its statements the other way
// round: its id is the pair's with `-again` at the end.
//
// An interviewer's scoring sheet holds only the inbound/outbound pairs, once each, by dimension:
// the interviewer records what the candidate's stories showed, so nothing is repeated or mixed in.

/** The end of a repeated question's id. */
export const AGAIN = '-again';

export interface Group {
  kind: 'tendency' | 'style';
  id: string;
  title: string;
  pairs: Pair[];
}

/** One pair of statements, whichever kind of group it belongs to. */
export interface Pair {
  id: string;
  prompt: string;
  a: string;
  b: string;
  /** The statement toward the right-hand end of its scale: outbound, or the style's right pole. */
  right: Choice;
  repeat: boolean;
  group: Group;
}

export interface Question {
  /** The id in an answers file: the pair's, or the pair's with `-again` when it comes back. */
  key: string;
  pair: Pair;
  /** The statements in the order they are shown. */
  shown: readonly [Choice, Choice];
  /** The second showing of a repeated pair. */
  again: boolean;
}

function build(bank: ProfileBank) {
  const dimensions: Group[] = bank.dimensions.map((d) => {
    const group: Group = { kind: 'tendency', id: d.id, title: d.title, pairs: [] };
    group.pairs = d.items.map((item) => ({
      id: item.id,
      prompt: item.prompt,
      a: item.a,
      b: item.b,
      right: item.outbound,
      repeat: item.repeat === true,
      group,
    }));
    return group;
  });
  const styles: Group[] = (bank.styles ?? []).map((s) => {
    const group: Group = { kind: 'style', id: s.id, title: s.title, pairs: [] };
    group.pairs = s.items.map((item) => ({
      id: item.id,
      prompt: item.prompt,
      a: item.a,
      b: item.b,
      right: item.right,
      repeat: item.repeat === true,
      group,
    }));
    return group;
  });
  // The styles spread among the dimensions: with 6 dimensions and 3 styles, one after every second dimension.
  const order: Group[] = [];
  let placed = 0;
  dimensions.forEach((d, i) => {
    order.push(d);
    const due = Math.floor(((i + 1) * styles.length) / dimensions.length);
    while (placed < due) order.push(styles[placed++]!);
  });
  while (placed < styles.length) order.push(styles[placed++]!);
  const first: Pair[] = [];
  const rounds = Math.max(...order.map((g) => g.pairs.length));
  for (let round = 0; round < rounds; round++)
    for (const group of order) if (group.pairs[round]) first.push(group.pairs[round]!);
  const self: Question[] = [
    ...first.map((pair): Question => ({ key: pair.id, pair, shown: ['a', 'b'], again: false })),
    ...first
      .filter((pair) => pair.repeat)
      .map((pair): Question => ({ key: `${pair.id}${AGAIN}`, pair, shown: ['b', 'a'], again: true })),
  ];
  const interviewer = dimensions.flatMap((d) =>
    d.pairs.map((pair): Question => ({ key: pair.id, pair, shown: ['a', 'b'], again: false })),
  );
  return { groups: [...dimensions, ...styles], self, interviewer };
}

/** The questions asked, in order: a person's own (every pair, mixed, then the repeats), or an interviewer's sheet. */
export function questions(bank: ProfileBank, rater: Rater = 'self'): readonly Question[] {
  return build(bank)[rater];
}

/** The dimensions (tendency) then the styles, each with its pairs in bank order. */
export function groups(bank: ProfileBank): readonly Group[] {
  return build(bank).groups;
}

/** Every id an answers file of this rater may hold, in the order asked. */
export function answerKeys(bank: ProfileBank, rater: Rater = 'self'): string[] {
  return questions(bank, rater).map((q) => q.key);
}
