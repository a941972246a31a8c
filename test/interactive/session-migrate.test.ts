import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/io/bank-files.js';
import { readSession } from '../../src/app/interactive/session.js';
import { FIXTURES } from '../foundation/helpers.js';

// A session saved with an earlier version of the bank resumes with nothing lost: answers under ids
// that moved are read under their new ids; only what the migrations set aside is dropped (and the
// flow keeps a backup of the file before it writes again).

describe('resuming a session saved with an earlier version of the bank', () => {
  it('moves renamed and merged answers to their new ids and drops only what was set aside', () => {
    const bank = loadBank(join(FIXTURES, 'banks', 'v2-minimal.yaml'));
    const saved = readSession(join(FIXTURES, 'answers', 'v1-for-v2.yaml'), bank)!;
    expect(Object.fromEntries(saved.draft.answers)).toMatchObject({
      'market-problems': { owner: 'pm', capability: 3, capacity: 2, note: 'kept under its new id' },
      positioning: { owner: 'pmm', capability: 4, capacity: 4 },
      pricing: 'n/a',
    });
    expect(saved.dropped.sort()).toEqual(['naming', 'old-survey']);
  });
});
