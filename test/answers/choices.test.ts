import { describe, expect, it } from 'vitest';
import { choiceKey, choiceReader } from '../../src/core/answers/choices.js';
import { builtinBank } from '../../src/io/bank-files.js';

// The labels a form shows, read back from its export: today's, and those of earlier versions' forms.

const bank = builtinBank();
const read = (field: Parameters<typeof choiceReader>[1], text: string) =>
  choiceReader(bank, field).get(choiceKey(text));

describe('choices read back from a form tool', () => {
  it('capability 4 reads by its label today and by the label forms of version 2 showed', () => {
    expect(read('capability', '4 - Sound every time')).toBe('4');
    expect(read('capability', 'Sound every time')).toBe('4');
    expect(read('capability', '4 - Independent of one person')).toBe('4');
    expect(read('capability', 'independent of one person')).toBe('4');
  });

  it('a former label belongs to its own scale only', () => {
    expect(read('capacity', 'Independent of one person')).toBeUndefined();
  });

  it('"I don\'t know" and "Don\'t know" are the unknown owner; the old "Unclear / don\'t know" is unclear', () => {
    expect(read('owner', "I don't know")).toBe('unknown');
    expect(read('owner', "Don't know")).toBe('unknown');
    expect(read('owner', 'Unclear / don’t know')).toBe('unclear');
    expect(read('owner', 'Unclear or disputed')).toBe('unclear');
  });
});
