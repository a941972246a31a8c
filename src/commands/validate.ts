import { gatherRespondents, isFormExport, isOwnOutput, isRespondentSet, sayWarnings } from '../io/collect.js';
import { loadFormMap } from '../io/form-map-file.js';
import { bankItems, type BankItem } from '../core/bank/items.js';
import { loadBank } from '../io/bank-files.js';
import { checkCharter } from '../core/charter/load.js';
import { checkBankDocument } from '../core/bank/parse.js';
import type { Bank } from '../core/bank/schema.js';
import type { ProfileBank } from '../core/profile/schema.js';
import { InputError, andThen, checked, type Problem } from '../core/errors.js';
import { readFileText } from '../io/read.js';
import { type SourceText } from '../core/source.js';
import { emit, say } from '../io/output.js';
import {
  looksLikeCharter,
  looksLikeReport,
  parseDocumentText,
  type ParsedDocument,
} from '../core/document/document.js';
import { inputKind } from '../core/answers/inputs.js';
import { safeLine } from '../core/text.js';
import { pushAll } from '../core/lists.js';
import { isAnswered } from '../core/score/answered.js';
import { askedScope, bankItemsInScope, resolveScope } from '../core/answers/scope.js';
import { checkStage, parseForm } from './options.js';

export interface ValidateOptions {
  bank?: string;
  strict?: boolean;
  map?: string;
  stage?: string;
  form?: string;
  organization?: string;
  latest?: boolean;
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
async function validateProfileFiles(
  files: { path: string; input: SourceText; doc: ParsedDocument }[],
  ok: (line: string) => void,
  failed: (path: string, found: Problem[]) => void,
  problemsFor: { strict?: boolean },
): Promise<void> {
  if (files.length === 0) return;
  const [{ checkProfileAnswers }, { loadProfileBank }, { parseProfileBank }, { answerKeys, questions }] =
    await Promise.all([
      import('../core/profile/answers.js'),
      import('../io/profile-files.js'),
      import('../core/profile/load.js'),
      import('../core/profile/sequence.js'),
    ]);
  const banks = new Map<string, ProfileBank>();
  const kinds = files.map((file) => ({ ...file, kind: profileKind(file.doc.data) }));
  for (const { path, input } of kinds.filter((f) => f.kind === 'bank')) {
    const bank = checked(() => parseProfileBank(input));
    if (!bank.value) failed(path, bank.problems);
    else {
      banks.set(bank.value.id, bank.value);
      const asked = questions(bank.value);
      ok(
        `ok   ${safeLine(path)}: profile "${bank.value.id}" v${bank.value.version}: ${bank.value.dimensions.length} dimensions, ${new Set(asked.map((q) => q.pair)).size} pairs, ${asked.length} questions`,
      );
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
      failed(path, [
        {
          source: safeLine(path),
          message: `${missing} of ${items} profile questions unanswered (--strict)`,
          severity: 'error',
        },
      ]);
      continue;
    }
    ok(
      `ok   ${safeLine(path)}: ${whose} for "${bank.id}", ${parsed.value.answers.size} of ${items} questions answered`,
    );
  }
}

function bankSummary(bank: Bank): string {
  const items = bankItems(bank);
  const count = (kind: BankItem['kind']) => items.filter((i) => i.kind === kind).length;
  const practices = count('practice');
  return `question bank "${bank.id}" v${bank.version}: ${bank.areas.length} areas, ${count('responsibility')} responsibilities, ${practices > 0 ? `${practices} practices, ` : ''}${count('interlock')} interlock items`;
}

/** What `report` would make of the answers: a line per file, then how many people it counts, or why not. */
async function validateAnswers(paths: string[], bank: Bank, opts: ValidateOptions, out: ValidateOutput) {
  const form = parseForm(opts.form);
  const stage = checkStage(bank, opts.stage);
  const map = paths.some(isFormExport) ? loadFormMap(opts.map, bank) : undefined;
  const team = { organization: opts.organization, latest: opts.latest };
  const gathered = await gatherRespondents(paths, bank, { strict: opts.strict, map, team });
  pushAll(out.problems, gathered.warnings);
  for (const { path, respondents } of gathered.files) {
    if (respondents === undefined) {
      out.lines.push(`FAIL ${safeLine(path)}`);
      continue;
    }
    if (isFormExport(path)) {
      const count = `${respondents.length} respondent${respondents.length === 1 ? '' : 's'}`;
      out.lines.push(`ok   ${safeLine(path)}: a form export for "${bank.id}", ${count}`);
      continue;
    }
    const [respondent] = respondents;
    const asked = bankItemsInScope(bank, askedScope(bank, respondent!));
    const answered = asked.filter((item) => isAnswered(respondent!.answers.get(item.id), item.kind)).length;
    const counted = `${answered} of ${asked.length} items answered`;
    out.lines.push(`ok   ${safeLine(path)}: answers for "${bank.id}", ${counted}`);
  }
  pushAll(out.problems, gathered.problems);
  if (gathered.refused) out.lines.push('FAIL report: would refuse these answers, as said below');
  if (gathered.problems.length > 0) return;
  const scope = resolveScope(bank, gathered.respondents, { stage, form });
  for (const message of scope.notices) out.problems.push({ source: 'report', message, severity: 'warning' });
  const people = gathered.respondents.length;
  const forms = `${scope.forms.rapid} answered the rapid form, ${scope.forms.full} the full`;
  const where = scope.stage === null ? '' : ` at the ${scope.stage} stage`;
  const counted = `${people} respondent${people === 1 ? '' : 's'} (${forms})`;
  out.lines.push(`ok   report: would count ${counted}, scored on the ${scope.form} form${where}`);
}

interface ValidateOutput {
  lines: string[];
  problems: Problem[];
}

/** Checks every file and reports every problem in all of them; banks are checked first, so answers can be checked against them. */
export async function run(files: string[], opts: ValidateOptions): Promise<void> {
  const out: ValidateOutput = { lines: [], problems: [] };
  const { lines, problems } = out;
  const banks = new Map<string, Bank>();
  const failed = (path: string, found: Problem[]) => {
    for (const problem of found) problems.push(problem);
    lines.push(`FAIL ${safeLine(path)}`);
  };
  // Answers files, folders of them and form exports go through the collector `report` uses.
  const answers: string[] = [];
  const namedBanks = new Set<unknown>();
  const profileFiles: { path: string; input: SourceText; doc: ParsedDocument }[] = [];
  const charterFiles: { path: string; doc: ParsedDocument }[] = [];
  for (const path of files) {
    if (path === '-' || isRespondentSet(path) || inputKind(path) === 'page' || isOwnOutput(path)) {
      answers.push(path);
      continue;
    }
    const input = checked(() => readFileText(path));
    const read = andThen(input, (text) =>
      checked(() => ({ text, doc: parseDocumentText(text, { allowAliases: true }) })),
    );
    if (!read.value) {
      failed(path, read.problems);
      continue;
    }
    const { text, doc } = read.value;
    // A pm-diag JSON report among answers: the collector skips it, as report does.
    if (looksLikeReport(doc.data)) {
      answers.push(path);
      continue;
    }
    if (profileKind(doc.data) !== undefined) {
      profileFiles.push({ path, input: text, doc });
      continue;
    }
    if (looksLikeCharter(doc.data)) {
      charterFiles.push({ path, doc });
      continue;
    }
    if (!looksLikeBank(doc.data)) {
      answers.push(path);
      namedBanks.add(isMapping(doc.data) ? (doc.data as { bank?: unknown }).bank : undefined);
      continue;
    }
    const bank = checked(() => checkBankDocument(doc));
    if (bank.value) {
      banks.set(bank.value.id, bank.value);
      lines.push(`ok   ${safeLine(path)}: ${bankSummary(bank.value)}`);
    } else failed(path, bank.problems);
  }
  if (answers.length > 0) {
    // Answers that all name a bank checked in this run are checked against it; else --bank or the built-in.
    const [named] = namedBanks.size === 1 ? [...namedBanks] : [];
    const bank = (!opts.bank && typeof named === 'string' && banks.get(named)) || loadBank(opts.bank);
    await validateAnswers(answers, bank, opts, out);
  }
  // A charter file (`charter:` names its bank): checked against that bank when this run checked it, else --bank or the built-in.
  for (const { path, doc } of charterFiles) {
    const named = (doc.data as { charter?: unknown }).charter;
    const bank = (!opts.bank && typeof named === 'string' && banks.get(named)) || loadBank(opts.bank);
    const charter = checkCharter(doc, bank);
    if (!charter.value) failed(path, charter.problems);
    else {
      problems.push(...charter.problems);
      const open = charter.value.actions.filter((a) => a.status === 'open').length;
      lines.push(
        `ok   ${safeLine(path)}: a charter for "${bank.id}", ${charter.value.decisions.size} decisions, ${charter.value.actions.length} actions (${open} open)`,
      );
    }
  }
  await validateProfileFiles(profileFiles, (line) => lines.push(line), failed, { strict: opts.strict });
  const errors = problems.filter((p) => p.severity === 'error');
  // As report says them: a warning repeated row after row (a million-row export) is not a million lines.
  sayWarnings(problems.filter((p) => p.severity === 'warning'));
  if (errors.length > 0) {
    say(lines.join('\n'));
    throw new InputError(errors);
  }
  emit(lines.join('\n'));
}
