import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { bankItems } from '../../src/bank/items.js';
import { parseBank } from '../../src/bank/load.js';
import { V2_BANK_FILE, itemsOf, loadV2 } from './helpers.js';

// Until the version 2 model lands, the part of version 2 that version 1 already knows (ids,
// titles, questions, weights, prompts, sources, the three scales) goes through the current
// loader, so its schema and rules check that part: text, levels, unique ids, hand-off direction.

const NEW_TOP_KEYS = ['default-stage', 'stages', 'migrations'];
const NEW_ITEM_KEYS = ['contributors', 'evidence', 'targets', 'stages', 'rapid'];

/** Version 2 without what only the new model reads; `leadership` owners become `shared`, the nearest owner version 1 has. */
function asVersion1(text: string): string {
  const doc = parseDocument(text);
  for (const key of NEW_TOP_KEYS) doc.delete(key);
  const strip = (item: unknown) => {
    if (!isMap(item)) return;
    for (const key of NEW_ITEM_KEYS) item.delete(key);
    if (item.get('owner') === 'leadership') item.set('owner', 'shared');
  };
  const areas = doc.get('areas');
  if (isSeq(areas)) {
    for (const area of areas.items) {
      const responsibilities = (area as YAMLMap).get('responsibilities');
      if (isSeq(responsibilities)) responsibilities.items.forEach(strip);
    }
  }
  const interlock = doc.get('interlock');
  if (isSeq(interlock)) interlock.items.forEach(strip);
  return doc.toString();
}

describe('version 2 through the current loader', () => {
  const text = asVersion1(readFileSync(V2_BANK_FILE, 'utf8'));

  it('passes the current schema and rules once the new fields are set aside', () => {
    const bank = parseBank({ source: 'pm-pmm.v2.yaml (new fields set aside)', text });
    expect(bank.version).toBe(2);
    expect(bankItems(bank).map((i) => i.id)).toEqual(itemsOf(loadV2()).map((i) => i.id));
  });

  it('is caught by the current loader when a shared part is broken', () => {
    const broken = text.replace('weight: 3', 'weight: 4');
    expect(() => parseBank({ source: 'broken', text: broken })).toThrow();
  });
});
