import { InputError } from '../errors.js';
import { parseDocumentText, type ParsedDocument } from '../document/document.js';
import { validateDocument } from '../document/validate.js';
import type { SourceText } from '../source.js';
import { bankRuleProblems } from './rules.js';
import { bankSchema, type Bank } from './schema.js';

/** Checks a parsed document as a bank: its schema, and the rules a schema cannot say, every problem of both at once. */
export function checkBankDocument(doc: ParsedDocument): Bank {
  const { value, problems } = validateDocument(bankSchema(), doc);
  const all = [...problems, ...bankRuleProblems(doc)];
  if (!value || all.length > 0) throw new InputError(all);
  return value;
}

export function parseBank(input: SourceText): Bank {
  return checkBankDocument(parseDocumentText(input, { allowAliases: true }));
}
