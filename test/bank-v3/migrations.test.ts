import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ItemKind } from '../../src/core/bank/item-kinds.js';
import {
  V1_BANK_FILE,
  V2_BANK_FILE,
  V3_BANK_FILE,
  fateIn,
  itemsOf,
  kindsOf,
  loadV3,
  type Migration,
} from './helpers.js';

// Every id of versions 1 and 2 has one fate in version 3. An answer made with version v goes
// through every migration from v on, oldest first (src/core/answers/migrate.ts): version 1's
// answers through `1` then `2`, version 2's through `2`.

const bank = loadV3();
const v3 = new Map<string, ItemKind>(itemsOf(bank).map((i) => [i.id, i.kind]));
const v1 = kindsOf(V1_BANK_FILE);
const v2 = kindsOf(V2_BANK_FILE);
const migrations = bank.migrations!;

/** The migration entries that name an id in the `from` migration of version 3 (more than one is a defect). */
function entriesAt(id: string, from: string) {
  const m = migrations[from]!;
  return [m.renamed?.[id], m.merged?.[id], m.removed?.includes(id) ? id : undefined].filter((e) => e !== undefined);
}
const fateOf = (id: string, version: number) => fateIn(bank, id, version);

describe.each([
  ['1', v1, 1],
  ['2', v2, 2],
] as const)('every id of version %s', (_name, old, version) => {
  it('is read from the fixture bank of that version', () => {
    expect(old.size).toBeGreaterThan(40);
  });

  it('has one fate in version 3: kept, renamed, merged or removed, never two', () => {
    for (const id of old.keys()) {
      for (const from of Object.keys(migrations))
        expect(entriesAt(id, from).length, `${id} in migrations.${from}`).toBeLessThanOrEqual(1);
      const fate = fateOf(id, version);
      // an id that version 3 still has is kept: no migration may also move or remove it
      if (v3.has(id)) expect(fate, id).toEqual({ fate: 'kept', to: id });
      if (fate.fate !== 'removed') expect(v3.has(fate.to), `${id} → ${fate.to} is not an item of version 3`).toBe(true);
    }
  });

  it('lands on an item of the same kind: a responsibility on a responsibility, a hand-off on a hand-off', () => {
    for (const [id, kind] of old) {
      const fate = fateOf(id, version);
      if (fate.fate !== 'removed') expect(v3.get(fate.to), `${id} → ${fate.to}`).toBe(kind);
    }
  });
});

describe('the migrations', () => {
  it('are from versions 1 and 2, and name only ids those versions had', () => {
    expect(Object.keys(migrations)).toEqual(['1', '2']);
    const named = (m: Migration) => [
      ...Object.keys(m.renamed ?? {}),
      ...Object.keys(m.merged ?? {}),
      ...(m.removed ?? []),
    ];
    for (const id of named(migrations['1']!)) expect(v1.has(id), `migrations.1: ${id}`).toBe(true);
    for (const id of named(migrations['2']!)) expect(v2.has(id), `migrations.2: ${id}`).toBe(true);
  });

  it('rename one to one within a version, to a name that version did not have', () => {
    for (const [from, old] of [
      ['1', v1],
      ['2', v2],
    ] as const) {
      const targets = Object.values(migrations[from]!.renamed ?? {});
      expect(new Set(targets).size, from).toBe(targets.length);
      for (const to of targets) expect(old.has(to), `migrations.${from}: ${to}`).toBe(false);
    }
  });

  it('remove from version 2 exactly the items whose successor is of another kind, as the bank comment names them', () => {
    const raw = readFileSync(V3_BANK_FILE, 'utf8');
    const comment = /# Version 2 removed \((\d+)\), with their version 3 successor:([\s\S]*?)\n# Version 1/.exec(raw);
    expect(comment).not.toBeNull();
    const removed = migrations['2']!.removed ?? [];
    expect(removed.length).toBe(Number(comment![1]));
    const text = comment![2]!.replace(/\n#\s*/g, ' ');
    for (const id of removed) {
      const successor = new RegExp(`${id} \\((practice|hand-off) ([a-z0-9-]+)\\)`).exec(text);
      expect(successor, id).not.toBeNull();
      const kind = successor![1] === 'hand-off' ? 'interlock' : 'practice';
      expect(v3.get(successor![2]!), `${id} → ${successor![2]}`).toBe(kind);
      expect(kind, id).not.toBe(v2.get(id));
    }
  });

  it('keep with the same id and kind the version 2 items the bank comment lists', () => {
    const raw = readFileSync(V3_BANK_FILE, 'utf8');
    const listed = (label: string) => {
      const m = new RegExp(`#   ${label}: ([\\s\\S]*?) \\((\\d+)\\)[;.]`).exec(raw);
      expect(m, label).not.toBeNull();
      const ids = m![1]!
        .replace(/\n#\s*/g, ' ')
        .replace(/\([^)]*\)/g, '')
        .split(',')
        .map((s) => s.trim());
      expect(ids.length, label).toBe(Number(m![2]));
      return ids.sort();
    };
    const kept = (kind: ItemKind) =>
      [...v2].filter(([id, k]) => k === kind && v3.get(id) === kind && fateOf(id, 2).fate === 'kept').map(([id]) => id);
    expect(listed('responsibilities')).toEqual(kept('responsibility').sort());
    expect(listed('hand-offs')).toEqual(kept('interlock').sort());
  });
});
