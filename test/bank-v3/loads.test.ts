import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAnswersText } from '../../src/core/answers/load.js';
import { mapOldIds } from '../../src/core/answers/migrate.js';
import { ANSWER_FIELDS } from '../../src/core/bank/item-kinds.js';
import { itemsById } from '../../src/core/bank/items.js';
import { loadBank, loadBankFile } from '../../src/io/bank-files.js';
import { ROOT } from '../helpers/cli.js';
import { V1_ANSWERS, V1_BANK_FILE, V2_ANSWERS, V2_BANK_FILE, answersFiles, readYaml } from './helpers.js';

// The answers files made with versions 1 and 2 (the examples of their time), through the model's
// own loader against the built-in bank, version 3: each loads with no error and a warning that
// names what moved and what was set aside, and no answer is lost.

const bank = loadBank();
const files = [...answersFiles(V1_ANSWERS), ...answersFiles(V2_ANSWERS)];

type RawAnswer = Record<string, unknown> | 'n/a' | null;

describe('the built-in bank', () => {
  it('is version 3', () => {
    expect(bank.version).toBe(3);
  });

  it('leaves versions 1 and 2 valid banks of their own, as a team still using one would load it', () => {
    expect(loadBankFile(V1_BANK_FILE).version).toBe(1);
    expect(loadBankFile(V2_BANK_FILE).version).toBe(2);
  });

  it('has version 1 and 2 answers files to load: the three stories and both teams of each', () => {
    expect(answersFiles(V1_ANSWERS).length).toBe(7);
    expect(answersFiles(V2_ANSWERS).length).toBe(12);
  });
});

describe.each(files.map((file) => [relative(ROOT, file), file] as const))('%s under version 3', (_name, file) => {
  const text = readFileSync(file, 'utf8');
  const result = checkAnswersText({ text, source: file }, bank);
  const warnings = result.problems.map((p) => p.message);
  const migration = warnings.find((m) => /earlier version|are read as version 3/.test(m)) ?? '';
  const raw = readYaml<{ 'bank-version'?: number; answers: Record<string, RawAnswer> }>(file);
  const answered = Object.entries(raw.answers).filter(([, answer]) => answer != null);

  it('loads with no error', () => {
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.value).toBeDefined();
  });

  it('warns that it was made with an earlier version, naming what moved and what was set aside', () => {
    expect(migration).not.toBe('');
    if (raw['bank-version'] !== undefined)
      expect(migration).toContain(`made with version ${raw['bank-version']} of "pm-pmm-diagnostic"`);
    expect(migration).toMatch(/moved .+ → /);
  });

  it('loses no answer: each old answer is under its own id, moved to an item of version 3, or set aside', () => {
    const respondent = result.value!;
    const mapping = mapOldIds(
      answered.map(([id]) => id),
      bank,
      raw['bank-version'],
      (id) => raw.answers[id] != null,
    );
    for (const [id, answer] of answered) {
      const target = itemsById(bank).has(id) ? id : mapping.to.get(id);
      expect(target, `${id} is neither an item of version 3 nor accounted for by the migrations`).not.toBeUndefined();
      if (target === null) continue;
      // the answer kept every field it had: the rating travels with the item
      const kept = respondent.answers.get(target!);
      if (answer === 'n/a') expect(kept, id).toBe('n/a');
      else
        for (const field of ANSWER_FIELDS)
          if (typeof answer![field] === 'number' || (typeof answer![field] === 'string' && answer![field] !== ''))
            expect((kept as Record<string, unknown>)[field], `${id}.${field} → ${target}`).toBe(answer![field]);
    }
    expect(respondent.answers.size + mapping.setAside.length).toBe(answered.length);
  });

  it('names in the warning every move and every answer set aside, with why', () => {
    const mapping = mapOldIds(
      answered.map(([id]) => id),
      bank,
      raw['bank-version'],
      (id) => raw.answers[id] != null,
    );
    // the warning lists six of each and counts the rest
    const named = (list: string[]) => {
      const shown = list.slice(0, 6);
      for (const entry of shown) expect(migration, entry).toContain(entry);
      if (list.length > 6) expect(migration).toContain(`${shown.join(', ')} and ${list.length - 6} more`);
    };
    expect(mapping.moved.length).toBeGreaterThan(0);
    named(mapping.moved);
    named(mapping.setAside);
    for (const entry of mapping.setAside)
      expect(entry).toMatch(
        /^[a-z0-9-]+ \((?:removed|(?:renamed|merged) into [a-z0-9-]+, which already has an answer)\)$/,
      );
    if (mapping.setAside.length > 0) expect(migration).toContain('set aside (kept in the file, not scored)');
  });
});

describe('what the version 2 answers lose on purpose', () => {
  it('sets aside the answers to the behaviours that are practices now, and the support briefing that is a hand-off, naming each', () => {
    const file = answersFiles(V2_ANSWERS).find((f) => f.endsWith('team/priya.yaml'))!;
    const result = checkAnswersText({ text: readFileSync(file, 'utf8'), source: file }, bank);
    const warning = result.problems.map((p) => p.message).join('\n');
    for (const id of ['mutual-trust', 'customer-focus', 'joint-discovery', 'support-and-success-enablement'])
      expect(warning, id).toContain(`${id} (removed)`);
    expect(warning).toContain('role-charter-and-raci → boundary-decisions (renamed)');
  });
});
