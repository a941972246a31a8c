import { InputError, type Problem } from '../errors.js';
import { type SourceText } from '../source.js';
import { parseDocumentText, type DocPath, type ParsedDocument } from '../document/document.js';
import { pathText, validateDocument } from '../document/validate.js';
import { safeLine } from '../text.js';
import { profileBankSchema, type ProfileBank } from './schema.js';
import { AGAIN } from './sequence.js';

// The profile bank, read through the same positioned loader as a question bank: every problem at
// once, each with its line and column.

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

/** The fewest pairs a profile must repeat: consistency is measured on them. */
export const MIN_REPEATS = 4;

/**
 * What the schema cannot say: every dimension, style and item id used once in the whole profile, no
 * item id ending in `-again` (the id of a repeated pair's second showing), and enough repeated pairs
 * to measure consistency.
 */
function profileRuleProblems(doc: ParsedDocument): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const claim = (value: unknown, path: DocPath) => {
    if (typeof value !== 'string') return;
    const first = seen.get(value);
    if (first) {
      problems.push({
        source: doc.source,
        ...doc.locate(path),
        path: pathText(path),
        message: `duplicate id "${safeLine(value)}"`,
        expected: `an id used once in the profile (first used at ${first})`,
        severity: 'error',
      });
    } else seen.set(value, pathText(path));
  };
  let repeats = 0;
  for (const key of ['dimensions', 'styles'] as const) {
    list(field(doc.data, key)).forEach((group, d) => {
      claim(field(group, 'id'), [key, d, 'id']);
      list(field(group, 'items')).forEach((item, i) => {
        const id = field(item, 'id');
        claim(id, [key, d, 'items', i, 'id']);
        if (typeof id === 'string' && id.endsWith(AGAIN)) {
          const path: DocPath = [key, d, 'items', i, 'id'];
          problems.push({
            source: doc.source,
            ...doc.locate(path),
            path: pathText(path),
            message: `the id "${safeLine(id)}" ends in "${AGAIN}"`,
            expected: `an id that does not end in "${AGAIN}" (that ending names a repeated pair's second showing)`,
            severity: 'error',
          });
        }
        if (field(item, 'repeat') === true) repeats++;
      });
    });
  }
  if (Array.isArray(field(doc.data, 'dimensions')) && repeats < MIN_REPEATS) {
    problems.push({
      source: doc.source,
      ...doc.locate(['dimensions']),
      path: 'dimensions',
      message: `${repeats} pair${repeats === 1 ? '' : 's'} marked repeat: true`,
      expected: `at least ${MIN_REPEATS} repeated pairs, which the consistency of a person's answers is measured on`,
      severity: 'error',
    });
  }
  return problems;
}

export function parseProfileBank(input: SourceText): ProfileBank {
  const doc = parseDocumentText(input, { allowAliases: true });
  const { value, problems } = validateDocument(profileBankSchema(), doc);
  const all = [...problems, ...profileRuleProblems(doc)];
  if (!value || all.length > 0) throw new InputError(all);
  return value;
}
