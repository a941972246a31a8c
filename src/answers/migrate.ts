import { itemsById } from '../bank/items.js';
import type { Bank } from '../bank/schema.js';
import type { Problem } from '../errors.js';
import type { ParsedDocument } from '../load/document.js';
import { pathText } from '../load/validate.js';
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

/** Whether an id the bank does not have is one its migrations account for. */
export function isMigratedId(bank: Bank, id: string): boolean {
  return trace(id, migrationsFrom(bank, undefined)).move !== undefined;
}

/**
 * The answers file with old ids mapped to this version's, and a warning naming what moved. Ids the
 * migrations do not know are left for the unknown-id check.
 */
export function migrateAnswers(file: AnswersFile, bank: Bank, doc: ParsedDocument): { file: AnswersFile; problems: Problem[] } {
  const version = file['bank-version'] ?? undefined;
  const problems: Problem[] = [];
  const warn = (path: (string | number)[], message: string) =>
    problems.push({ source: doc.source, ...(doc.locate(path) ?? doc.locate(['answers'])), path: pathText(path), message, severity: 'warning' });
  if (version !== undefined && version > bank.version) {
    warn(['bank-version'], `the answers were made with version ${version} of "${bank.id}", newer than this one (version ${bank.version}); items it added are reported as unknown`);
  }
  const answers = file.answers;
  const items = itemsById(bank);
  if (answers == null || (bank.migrations === undefined && (version ?? bank.version) >= bank.version)) return { file, problems };
  const steps = migrationsFrom(bank, version);
  const migrated: NonNullable<AnswersFile['answers']> = {};
  const moved: string[] = [];
  const setAside: string[] = [];
  for (const id in answers) if (items.has(id)) migrated[id] = answers[id]!;
  for (const id in answers) {
    if (items.has(id)) continue;
    const { move, id: to } = trace(id, steps);
    if (move === undefined || (move.kind !== 'removed' && !items.has(to))) {
      migrated[id] = answers[id]!;
      continue;
    }
    const old = safeLine(id);
    if (move.kind === 'removed') setAside.push(`${old} (removed)`);
    else if (migrated[to] != null) setAside.push(`${old} (${move.kind} into ${to}, which already has an answer)`);
    else {
      migrated[to] = answers[id]!;
      moved.push(`${old} → ${to} (${move.kind})`);
    }
  }
  const what = [
    moved.length > 0 ? `moved ${idList(moved)}` : 'no answered item moved',
    ...(setAside.length > 0 ? [`set aside (kept in the file, not scored): ${idList(setAside)}`] : []),
  ].join('; ');
  if (version !== undefined && version < bank.version) {
    warn(['bank-version'], `the answers were made with version ${version} of "${bank.id}" and are read as version ${bank.version}: ${what}`);
  } else if (moved.length + setAside.length > 0) {
    warn(['answers'], `answers under ids of an earlier version of "${bank.id}": ${what}`);
  }
  return { file: { ...file, answers: migrated }, problems };
}
