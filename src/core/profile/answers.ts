import { InputError, type Problem } from '../errors.js';
import type { SourceText } from '../source.js';
import { parseDocumentText, type ParsedDocument } from '../document/document.js';
import { pathText, validateDocument } from '../document/validate.js';
import { closest, safeLine } from '../text.js';
import { profileAnswersSchema, type Choice, type ProfileBank } from './schema.js';

// A profile answers file, read with positions (unknown ids with "did you mean"). serialize.ts writes one.

export interface ProfileAnswers {
  source: string;
  name: string | null;
  /** Answered items only; an empty value is not answered yet. */
  answers: Map<string, Choice>;
}

/** Every item id of the profile, in profile order. */
export function itemIds(bank: ProfileBank): string[] {
  return bank.dimensions.flatMap((d) => d.items.map((item) => item.id));
}

function unknownIdProblems(data: unknown, bank: ProfileBank, doc: ParsedDocument): Problem[] {
  const answers = (data as { answers?: unknown } | null)?.answers;
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) return [];
  const known = itemIds(bank);
  const ids = new Set(known);
  return Object.keys(answers)
    .filter((id) => !ids.has(id))
    .map((id) => {
      const suggestion = closest(id, known);
      return {
        source: doc.source,
        ...doc.locateKey(['answers'], id),
        path: pathText(['answers', id]),
        message: `unknown item id "${safeLine(id)}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
        expected: `an item id of the profile "${bank.id}" (pm-diag profile interview --format markdown lists a scoring sheet with every id)`,
        severity: 'error' as const,
      };
    });
}

/** Checks a parsed profile answers file against the profile: every problem at once. */
export function checkProfileAnswers(doc: ParsedDocument, bank: ProfileBank): ProfileAnswers {
  const { value, problems } = validateDocument(profileAnswersSchema(), doc);
  problems.push(...unknownIdProblems(doc.data, bank, doc));
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
  if (!value || problems.length > 0) throw new InputError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
  const answers = new Map<string, Choice>();
  for (const [id, choice] of Object.entries(value.answers ?? {})) if (choice !== null) answers.set(id, choice);
  const name = value.respondent?.name?.trim();
  return { source: doc.source, name: name ? name : null, answers };
}

export function parseProfileAnswers(input: SourceText, bank: ProfileBank): ProfileAnswers {
  return checkProfileAnswers(parseDocumentText(input, { allowAliases: false }), bank);
}
