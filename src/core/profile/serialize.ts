import { Document, isMap, isScalar } from 'yaml';
import { safeLine } from '../text.js';
import type { Choice, ProfileBank } from './schema.js';

// A profile answers file as the interactive flow saves it and as the interviewer's scoring sheet,
// with each item's question and its two options as comments. Apart from the reader (answers.ts), so
// that reading one, which every run of validate and profile does, needs no YAML writer.

/**
 * The YAML of a profile answers file: `profile`, `respondent`, then every item of the chosen
 * dimensions in profile order, each under a comment with its question and both options (an
 * unanswered item has an empty value). `header` lines go on top.
 */
export function serializeProfileAnswers(bank: ProfileBank, draft: { name: string | null; answers: ReadonlyMap<string, Choice> }, header: string[], dimensions = bank.dimensions): string {
  const answers: Record<string, Choice | null> = {};
  for (const d of dimensions) for (const item of d.items) answers[item.id] = draft.answers.get(item.id) ?? null;
  const doc = new Document({ profile: bank.id, respondent: { name: draft.name }, answers });
  if (header.length) doc.commentBefore = header.map((line) => ` ${safeLine(line)}`).join('\n');
  const items = doc.get('answers');
  if (isMap(items)) {
    const byId = new Map(dimensions.flatMap((d) => d.items.map((item, i) => [item.id, { dimension: d, item, first: i === 0 }] as const)));
    for (const pair of items.items) {
      const entry = isScalar(pair.key) ? byId.get(String(pair.key.value)) : undefined;
      if (!entry || !isScalar(pair.key)) continue;
      const { dimension, item, first } = entry;
      const lines = [
        ...(first ? [`── ${dimension.title} (${dimension.id})`] : []),
        item.prompt,
        `  inbound:  ${item.inbound}`,
        `  outbound: ${item.outbound}`,
      ];
      pair.key.commentBefore = lines.map((line) => ` ${safeLine(line)}`).join('\n');
    }
  }
  return doc.toString({ lineWidth: 0, nullStr: '' });
}
