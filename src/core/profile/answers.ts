import { InputError, type Problem } from '../errors.js';
import type { SourceText } from '../source.js';
import { parseDocumentText, type ParsedDocument } from '../document/document.js';
import { pathText, validateDocument } from '../document/validate.js';
import { closest, safeLine } from '../text.js';
import { profileAnswersSchema, type Choice, type ProfileBank, type Rater } from './schema.js';
import { answerKeys } from './sequence.js';

// A profile answers file, read with positions (unknown ids with "did you mean"). serialize.ts writes one.
// A file of version 1 (inbound, outbound, both or neither) is refused with one clear problem: its
// answers were given to other statements, and "both" has no counterpart, so carrying them over would
// invent answers the person never gave.

export interface ProfileAnswers {
  source: string;
  name: string | null;
  rater: Rater;
  /** Answered questions only; an empty value is not answered. */
  answers: Map<string, Choice>;
}

/** The answers of version 1, and its item ids that version 2 no longer has. */
const V1_CHOICES = new Set(['inbound', 'outbound', 'both', 'neither']);
const V1_ONLY_IDS = new Set([
  'info-sources',
  'info-people',
  'info-dashboard',
  'insight-rival-weakness',
  'insight-audience',
  'free-trade-show',
  'free-side-project',
  'success-metric',
  'success-praise',
  'lost-deal',
  'setback-churn',
  'writing-best',
  'writing-reader',
]);

export const V1_MESSAGE =
  'this is a version 1 profile answers file: version 2 of the profile asks new pairs of statements, answered a or b, with no "both", and version 1 answers cannot be carried over to them';
export const V1_EXPECTED =
  'answers to version 2: take the profile again with pm-diag profile --save NEW.yaml, or, for an interviewer, write a new sheet with pm-diag profile interview --sheet NEW.yaml';

const answersOf = (data: unknown): Record<string, unknown> | undefined => {
  const answers = (data as { answers?: unknown } | null)?.answers;
  return answers !== null && typeof answers === 'object' && !Array.isArray(answers)
    ? (answers as Record<string, unknown>)
    : undefined;
};

/** The one problem of a version 1 file, at its first version 1 answer or id; undefined for any other file. */
function version1Problem(doc: ParsedDocument, bank: ProfileBank): Problem | undefined {
  const answers = answersOf(doc.data);
  if (!answers) return undefined;
  const known = new Set(answerKeys(bank, 'self'));
  for (const [id, value] of Object.entries(answers)) {
    const oldChoice = typeof value === 'string' && V1_CHOICES.has(value);
    const oldId = V1_ONLY_IDS.has(id) && !known.has(id);
    if (!oldChoice && !oldId) continue;
    return {
      source: doc.source,
      ...(oldChoice ? doc.locate(['answers', id]) : doc.locateKey(['answers'], id)),
      path: pathText(['answers', id]),
      message: V1_MESSAGE,
      found: oldChoice ? `"${value}"` : `the version 1 item id "${safeLine(id)}"`,
      expected: V1_EXPECTED,
      severity: 'error',
    };
  }
  return undefined;
}

function unknownIdProblems(data: unknown, bank: ProfileBank, rater: Rater, doc: ParsedDocument): Problem[] {
  const answers = answersOf(data);
  if (!answers) return [];
  const known = answerKeys(bank, rater);
  const ids = new Set(known);
  const expected =
    rater === 'interviewer'
      ? `an id on the interviewer's sheet of the profile "${bank.id}" (pm-diag profile interview --sheet FILE writes one with every id)`
      : `a question id of the profile "${bank.id}" (pm-diag profile saves a file with every id)`;
  return Object.keys(answers)
    .filter((id) => !ids.has(id))
    .map((id) => {
      const suggestion = closest(id, known);
      return {
        source: doc.source,
        ...doc.locateKey(['answers'], id),
        path: pathText(['answers', id]),
        message: `unknown ${rater === 'interviewer' ? 'sheet' : 'question'} id "${safeLine(id)}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
        expected,
        severity: 'error' as const,
      };
    });
}

/** Checks a parsed profile answers file against the profile: every problem at once. */
export function checkProfileAnswers(doc: ParsedDocument, bank: ProfileBank): ProfileAnswers {
  const old = version1Problem(doc, bank);
  if (old) throw new InputError([old]);
  const { value, problems } = validateDocument(profileAnswersSchema(), doc);
  const rater = value?.rater ?? 'self';
  problems.push(...unknownIdProblems(doc.data, bank, rater, doc));
  if (value?.profile != null && value.profile !== bank.id) {
    problems.push({
      source: doc.source,
      ...doc.locate(['profile']),
      path: 'profile',
      message: 'the answers were given for another profile',
      found: `"${safeLine(value.profile)}"`,
      expected: `"${bank.id}" (or pass that profile with --profile)`,
      severity: 'error',
    });
  }
  if (!value || problems.length > 0)
    throw new InputError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
  const answers = new Map<string, Choice>();
  for (const [id, choice] of Object.entries(value.answers ?? {})) if (choice !== null) answers.set(id, choice);
  const name = value.respondent?.name?.trim();
  return { source: doc.source, name: name ? name : null, rater, answers };
}

export function parseProfileAnswers(input: SourceText, bank: ProfileBank): ProfileAnswers {
  return checkProfileAnswers(parseDocumentText(input, { allowAliases: false }), bank);
}
