import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bankItems } from '../../src/core/bank/items.js';
import { loadBank } from '../../src/io/bank-files.js';
import { readSession, saveSession } from '../../src/app/interactive/session.js';
import { runCli } from '../helpers/cli.js';

// The terminal flow's file says which submission it is (`response`, given once per new file) and
// when it was last changed (`answered-at`, at every save), as the questionnaire's does.

const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-submission-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const bank = loadBank();
const [first] = bankItems(bank);

const fieldOf = (text: string, key: string) => new RegExp(`^${key}: (.+)$`, 'm').exec(text)?.[1];

describe('the saved session', () => {
  it('gets a response id once and keeps it on resume; answered-at is when an answer last changed', () => {
    const path = join(scratch, 'dana.yaml');
    const draft = { name: 'Dana', answers: new Map([[first!.id, { owner: 'pm' as const, capability: 3 }]]) };
    saveSession(path, bank, draft, ['a header'], new Date('2026-12-06T10:42:00Z'));
    const saved = readFileSync(path, 'utf8');
    const response = fieldOf(saved, 'response');
    expect(response).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(fieldOf(saved, 'answered-at')).toBe('2026-12-06T10:42:00.000Z');

    const resumed = readSession(path, bank)!.draft;
    expect(resumed.response).toBe(response);
    // Resumed and saved with nothing changed: the answers are as old as they were.
    saveSession(path, bank, resumed, ['a header'], new Date('2026-12-07T07:00:00Z'));
    expect(fieldOf(readFileSync(path, 'utf8'), 'answered-at')).toBe('2026-12-06T10:42:00.000Z');
    resumed.answers.set(first!.id, { owner: 'pm', capability: 4 });
    saveSession(path, bank, resumed, ['a header'], new Date('2026-12-07T08:00:00Z'));
    const again = readFileSync(path, 'utf8');
    expect(fieldOf(again, 'response')).toBe(response);
    expect(fieldOf(again, 'answered-at')).toBe('2026-12-07T08:00:00.000Z');

    const other = join(scratch, 'lee.yaml');
    saveSession(other, bank, { name: 'Lee', answers: new Map() }, []);
    expect(fieldOf(readFileSync(other, 'utf8'), 'response')).not.toBe(response);
  });

  it('is a file every command reads: validate passes it, and the JSON Schema has both keys', () => {
    const path = join(scratch, 'checked.yaml');
    saveSession(path, bank, { name: 'Dana', answers: new Map() }, []);
    const result = runCli(['validate', path]);
    expect(result.code, result.stderr).toBe(0);
    type Schema = { properties: Record<string, { anyOf?: { pattern?: string }[] }> };
    const schema = JSON.parse(runCli(['schema', 'answers']).stdout) as Schema;
    expect(schema.properties['answered-at']?.anyOf?.[0]?.pattern).toMatch(/^\^\\d\{4\}-/);
    expect(Object.keys(schema.properties)).toContain('response');
  });

  it('a bad answered-at is refused with its position and what is expected', () => {
    const path = join(scratch, 'bad.yaml');
    const checkedText = readFileSync(join(scratch, 'checked.yaml'), 'utf8');
    const text = checkedText.replace(/^answered-at: .*$/m, 'answered-at: yesterday');
    writeFileSync(path, text);
    const result = runCli(['validate', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:\d+:14: answered-at: .*found "yesterday".*ISO 8601/);
  });
});
