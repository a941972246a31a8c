import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { answersRuleProblems, checkAnswersShape, cleanAnswer } from '../../core/answers/load.js';
import { migrateAnswers } from '../../core/answers/migrate.js';
import type { AnswersFile } from '../../core/answers/schema.js';
import { serializeAnswers } from '../../core/answers/serialize.js';
import { bankItems, itemsById } from '../../core/bank/items.js';
import { bankHash } from '../../core/bank/hash.js';
import type { Bank } from '../../core/bank/schema.js';
import { InputError, andThen, checked, errorsOf, type Checked } from '../../core/errors.js';
import { readFileText } from '../../io/read.js';
import { writeFileAtomic } from '../../io/write.js';
import { parseDocumentText } from '../../core/document/document.js';
import type { Answer } from '../../core/answers/respondent.js';
import { safeLine } from '../../core/text.js';
import type { Draft } from './steps.js';

// The answers file of an interactive session: read it back to resume, keep a backup before
// starting over, and write it after every answer.

export interface SavedSession {
  draft: Draft;
  /** Saved item ids the bank no longer has: left out of the draft. */
  dropped: string[];
}

const LEFT_UNTOUCHED =
  'this is the saved answers file, left untouched: fix it, or start over with --fresh (it is then kept as a backup), or save elsewhere with --save';

/** The saved file, checked like any answers file except that ids the bank no longer has are set aside. */
function checkSavedFile(path: string, bank: Bank): Checked<{ file: AnswersFile; dropped: string[] }> {
  const doc = checked(() => parseDocumentText(readFileText(path), { allowAliases: false }));
  return andThen(doc, (parsed) => {
    const { value, problems } = checkAnswersShape(parsed);
    if (!value) return { problems };
    const known = itemsById(bank);
    // A session saved with an earlier version of the bank resumes with its answers under the ids they moved to.
    const { file: migrated, mapping } = migrateAnswers(value, bank, parsed);
    const entries = Object.entries(migrated.answers ?? {});
    const file: AnswersFile = { ...migrated, answers: Object.fromEntries(entries.filter(([id]) => known.has(id))) };
    const errors = errorsOf(answersRuleProblems(file, bank, parsed, {}));
    if (errors.length) return { problems: errors };
    const setAside = [...(mapping?.to ?? [])].filter(([, to]) => to === null).map(([id]) => id);
    return {
      value: { file, dropped: [...entries.map(([id]) => id).filter((id) => !known.has(id)), ...setAside] },
      problems: [],
    };
  });
}

/**
 * Reads a saved session, or `undefined` when there is none. A broken file is an error (exit 2, with
 * its position), never something to overwrite; answers for items the bank no longer has are dropped.
 */
export function readSession(path: string, bank: Bank): SavedSession | undefined {
  if (!existsSync(path)) return undefined;
  const saved = checkSavedFile(path, bank);
  if (!saved.value)
    throw new InputError([...saved.problems, { source: safeLine(path), message: LEFT_UNTOUCHED, severity: 'error' }]);
  const { file, dropped } = saved.value;
  const answers = file.answers ?? {};
  const draft: Draft = { answers: new Map() };
  if (file.organization !== undefined) draft.organization = file.organization;
  if (file.stage != null) draft.stage = file.stage;
  if (file.form != null) draft.form = file.form;
  if (file.respondent?.name !== undefined) draft.name = file.respondent.name;
  if (file.respondent?.role !== undefined) draft.role = file.respondent.role;
  if (file.respondent?.email != null) draft.email = file.respondent.email;
  if (file.response != null) draft.response = file.response;
  if (file['answered-at'] != null) draft.answeredAt = file['answered-at'];
  // Only the bank's facts, in its order: a null one was asked and skipped.
  if (file.facts != null) {
    const given = file.facts;
    draft.facts = Object.fromEntries(
      Object.keys(bank.facts ?? {})
        .filter((id) => Object.hasOwn(given, id))
        .map((id) => [id, given[id] ?? null]),
    );
  }
  for (const item of bankItems(bank)) {
    if (!Object.hasOwn(answers, item.id)) continue;
    const raw = answers[item.id] ?? null;
    const answer = raw === null || raw === 'n/a' ? raw : cleanAnswer(raw);
    // An item with every field empty (as in a template) is not answered yet.
    if (answer === null || answer === 'n/a' || Object.keys(answer).length > 0) draft.answers.set(item.id, answer);
  }
  draft.savedAnswers = answersText(bank, draft);
  return { draft, dropped };
}

/** Moves the file aside (starting over) or copies it (resuming, when answers are dropped). */
export { backupFile as backupSession } from '../../io/backup.js';

/**
 * Writes the whole session, atomically and synchronously, in bank order. A new file gets its
 * response id here, once; the answer time moves to now when what is saved changed.
 */
export function saveSession(path: string, bank: Bank, draft: Draft, header: string[], now = new Date()) {
  draft.response ??= randomUUID();
  const answers = answersText(bank, draft);
  if (draft.answeredAt === undefined || answers !== draft.savedAnswers) draft.answeredAt = now.toISOString();
  draft.savedAnswers = answers;
  writeFileAtomic(path, answersText(bank, draft, header, draft.answeredAt));
}

/** The answers file of a draft; without a time, what a save compares to tell whether anything changed. */
function answersText(bank: Bank, draft: Draft, header: string[] = [], answeredAt?: string): string {
  const answers: [string, Answer | null][] = [];
  for (const item of bankItems(bank)) {
    const answer = draft.answers.get(item.id);
    if (answer !== undefined) answers.push([item.id, answer]);
  }
  const who = draft.name !== undefined || draft.role !== undefined || draft.email !== undefined;
  const respondent = who ? { name: draft.name, role: draft.role, email: draft.email } : undefined;
  const scope = { stage: draft.stage, form: draft.form, bankVersion: bank.version, bankHash: bankHash(bank) };
  const { organization, response } = draft;
  // In the bank's order, whatever order they were asked in.
  const given = draft.facts;
  const facts =
    given &&
    Object.keys(bank.facts ?? {}).flatMap((id) => (Object.hasOwn(given, id) ? [[id, given[id] ?? null] as const] : []));
  const file = { bank: bank.id, ...scope, organization, respondent, response, answeredAt, facts, answers };
  return serializeAnswers(file, header);
}
