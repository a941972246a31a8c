import { itemsById } from '../bank/items.js';
import type { Bank } from '../bank/schema.js';
import { InputError, errorsOf, type Problem } from '../errors.js';
import type { SourceText } from '../io/read.js';
import { parseDocumentText, type ParsedDocument } from '../load/document.js';
import { pathText, validateDocument } from '../load/validate.js';
import type { Answer, ItemAnswer, Respondent } from '../model.js';
import { closest, describeValue, unknownText } from '../text.js';
import { answersFileSchema, type AnswersFile, type RawItemAnswer } from './schema.js';

export interface AnswersCheckOptions {
  /** Missing items are errors instead of warnings. */
  strict?: boolean;
}

export interface LoadedAnswers {
  respondent: Respondent;
  /** Warnings only (e.g. unanswered items); errors are thrown. */
  warnings: Problem[];
}

const RESPONSIBILITY_FIELDS = ['owner', 'capability', 'capacity'] as const;

/** An item's answer without its empty fields. */
export function cleanAnswer(raw: RawItemAnswer): ItemAnswer {
  const answer: ItemAnswer = {};
  if (raw.owner != null) answer.owner = raw.owner;
  if (raw.capability != null) answer.capability = raw.capability;
  if (raw.capacity != null) answer.capacity = raw.capacity;
  if (raw.delivery != null) answer.delivery = raw.delivery;
  if (raw.note != null && raw.note.trim() !== '') answer.note = raw.note;
  return answer;
}

/** No owner and no rating (a note alone does not answer an item). */
function isUnrated(answer: ItemAnswer | RawItemAnswer): boolean {
  return answer.owner == null && answer.capability == null && answer.capacity == null && answer.delivery == null;
}

/** A list of ids, shortened for a message. */
export function idList(ids: string[], max = 6): string {
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;
}

/** An answer under an id the bank does not have: an error with "did you mean". */
function unknownIdProblem(id: string, bank: Bank, doc: ParsedDocument): Problem {
  const suggestion = closest(id, itemsById(bank).keys());
  return {
    source: doc.source,
    ...doc.locateKey(['answers'], id),
    path: pathText(['answers', id]),
    message: unknownText('item id', id, suggestion),
    expected: `an id from the bank "${bank.id}" (pm-diag template lists them)`,
    severity: 'error',
  };
}

/**
 * Checks a valid answers file against a bank: the bank id, every item id (with "did you mean"),
 * the right axes for each kind of item, and what is missing.
 */
export function answersRuleProblems(file: AnswersFile, bank: Bank, doc: ParsedDocument, options: AnswersCheckOptions): Problem[] {
  const problems: Problem[] = [];
  const add = (path: (string | number)[], p: Omit<Problem, 'source' | 'severity'> & { severity?: Problem['severity'] }) =>
    problems.push({ source: doc.source, ...doc.locate(path), path: pathText(path), severity: 'error', ...p });
  const items = itemsById(bank);
  if (file.bank != null && file.bank !== bank.id) {
    add(['bank'], { message: 'the answers were given for another question bank', found: describeValue(file.bank), expected: `"${bank.id}" (or pass that bank with --bank)` });
  }
  const answers = file.answers ?? {};
  for (const id in answers) {
    const raw = answers[id];
    const item = items.get(id);
    if (!item) {
      problems.push(unknownIdProblem(id, bank, doc));
      continue;
    }
    if (raw == null || raw === 'n/a') continue;
    if (item.kind === 'interlock') {
      for (const field of RESPONSIBILITY_FIELDS) {
        if (raw[field] != null) add(['answers', id, field], { message: `"${id}" is an interlock item, rated on delivery only`, found: field, expected: 'delivery (and a note)' });
      }
    } else if (raw.delivery != null) {
      add(['answers', id, 'delivery'], { message: `"${id}" is a responsibility, rated on owner, capability and capacity`, found: 'delivery', expected: 'owner, capability, capacity (and a note)' });
    }
  }
  const missing: string[] = [];
  for (const id of items.keys()) {
    const raw = answers[id];
    if (raw == null || (raw !== 'n/a' && isUnrated(raw))) missing.push(id);
  }
  if (missing.length > 0) {
    add(['answers'], {
      severity: options.strict ? 'error' : 'warning',
      message: `${missing.length} of ${items.size} items unanswered: ${idList(missing)}`,
      expected: options.strict ? 'every item answered (--strict)' : undefined,
    });
  }
  return problems;
}

export function respondentFromFile(file: AnswersFile, source: string): Respondent {
  const answers = new Map<string, Answer>();
  const raws = file.answers ?? {};
  for (const id in raws) {
    const raw = raws[id];
    if (raw == null) continue;
    if (raw === 'n/a') {
      answers.set(id, 'n/a');
      continue;
    }
    const answer = cleanAnswer(raw);
    if (!isUnrated(answer) || answer.note) answers.set(id, answer);
  }
  const respondent: Respondent = { source, answers };
  if (file.respondent?.name) respondent.name = file.respondent.name;
  if (file.respondent?.role) respondent.role = file.respondent.role;
  if (file.organization) respondent.organization = file.organization;
  return respondent;
}

export function checkAnswersDocument(doc: ParsedDocument, bank: Bank, options: AnswersCheckOptions = {}): LoadedAnswers {
  const { value, problems } = validateDocument(answersFileSchema, doc);
  if (!value) {
    // Every problem at once: unknown ids too, not only what the schema found.
    const answers = (doc.data as { answers?: unknown } | null)?.answers;
    const items = itemsById(bank);
    if (answers !== null && typeof answers === 'object' && !Array.isArray(answers)) {
      for (const id of Object.keys(answers)) if (!items.has(id)) problems.push(unknownIdProblem(id, bank, doc));
    }
    throw new InputError(problems);
  }
  const ruleProblems = answersRuleProblems(value, bank, doc, options);
  if (errorsOf(ruleProblems).length) throw new InputError(errorsOf(ruleProblems));
  return { respondent: respondentFromFile(value, doc.source), warnings: ruleProblems };
}

export function parseAnswers(input: SourceText, bank: Bank, options: AnswersCheckOptions = {}): LoadedAnswers {
  return checkAnswersDocument(parseDocumentText(input, { allowAliases: false }), bank, options);
}
