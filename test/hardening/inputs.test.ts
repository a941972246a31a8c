import { mkdirSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/core/answers/load.js';
import { loadBank, loadBankFile } from '../../src/io/bank-files.js';
import { parseBank } from '../../src/core/bank/parse.js';
import { formatProblem } from '../../src/core/errors.js';
import { readSession } from '../../src/app/interactive/session.js';
import { readFileText } from '../../src/io/read.js';
import { BIN } from '../helpers/cli.js';
import {
  BANKS,
  MINIMAL_BANK,
  errorLines,
  expectInputError,
  inTerminal,
  problemsOf,
  run,
  scratchDir,
} from './helpers.js';

// Every way pm-diag reads input meets the same rules, and hostile files are refused quickly.

const { dir, write } = scratchDir('inputs');
const minimal = readFileSync(MINIMAL_BANK, 'utf8');
const bankArgs = ['--bank', MINIMAL_BANK];

const BAD_ANSWERS = 'answers:\n  market-problems: { owner: pm, capability: 6 }\n  launch-cadence: { delivery: zero }\n';
const ANSWERS_ERRORS = [
  ':2:45: answers.market-problems.capability: invalid value (found 6, expected an integer from 1 to 5, or "unknown")',
  ':3:31: answers.launch-cadence.delivery: invalid value (found "zero", expected an integer from 1 to 5, or "unknown")',
];
const BAD_REPORT = `{
  "schemaVersion": 1,
  "bank": { "id": "mini-bank", "version": 1 },
  "respondents": 1,
  "target": 4,
  "summary": { "readiness": "high", "capability": 30, "capacity": 35, "alignment": 40, "interlock": 41.7, "coverage": 100 },
  "functions": [],
  "interlock": [],
  "items": [
    { "id": "market-problems", "kind": "responsibility", "priority": 9, "capability": 2, "capacity": 3, "quadrant": "fine",
      "owner": { "recommended": "pm", "consensus": "pm", "status": "aligned", "contested": false } }
  ],
  "gaps": []
}
`;

interface InputPath {
  name: string;
  /** The file's name in the scratch folder, or `-` for stdin. */
  file: string;
  args: (path: string) => string[];
  /** Two problems in the content... */
  bad: string;
  errors: string[];
  /** ... and a syntax error. */
  syntax: string;
  syntaxError: RegExp;
}

const PATHS: InputPath[] = [
  {
    name: 'a bank (--bank)',
    file: 'bank.yaml',
    args: (p) => ['roles', '--bank', p],
    bad: minimal.replace('weight: 3\n', 'weight: 4\n').replace('owner: pmm\n', 'owner: nobody\n'),
    errors: [
      ':36:17: areas.0.responsibilities.0.weight: invalid value (found 4, expected a weight of 1, 2 or 3)',
      ':39:16: areas.0.responsibilities.1.owner: invalid value (found "nobody", expected pm, pmm, shared, leadership, marketing, cs, sales)',
    ],
    syntax: minimal.replace('title: Positioning', 'title: [Positioning'),
    syntaxError: /^:\d+:\d+: /,
  },
  {
    name: 'answers in YAML',
    file: 'answers.yaml',
    args: (p) => ['assess', '--answers', p, ...bankArgs],
    bad: BAD_ANSWERS,
    errors: ANSWERS_ERRORS,
    syntax: 'answers:\n  market-problems: { owner: pm\n',
    syntaxError: /^:3:1: Flow map/,
  },
  {
    name: 'answers in JSON',
    file: 'answers.json',
    args: (p) => ['assess', '--answers', p, ...bankArgs],
    bad: '{\n  "answers": {\n    "market-problems": { "owner": "pm", "capability": 6 },\n    "launch-cadence": { "delivery": "zero" }\n  }\n}\n',
    errors: [
      ':3:55: answers.market-problems.capability: invalid value (found 6, expected an integer from 1 to 5, or "unknown")',
      ':4:37: answers.launch-cadence.delivery: invalid value (found "zero", expected an integer from 1 to 5, or "unknown")',
    ],
    syntax: '{\n  "answers": {\n    "market-problems": "n/a",\n  }\n}\n',
    syntaxError: /^:4:3: invalid JSON: /,
  },
  {
    name: 'answers on stdin (assess)',
    file: '-',
    args: (p) => ['assess', '--answers', p, ...bankArgs],
    bad: BAD_ANSWERS,
    errors: ANSWERS_ERRORS,
    syntax: 'answers: [\n',
    syntaxError: /^:2:1: /,
  },
  {
    name: 'answers on stdin (report)',
    file: '-',
    args: (p) => ['report', p, ...bankArgs],
    bad: BAD_ANSWERS,
    errors: ANSWERS_ERRORS,
    syntax: 'answers:\n\t- x\n',
    syntaxError: /^:2:1: Tabs/,
  },
  {
    name: 'answers in a folder (report)',
    file: 'folder/dana.yaml',
    args: (p) => ['report', join(p, '..'), ...bankArgs],
    bad: BAD_ANSWERS,
    errors: ANSWERS_ERRORS,
    syntax: 'a: 1\na: 2\n',
    syntaxError: /^:2:1: Map keys must be unique$/,
  },
  {
    name: 'answers for validate',
    file: 'validate.yaml',
    args: (p) => ['validate', p, ...bankArgs],
    bad: BAD_ANSWERS,
    errors: ANSWERS_ERRORS,
    syntax: 'answers: {\n',
    syntaxError: /^:2:1: /,
  },
  {
    name: 'a CSV export (report)',
    file: 'export.csv',
    args: (p) => ['report', p, ...bankArgs],
    bad: 'respondent,role,market-problems.owner,market-problems.capability,launch-cadence.delivery\nAnn,pm,pm,6,zero\n',
    errors: [
      ':2:4: market-problems.capability: invalid value (found 6, expected an integer from 1 to 5, or "unknown")',
      ':2:5: launch-cadence.delivery: invalid value (found "zero", expected an integer from 1 to 5, or "unknown")',
    ],
    syntax: 'respondent,role,market-problems.owner\nAnn,pm,"pm\n',
    syntaxError: /^:2:3: a quoted cell is never closed/,
  },
  {
    name: 'a JSON report (compare)',
    file: 'report.json',
    args: (p) => ['compare', p, join(dir, 'good.yaml'), ...bankArgs],
    bad: BAD_REPORT,
    errors: [
      ':6:29: summary.readiness: invalid value (found "high", expected a number from 0 to 100, or null)',
      ':10:117: items.0.quadrant: invalid value (found "fine", expected strength, stretched, underskilled, critical or null)',
    ],
    syntax: BAD_REPORT.replace('"gaps": []', '"gaps": [],'),
    syntaxError: /^:14:1: invalid JSON: /,
  },
  {
    name: 'answers on stdin (compare)',
    file: '-',
    args: (p) => ['compare', join(dir, 'good.yaml'), p, ...bankArgs],
    bad: BAD_ANSWERS,
    errors: ANSWERS_ERRORS,
    syntax: 'answers: *nothing\n',
    syntaxError: /^:1:10: an alias/,
  },
];

function runPath(entry: InputPath, text: string) {
  mkdirSync(join(dir, 'folder'), { recursive: true });
  write('good.yaml', 'answers:\n  market-problems: n/a\n');
  if (entry.file === '-') return { result: run(entry.args('-'), { input: text }), source: '<stdin>' };
  const path = write(entry.file, text);
  return { result: run(entry.args(path)), source: path };
}

describe('every input path: source:line:column, found and expected, every problem, exit 2, empty stdout, no stack', () => {
  it.each(PATHS)('$name', (entry) => {
    const bad = runPath(entry, entry.bad);
    expectInputError(bad.result);
    expect(errorLines(bad.result)).toEqual(entry.errors.map((e) => `pm-diag: ${bad.source}${e}`));
    const syntax = runPath(entry, entry.syntax);
    expectInputError(syntax.result);
    const [first] = errorLines(syntax.result);
    expect(first!.startsWith(`pm-diag: ${syntax.source}:`), first).toBe(true);
    expect(first!.slice(`pm-diag: ${syntax.source}`.length)).toMatch(entry.syntaxError);
  });

  const BROKEN_SESSION =
    'bank: pm-pmm-diagnostic\nanswers:\n  launch-strategy-and-plan: { owner: boss, capability: 9 }\n';
  const SESSION_ERRORS = [
    ':3:38: answers.launch-strategy-and-plan.owner: invalid value (found "boss", expected pm, pmm, shared, combined, marketing, cs, sales, engineering, leadership, other, none, unclear, unknown)',
    ':3:56: answers.launch-strategy-and-plan.capability: invalid value (found 9, expected an integer from 1 to 5, or "unknown")',
    ': this is the saved answers file, left untouched: fix it, or start over with --fresh (it is then kept as a backup), or save elsewhere with --save',
  ];

  it('a saved interactive session (assess --resume --save): refused with positions before any question, never overwritten', () => {
    const path = write('session.yaml', BROKEN_SESSION);
    // Resuming needs a terminal: util-linux `script` gives it one (stdout and stderr arrive together).
    const r = inTerminal(
      [process.execPath, BIN, 'assess', '--resume', '--save', 'session.yaml', '--area', 'launch'],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.output.trimEnd().split('\n')).toEqual(SESSION_ERRORS.map((e) => `pm-diag: session.yaml${e}`));
    expect(readFileSync(path, 'utf8')).toBe(BROKEN_SESSION);
    // The same check in this process, as the flow calls it.
    const problems = problemsOf(() => readSession(path, loadBank()));
    expect(problems.map(formatProblem)).toEqual(SESSION_ERRORS.map((e) => `${path}${e}`));
    expect(readFileSync(path, 'utf8')).toBe(BROKEN_SESSION);
  });
});

/** Deterministic "random" bytes: the same file on every run. */
function noise(length: number, seed = 7): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

interface Hostile {
  name: string;
  /** The file (written once), or a path to use as it is. */
  make: () => string;
  /** What the first problem says, after `pm-diag: <path>`. */
  error: RegExp;
}

const HOSTILE: Hostile[] = [
  {
    name: 'a billion-laughs document',
    make: () => join(BANKS, 'invalid', 'alias-bomb.yaml'),
    error: /^:\d+:\d+: (too many aliases at \*b|an alias \(\*a\) is not allowed here)/,
  },
  {
    name: '10,000 nested lists',
    make: () => write('deep.yaml', `${'- '.repeat(10_000)}x\n`),
    error: /^:1:\d+: the document is nested too deeply$/,
  },
  {
    name: '5,000 nested flow mappings',
    make: () => write('deep-flow.yaml', `${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`),
    error: /^:1:\d+: the document is nested too deeply$/,
  },
  {
    name: 'custom tags',
    make: () => write('tags.yaml', 'answers: !!js/function "x"\nid: !include secrets.yaml\n'),
    error: /^:1:10: Unresolved tag: tag:yaml\.org,2002:js\/function: custom tags are not allowed$/,
  },
  {
    name: 'a __proto__ key',
    make: () => write('proto.yaml', 'answers:\n  __proto__: { polluted: 1 }\n'),
    error: /^:2:3: the key "__proto__" is not allowed$/,
  },
  {
    name: 'a constructor key',
    make: () => write('constructor.yaml', 'constructor:\n  prototype: { polluted: 1 }\n'),
    error: /^:1:1: the key "constructor" is not allowed$/,
  },
  {
    name: 'a 50 MB file',
    make: () => {
      // Sparse: no 50 MB written, and refused before it is read.
      const path = write('huge.yaml', '');
      truncateSync(path, 50 * 1024 * 1024);
      return path;
    },
    error: /^: the input is too large \(50\.0 MB\) \(expected at most 10\.0 MB\)$/,
  },
  {
    name: 'invalid UTF-8',
    make: () => write('latin1.yaml', Buffer.from('answers:\n  note: caf\xe9\n', 'latin1')),
    error: /^:2:12: invalid UTF-8 at byte 21 \(expected UTF-8 text\)$/,
  },
  {
    name: 'a folder',
    make: () => (mkdirSync(join(dir, 'a-folder.yaml'), { recursive: true }), join(dir, 'a-folder.yaml')),
    error: /^: is a folder, not a file \(expected a file\)$/,
  },
  { name: 'a missing file', make: () => join(dir, 'missing.yaml'), error: /^: no such file$/ },
  {
    name: 'a PNG image',
    make: () =>
      write('image.yaml', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(2000)])),
    error: /^:1:1: invalid UTF-8 at byte 1 \(expected UTF-8 text\)$/,
  },
  {
    name: 'random bytes',
    make: () => write('noise.yaml', noise(4096)),
    error: /^:1:\d+: invalid UTF-8 at byte \d+ \(expected UTF-8 text\)$/,
  },
  {
    name: 'text with a NUL byte',
    make: () => write('nul.yaml', 'answers:\n  x: a\u0000b\n'),
    error: /^:2:7: the file holds a NUL byte \(binary data\?\) \(expected UTF-8 text\)$/,
  },
  // Each once took ten seconds or more: yaml's duplicate-key check and pretty errors were quadratic.
  {
    name: '40,000 keys',
    make: () => write('keys.yaml', `answers:\n${Array.from({ length: 40_000 }, (_, i) => `  k${i}: n/a\n`).join('')}`),
    error: /^:\d+:\d+: /,
  },
  { name: '128 KB of closing brackets', make: () => write('brackets.yaml', ']'.repeat(128 * 1024)), error: /^:1:1: / },
];

describe('hostile files: a clear error at once, exit 2, and the process unharmed', () => {
  const made = new Map<string, string>();
  const pathOf = (h: Hostile) => made.get(h.name) ?? (made.set(h.name, h.make()), made.get(h.name)!);

  // Through the binary as answers, or as a bank every other file; the next tests load each both ways in-process.
  it.each(HOSTILE.map((h, i) => ({ ...h, as: i % 2 === 0 ? 'answers' : 'a bank' })))('$name, as $as', (h) => {
    const path = pathOf(h);
    const r = run(h.as === 'answers' ? ['assess', '--answers', path] : ['roles', '--bank', path]);
    expectInputError(r);
    const lines = errorLines(r);
    expect(lines[0]!.slice(`pm-diag: ${path}`.length), lines[0]).toMatch(h.error);
    // However many problems a file holds, the terminal gets a readable few.
    expect(lines.length).toBeLessThanOrEqual(101);
  });

  it('a hostile file piped to stdin: too large, or not UTF-8', () => {
    const huge = run(['assess', '--answers', '-'], { input: Buffer.alloc(50 * 1024 * 1024, 'a') });
    expectInputError(huge);
    expect(huge.stderr).toMatch(
      /^pm-diag: <stdin>: the input is too large \(10\.\d MB\) \(expected at most 10\.0 MB\)\n$/,
    );
    const binary = run(['assess', '--answers', '-'], { input: noise(4096) });
    expectInputError(binary);
    expect(binary.stderr).toMatch(/^pm-diag: <stdin>:1:\d+: invalid UTF-8 at byte \d+/);
  });

  it('refuses every hostile file as answers and as a bank in this process, which stays able to load good files, with Object.prototype clean', () => {
    const bank = loadBankFile(MINIMAL_BANK);
    for (const h of HOSTILE) {
      const path = pathOf(h);
      for (const problems of [
        problemsOf(() => parseAnswers(readFileText(path), bank)),
        problemsOf(() => parseBank(readFileText(path))),
      ]) {
        expect(formatProblem(problems[0]!).slice(path.length), h.name).toMatch(h.error);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(
      parseAnswers({ source: 'ok.yaml', text: 'answers:\n  market-problems: n/a\n' }, bank).respondent.answers.get(
        'market-problems',
      ),
    ).toBe('n/a');
    expect(loadBankFile(MINIMAL_BANK)).toEqual(bank);
  });
});
