import { checkAnswersDocument } from '../answers/load.js';
import { bankItems } from '../bank/items.js';
import { checkBankDocument, loadBank } from '../bank/load.js';
import type { Bank } from '../bank/schema.js';
import { InputError, type Problem } from '../errors.js';
import { readFileText, type SourceText } from '../io/read.js';
import { emit, say, sayProblems } from '../io/output.js';
import { parseDocumentText, type ParsedDocument } from '../load/document.js';
import { safeLine } from '../text.js';
import { pushAll } from '../lists.js';

export interface ValidateOptions {
  bank?: string;
  strict?: boolean;
}

function looksLikeBank(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && ('areas' in data || 'scales' in data || 'interlock' in data);
}

function bankSummary(bank: Bank): string {
  const items = bankItems(bank);
  const responsibilities = items.filter((i) => i.kind === 'responsibility').length;
  return `question bank "${bank.id}" v${bank.version}: ${bank.areas.length} areas, ${responsibilities} responsibilities, ${items.length - responsibilities} interlock items`;
}

/** Checks every file and reports every problem in all of them; banks are checked first, so answers can be checked against them. */
export function run(files: string[], opts: ValidateOptions): void {
  const lines: string[] = [];
  const problems: Problem[] = [];
  const docs: { path: string; input: SourceText; doc: ParsedDocument }[] = [];
  const banks = new Map<string, Bank>();
  for (const path of files) {
    try {
      const input = readFileText(path);
      const doc = parseDocumentText(input, { allowAliases: true });
      if (looksLikeBank(doc.data)) {
        const bank = checkBankDocument(doc);
        banks.set(bank.id, bank);
        lines.push(`ok   ${safeLine(path)}: ${bankSummary(bank)}`);
      } else {
        docs.push({ path, input, doc });
      }
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      pushAll(problems, err.problems);
      lines.push(`FAIL ${safeLine(path)}`);
    }
  }
  let defaultBank: Bank | undefined;
  for (const { path, input, doc } of docs) {
    try {
      // Aliases were allowed for telling the kinds apart; answers files take none.
      const answersDoc = parseDocumentText(input, { allowAliases: false });
      const named = (doc.data as { bank?: unknown }).bank;
      const bank = (typeof named === 'string' && !opts.bank && banks.get(named)) || (defaultBank ??= loadBank(opts.bank));
      const { respondent, warnings } = checkAnswersDocument(answersDoc, bank, { strict: opts.strict });
      pushAll(problems, warnings);
      lines.push(`ok   ${safeLine(path)}: answers for "${bank.id}", ${respondent.answers.size} of ${bankItems(bank).length} items answered`);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      pushAll(problems, err.problems);
      lines.push(`FAIL ${safeLine(path)}`);
    }
  }
  const errors = problems.filter((p) => p.severity === 'error');
  sayProblems(problems.filter((p) => p.severity === 'warning'));
  if (errors.length > 0) {
    say(lines.join('\n'));
    throw new InputError(errors);
  }
  emit(lines.join('\n'));
}
