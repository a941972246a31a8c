import { itemsById } from '../bank/items.js';
import type { Bank } from '../bank/schema.js';
import { andThen, byPosition, checked, errorsOf, valueOf, type Checked, type Problem } from '../errors.js';
import type { SourceText } from '../source.js';
import { parseDocumentText, type ParsedDocument } from '../document/document.js';
import { pathText, validateDocument } from '../document/validate.js';
import { closest, describeValue, unknownText } from '../text.js';
import { charterSchema, type Charter, type CharterFile } from './schema.js';

// A charter file is read like an answers file: parsed with positions, checked by the schema, then
// against the bank (its id, every item id with "did you mean"); every problem at once.

/** What the rules read of a file, even one that failed the schema: so one run reports every problem. */
interface RuleView {
  charter?: unknown;
  decisions?: Record<string, unknown> | null;
  actions?: { item?: unknown }[] | null;
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function ruleView(data: unknown): RuleView {
  if (!isMapping(data)) return {};
  const { charter, decisions, actions } = data;
  return {
    charter,
    decisions: isMapping(decisions) ? decisions : null,
    actions: Array.isArray(actions) ? actions.map((a) => (isMapping(a) ? a : {})) : null,
  };
}

/** The checks the schema cannot make: the bank, and that each id names an item of the right kind. */
function charterRuleProblems(file: RuleView, bank: Bank, doc: ParsedDocument): Problem[] {
  const problems: Problem[] = [];
  const items = itemsById(bank);
  const responsibilities = [...items.values()].filter((i) => i.kind === 'responsibility').map((i) => i.id);
  if (typeof file.charter === 'string' && file.charter !== bank.id) {
    problems.push({
      source: doc.source,
      ...doc.locate(['charter']),
      path: 'charter',
      message: 'the charter was decided over another question bank',
      found: describeValue(file.charter),
      expected: `"${bank.id}" (or pass that bank with --bank)`,
      severity: 'error',
    });
  }
  for (const id of Object.keys(file.decisions ?? {})) {
    const item = items.get(id);
    if (item?.kind === 'responsibility') continue;
    problems.push({
      source: doc.source,
      ...doc.locateKey(['decisions'], id),
      path: pathText(['decisions', id]),
      message:
        item === undefined
          ? unknownText('responsibility id', id, closest(id, responsibilities))
          : `"${id}" is an interlock item: only a responsibility has an accountable owner`,
      expected: `a responsibility id of the bank "${bank.id}" (pm-diag roles lists them)`,
      severity: 'error',
    });
  }
  (file.actions ?? []).forEach((action, index) => {
    if (typeof action.item !== 'string' || items.has(action.item)) return;
    problems.push({
      source: doc.source,
      ...doc.locate(['actions', index, 'item']),
      path: pathText(['actions', index, 'item']),
      message: unknownText('item id', action.item, closest(action.item, items.keys())),
      expected: `an item id of the bank "${bank.id}"`,
      severity: 'error',
    });
  });
  return problems;
}

function charterOf(file: CharterFile, source: string): Charter {
  const decisions = new Map(
    Object.entries(file.decisions ?? {}).map(([id, d]) => [
      id,
      { owner: d.owner, contributors: d.contributors ?? [], ...(d.note ? { note: d.note } : {}) },
    ]),
  );
  return {
    source,
    bank: file.charter,
    ...(file.organization ? { organization: file.organization } : {}),
    decided: file.decided,
    decisions,
    actions: (file.actions ?? []).map((a) => ({ ...a })),
  };
}

/** Checks a parsed charter file against a bank: the schema and the rules, every problem of both, in document order. */
export function checkCharter(doc: ParsedDocument, bank: Bank): Checked<Charter> {
  const { value, problems } = validateDocument(charterSchema(), doc);
  problems.push(...charterRuleProblems(value ?? ruleView(doc.data), bank, doc));
  problems.sort(byPosition);
  if (value === undefined || errorsOf(problems).length > 0) return { problems };
  return { value: charterOf(value, doc.source), problems };
}

/** Parses and checks the text of a charter file: a result, whatever went wrong. */
export function checkCharterText(input: SourceText, bank: Bank): Checked<Charter> {
  const doc = checked(() => parseDocumentText(input, { allowAliases: false }));
  return andThen(doc, (parsed) => checkCharter(parsed, bank));
}

/** A charter for a command that reads one: the charter, or an InputError with every error. */
export const parseCharter = (input: SourceText, bank: Bank): Charter => valueOf(checkCharterText(input, bank));
