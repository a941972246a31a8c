import { InputError, type Problem } from '../errors.js';
import { type SourceText } from '../source.js';
import { parseDocumentText, type DocPath, type ParsedDocument } from '../document/document.js';
import { pathText, validateDocument } from '../document/validate.js';
import { safeLine } from '../text.js';
import { profileBankSchema, type ProfileBank } from './schema.js';

// The profile bank, read through the same positioned loader as a question bank: every problem at
// once, each with its line and column.

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, key: string): unknown => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);

/** What the schema cannot say: every dimension id and every item id used once in the whole profile. */
function profileRuleProblems(doc: ParsedDocument): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const claim = (value: unknown, path: DocPath) => {
    if (typeof value !== 'string') return;
    const first = seen.get(value);
    if (first) {
      problems.push({ source: doc.source, ...doc.locate(path), path: pathText(path), message: `duplicate id "${safeLine(value)}"`, expected: `an id used once in the profile (first used at ${first})`, severity: 'error' });
    } else seen.set(value, pathText(path));
  };
  list(field(doc.data, 'dimensions')).forEach((dimension, d) => {
    claim(field(dimension, 'id'), ['dimensions', d, 'id']);
    list(field(dimension, 'items')).forEach((item, i) => claim(field(item, 'id'), ['dimensions', d, 'items', i, 'id']));
  });
  return problems;
}

export function parseProfileBank(input: SourceText): ProfileBank {
  const doc = parseDocumentText(input, { allowAliases: true });
  const { value, problems } = validateDocument(profileBankSchema(), doc);
  const all = [...problems, ...profileRuleProblems(doc)];
  if (!value || all.length > 0) throw new InputError(all);
  return value;
}
