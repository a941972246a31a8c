import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/core/answers/load.js';
import { loadBankFile } from '../../src/io/bank-files.js';
import { formatProblem } from '../../src/core/errors.js';
import { ANSWERS, BUILTIN_BANK, MINIMAL_BANK, linesOf } from './helpers.js';

const bank = loadBankFile(MINIMAL_BANK);
const builtin = loadBankFile(BUILTIN_BANK);

const parse = (text: string, options: { strict?: boolean; source?: string } = {}) =>
  parseAnswers({ source: options.source ?? 'a.yaml', text }, bank, { strict: options.strict });
const errors = (text: string, options: { strict?: boolean; source?: string } = {}) =>
  linesOf(() => parse(text, options));

describe('a valid answers file', () => {
  const file = join(ANSWERS, 'minimal-complete.yaml');

  it('loads every answer, n/a and unknown included, with the respondent', () => {
    const { respondent, warnings } = parse(readFileSync(file, 'utf8'), { source: file });
    expect(warnings).toEqual([]);
    expect(respondent).toEqual({
      source: file,
      name: 'Dana Lee',
      role: 'pmm',
      organization: 'Acme Corp',
      answers: new Map<string, unknown>([
        ['market-problems', { owner: 'pm', capability: 3, capacity: 2, note: 'Mostly from sales calls.' }],
        ['positioning', 'n/a'],
        ['win-loss-feedback', { delivery: 'unknown' }],
        ['launch-cadence', { delivery: 4 }],
      ]),
    });
  });

  it('is the same as JSON', () => {
    const fromYaml = parse(readFileSync(file, 'utf8'), { source: 'x' }).respondent;
    const fromJson = parse(readFileSync(join(ANSWERS, 'minimal-complete.json'), 'utf8'), { source: 'x' }).respondent;
    expect(fromJson.answers).toEqual(fromYaml.answers);
    expect(fromJson.role).toBe('pmm');
  });

  it('passes --strict when every item is answered', () => {
    expect(parse(readFileSync(file, 'utf8'), { strict: true }).warnings).toEqual([]);
  });

  it('accepts a top-level $schema key, and no bank key at all', () => {
    const { respondent } = parse('$schema: ./pm-diag-answers.schema.json\nanswers:\n  positioning: n/a\n');
    expect(respondent.answers.get('positioning')).toBe('n/a');
  });
});

describe('unanswered items', () => {
  it('treats empty values, an empty item and a missing item alike: a warning naming them', () => {
    const { respondent, warnings } = parse(
      'answers:\n  market-problems: { owner: , capability: , capacity: , note: }\n  positioning:\n  launch-cadence: {}\n',
    );
    expect(respondent.answers.size).toBe(0);
    expect(warnings.map(formatProblem)).toEqual([
      'a.yaml:2:3: warning: answers: 4 of 4 items unanswered: market-problems, positioning, win-loss-feedback, launch-cadence',
    ]);
  });

  it('keeps a note on an otherwise unanswered item, which stays unanswered', () => {
    const { respondent, warnings } = parse('answers:\n  market-problems: { note: ask Kim }\n');
    expect(respondent.answers.get('market-problems')).toEqual({ note: 'ask Kim' });
    expect(warnings[0]!.message).toContain('4 of 4 items unanswered');
  });

  it('is an error with --strict', () => {
    expect(errors('answers:\n  positioning: n/a\n', { strict: true })).toEqual([
      'a.yaml:2:3: answers: 3 of 4 items unanswered: market-problems, win-loss-feedback, launch-cadence (expected every item answered (--strict))',
    ]);
  });

  it('counts n/a and unknown as answered', () => {
    const { warnings } = parse(
      'answers:\n  market-problems: { owner: unclear, capability: unknown, capacity: unknown }\n  positioning: n/a\n  win-loss-feedback: n/a\n  launch-cadence: { delivery: unknown }\n',
      { strict: true },
    );
    expect(warnings).toEqual([]);
  });

  it('shortens a long list of missing ids', () => {
    const { warnings } = parseAnswers({ source: 'b.yaml', text: 'answers: {}\n' }, builtin);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(
      /^76 of 76 items unanswered: market-problem-discovery, segmentation-and-sizing, .* and 70 more$/,
    );
  });
});

describe('invalid answers', () => {
  it('refuses levels out of range, with the position of each value', () => {
    expect(
      errors(
        'answers:\n  market-problems: { owner: pm, capability: 6, capacity: 0 }\n  launch-cadence:\n    delivery: 9\n',
      ),
    ).toEqual([
      'a.yaml:2:45: answers.market-problems.capability: invalid value (found 6, expected an integer from 1 to 5, or "unknown")',
      'a.yaml:2:58: answers.market-problems.capacity: invalid value (found 0, expected an integer from 1 to 5, or "unknown")',
      'a.yaml:4:15: answers.launch-cadence.delivery: invalid value (found 9, expected an integer from 1 to 5, or "unknown")',
    ]);
  });

  it.each([
    ['text for a level', 'capability: "3"', '2:45: answers.market-problems.capability', '"3"'],
    ['a fraction', 'capability: 2.5', '2:45: answers.market-problems.capability', '2.5'],
    ['another word', 'capability: dunno', '2:45: answers.market-problems.capability', '"dunno"'],
    ['a list', 'capacity: [1, 2]', '2:43: answers.market-problems.capacity', 'a list'],
  ])('refuses %s inside an item, pointing at the value', (_name, field, where, found) => {
    expect(errors(`answers:\n  market-problems: { owner: pm, ${field} }\n`)).toEqual([
      `a.yaml:${where}: invalid value (found ${found}, expected an integer from 1 to 5, or "unknown")`,
    ]);
  });

  it('refuses an unknown owner and an unknown role, listing the allowed ones', () => {
    expect(errors('respondent: { name: Kim, role: ceo }\nanswers:\n  market-problems: { owner: finance }\n')).toEqual([
      'a.yaml:1:32: respondent.role: invalid value (found "ceo", expected pm, pmm, sales, marketing, cs, engineering, leadership, other)',
      'a.yaml:3:29: answers.market-problems.owner: invalid value (found "finance", expected pm, pmm, shared, combined, marketing, cs, sales, engineering, leadership, other, none, unclear, unknown)',
    ]);
  });

  it('refuses an item that is neither a mapping nor n/a', () => {
    expect(errors('answers:\n  positioning: N/A\n  market-problems: yes\n')).toEqual([
      'a.yaml:2:16: answers.positioning: invalid value (found "N/A", expected a mapping such as { owner: pm, capability: 3, capacity: 2 } (a responsibility), { delivery: 4 } (an interlock item), { frequency: 3 } (a practice), or "n/a")',
      'a.yaml:3:20: answers.market-problems: invalid value (found "yes", expected a mapping such as { owner: pm, capability: 3, capacity: 2 } (a responsibility), { delivery: 4 } (an interlock item), { frequency: 3 } (a practice), or "n/a")',
    ]);
  });

  it('says "did you mean" for an unknown id, and points at the key', () => {
    expect(errors('answers:\n  market-problem: { capability: 3 }\n  zzz: n/a\n')).toEqual([
      'a.yaml:2:3: answers.market-problem: unknown item id "market-problem" (did you mean "market-problems"?) (expected an id from the bank "mini-bank" (pm-diag template lists them))',
      'a.yaml:3:3: answers.zzz: unknown item id "zzz" (expected an id from the bank "mini-bank" (pm-diag template lists them))',
    ]);
  });

  it('suggests the full id for a shortened one in the built-in bank', () => {
    const lines = linesOf(() => parseAnswers({ source: 'b.yaml', text: 'answers:\n  positioning: n/a\n' }, builtin));
    expect(lines[0]).toContain('unknown item id "positioning" (did you mean "positioning-and-messaging"?)');
  });

  it('says "did you mean" for a misspelt field or top-level key', () => {
    expect(errors('answers:\n  market-problems: { capabilty: 3 }\n')).toEqual([
      'a.yaml:2:22: answers.market-problems.capabilty: unknown key "capabilty" (did you mean "capability"?)',
    ]);
    expect(errors('answer: {}\n')).toContain('a.yaml:1:1: answer: unknown key "answer" (did you mean "answers"?)');
  });

  it('refuses delivery on a responsibility and capability or owner on an interlock item', () => {
    expect(
      errors('answers:\n  market-problems: { delivery: 3 }\n  launch-cadence: { capability: 3, owner: pm }\n'),
    ).toEqual([
      'a.yaml:2:32: answers.market-problems.delivery: "market-problems" is a responsibility, rated on owner, capability and capacity (found delivery, expected owner, capability, capacity (and evidence and a note))',
      'a.yaml:3:33: answers.launch-cadence.capability: "launch-cadence" is an interlock item, rated on delivery only (found capability, expected delivery (and evidence and a note))',
      'a.yaml:3:43: answers.launch-cadence.owner: "launch-cadence" is an interlock item, rated on delivery only (found owner, expected delivery (and evidence and a note))',
    ]);
  });

  it('refuses answers given for another bank', () => {
    expect(errors('bank: pm-pmm-diagnostic\nanswers: {}\n')).toEqual([
      'a.yaml:1:7: bank: the answers were given for another question bank (found "pm-pmm-diagnostic", expected "mini-bank" (or pass that bank with --bank))',
    ]);
  });

  it('refuses aliases, even to a plain value', () => {
    expect(errors('x: &level 3\nanswers:\n  market-problems: { capability: *level }\n')[0]).toBe(
      'a.yaml:3:34: an alias (*level) is not allowed here (expected plain values)',
    );
  });

  it('refuses __proto__ and constructor as item ids', () => {
    expect(errors('answers:\n  __proto__: { capability: 3 }\n  constructor: n/a\n')).toEqual([
      'a.yaml:2:3: the key "__proto__" is not allowed',
      'a.yaml:3:3: the key "constructor" is not allowed',
    ]);
  });

  it('refuses a file without answers, or one that is not a mapping', () => {
    expect(errors('bank: mini-bank\n')).toEqual([
      'a.yaml:1:1: answers: missing (expected a mapping of item ids to answers)',
    ]);
    expect(errors('')).toEqual([
      'a.yaml:1:1: invalid value (found an empty value, expected an answers file (a mapping with an "answers" key))',
    ]);
    expect(errors('- answers\n')).toEqual([
      'a.yaml:1:1: invalid value (found a list, expected an answers file (a mapping with an "answers" key))',
    ]);
  });

  it('lists schema problems and unknown ids together, all at once', () => {
    expect(errors('answers:\n  market-problems: { capability: 7 }\n  positoning: n/a\n')).toEqual([
      'a.yaml:2:34: answers.market-problems.capability: invalid value (found 7, expected an integer from 1 to 5, or "unknown")',
      'a.yaml:3:3: answers.positoning: unknown item id "positoning" (did you mean "positioning"?) (expected an id from the bank "mini-bank" (pm-diag template lists them))',
    ]);
  });

  it('never lets a control character from a key reach a message', () => {
    const lines = errors('answers:\n  "\\e[2Jx\\u202e": n/a\n');
    expect(lines).toHaveLength(1);
    // The escape sequence is dropped; the bidi override is shown.
    expect(lines[0]).toContain('unknown item id "x\\u{202e}"');
    expect(lines[0]).not.toMatch(/[\u001b\u202e]/);
  });
});

describe('JSON answers', () => {
  it('give line:column for a problem', () => {
    expect(
      errors('{\n  "answers": {\n    "market-problems": { "capability": "high" }\n  }\n}\n', { source: 'a.json' }),
    ).toEqual([
      'a.json:3:40: answers.market-problems.capability: invalid value (found "high", expected an integer from 1 to 5, or "unknown")',
    ]);
  });

  it('refuse a trailing comma in a .json file, with its line and column', () => {
    expect(errors('{\n  "answers": {\n    "positioning": "n/a",\n  },\n}\n', { source: 'a.json' })).toEqual([
      'a.json:4:3: invalid JSON: Expected double-quoted property name (expected valid JSON (or use a .yaml file))',
    ]);
  });

  it('refuse a missing comma that YAML would read as part of a string', () => {
    expect(errors('{"answers": {"positioning": "n/a"\n "roadmap": "n/a"}}', { source: 'a.json' })).toEqual([
      "a.json:2:2: invalid JSON: Expected ',' or '}' after property value (expected valid JSON (or use a .yaml file))",
    ]);
  });

  it('take the same JSON from stdin, where no extension says it is JSON', () => {
    const { respondent } = parse('{"answers": {"positioning": "n/a"}}', { source: '<stdin>' });
    expect(respondent.answers.get('positioning')).toBe('n/a');
  });

  it('refuse a duplicate key, pointing at the second one', () => {
    expect(errors('{\n  "answers": {},\n  "answers": { "positioning": "n/a" }\n}\n', { source: 'a.json' })).toEqual([
      'a.json:3:3: Map keys must be unique',
    ]);
  });

  it('give line:column for a syntax error', () => {
    const lines = errors('{\n  "answers": {\n    "positioning": "n/a"\n  \n', { source: 'a.json' });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^a\.json:\d+:\d+: /);
  });
});
