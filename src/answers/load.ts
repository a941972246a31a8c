import { pushAll } from '../lists.js';
import { ANSWER_FIELDS, ITEM_KINDS, expectedFields, ratedOn, type AnswerField } from '../bank/item-kinds.js';
import { itemsById } from '../bank/items.js';
import type { Bank } from '../bank/schema.js';
import { andThen, byPosition, checked, checkedAsync, errorsOf, valueOf, type Checked, type Problem } from '../errors.js';
import { readSourceText, type SourceText } from '../io/read.js';
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
  /** Warnings only (e.g. unanswered items). */
  warnings: Problem[];
}

/** Every field anything is rated on, whatever the kind. */
const RATED_FIELDS = [...new Set(Object.values(ITEM_KINDS).flatMap((kind) => kind.rated))];
const isTextField = (field: AnswerField) => !(RATED_FIELDS as readonly string[]).includes(field);

/** An item's answer without its empty fields. */
export function cleanAnswer(raw: RawItemAnswer): ItemAnswer {
  const answer: ItemAnswer = {};
  for (const field of ANSWER_FIELDS) {
    const value = raw[field];
    if (value != null && !(typeof value === 'string' && isTextField(field) && value.trim() === '')) Object.assign(answer, { [field]: value });
  }
  return answer;
}

/** No owner and no rating (a note alone does not answer an item). */
function isUnrated(answer: ItemAnswer | RawItemAnswer): boolean {
  return RATED_FIELDS.every((field) => answer[field] == null);
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
    for (const field of RATED_FIELDS) {
      if (raw[field] != null && !ITEM_KINDS[item.kind].rated.includes(field)) {
        add(['answers', id, field], { message: `"${id}" is ${ratedOn(item.kind)}`, found: field, expected: expectedFields(item.kind) });
      }
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

/**
 * The parts of a document that failed the schema can still be checked by the rules (ids, axes,
 * what is missing), so that one run reports every problem: answers that are not mappings are left
 * to the schema's messages.
 */
function ruleView(data: unknown): AnswersFile | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const { bank, answers } = data as { bank?: unknown; answers?: unknown };
  if (answers != null && (typeof answers !== 'object' || Array.isArray(answers))) return undefined;
  const shaped: Record<string, RawItemAnswer | 'n/a' | null> = {};
  for (const [id, raw] of Object.entries((answers ?? {}) as Record<string, unknown>)) {
    shaped[id] = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as RawItemAnswer) : raw === 'n/a' ? 'n/a' : null;
  }
  return { bank: typeof bank === 'string' ? bank : undefined, answers: shaped } as AnswersFile;
}

/** Checks a parsed answers file against a bank: the schema and the rules, every problem of both, in document order. */
export function checkAnswers(doc: ParsedDocument, bank: Bank, options: AnswersCheckOptions = {}): Checked<Respondent> {
  const { value, problems } = validateDocument(answersFileSchema, doc);
  const view = value ?? ruleView(doc.data);
  if (view) pushAll(problems, answersRuleProblems(view, bank, doc, options));
  problems.sort(byPosition);
  // A file that failed is reported by its errors alone: its unanswered items are not the news.
  if (!value || errorsOf(problems).length > 0) return { problems: errorsOf(problems) };
  return { value: respondentFromFile(value, doc.source), problems };
}

/** Reads, parses and checks one answers file (or `-`): a result, whatever went wrong. */
export async function loadAnswersFile(path: string, bank: Bank, options: AnswersCheckOptions = {}): Promise<Checked<Respondent>> {
  const input = await checkedAsync(() => readSourceText(path));
  const doc = andThen(input, (text) => checked(() => parseDocumentText(text, { allowAliases: false })));
  return andThen(doc, (parsed) => checkAnswers(parsed, bank, options));
}

/** One answers file for a command that reads only it: the respondent and its warnings, or an InputError with every error. */
export function checkAnswersDocument(doc: ParsedDocument, bank: Bank, options: AnswersCheckOptions = {}): LoadedAnswers {
  const result = checkAnswers(doc, bank, options);
  return { respondent: valueOf(result), warnings: result.problems };
}

export function parseAnswers(input: SourceText, bank: Bank, options: AnswersCheckOptions = {}): LoadedAnswers {
  return checkAnswersDocument(parseDocumentText(input, { allowAliases: false }), bank, options);
}
