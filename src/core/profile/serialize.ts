import { Document, isMap, isScalar } from 'yaml';
import { safeLine } from '../text.js';
import type { Choice, ProfileBank, Rater } from './schema.js';
import { questions, type Question } from './sequence.js';

// A profile answers file as the interactive flow saves it and as the interviewer's scoring sheet,
// each question under a comment with its prompt and its two statements, in the order they are shown.
// Nothing in it says which statement is inbound. Apart from the reader (answers.ts), so that reading
// one, which every run of validate and profile does, needs no YAML writer.

export interface SerializeOptions {
  rater?: Rater;
  /** An interviewer's sheet: only these dimensions (by id), each under a heading. */
  dimensions?: readonly string[];
}

function commentLines(q: Question, number: number, heading: string | undefined): string[] {
  return [
    ...(heading ? [heading] : []),
    `${number}. ${q.again ? '(again, the other way round) ' : ''}${q.pair.prompt}`,
    ...q.shown.map((letter) => `  ${letter}: ${q.pair[letter]}`),
  ];
}

/**
 * The YAML of a profile answers file: `profile`, `rater` (on an interviewer's sheet), `respondent`,
 * then every question in the order asked (an unanswered one has an empty value). `header` lines go on top.
 */
export function serializeProfileAnswers(
  bank: ProfileBank,
  draft: { name: string | null; answers: ReadonlyMap<string, Choice> },
  header: string[],
  options: SerializeOptions = {},
): string {
  const rater = options.rater ?? 'self';
  const asked = questions(bank, rater).filter(
    (q) => options.dimensions === undefined || options.dimensions.includes(q.pair.group.id),
  );
  const answers: Record<string, Choice | null> = {};
  for (const q of asked) answers[q.key] = draft.answers.get(q.key) ?? null;
  const doc = new Document({
    profile: bank.id,
    ...(rater === 'interviewer' ? { rater } : {}),
    respondent: { name: draft.name },
    answers,
  });
  if (header.length) doc.commentBefore = header.map((line) => ` ${safeLine(line)}`).join('\n');
  const items = doc.get('answers');
  if (isMap(items)) {
    const byKey = new Map(asked.map((q, i) => [q.key, { q, i }] as const));
    for (const pair of items.items) {
      const entry = isScalar(pair.key) ? byKey.get(String(pair.key.value)) : undefined;
      if (!entry || !isScalar(pair.key)) continue;
      const { q, i } = entry;
      const group = q.pair.group;
      const heading =
        rater === 'interviewer' && group.pairs[0] === q.pair ? `── ${group.title} (${group.id})` : undefined;
      pair.key.commentBefore = commentLines(q, i + 1, heading)
        .map((line) => ` ${safeLine(line)}`)
        .join('\n');
    }
  }
  return doc.toString({ lineWidth: 0, nullStr: '' });
}
