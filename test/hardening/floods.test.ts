import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS_SHOWN } from '../../src/core/errors.js';
import { MAX_DOCUMENT_BYTES } from '../../src/core/document/document.js';
import { errorLines, expectInputError, run, scratchDir } from './helpers.js';

// Files built to flood the parser: a clear error, never an internal error or a million lines.

const { write } = scratchDir('pm-diag-floods-');

describe('a file of nothing but syntax errors', () => {
  it('lists the first ones with their positions and says how many there are (1 MB of "]")', () => {
    const file = write('brackets.yaml', ']'.repeat(1024 * 1024));
    const result = run(['validate', file], { timeout: 60_000 });
    expectInputError(result);
    const lines = errorLines(result);
    expect(lines).toHaveLength(MAX_PROBLEMS_SHOWN);
    expect(lines[0]).toMatch(/brackets\.yaml:1:1: Unexpected flow-seq-end token/);
    expect(lines.at(-1)).toContain(
      `... and ${1024 * 1024 - (MAX_PROBLEMS_SHOWN - 1)} more YAML syntax errors (${1024 * 1024} in all)`,
    );
    expect(result.stderr).not.toContain('internal error');
  });
});

describe('a document over the size a YAML or JSON input may have', () => {
  it('is refused before it is parsed, naming its size and the limit', () => {
    const file = write('big.yaml', 'a: 1\n'.repeat(Math.ceil((MAX_DOCUMENT_BYTES + 1) / 5)));
    const result = run(['assess', '--answers', file]);
    expectInputError(result);
    expect(errorLines(result)).toEqual([
      `pm-diag: ${file}: the document is too large (2.0 MB) (expected a YAML or JSON document of at most 2.0 MB)`,
    ]);
  });
});
