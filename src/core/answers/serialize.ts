import { Document, Scalar, isMap, isScalar } from 'yaml';
import { ANSWER_FIELDS, TEXT_FIELDS } from '../bank/item-kinds.js';
import type { Answer, ItemAnswer } from './respondent.js';
import type { Form } from '../bank/schema.js';
import type { FactValue, Role } from './schema.js';

/**
 * Answers as they are being collected. `null` means "asked, and left empty on purpose": an
 * organization or role not given, or an item skipped. An absent key was never asked.
 */
export interface AnswersDraft {
  bank?: string;
  bankVersion?: number;
  bankHash?: string;
  stage?: string | null;
  form?: Form | null;
  organization?: string | null;
  respondent?: { name?: string | null; role?: Role | null; email?: string };
  response?: string;
  /** ISO 8601: when the answers were last changed. */
  answeredAt?: string;
  /** Bank v3: the organization facts, in the bank's order; null: asked and skipped. */
  facts?: Iterable<readonly [string, FactValue | null]>;
  /** In the order they should appear in the file (bank order). */
  answers: Iterable<readonly [string, Answer | null]>;
}

function itemValue(answer: Answer | null): ItemAnswer | string | null {
  if (answer === null || answer === 'n/a') return answer;
  const value: ItemAnswer = {};
  for (const field of ANSWER_FIELDS) if (answer[field] !== undefined) Object.assign(value, { [field]: answer[field] });
  return value;
}

/**
 * The YAML text of an answers file, in the format `assess --answers` reads: one compact
 * `{ owner: pm, capability: 3, ... }` line per item, like docs/design.md's example. `comment` lines go on top.
 */
export function serializeAnswers(draft: AnswersDraft, comment: string[] = []): string {
  const data: Record<string, unknown> = {};
  if (draft.bank !== undefined) data.bank = draft.bank;
  if (draft.bankVersion !== undefined) data['bank-version'] = draft.bankVersion;
  if (draft.bankHash !== undefined) data['bank-hash'] = draft.bankHash;
  if (draft.organization !== undefined) data.organization = draft.organization;
  if (draft.stage != null) data.stage = draft.stage;
  if (draft.form != null) data.form = draft.form;
  if (draft.respondent) {
    const respondent: Record<string, unknown> = {};
    if (draft.respondent.name !== undefined) respondent.name = draft.respondent.name;
    if (draft.respondent.role !== undefined) respondent.role = draft.respondent.role;
    if (draft.respondent.email !== undefined) respondent.email = draft.respondent.email;
    data.respondent = respondent;
  }
  if (draft.response !== undefined) data.response = draft.response;
  if (draft.answeredAt !== undefined) data['answered-at'] = draft.answeredAt;
  if (draft.facts !== undefined) {
    const facts = Object.fromEntries(draft.facts);
    if (Object.keys(facts).length > 0) data.facts = facts;
  }
  const answers: Record<string, unknown> = {};
  for (const [id, answer] of draft.answers) answers[id] = itemValue(answer);
  data.answers = answers;

  const doc = new Document(data);
  if (comment.length) doc.commentBefore = comment.map((line) => ` ${line}`).join('\n');
  const respondent = doc.get('respondent');
  if (isMap(respondent)) respondent.flow = true;
  const facts = doc.get('facts');
  if (isMap(facts)) facts.flow = true;
  const items = doc.get('answers');
  if (isMap(items)) {
    for (const pair of items.items) {
      if (!isMap(pair.value)) continue;
      pair.value.flow = true;
      // A multi-line note would break the one-line mapping into a block; keep it one quoted line.
      for (const field of TEXT_FIELDS) {
        const text = pair.value.get(field, true);
        if (isScalar(text)) text.type = Scalar.QUOTE_DOUBLE;
      }
    }
  }
  return doc.toString({ lineWidth: 0 });
}
