import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/core/answers/load.js';
import { renderTemplate } from '../../src/commands/template.js';
import { V3_BANK } from '../interactive/v3-bank.js';

// `pm-diag template` on bank v3: the organization facts as a block to fill (each may stay empty), a
// practice taking only its frequency, an item's own level statements in the comments above it, and a
// hand-off named by the bank's functions; filled in, it reads back with its facts.

const bank = V3_BANK;
const text = renderTemplate(bank, { stage: 'growth', form: 'full' });

describe('template on a version 3 bank', () => {
  it('asks each fact with its options or as a whole number, before the answers', () => {
    expect(text).toMatch(
      /^facts:\n {2}# Annual revenue\? one of: small \(Under \$10 million\), mid \(\$10 to 50 million\)\n {2}revenue: \n/m,
    );
    expect(text).toContain('  # How many product managers? a whole number\n  pm-people: \n');
    expect(text.indexOf('facts:')).toBeLessThan(text.indexOf('answers:'));
  });

  it('gives a practice only its frequency, with its own statements above it; names the parties of a hand-off', () => {
    expect(text).toContain('  trust: { frequency: , evidence: , note: }');
    for (const n of [1, 2, 3, 4, 5])
      expect(text).toContain(`  #   frequency ${n} Frequency ${n}: Trust: own statement ${n}`);
    expect(text).toContain('  #   capability 3 Capability 3: Pricing capability: own statement 3');
    expect(text).not.toContain('#   capacity 3');
    expect(text).toContain('What Product Marketing owes Field Sales');
    expect(text).toMatch(/#\s+frequency\s+how often it happens: 1 Frequency 1, .*, or unknown/);
  });

  it('reads back, filled in, with its facts and the practice as its frequency (an empty fact is not given)', () => {
    const filled = text
      .replace('revenue: ', 'revenue: mid')
      .replace('trust: { frequency: ,', 'trust: { frequency: 4,')
      .replace('respondent: { name: ,', 'respondent: { name: Dana,');
    const { respondent } = parseAnswers({ source: 'filled.yaml', text: filled }, bank);
    expect(respondent.facts).toEqual({ revenue: 'mid' });
    expect(respondent.answers.get('trust')).toEqual({ frequency: 4 });
  });
});
