import { itemsById } from '../bank/items.js';
import type { Bank } from '../bank/schema.js';
import { andThen, byPosition, checked, errorsOf, valueOf, type Checked, type Problem } from '../errors.js';
import type { SourceText } from '../source.js';
import { parseDocumentText, type ParsedDocument } from '../document/document.js';
import { pathText, validateDocument } from '../document/validate.js';
import { closest, describeValue, unknownText } from '../text.js';
import { mapOldIds, mappingText, type IdMapping } from '../answers/migrate.js';
import { charterSchema, type Charter, type CharterFile } from './schema.js';

// A charter file is read like an answers file: parsed with positions, checked by the schema, then
// against the bank (its id, every item id with "did you mean"); every problem at once.

/** What the rules read of a file, even one that failed the schema: so one run reports every problem. */
interface RuleView {
  charter?: unknown;
  'bank-version'?: unknown;
  decisions?: Record<string, unknown> | null;
  actions?: { item?: unknown }[] | null;
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function ruleView(data: unknown): RuleView {
  if (!isMapping(data)) return {};
  const { charter, decisions, actions } = data;
  const version = data['bank-version'];
  return {
    charter,
    ...(typeof version === 'number' ? { 'bank-version': version } : {}),
    decisions: isMapping(decisions) ? decisions : null,
    actions: Array.isArray(actions) ? actions.map((a) => (isMapping(a) ? a : {})) : null,
  };
}

/** What migrating reads and rewrites of a charter: the typed file, or the rules' view of one that failed the schema. */
interface Migratable {
  'bank-version'?: unknown;
  decisions?: Record<string, unknown> | null;
  actions?: { item?: unknown }[] | null;
}

/**
 * A charter decided with an earlier version of the bank, read as this one: the ids its migrations
 * renamed or merged are moved, as in an answers file (answers/migrate.ts), and what cannot be used (a
 * removed item, a second decision merged into one already decided) is set aside and named. The file
 * itself is not changed: nothing is lost.
 */
function migrateCharter<F extends Migratable>(
  file: F,
  bank: Bank,
  doc: ParsedDocument,
): { file: F; problems: Problem[]; setAside: Set<string> } {
  const version = typeof file['bank-version'] === 'number' ? file['bank-version'] : undefined;
  const warning = (path: string, message: string): Problem => ({
    source: doc.source,
    ...(doc.locate([path]) ?? doc.locate(['charter'])),
    path,
    message,
    severity: 'warning',
  });
  const newer = version !== undefined && version > bank.version;
  const problems = newer
    ? [
        warning(
          'bank-version',
          `the charter was decided with version ${version} of "${bank.id}", newer than this one (version ${bank.version}); decisions on items it added are reported as unknown`,
        ),
      ]
    : [];
  if (bank.migrations === undefined) return { file, problems, setAside: new Set() };
  const decisions = file.decisions ?? {};
  const decided = mapOldIds(Object.keys(decisions), bank, version, (id) => decisions[id] != null);
  // Several actions may name one item: each old id is followed alone, none takes another's place.
  const actionItems = [...new Set((file.actions ?? []).map((a) => a.item).filter((i) => typeof i === 'string'))];
  const acted = actionItems.map((id) => mapOldIds([id], bank, version, () => false));
  const mapping: IdMapping = {
    to: new Map([...decided.to, ...acted.flatMap((m) => [...m.to])]),
    moved: [...new Set([...decided.moved, ...acted.flatMap((m) => m.moved)])],
    setAside: [...new Set([...decided.setAside, ...acted.flatMap((m) => m.setAside)])],
  };
  const actionTo = new Map(acted.flatMap((m) => [...m.to]));
  // An action on an item set aside stays in the list, under its old id, so positions still hold.
  const setAside = new Set([...actionTo].flatMap(([id, to]) => (to === null ? [id] : [])));
  const migrated: F = {
    ...file,
    ...(file.decisions ? { decisions: renameKeys(file.decisions, decided.to) } : {}),
    ...(file.actions
      ? {
          actions: file.actions.flatMap((a) => {
            const to = typeof a.item === 'string' ? actionTo.get(a.item) : undefined;
            return to == null ? [a] : [{ ...a, item: to }];
          }),
        }
      : {}),
  };
  const what = mappingText(mapping, 'kept in the file, not used');
  if (version !== undefined && version < bank.version) {
    problems.push(
      warning(
        'bank-version',
        `the charter was decided with version ${version} of "${bank.id}" and is read as version ${bank.version}: ${what}`,
      ),
    );
  } else if (mapping.moved.length + mapping.setAside.length > 0) {
    problems.push(
      warning('decisions', `decisions or actions under ids of an earlier version of "${bank.id}": ${what}`),
    );
  }
  return { file: migrated, problems, setAside };
}

/** A mapping with old keys renamed in place (file order kept), those set aside left out. */
function renameKeys<T>(record: Record<string, T>, to: Map<string, string | null>): Record<string, T> {
  const renamed: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) {
    const now = to.get(key);
    if (now !== null) renamed[now ?? key] = value;
  }
  return renamed;
}

/** The checks the schema cannot make: the bank, and that each id names an item of the right kind. */
function charterRuleProblems(
  file: RuleView,
  bank: Bank,
  doc: ParsedDocument,
  setAside: ReadonlySet<string>,
): Problem[] {
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
    if (typeof action.item !== 'string' || items.has(action.item) || setAside.has(action.item)) return;
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

function charterOf(file: CharterFile, source: string, setAside: ReadonlySet<string>): Charter {
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
    actions: (file.actions ?? []).filter((a) => !setAside.has(a.item)).map((a) => ({ ...a })),
  };
}

/** Checks a parsed charter file against a bank: the schema and the rules, every problem of both, in document order. */
export function checkCharter(doc: ParsedDocument, bank: Bank): Checked<Charter> {
  const { value, problems } = validateDocument(charterSchema(), doc);
  const migrated = value === undefined ? undefined : migrateCharter(value, bank, doc);
  const view = migrated === undefined ? migrateCharter(ruleView(doc.data), bank, doc) : undefined;
  const { file, problems: moved, setAside } = (migrated ?? view)!;
  problems.push(...moved, ...charterRuleProblems(file, bank, doc, setAside));
  problems.sort(byPosition);
  if (migrated === undefined || errorsOf(problems).length > 0) return { problems };
  return { value: charterOf(migrated.file, doc.source, setAside), problems };
}

/** Parses and checks the text of a charter file: a result, whatever went wrong. */
export function checkCharterText(input: SourceText, bank: Bank): Checked<Charter> {
  const doc = checked(() => parseDocumentText(input, { allowAliases: false }));
  return andThen(doc, (parsed) => checkCharter(parsed, bank));
}

/** A charter for a command that reads one: the charter, or an InputError with every error. */
export const parseCharter = (input: SourceText, bank: Bank): Charter => valueOf(checkCharterText(input, bank));
