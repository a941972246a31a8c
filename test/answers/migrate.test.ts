import { describe, expect, it } from 'vitest';
import { checkAnswersText } from '../../src/core/answers/load.js';
import { builtinBank } from '../../src/io/bank-files.js';

const bank = builtinBank();

describe('answers of an earlier version', () => {
  it('the renamed item keeps its answer where a merged one comes first in the file', () => {
    const result = checkAnswersText(
      {
        source: 'v1.yaml',
        text: [
          'bank-version: 1',
          'answers:',
          '  distinctive-competence: { owner: pmm, capability: 1, capacity: 1 }',
          '  product-strategy-and-portfolio: { owner: pm, capability: 4, capacity: 3 }',
          '',
        ].join('\n'),
      },
      bank,
    );
    expect(result.value?.answers.get('product-strategy')).toEqual({ owner: 'pm', capability: 4, capacity: 3 });
    const warning = result.problems.find((p) => p.path === 'bank-version')!;
    expect(warning.message).toContain('moved product-strategy-and-portfolio → product-strategy (renamed)');
    expect(warning.message).toContain(
      'distinctive-competence (merged into product-strategy, which already has an answer)',
    );
  });
});
