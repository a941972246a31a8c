import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ECHOED_CHARS } from '../../src/core/text.js';
import { ROOT } from '../helpers/cli.js';
import { TERMINAL_UNSAFE, errorLines, expectInputError, run, scratchDir } from './helpers.js';

// DESIGN.md "Reliability rules": every input error says what was found and what was expected, in
// words that fit the case, and echoes nothing unbounded or invisible.

const { dir, write } = scratchDir('clear');
const EXAMPLE = join(ROOT, 'examples', 'launch-orphaned.yaml');
const example = readFileSync(EXAMPLE, 'utf8');
const EXPECTED_ID = '(expected an id from the bank "pm-pmm-diagnostic" (pm-diag template lists them))';

/** The example with one line replaced. */
const exampleWith = (find: string, replace: string): string => {
  expect(example).toContain(find);
  return example.replace(find, replace);
};

describe('n/a on an interlock item', () => {
  it('is accepted for the whole item, as for any item', () => {
    const file = write(
      'na-interlock.yaml',
      exampleWith('marketing-programmes-and-plans: { delivery: 3 }', 'marketing-programmes-and-plans: n/a'),
    );
    const result = run(['assess', '--answers', file, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { items: { id: string; delivery?: number | null }[] };
    expect(report.items.find((i) => i.id === 'marketing-programmes-and-plans')?.delivery).toBeNull();
  });

  it('on a field, or misspelt, the message names the shape that fits', () => {
    const file = write(
      'na-field.yaml',
      exampleWith(
        'marketing-programmes-and-plans: { delivery: 3 }',
        'marketing-programmes-and-plans: { delivery: n/a }\n  market-problem-discovery-x: N/A',
      ).replace(/^ {2}sales-enablement-content: .*$/m, '  sales-enablement-content: N/A'),
    );
    const result = run(['validate', file]);
    expectInputError(result);
    const lines = errorLines(result).join('\n');
    expect(lines).toContain(
      'answers.marketing-programmes-and-plans.delivery: invalid value (found "n/a", expected an integer from 1 to 5, or "unknown" (n/a goes on the whole item: item-id: n/a))',
    );
    expect(lines).toContain(
      'answers.sales-enablement-content: invalid value (found "N/A", expected a mapping such as { owner: pm, capability: 3, capacity: 2 } (a responsibility), { delivery: 4 } (an interlock item), { frequency: 3 } (a practice), or "n/a")',
    );
  });
});

describe('a key that is not text', () => {
  it('says what was found and what was expected, at the key', () => {
    const file = write('keys.yaml', 'bank: pm-pmm-diagnostic\nanswers:\n  ? [a, b]\n  : n/a\n  ? { x: 1 }\n  : n/a\n');
    const result = run(['validate', file]);
    expectInputError(result);
    expect(errorLines(result)).toEqual([
      `pm-diag: ${file}:3:5: a key must be text (found a list, expected a text key, such as an item id)`,
      `pm-diag: ${file}:5:5: a key must be text (found a mapping, expected a text key, such as an item id)`,
    ]);
  });
});

describe('--out in a folder that is not there', () => {
  it('says the folder does not exist, or names the part of the path that is a file', () => {
    const missing = join(dir, 'newdir', 'x.md');
    const r1 = run(['assess', '--answers', EXAMPLE, '--out', missing]);
    expectInputError(r1);
    const create = (folder: string) => `create ${folder} first, or write to a folder that exists`;
    expect(errorLines(r1)).toEqual([
      `pm-diag: ${missing}: cannot write the file: the folder does not exist: ${create(join(dir, 'newdir'))}`,
    ]);
    const deeper = join(dir, 'newdir', 'deeper', 'x.md');
    const deeperLines = errorLines(run(['roles', '--out', deeper]));
    expect(deeperLines).toEqual([
      `pm-diag: ${deeper}: cannot write the file: the folder does not exist: ${create(join(dir, 'newdir'))}`,
    ]);
    // A name that ends in "/" is a folder's: nothing exists there yet, so say so, not that a part is a file.
    const asFolder = `${join(dir, 'newdir')}/`;
    expect(errorLines(run(['roles', '--out', asFolder]))).toEqual([
      `pm-diag: ${asFolder}: cannot write the file: it names a folder, not a file, and the folder does not exist: ` +
        `create ${join(dir, 'newdir')} first, then give a file name in it`,
    ]);
    const file = write('a-file', 'x');
    const through = join(file, 'sub', 'x.md');
    expect(errorLines(run(['roles', '--out', through]))).toEqual([
      `pm-diag: ${through}: cannot write the file: ${file} is a file, not a folder`,
    ]);
  });
});

describe('compare: a JSON report with numbers out of range', () => {
  it('is refused with the position of each number', () => {
    const report = run(['assess', '--answers', EXAMPLE, '--format', 'json']).stdout;
    const lines = report.split('\n');
    const at = (key: string) => lines.findIndex((l) => l.startsWith(`    "${key}": `)) + 1;
    const bad = write(
      'bad-report.json',
      report.replace(/"readiness": [\d.]+,/, '"readiness": 1e308,').replace('"coverage": 100', '"coverage": -50'),
    );
    const result = run(['compare', bad, EXAMPLE]);
    expectInputError(result);
    expect(errorLines(result)).toEqual([
      `pm-diag: ${bad}:${at('readiness')}:18: summary.readiness: invalid value (found a number too large to be exact, expected a number from 0 to 100, or null)`,
      `pm-diag: ${bad}:${at('coverage')}:17: summary.coverage: invalid value (found -50, expected a number from 0 to 100, or null)`,
    ]);
    expect(result.stderr).not.toContain('Infinity');
  });
});

describe('ids that look right but are not', () => {
  it('show the odd character as \\u{..}, name its script or what it is, and ask "did you mean"', () => {
    const file = write(
      'lookalikes.yaml',
      'bank: pm-pmm-diagnostic\nanswers:\n  positioning-and-mess\u0430ging: n/a\n  positioning-and-messaging\u200b: n/a\n  "positioning-and-messaging ": n/a\n  positioning-\u03bfnd-messaging: n/a\n',
    );
    const result = run(['validate', file]);
    expectInputError(result);
    expect(errorLines(result)).toEqual([
      `pm-diag: ${file}:3:3: answers.positioning-and-mess\\u{430}ging: unknown item id "positioning-and-mess\\u{430}ging": it holds a letter of the Cyrillic script (\\u{430}) that looks like Latin (did you mean "positioning-and-messaging"?) ${EXPECTED_ID}`,
      `pm-diag: ${file}:4:3: answers.positioning-and-messaging\\u{200b}: unknown item id "positioning-and-messaging\\u{200b}": it holds an invisible zero-width space \\u{200b} (did you mean "positioning-and-messaging"?) ${EXPECTED_ID}`,
      `pm-diag: ${file}:5:3: answers.positioning-and-messaging\\u{20}: unknown item id "positioning-and-messaging\\u{20}": it holds a space at the end (did you mean "positioning-and-messaging"?) ${EXPECTED_ID}`,
      `pm-diag: ${file}:6:3: answers.positioning-\\u{3bf}nd-messaging: unknown item id "positioning-\\u{3bf}nd-messaging": it holds a letter of the Greek script (\\u{3bf}) that looks like Latin (did you mean "positioning-and-messaging"?) ${EXPECTED_ID}`,
    ]);
  });

  it('an unknown key with a lookalike is shown the same way', () => {
    const file = write('lookalike-key.yaml', exampleWith('organization:', 'org\u0430nization:'));
    const result = run(['validate', file]);
    expectInputError(result);
    const line = example.split('\n').findIndex((l) => l.startsWith('organization:')) + 1;
    expect(errorLines(result)[0]).toBe(
      `pm-diag: ${file}:${line}:1: org\\u{430}nization: unknown key "org\\u{430}nization": it holds a letter of the Cyrillic script (\\u{430}) that looks like Latin (did you mean "organization"?)`,
    );
  });
});

describe('every echoed value is capped, keys and ids too', () => {
  const huge = (ch: string) => ch.repeat(500_000);
  const SLOW = { timeout: 60_000 };

  it('a 500 KB unknown key and a 500 KB unknown id', () => {
    const file = write(
      'huge.json',
      JSON.stringify({ bank: 'pm-pmm-diagnostic', [huge('k')]: 1, answers: { [huge('x')]: 'n/a' } }),
    );
    const result = run(['validate', file], SLOW);
    expectInputError(result);
    const lines = errorLines(result);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.length).toBeLessThan(file.length + 3 * MAX_ECHOED_CHARS + 120);
    expect(lines[0]).toContain(`: unknown key "${'k'.repeat(MAX_ECHOED_CHARS - 3)}..."`);
    expect(lines[1]).toContain(`: unknown item id "${'x'.repeat(MAX_ECHOED_CHARS - 3)}..."`);
  });

  it('a 500 KB bank name', () => {
    const file = write('huge-bank.json', JSON.stringify({ bank: huge('b'), answers: {} }));
    const result = run(['validate', file], SLOW);
    expectInputError(result);
    expect(errorLines(result)).toEqual([
      `pm-diag: ${file}:1:9: bank: the answers were given for another question bank (found "${'b'.repeat(37)}...", expected "pm-pmm-diagnostic" (or pass that bank with --bank))`,
    ]);
  });
});

describe('a CSV export with CRLF line ends', () => {
  it('leaves no \\r at the end of a note, in the terminal or the JSON report', () => {
    // The template's columns by their tags (`… [id.field]`), written back as plain `<id>.<field>` headers.
    const header = (run(['template', '--format', 'csv']).stdout.match(/\[[^\]]+\]/g) ?? []).map((tag) =>
      tag.slice(1, -1),
    );
    const row = header.map(() => '');
    const set = (column: string, value: string) => (row[header.indexOf(column)] = value);
    set('respondent', 'Ann');
    set('role', 'pm');
    set('market-problem-discovery.owner', 'pm');
    set('market-problem-discovery.capability', '2');
    set('market-problem-discovery.note', '"first line\r\nsecond line"');
    set('segmentation-and-sizing.owner', 'pm');
    set('segmentation-and-sizing.note', 'a plain note');
    const csv = write('crlf.csv', `${header.join(',')}\r\n${row.join(',')}\r\n`);
    const terminal = run(['report', csv]);
    expect(terminal.code, terminal.stderr).toBe(0);
    expect(terminal.stdout).not.toContain('\\u{d}');
    expect(terminal.stdout).not.toMatch(TERMINAL_UNSAFE);
    expect(terminal.stdout).toMatch(/Note from Ann \(PM\): first line\n\s+second line\n/);
    // The notes section lists it too, with the plain note.
    expect(terminal.stdout).toMatch(/\n {4}Ann \(PM\): first line\n\s+second line\n/);
    expect(terminal.stdout).toContain('    Ann (PM): a plain note\n');
    const json = run(['report', csv, '--format', 'json']).stdout;
    expect(json).toContain('"note": "first line\\nsecond line"');
    expect(json).toContain('"note": "a plain note"');
    expect(json).not.toContain('\\r');
  });
});
