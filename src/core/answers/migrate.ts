import { itemsById } from '../bank/items.js';
import type { Bank } from '../bank/schema.js';
import type { Problem } from '../errors.js';
import type { ParsedDocument } from '../document/document.js';
import { pathText } from '../document/validate.js';
import { safeLine } from '../text.js';
import { idList } from './ids.js';
import type { AnswersFile } from './schema.js';

// Answers made with an earlier version of a bank: the bank's `migrations` say, version by version,
// which ids were renamed, merged into another or removed. The file itself is never changed, so
// nothing is lost: an answer that cannot be scored is set aside and named.

type Move = { kind: 'renamed' | 'merged'; to: string } | { kind: 'removed' };

/** The migrations that apply to answers of `version` (all of them when the file does not say), oldest first. */
function migrationsFrom(bank: Bank, version: number | undefined) {
  return Object.entries(bank.migrations ?? {})
    .map(([from, migration]) => ({ from: Number(from), migration }))
    .filter(({ from }) => version === undefined || from >= version)
    .sort((a, b) => a.from - b.from);
}

/** Where an old id ends up after every migration: the last move that touched it, and the id it leads to. */
function trace(id: string, steps: ReturnType<typeof migrationsFrom>): { move?: Move; id: string } {
  let current = id;
  let move: Move | undefined;
  for (const { migration } of steps) {
    const renamed = migration.renamed?.[current];
    const merged = migration.merged?.[current];
    if (renamed !== undefined) move = { kind: move?.kind === 'merged' ? 'merged' : 'renamed', to: (current = renamed) };
    else if (merged !== undefined) move = { kind: 'merged', to: (current = merged) };
    else if (migration.removed?.includes(current)) return { move: { kind: 'removed' }, id: current };
  }
  return { move, id: current };
}

/** Whether an id the bank does not have is one its migrations account for (moved or removed). */
export function isMigratedId(bank: Bank, id: string): boolean {
  return trace(id, migrationsFrom(bank, undefined)).move !== undefined;
}

/** Every id of an earlier version that leads to an item of this one, with the id it leads to. */
export function formerIds(bank: Bank): Map<string, string> {
  const items = itemsById(bank);
  const steps = migrationsFrom(bank, undefined);
  const former = new Map<string, string>();
  for (const { migration } of steps) {
    for (const id of [...Object.keys(migration.renamed ?? {}), ...Object.keys(migration.merged ?? {})]) {
      const { move, id: to } = trace(id, steps);
      if (move !== undefined && move.kind !== 'removed' && items.has(to) && !items.has(id)) former.set(id, to);
    }
  }
  return former;
}

/** What became of old ids: each one moved to a current id, or set aside with the reason. */
export interface IdMapping {
  /** Old id → the current id it now answers for, or null when it is set aside. */
  to: Map<string, string | null>;
  /** `old → new (renamed|merged)`, for the warning. */
  moved: string[];
  /** `old (why)`: kept where they were, not scored or compared. */
  setAside: string[];
}

/**
 * Follows `ids` (made with `version` of the bank, every version when unknown) through its
 * migrations. An id lands on a current id unless it was removed, or the current id is `taken`
 * already (answered under its own id, or claimed by an old id listed earlier). Ids the migrations
 * do not know are left out: they are for the unknown-id check.
 */
export function mapOldIds(
  ids: Iterable<string>,
  bank: Bank,
  version: number | undefined,
  taken: (id: string) => boolean,
): IdMapping {
  const items = itemsById(bank);
  const steps = migrationsFrom(bank, version);
  const mapping: IdMapping = { to: new Map(), moved: [], setAside: [] };
  const traced = [...ids]
    .filter((id) => !items.has(id))
    .map((old) => ({ old, ...trace(old, steps) }))
    .filter(({ move, id: to }) => move !== undefined && (move.kind === 'removed' || items.has(to)));
  // A renamed item is the one its successor continues: it claims that id before any item merged into it.
  const claimed = new Map<string, string>();
  for (const { old, move, id: to } of [...traced].sort(
    (a, b) => Number(a.move?.kind === 'merged') - Number(b.move?.kind === 'merged'),
  )) {
    if (move?.kind !== 'removed' && !taken(to) && !claimed.has(to)) claimed.set(to, old);
  }
  for (const { old: id, move, id: to } of traced) {
    const old = safeLine(id);
    if (move!.kind === 'removed' || claimed.get(to) !== id) {
      mapping.to.set(id, null);
      mapping.setAside.push(
        move!.kind === 'removed'
          ? `${old} (removed)`
          : `${old} (${move!.kind} into ${to}, which already has an answer)`,
      );
    } else {
      mapping.to.set(id, to);
      mapping.moved.push(`${old} → ${to} (${move!.kind})`);
    }
  }
  return mapping;
}

/** The warning's words for a mapping: what moved, and what was set aside (and what that means here). */
export function mappingText(mapping: IdMapping, setAside = 'kept in the file, not scored'): string {
  return [
    mapping.moved.length > 0 ? `moved ${idList(mapping.moved)}` : 'no answered item moved',
    ...(mapping.setAside.length > 0 ? [`set aside (${setAside}): ${idList(mapping.setAside)}`] : []),
  ].join('; ');
}

/**
 * The answers file with old ids mapped to this version's, and a warning naming what moved. Ids the
 * migrations do not know are left for the unknown-id check.
 */
export function migrateAnswers(
  file: AnswersFile,
  bank: Bank,
  doc: ParsedDocument,
): { file: AnswersFile; problems: Problem[]; mapping?: IdMapping } {
  const version = file['bank-version'] ?? undefined;
  const problems: Problem[] = [];
  const warn = (path: (string | number)[], message: string) =>
    problems.push({
      source: doc.source,
      ...(doc.locate(path) ?? doc.locate(['answers'])),
      path: pathText(path),
      message,
      severity: 'warning',
    });
  if (version !== undefined && version > bank.version) {
    warn(
      ['bank-version'],
      `the answers were made with version ${version} of "${bank.id}", newer than this one (version ${bank.version}); items it added are reported as unknown`,
    );
  }
  const answers = file.answers;
  if (answers == null || (bank.migrations === undefined && (version ?? bank.version) >= bank.version))
    return { file, problems };
  const items = itemsById(bank);
  const mapping = mapOldIds(Object.keys(answers), bank, version, (id) => answers[id] != null);
  const migrated: NonNullable<AnswersFile['answers']> = {};
  for (const id in answers) if (items.has(id) || !mapping.to.has(id)) migrated[id] = answers[id]!;
  for (const [old, to] of mapping.to) if (to !== null) migrated[to] = answers[old]!;
  const what = mappingText(mapping);
  if (version !== undefined && version < bank.version) {
    warn(
      ['bank-version'],
      `the answers were made with version ${version} of "${bank.id}" and are read as version ${bank.version}: ${what}`,
    );
  } else if (mapping.moved.length + mapping.setAside.length > 0) {
    warn(['answers'], `answers under ids of an earlier version of "${bank.id}": ${what}`);
  }
  return { file: { ...file, answers: migrated }, problems, mapping };
}
