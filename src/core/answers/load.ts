import { pushAll } from '../lists.js';
import {
  ANSWER_FIELDS,
  ITEM_KINDS,
  expectedFields,
  ratedOn,
  type AnswerField,
  type ItemKind,
} from '../bank/item-kinds.js';
import { itemsById } from '../bank/items.js';
import type { Bank } from '../bank/schema.js';
import { andThen, byPosition, checked, errorsOf, valueOf, type Checked, type Problem } from '../errors.js';
import { type SourceText } from '../source.js';
import { parseDocumentText, type ParsedDocument } from '../document/document.js';
import { pathText, validateDocument } from '../document/validate.js';
import type { Answer, ItemAnswer, Respondent } from './respondent.js';
import { closest, describeValue, safeLine, unknownText } from '../text.js';
import { askedScope, bankItemsInScope, stageIds } from './scope.js';
import { bankHash } from '../bank/hash.js';
import { idList } from './ids.js';
import { formerIds, migrateAnswers } from './migrate.js';
import { answersSchemas, isWellFormedAnswers, type AnswersFile, type FactValue, type RawItemAnswer } from './schema.js';

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
/** For each kind of item, the fields only other kinds are rated on: an answer that gives one is wrong. */
const FOREIGN_FIELDS = Object.fromEntries(
  Object.entries(ITEM_KINDS).map(([kind, facts]) => [
    kind,
    RATED_FIELDS.filter((field) => !facts.rated.includes(field)),
  ]),
) as Record<ItemKind, typeof RATED_FIELDS>;

/** An item's answer without its empty fields. */
export function cleanAnswer(raw: RawItemAnswer): ItemAnswer {
  const answer: ItemAnswer = {};
  for (const field of ANSWER_FIELDS) {
    const value = raw[field];
    if (value != null && !(typeof value === 'string' && isTextField(field) && value.trim() === ''))
      (answer as Record<string, unknown>)[field] = value;
  }
  return answer;
}

/** No owner and no rating (a note alone does not answer an item). */
function isUnrated(answer: ItemAnswer | RawItemAnswer): boolean {
  for (const field of RATED_FIELDS) if (answer[field] != null) return false;
  return true;
}

export { idList } from './ids.js';

/**
 * An answer under an id the bank does not have: an error with "did you mean", which also looks
 * among the ids of earlier versions (a misspelt old id suggests the item it became).
 */
function unknownIdProblem(id: string, bank: Bank, doc: ParsedDocument): Problem {
  const former = formerIds(bank);
  const nearest = closest(id, [...itemsById(bank).keys(), ...former.keys()]);
  const current = nearest === undefined ? undefined : former.get(nearest);
  return {
    source: doc.source,
    ...doc.locateKey(['answers'], id),
    path: pathText(['answers', id]),
    message: current === undefined ? unknownText('item id', id, nearest) : unknownText('item id', id, current, nearest),
    expected: `an id from the bank "${bank.id}" (pm-diag template lists them)`,
    severity: 'error',
  };
}

/** A stage the bank does not declare: an error that lists the ones it does. */
function stageProblem(stage: unknown, bank: Bank, doc: ParsedDocument): Problem | undefined {
  const stages = stageIds(bank);
  if (typeof stage !== 'string' || stages.includes(stage)) return undefined;
  return {
    source: doc.source,
    ...doc.locate(['stage']),
    path: 'stage',
    message: `unknown stage "${safeLine(stage)}"`,
    expected:
      stages.length > 0
        ? `one of the bank's stages: ${stages.join(', ')}`
        : `no stage: the bank "${bank.id}" declares none`,
    severity: 'error',
  };
}

/** The organization facts against the bank's: known ids, offered options, whole numbers. */
function factProblems(file: AnswersFile, bank: Bank, doc: ParsedDocument): Problem[] {
  const problems: Problem[] = [];
  const facts = bank.facts ?? {};
  const known = Object.keys(facts);
  for (const [id, value] of Object.entries(file.facts ?? {})) {
    const fact = facts[id];
    const at = (message: string, expected: string) =>
      problems.push({
        source: doc.source,
        ...(fact ? doc.locate(['facts', id]) : doc.locateKey(['facts'], id)),
        path: pathText(['facts', id]),
        message,
        found: fact ? describeValue(value) : undefined,
        expected,
        severity: 'error',
      });
    if (!fact) {
      at(
        unknownText('fact', id, closest(id, known)),
        known.length > 0 ? `one of the bank's facts: ${known.join(', ')}` : `no facts: the bank "${bank.id}" asks none`,
      );
    } else if (value == null) continue;
    else if (fact.options) {
      if (typeof value !== 'string' || !Object.hasOwn(fact.options, value))
        at(`"${id}" is not one of its options`, `one of ${Object.keys(fact.options).join(', ')}`);
    } else if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      at(`"${id}" is a number`, 'a whole number, 0 or more');
    }
  }
  return problems;
}

/** What a file or an export row says about the company: its stage and its organization facts (a row's own cells). */
function scopeProblems(file: AnswersFile, bank: Bank, doc: ParsedDocument): Problem[] {
  const problems: Problem[] = [];
  const badStage = stageProblem(file.stage, bank, doc);
  if (badStage) problems.push(badStage);
  if (file.facts != null) pushAll(problems, factProblems(file, bank, doc));
  return problems;
}

/**
 * Checks a valid answers file against a bank: the bank id, every item id (with "did you mean"),
 * the right axes for each kind of item, and what is missing.
 */
export function answersRuleProblems(
  file: AnswersFile,
  bank: Bank,
  doc: ParsedDocument,
  options: AnswersCheckOptions,
): Problem[] {
  const problems: Problem[] = [];
  const add = (
    path: (string | number)[],
    p: Omit<Problem, 'source' | 'severity'> & { severity?: Problem['severity'] },
  ) => problems.push({ source: doc.source, ...doc.locate(path), path: pathText(path), severity: 'error', ...p });
  const items = itemsById(bank);
  if (file.bank != null && file.bank !== bank.id) {
    add(['bank'], {
      message: 'the answers were given for another question bank',
      found: describeValue(file.bank),
      expected: `"${bank.id}" (or pass that bank with --bank)`,
    });
  }
  pushAll(problems, scopeProblems(file, bank, doc));
  // Hashing costs a few milliseconds, so only a file that carries a hash pays for it.
  if (
    file['bank-hash'] != null &&
    (file['bank-version'] ?? bank.version) === bank.version &&
    file['bank-hash'] !== bankHash(bank)
  ) {
    add(['bank-hash'], {
      severity: 'warning',
      message: `the answers were made with other questions under the same bank id and version ("${bank.id}" version ${bank.version}): some items may have changed meaning`,
      found: safeLine(file['bank-hash']),
      expected: bankHash(bank),
    });
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
    for (const field of FOREIGN_FIELDS[item.kind]) {
      if (raw[field] != null) {
        add(['answers', id, field], {
          message: `"${id}" is ${ratedOn(item.kind)}`,
          found: field,
          expected: expectedFields(item.kind),
        });
      }
    }
  }
  const unanswered = unansweredProblem(file, bank, doc, options);
  if (unanswered) problems.push(unanswered);
  return problems;
}

/**
 * The rules a row of a form export can break: its stage, and what it leaves unanswered. Its item ids
 * and fields are its columns', which the export's reader checked once in the header (answers/csv.ts).
 */
export function rowRuleProblems(
  file: AnswersFile,
  bank: Bank,
  doc: ParsedDocument,
  options: AnswersCheckOptions,
): Problem[] {
  const problems = scopeProblems(file, bank, doc);
  const unanswered = unansweredProblem(file, bank, doc, options);
  if (unanswered) problems.push(unanswered);
  return problems;
}

const ANSWERS_PATH = ['answers'];
/** Worked out once: a million export rows can each leave items unanswered. */
const ANSWERS_PATH_TEXT = pathText(ANSWERS_PATH);

/** The items the file's own stage and form ask that it leaves unanswered: a warning, an error with --strict. */
function unansweredProblem(
  file: AnswersFile,
  bank: Bank,
  doc: ParsedDocument,
  options: AnswersCheckOptions,
): Problem | undefined {
  const answers = file.answers ?? {};
  const missing: string[] = [];
  // Only the items the file's own stage and form ask are missing when unanswered.
  const asked = bankItemsInScope(bank, askedScope(bank, file));
  for (const { id } of asked) {
    const raw = answers[id];
    if (raw == null || (raw !== 'n/a' && isUnrated(raw))) missing.push(id);
  }
  if (missing.length === 0) return undefined;
  return {
    source: doc.source,
    ...doc.locate(ANSWERS_PATH),
    path: ANSWERS_PATH_TEXT,
    severity: options.strict ? 'error' : 'warning',
    message: `${missing.length} of ${asked.length} items unanswered: ${idList(missing)}`,
    expected: options.strict ? 'every item answered (--strict)' : undefined,
  };
}

/** Where a file's answer time comes from, as the `--latest` warning names it. */
export const ANSWERED_AT_SOURCE = 'answered-at in the file';

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
    if (!isUnrated(answer) || answer.note || answer.evidence) answers.set(id, answer);
  }
  return describedBy({ source, answers }, file);
}

/** The respondent, with who they are and what they answered for as the file says. */
export function describedBy(respondent: Respondent, file: AnswersFile): Respondent {
  if (file.respondent?.name) respondent.name = file.respondent.name;
  if (file.respondent?.role) respondent.role = file.respondent.role;
  if (file.respondent?.email?.trim()) respondent.email = file.respondent.email.trim();
  if (file.response?.trim()) respondent.response = file.response.trim();
  if (file['answered-at']) respondent.answeredAt = { time: file['answered-at'], source: ANSWERED_AT_SOURCE };
  if (file.organization) respondent.organization = file.organization;
  if (file.stage) respondent.stage = file.stage;
  if (file.form) respondent.form = file.form;
  if (file.facts) {
    const facts = Object.entries(file.facts).filter((entry): entry is [string, FactValue] => entry[1] != null);
    if (facts.length > 0) respondent.facts = Object.fromEntries(facts);
  }
  return respondent;
}

/**
 * The parts of a document that failed the schema can still be checked by the rules (ids, axes,
 * what is missing), so that one run reports every problem: answers that are not mappings are left
 * to the schema's messages.
 */
function ruleView(data: unknown): AnswersFile | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const { bank, answers, stage } = data as { bank?: unknown; answers?: unknown; stage?: unknown };
  if (answers != null && (typeof answers !== 'object' || Array.isArray(answers))) return undefined;
  const shaped: Record<string, RawItemAnswer | 'n/a' | null> = {};
  for (const [id, raw] of Object.entries((answers ?? {}) as Record<string, unknown>)) {
    shaped[id] =
      raw !== null && typeof raw === 'object' && !Array.isArray(raw)
        ? (raw as RawItemAnswer)
        : raw === 'n/a'
          ? 'n/a'
          : null;
  }
  return {
    bank: typeof bank === 'string' ? bank : undefined,
    stage: typeof stage === 'string' ? stage : undefined,
    answers: shaped,
  } as AnswersFile;
}

/** The answers file's shape: a well-formed file as it is (a copy), or every problem zod finds in it. */
export function checkAnswersShape(doc: ParsedDocument): { value?: AnswersFile; problems: Problem[] } {
  if (isWellFormedAnswers(doc.data)) return { value: structuredClone(doc.data), problems: [] };
  const { value, problems } = validateDocument(answersSchemas().answersFileSchema, doc);
  return { value: value as AnswersFile | undefined, problems };
}

/** Checks a parsed answers file against a bank: the schema and the rules, every problem of both, in document order. */
export function checkAnswers(doc: ParsedDocument, bank: Bank, options: AnswersCheckOptions = {}): Checked<Respondent> {
  const { value, problems } = checkAnswersShape(doc);
  const view = value ?? ruleView(doc.data);
  // Answers under the ids of an earlier version of the bank move to their ids now (a warning says which).
  const migrated = view && migrateAnswers(view, bank, doc);
  if (migrated) {
    pushAll(problems, migrated.problems);
    pushAll(problems, answersRuleProblems(migrated.file, bank, doc, options));
  } else if (doc.data !== null && typeof doc.data === 'object') {
    const badStage = stageProblem((doc.data as { stage?: unknown }).stage, bank, doc);
    if (badStage) problems.push(badStage);
  }
  problems.sort(byPosition);
  // A file that failed is reported by its errors alone: its unanswered items are not the news.
  if (!value || !migrated || errorsOf(problems).length > 0) return { problems: errorsOf(problems) };
  return { value: respondentFromFile(migrated.file, doc.source), problems };
}

/** Parses and checks the text of one answers file: a result, whatever went wrong. */
export function checkAnswersText(
  input: SourceText,
  bank: Bank,
  options: AnswersCheckOptions = {},
): Checked<Respondent> {
  const doc = checked(() => parseDocumentText(input, { allowAliases: false }));
  return andThen(doc, (parsed) => checkAnswers(parsed, bank, options));
}

/** One answers file for a command that reads only it: the respondent and its warnings, or an InputError with every error. */
export function checkAnswersDocument(
  doc: ParsedDocument,
  bank: Bank,
  options: AnswersCheckOptions = {},
): LoadedAnswers {
  const result = checkAnswers(doc, bank, options);
  return { respondent: valueOf(result), warnings: result.problems };
}

export function parseAnswers(input: SourceText, bank: Bank, options: AnswersCheckOptions = {}): LoadedAnswers {
  return checkAnswersDocument(parseDocumentText(input, { allowAliases: false }), bank, options);
}
