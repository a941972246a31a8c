import { checkFormExport, isFormExport } from '../io/collect.js';
import { loadFormMap } from '../io/form-map-file.js';
import { checkAnswers } from '../core/answers/load.js';
import { bankItems } from '../core/bank/items.js';
import { loadBank } from '../io/bank-files.js';
import { checkBankDocument } from '../core/bank/parse.js';
import type { Bank } from '../core/bank/schema.js';
import type { ProfileBank } from '../core/profile/schema.js';
import { InputError, andThen, checked, type Problem } from '../core/errors.js';
import { readFileText } from '../io/read.js';
import { type SourceText } from '../core/source.js';
import { emit, say, sayProblems } from '../io/output.js';
import { parseDocumentText, type ParsedDocument } from '../core/document/document.js';
import { safeLine } from '../core/text.js';

export interface ValidateOptions {
  bank?: string;
  strict?: boolean;
  map?: string;
}

const isMapping = (data: unknown): data is object => data !== null && typeof data === 'object' && !Array.isArray(data);

function looksLikeBank(data: unknown): boolean {
  return isMapping(data) && ('areas' in data || 'scales' in data || 'interlock' in data);
}

/** The profile's own files: its bank (tendencies and dimensions) and a person's answers (`profile:`). */
function profileKind(data: unknown): 'bank' | 'answers' | undefined {
  if (!isMapping(data)) return undefined;
  if ('dimensions' in data || 'tendencies' in data) return 'bank';
  return 'profile' in data ? 'answers' : undefined;
}

/** Checks the profile files given, the banks first; loaded only when there are some. */
async function validateProfileFiles(files: { path: string; input: SourceText; doc: ParsedDocument }[], ok: (line: string) => void, failed: (path: string, found: Problem[]) => void, problemsFor: { strict?: boolean }): Promise<void> {
  if (files.length === 0) return;
  const [{ checkProfileAnswers }, { loadProfileBank }, { parseProfileBank }, { answerKeys, questions }] = await Promise.all([import('../core/profile/answers.js'), import('../io/profile-files.js'), import('../core/profile/load.js'), import('../core/profile/sequence.js')]);
  const banks = new Map<string, ProfileBank>();
  const kinds = files.map((file) => ({ ...file, kind: profileKind(file.doc.data) }));
  for (const { path, input } of kinds.filter((f) => f.kind === 'bank')) {
    const bank = checked(() => parseProfileBank(input));
    if (!bank.value) failed(path, bank.problems);
    else {
      banks.set(bank.value.id, bank.value);
      const asked = questions(bank.value);
      ok(`ok   ${safeLine(path)}: profile "${bank.value.id}" v${bank.value.version}: ${bank.value.dimensions.length} dimensions, ${new Set(asked.map((q) => q.pair)).size} pairs, ${asked.length} questions`);
    }
  }
  let builtin: ProfileBank | undefined;
  for (const { path, input, doc } of kinds.filter((f) => f.kind === 'answers')) {
    const named = (doc.data as { profile?: unknown }).profile;
    const bank = (typeof named === 'string' && banks.get(named)) || (builtin ??= loadProfileBank());
    const parsed = checked(() => checkProfileAnswers(parseDocumentText(input, { allowAliases: false }), bank));
    if (!parsed.value) {
      failed(path, parsed.problems);
      continue;
    }
    const items = answerKeys(bank, parsed.value.rater).length;
    const missing = items - parsed.value.answers.size;
    const whose = parsed.value.rater === 'interviewer' ? 'profile scoring sheet' : 'profile answers';
    if (problemsFor.strict && missing > 0) {
      failed(path, [{ source: safeLine(path), message: `${missing} of ${items} profile questions unanswered (--strict)`, severity: 'error' }]);
      continue;
    }
    ok(`ok   ${safeLine(path)}: ${whose} for "${bank.id}", ${parsed.value.answers.size} of ${items} questions answered`);
  }
}

function bankSummary(bank: Bank): string {
  const items = bankItems(bank);
  const responsibilities = items.filter((i) => i.kind === 'responsibility').length;
  return `question bank "${bank.id}" v${bank.version}: ${bank.areas.length} areas, ${responsibilities} responsibilities, ${items.length - responsibilities} interlock items`;
}

/** Checks every file and reports every problem in all of them; banks are checked first, so answers can be checked against them. */
export async function run(files: string[], opts: ValidateOptions): Promise<void> {
  const lines: string[] = [];
  const problems: Problem[] = [];
  const docs: { path: string; input: SourceText; doc: ParsedDocument }[] = [];
  const banks = new Map<string, Bank>();
  const failed = (path: string, found: Problem[]) => {
    for (const problem of found) problems.push(problem);
    lines.push(`FAIL ${safeLine(path)}`);
  };
  const exports: string[] = [];
  const profileFiles: { path: string; input: SourceText; doc: ParsedDocument }[] = [];
  for (const path of files) {
    if (isFormExport(path)) {
      exports.push(path);
      continue;
    }
    const input = checked(() => readFileText(path));
    const read = andThen(input, (text) => checked(() => ({ text, doc: parseDocumentText(text, { allowAliases: true }) })));
    if (!read.value) {
      failed(path, read.problems);
      continue;
    }
    const { text, doc } = read.value;
    if (profileKind(doc.data) !== undefined) {
      profileFiles.push({ path, input: text, doc });
      continue;
    }
    if (!looksLikeBank(doc.data)) {
      docs.push({ path, input: text, doc });
      continue;
    }
    const bank = checked(() => checkBankDocument(doc));
    if (bank.value) {
      banks.set(bank.value.id, bank.value);
      lines.push(`ok   ${safeLine(path)}: ${bankSummary(bank.value)}`);
    } else failed(path, bank.problems);
  }
  let defaultBank: Bank | undefined;
  for (const { path, input, doc } of docs) {
    const named = (doc.data as { bank?: unknown }).bank;
    const bank = (typeof named === 'string' && !opts.bank && banks.get(named)) || (defaultBank ??= loadBank(opts.bank));
    // Aliases were allowed for telling the kinds apart; answers files take none.
    const answersDoc = checked(() => parseDocumentText(input, { allowAliases: false }));
    const answers = andThen(answersDoc, (parsed) => checkAnswers(parsed, bank, { strict: opts.strict }));
    if (!answers.value) {
      failed(path, answers.problems);
      continue;
    }
    for (const warning of answers.problems) problems.push(warning);
    lines.push(`ok   ${safeLine(path)}: answers for "${bank.id}", ${answers.value.answers.size} of ${bankItems(bank).length} items answered`);
  }
  // A form export is checked against --bank or the built-in bank: it names none.
  if (exports.length > 0) defaultBank ??= loadBank(opts.bank);
  const map = exports.length > 0 ? loadFormMap(opts.map, defaultBank!) : undefined;
  for (const path of exports) {
    const rows = await checkFormExport(path, defaultBank!, { strict: opts.strict, map });
    if (!rows.value || rows.problems.some((p) => p.severity === 'error')) {
      failed(path, rows.problems);
      continue;
    }
    for (const warning of rows.problems) problems.push(warning);
    lines.push(`ok   ${safeLine(path)}: a form export for "${defaultBank!.id}", ${rows.value.length} respondent${rows.value.length === 1 ? '' : 's'}`);
  }
  await validateProfileFiles(profileFiles, (line) => lines.push(line), failed, { strict: opts.strict });
  const errors = problems.filter((p) => p.severity === 'error');
  sayProblems(problems.filter((p) => p.severity === 'warning'));
  if (errors.length > 0) {
    say(lines.join('\n'));
    throw new InputError(errors);
  }
  emit(lines.join('\n'));
}
