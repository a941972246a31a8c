import { describe, expect, it } from 'vitest';
import { exportRowJsonSchema } from '../../src/core/export/schema.js';
import { exportRows } from '../../src/core/export/rows.js';
import { ndjsonChunks } from '../../src/core/export/text.js';
import { BANK, PRACTICE, UNKNOWN_OWNER, v3Respondents, v3TeamDiagnosis } from '../render/v3-team.js';
import { checkJsonSchema } from '../foundation/json-schema.js';

// The export over bank v3: a practice's rows are on frequency with no owner, each respondent's
// organization facts are rows of their own (kind `fact`), and a "don't know" owner is `unknown`.

const respondents = v3Respondents();
const rows = [...exportRows(v3TeamDiagnosis(), respondents, () => true, Object.keys(BANK.facts ?? {}))];
const first = rows.filter((r) => r.who.respondent === respondents[0]!.name);

describe('export: bank v3', () => {
  it('writes a practice on frequency, with no recommended owner', () => {
    const practice = first.filter((r) => r.what.item_id === PRACTICE.id);
    expect(practice.map((r) => [r.what.item_kind, r.what.axis, r.value, r.status, r.what.recommended_owner])).toEqual([
      ['practice', 'frequency', 1, 'answered', null],
    ]);
  });

  it('writes each organization fact the respondent gave first, in bank order', () => {
    const facts = first.filter((r) => r.what.item_kind === 'fact');
    expect(facts.map((r) => r.what.item_id)).toEqual(['revenue', 'pm-people']);
    expect(first.slice(0, facts.length)).toEqual(facts);
    expect(facts.find((r) => r.what.item_id === 'revenue')).toMatchObject({ value: '10-50m', status: 'answered' });
    expect(facts.find((r) => r.what.item_id === 'pm-people')).toMatchObject({ value: 6, status: 'answered' });
    expect(facts[0]!.what).toMatchObject({ area: 'facts', axis: 'fact', weight: null, target: null });
  });

  it('writes a "don’t know" owner as unknown', () => {
    const owner = first.find((r) => r.what.item_id === UNKNOWN_OWNER.id && r.what.axis === 'owner')!;
    expect([owner.value, owner.status]).toEqual([null, 'unknown']);
  });

  it('writes NDJSON rows that its JSON Schema accepts, facts and practices included', () => {
    const schema = exportRowJsonSchema();
    const lines = [...ndjsonChunks(rows)].join('').trim().split('\n');
    expect(lines).toHaveLength(rows.length);
    const problems = lines.flatMap((line) => checkJsonSchema(schema, JSON.parse(line)));
    expect(problems).toEqual([]);
  });
});
