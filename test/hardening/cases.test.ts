import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/core/answers/load.js';
import { loadBank } from '../../src/io/bank-files.js';
import { parseBank } from '../../src/core/bank/parse.js';
import { UsageError, formatProblem } from '../../src/core/errors.js';
import { readSession } from '../../src/app/interactive/session.js';
import { readStdinText } from '../../src/io/read.js';
import { BIN, ROOT } from '../helpers/cli.js';
import {
  BANKS,
  HOSTILE_TIMEOUT,
  MINIMAL_BANK,
  SGR,
  TERMINAL_UNSAFE,
  errorLines,
  expectInputError,
  inTerminal,
  problemsOf,
  run,
  scratchDir,
  tempFiles,
} from './helpers.js';

// The 25 cases of ../shared/research/reliability-facts.md, each through the built binary where the
// behaviour is the binary's. Cases 16-18 (Ctrl-C, SIGTERM, a closed terminal) need a terminal: they
// are in test/interactive/flow.test.ts and tmux.test.ts, and test/hardening/interruption.test.ts.

const { dir, write } = scratchDir('cases');
const assess = (text: string, name = 'answers.yaml', ...args: string[]) =>
  run(['assess', '--answers', write(name, text), ...args]);
/** The first error line, without `pm-diag: <path>`. */
const firstError = (result: ReturnType<typeof run>, path: string) =>
  errorLines(result)[0]!.replace(`pm-diag: ${path}`, '');
const HOSTILE_BANK = join(BANKS, 'hostile-text.yaml');
const WRITE_FAULT = join(ROOT, 'test', 'hardening', 'fixtures', 'write-fault.mjs');

describe('reliability cases', () => {
  it.each([
    [
      'bad indentation',
      'answers:\n  competitive-analysis:\n    owner: pm\n   capability: 3\n',
      ':4:1: All mapping items must start at the same column',
    ],
    [
      'tab indentation',
      'answers:\n  competitive-analysis: n/a\n\tpricing-and-packaging: n/a\n',
      ':3:1: Tabs are not allowed as indentation',
    ],
    [
      'a second document',
      'answers: {}\n---\nanswers: {}\n',
      ':2:1: a second document (after ---) is not allowed: one file holds one bank or one answers file',
    ],
  ])('case 1: %s is an error at its exact position', (_name, text, expected) => {
    const r = assess(text);
    expectInputError(r);
    expect(errorLines(r)).toEqual([`pm-diag: ${join(dir, 'answers.yaml')}${expected}`]);
  });

  it('case 2: a duplicate key points at the second key, in block and flow mappings and in JSON', () => {
    const block = assess(
      'answers:\n  competitive-analysis: n/a\n  pricing-and-packaging: n/a\n  competitive-analysis: { owner: pm }\n',
      'dup.yaml',
    );
    expectInputError(block);
    expect(firstError(block, join(dir, 'dup.yaml'))).toBe(':4:3: Map keys must be unique');
    const flow = assess('answers:\n  competitive-analysis: { owner: pm, owner: pmm }\n', 'dup-flow.yaml');
    expect(firstError(flow, join(dir, 'dup-flow.yaml'))).toBe(':2:38: Map keys must be unique');
    const json = assess('{\n  "answers": {},\n  "answers": {}\n}\n', 'dup.json');
    expect(firstError(json, join(dir, 'dup.json'))).toBe(':3:3: Map keys must be unique');
  });

  it('case 3: a billion-laughs bank stops at the alias limit; any alias in answers is an error', () => {
    const bomb = join(BANKS, 'invalid', 'alias-bomb.yaml');
    const r = run(['roles', '--bank', bomb]);
    expectInputError(r);
    expect(errorLines(r)).toEqual([
      `pm-diag: ${bomb}:4:24: too many aliases at *b (a YAML "billion laughs" document?) (expected at most 50 alias expansions)`,
    ]);
    const answers = assess('base: &n n/a\nanswers:\n  competitive-analysis: *n\n', 'alias.yaml');
    expectInputError(answers);
    expect(firstError(answers, join(dir, 'alias.yaml'))).toBe(
      ':3:25: an alias (*n) is not allowed here (expected plain values)',
    );
  });

  it('case 4: 5,000 nested brackets are one problem, not a stack overflow', () => {
    for (const args of [
      ['assess', '--answers'],
      ['roles', '--bank'],
    ]) {
      const path = write('deep.yaml', `answers: ${'['.repeat(5000)}\n`);
      const r = run([...args, path]);
      expectInputError(r);
      // Where yaml's depth limit is reached, a few hundred brackets in: the exact column depends on the stack.
      const lines = errorLines(r);
      expect(lines).toHaveLength(1);
      const prefix = `pm-diag: ${path}:1:`;
      expect(lines[0]!.startsWith(prefix)).toBe(true);
      const [column, ...rest] = lines[0]!.slice(prefix.length).split(': ');
      expect(rest.join(': ')).toBe('the document is nested too deeply');
      expect(Number(column)).toBeGreaterThan(100);
      expect(Number(column)).toBeLessThan(5000);
      expect(r.stderr).not.toContain('RangeError');
    }
  });

  it.each([
    [
      '!!js/function',
      'answers:\n  competitive-analysis: !!js/function "function () {}"\n',
      ':2:25: Unresolved tag: tag:yaml.org,2002:js/function: custom tags are not allowed',
    ],
    ['!include', 'answers: !include other.yaml\n', ':1:10: Unresolved tag: !include: custom tags are not allowed'],
    [
      '!!binary',
      'organization: !!binary aGVsbG8=\nanswers: {}\n',
      ':1:15: Unresolved tag: tag:yaml.org,2002:binary: custom tags are not allowed',
    ],
  ])('case 5: the tag %s is an error, with no YAMLWarning from Node', (_tag, text, expected) => {
    const r = assess(text, 'tag.yaml');
    expectInputError(r);
    expect(errorLines(r)).toEqual([`pm-diag: ${join(dir, 'tag.yaml')}${expected}`]);
    expect(r.stderr).not.toMatch(/\(node:\d+\)|YAMLWarning/);
  });

  it('case 6: __proto__ and constructor keys are refused at the top, nested and through <<; Object.prototype stays clean', () => {
    const texts: [string, string][] = [
      ['__proto__: { polluted: yes }\nanswers: {}\n', ':1:1: the key "__proto__" is not allowed'],
      [
        'answers:\n  competitive-analysis: { __proto__: { polluted: yes } }\n',
        ':2:27: the key "__proto__" is not allowed',
      ],
      ['answers:\n  constructor: { prototype: { polluted: yes } }\n', ':2:3: the key "constructor" is not allowed'],
      ['base: &b { __proto__: { polluted: yes } }\nanswers: { <<: *b }\n', ':1:12: the key "__proto__" is not allowed'],
      ['{ "__proto__": { "polluted": "yes" }, "answers": {} }', ':1:3: the key "__proto__" is not allowed'],
    ];
    texts.forEach(([text, expected], i) => {
      const name = i === texts.length - 1 ? 'proto.json' : 'proto.yaml';
      // Through the binary for the first and the JSON one; in this process for all, where Object.prototype is watched.
      if (i === 0 || i === texts.length - 1) {
        const r = assess(text, name);
        expectInputError(r);
        expect(firstError(r, join(dir, name))).toBe(expected);
      }
      expect(formatProblem(problemsOf(() => parseAnswers({ source: name, text }, loadBank()))[0]!)).toBe(
        `${name}${expected}`,
      );
      problemsOf(() => parseBank({ source: name, text }));
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it("case 7: a typo'd key is reported at the key with a suggestion; a missing key at its parent mapping", () => {
    const typo = assess('answers:\n  competitive-analysis: { ownr: pm }\n', 'typo.yaml');
    expectInputError(typo);
    expect(firstError(typo, join(dir, 'typo.yaml'))).toBe(
      ':2:27: answers.competitive-analysis.ownr: unknown key "ownr" (did you mean "owner"?)',
    );
    const missing = join(BANKS, 'invalid', 'missing-key.yaml');
    const r = run(['roles', '--bank', missing]);
    expectInputError(r);
    expect(errorLines(r)).toEqual([
      `pm-diag: ${missing}:38:9: areas.0.responsibilities.1.title: missing (expected text)`,
    ]);
  });

  it.each([
    [
      'a wrong type',
      'answers:\n  competitive-analysis: { capability: "3" }\n',
      ':2:39: answers.competitive-analysis.capability: invalid value (found "3", expected an integer from 1 to 5, or "unknown")',
    ],
    [
      'NaN',
      'answers:\n  competitive-analysis: { capability: .nan }\n',
      ':2:39: answers.competitive-analysis.capability: invalid value (found NaN, expected an integer from 1 to 5, or "unknown")',
    ],
    [
      'infinity',
      'answers:\n  competitive-analysis: { capacity: .inf }\n',
      ':2:37: answers.competitive-analysis.capacity: invalid value (found Infinity, expected an integer from 1 to 5, or "unknown")',
    ],
    [
      'an unsafe integer',
      'answers:\n  competitive-analysis: { capability: 9007199254740993 }\n',
      ':2:39: answers.competitive-analysis.capability: invalid value (found a number too large to be exact, expected an integer from 1 to 5, or "unknown")',
    ],
    [
      'an empty file',
      '',
      ':1:1: invalid value (found an empty value, expected an answers file (a mapping with an "answers" key))',
    ],
    [
      'a comment-only file',
      '# nothing yet\n',
      ':1:1: invalid value (found an empty value, expected an answers file (a mapping with an "answers" key))',
    ],
    [
      'a top-level list',
      '- answers: {}\n',
      ':1:1: invalid value (found a list, expected an answers file (a mapping with an "answers" key))',
    ],
  ])('case 8: %s says what was found and what was expected, once', (_name, text, expected) => {
    const r = assess(text, 'types.yaml');
    expectInputError(r);
    expect(errorLines(r)).toEqual([`pm-diag: ${join(dir, 'types.yaml')}${expected}`]);
  });

  it('case 9: invalid UTF-8 and UTF-16 are refused; a UTF-8 BOM is accepted', () => {
    const latin1 = write(
      'latin1.yaml',
      Buffer.concat([Buffer.from('organization: Caf'), Buffer.from([0xe9]), Buffer.from('\nanswers: {}\n')]),
    );
    const bad = run(['assess', '--answers', latin1]);
    expectInputError(bad);
    expect(errorLines(bad)).toEqual([`pm-diag: ${latin1}:1:18: invalid UTF-8 at byte 18 (expected UTF-8 text)`]);
    const utf16 = write(
      'utf16.yaml',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('answers: {}\n', 'utf16le')]),
    );
    const wide = run(['assess', '--answers', utf16]);
    expectInputError(wide);
    expect(errorLines(wide)).toEqual([
      `pm-diag: ${utf16}: the file is UTF-16 (expected UTF-8 text (save it as UTF-8; a form export saved by Excel as "Unicode Text" is read when its name ends in .csv))`,
    ]);
    const bom = write(
      'bom.yaml',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('answers:\n  market-problems: n/a\n')]),
    );
    const ok = run(['assess', '--answers', bom, '--bank', MINIMAL_BANK, '--format', 'json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).items[0]).toMatchObject({ id: 'market-problems', capability: null });
  });

  it('case 10: a missing file, a folder and an unreadable path are named', () => {
    // Tests run as root, where permissions stop nothing: a path through a file stands in for EACCES.
    mkdirSync(join(dir, 'a-folder'), { recursive: true });
    const through = join(write('plain.txt', 'x'), 'answers.yaml');
    const cases: [string[], string, string][] = [
      [['assess', '--answers'], join(dir, 'nope.yaml'), 'no such file'],
      [['roles', '--bank'], join(dir, 'a-folder'), 'is a folder, not a file (expected a file)'],
      [['validate'], through, 'cannot be read (ENOTDIR)'],
    ];
    for (const [command, path, message] of cases) {
      const r = run([...command, path]);
      expectInputError(r);
      expect(errorLines(r)).toEqual([`pm-diag: ${path}: ${message}`]);
    }
  });

  it('case 11: JSON answers: trailing commas, comments and duplicates are errors with line:column; tabs are fine', () => {
    const cases: [string, string, RegExp][] = [
      [
        'trailing-comma.json',
        '{\n  "answers": {\n    "competitive-analysis": "n/a",\n  }\n}\n',
        /^:4:3: invalid JSON: .* \(expected valid JSON \(or use a \.yaml file\)\)$/,
      ],
      [
        'comment.json',
        '{\n  // a comment\n  "answers": {}\n}\n',
        /^:2:3: invalid JSON: .* \(expected valid JSON \(or use a \.yaml file\)\)$/,
      ],
      [
        'missing-comma.json',
        '{\n  "answers": {\n    "competitive-analysis": "n/a"\n    "pricing-and-packaging": "n/a"\n  }\n}\n',
        /^:4:5: invalid JSON: /,
      ],
      ['duplicate.json', '{\n  "answers": {},\n  "answers": {}\n}\n', /^:3:3: Map keys must be unique$/],
    ];
    for (const [name, text, expected] of cases) {
      const r = assess(text, name);
      expectInputError(r);
      expect(errorLines(r)).toHaveLength(1);
      expect(firstError(r, join(dir, name))).toMatch(expected);
    }
    const tabs = assess(
      '{\n\t"answers": {\n\t\t"market-problems": "n/a"\n\t}\n}\n',
      'tabs.json',
      '--bank',
      MINIMAL_BANK,
    );
    expect(tabs.code, tabs.stderr).toBe(0);
  });

  it('case 12: an unknown id, an out-of-range choice and other errors are all listed at once', () => {
    const text =
      'organization: Acme\nrespondent: { name: Dana, role: boss }\nanswers:\n  competitive-analysis: { owner: pm, capability: 6, capacity: 0 }\n  positioning-and-messagin: n/a\n';
    const r = assess(text, 'several.yaml');
    expectInputError(r);
    expect(errorLines(r).map((l) => l.replace(`pm-diag: ${join(dir, 'several.yaml')}`, ''))).toEqual([
      ':2:33: respondent.role: invalid value (found "boss", expected pm, pmm, sales, marketing, cs, engineering, leadership, other)',
      ':4:50: answers.competitive-analysis.capability: invalid value (found 6, expected an integer from 1 to 5, or "unknown")',
      ':4:63: answers.competitive-analysis.capacity: invalid value (found 0, expected an integer from 1 to 5, or "unknown")',
      ':5:3: answers.positioning-and-messagin: unknown item id "positioning-and-messagin" (did you mean "positioning-and-messaging"?) (expected an id from the bank "pm-pmm-diagnostic" (pm-diag template lists them))',
    ]);
  });

  const EVIL =
    'A\u001b[2J\u001b[H\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007\r\b\u0007\u0000\u001b\u202eevil\u2066x\u2069\u009b31m';
  const yamlString = (s: string) => JSON.stringify(s);
  const hostileAnswers = [
    `organization: ${yamlString(`Org ${EVIL}`)}`,
    `respondent: { name: ${yamlString(`Dana ${EVIL}`)}, role: pmm }`,
    'answers:',
    `  market-problems: { owner: pmm, capability: 2, capacity: 2, note: ${yamlString(`note ${EVIL}\nsecond line`)} }`,
    '  win-loss-feedback: { delivery: 1 }',
    '',
  ].join('\n');

  it('case 13: escape sequences and control characters in bank text, answers, keys and paths never reach the terminal raw', () => {
    const path = write(`evil\u001b[31m\r\u202e.yaml`, hostileAnswers);
    const outputs: string[] = [];
    for (const args of [
      ['assess', '--answers', path, '--bank', HOSTILE_BANK],
      ['roles', '--bank', HOSTILE_BANK],
      ['report', path, path, '--bank', HOSTILE_BANK],
    ]) {
      const r = run(args, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(SGR);
      outputs.push(r.stdout.replace(SGR, ''), r.stderr);
    }
    // Keys and paths in error messages.
    const badKeys = write(
      `keys\u001b]0;title\u0007.yaml`,
      `answers:\n  ${yamlString(`x${EVIL}`)}: n/a\n  market-problems: { ${yamlString(`owner${EVIL}`)}: pm }\n`,
    );
    const errors = run(['assess', '--answers', badKeys, '--bank', MINIMAL_BANK]);
    expectInputError(errors);
    expect(errorLines(errors)).toHaveLength(2);
    outputs.push(errors.stderr);
    for (const text of outputs) {
      expect(text).not.toMatch(TERMINAL_UNSAFE);
      expect(text).not.toContain('\u001b');
    }
    expect(outputs.join('')).toContain('\\u{202e}');
  });

  it('case 14: markdown keeps |, \\|, newlines, <script>, javascript: links and a leading # inside their cells', () => {
    const evil =
      '# head | pipe \\| escaped\nnew line <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) *em* `code`';
    const bank = write(
      'md-bank.yaml',
      readFileSync(MINIMAL_BANK, 'utf8')
        .replace('title: Market problems', `title: ${yamlString(evil)}`)
        .replace('title: Win/loss feedback', `title: ${yamlString(evil)}`)
        .replace('name: Product Marketing,', `name: ${yamlString(evil)},`),
    );
    const answers = write(
      'md.yaml',
      `organization: ${yamlString(evil)}\nrespondent: { name: ${yamlString(evil)}, role: pm }\nanswers:\n  market-problems: { owner: none, capability: 1, capacity: 2, note: ${yamlString(evil)} }\n  win-loss-feedback: { delivery: 1 }\n`,
    );
    const md = new MarkdownIt({ html: true });
    for (const args of [['assess', '--answers', answers], ['report', answers, answers], ['roles']]) {
      const r = run([...args, '--bank', bank, '--format', 'markdown']);
      expect(r.code, r.stderr).toBe(0);
      const html = md.render(r.stdout);
      const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)];
      expect(tables.length).toBeGreaterThan(0);
      for (const [table] of tables) {
        const cells = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(
          (row) => (row[1]!.match(/<t[hd][ >]/g) ?? []).length,
        );
        expect(new Set(cells).size, table).toBe(1);
      }
      expect(html).not.toMatch(/<script|<img|href="javascript|<h[1-6]>\s*head/i);
      expect(r.stdout).not.toMatch(/[\u001b\u0000]/);
    }
  });

  it('case 15: the JSON report round-trips hostile text exactly, with no raw escape, control or bidi character', () => {
    const r = run(
      ['assess', '--answers', write('json.yaml', hostileAnswers), '--bank', MINIMAL_BANK, '--format', 'json'],
      { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(TERMINAL_UNSAFE);
    const report = JSON.parse(r.stdout);
    expect(report.organization).toBe(`Org ${EVIL}`);
    expect(report.respondentList[0].name).toBe(`Dana ${EVIL}`);
    expect(report.items.find((i: { id: string }) => i.id === 'market-problems').notes).toEqual([
      { respondent: `Dana ${EVIL}`, role: 'pmm', note: `note ${EVIL}\nsecond line` },
    ]);
  });

  it('case 19: a crash in the middle of writing the report leaves no partial report and no temp file; a stack only with --debug', () => {
    const folder = join(dir, 'crash');
    mkdirSync(folder);
    const out = join(folder, 'report.md');
    writeFileSync(out, 'the old report\n');
    const answers = join(ROOT, 'examples', 'launch-orphaned.yaml');
    const env = { NODE_OPTIONS: `--import=${WRITE_FAULT}` };
    const crash = run(['assess', '--answers', answers, '--out', out], {
      env: { ...env, PM_DIAG_WRITE_FAULT: 'crash' },
    });
    expect(crash.code).toBe(70);
    expect(crash.stdout).toBe('');
    expect(crash.stderr).toBe(
      'pm-diag: internal error: injected crash in the middle of a write\n(run again with --debug for the details, and please report it)\n',
    );
    const debug = run(['assess', '--answers', answers, '--out', out, '--debug'], {
      env: { ...env, PM_DIAG_WRITE_FAULT: 'crash' },
    });
    expect(debug.code).toBe(70);
    expect(debug.stderr).toMatch(/^Error: injected crash in the middle of a write\n\s+at /);
    const full = run(['assess', '--answers', answers, '--out', out], {
      env: { ...env, PM_DIAG_WRITE_FAULT: 'ENOSPC' },
    });
    expectInputError(full);
    expect(full.stderr).toBe(`pm-diag: ${out}: cannot write the file: the disk is full\n`);
    expect(readFileSync(out, 'utf8')).toBe('the old report\n');
    expect(readdirSync(folder)).toEqual(['report.md']);
  });

  it('case 20: without a terminal (stdin /dev/null, CI=true on a terminal, piped answers) assess exits 2 at once', () => {
    const folder = join(dir, 'no-tty');
    mkdirSync(folder);
    const devNull = spawnSync(process.execPath, [BIN, 'assess', '--save', 'a.yaml'], {
      cwd: folder,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: HOSTILE_TIMEOUT,
      env: { ...process.env, CI: '' },
    });
    expect(devNull.status, devNull.stderr).toBe(2);
    expect(devNull.stdout).toBe('');
    expect(devNull.stderr).toContain('standard input is not a terminal');
    const piped = run(['assess', '--save', 'a.yaml'], {
      cwd: folder,
      input: 'Acme\nDana\npm\n',
      env: { CI: undefined },
    });
    expectInputError(piped);
    const ci = inTerminal([process.execPath, BIN, 'assess', '--save', 'a.yaml'], folder, { CI: 'true' });
    expect(ci.code).toBe(2);
    expect(ci.output).toMatch(/^pm-diag: CI is set, so there is no one to ask\./);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('case 21: --answers - with a terminal on stdin exits 2 instead of waiting', async () => {
    const r = inTerminal([process.execPath, BIN, 'assess', '--answers', '-'], dir);
    expect(r.code).toBe(2);
    expect(r.output).toBe(
      'pm-diag: "-" reads the answers from standard input, but standard input is a terminal: pipe a file into it (pm-diag assess --answers - < answers.yaml)\n',
    );
    const tty = Object.assign(Readable.from(['answers: {}\n']), { isTTY: true }) as unknown as NodeJS.ReadStream;
    await expect(readStdinText(tty)).rejects.toThrow(UsageError);
    const pipe = Object.assign(Readable.from(['answers: {}\n']), { isTTY: false }) as unknown as NodeJS.ReadStream;
    await expect(readStdinText(pipe)).resolves.toEqual({ source: '<stdin>', text: 'answers: {}\n' });
  });

  it('case 22: resuming after the bank changed drops the stale answers, names them, and leaves the file as it was', () => {
    // The warning and the backup on screen: test/interactive/flow.test.ts ("resumes a file saved with an older bank").
    const text =
      'bank: pm-pmm-diagnostic\nanswers:\n  launch-plan: { owner: pmm, capability: 2 }\n  retired-item: n/a\n  old-interlock: { delivery: 3 }\n';
    const path = write('resume.yaml', text);
    const saved = readSession(path, loadBank())!;
    expect(saved.dropped).toEqual(['retired-item', 'old-interlock']);
    expect(Object.fromEntries(saved.draft.answers)).toEqual({ 'launch-plan': { owner: 'pmm', capability: 2 } });
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('case 23: an output that cannot be written exits 2, leaves the old report as it was and no temp file', () => {
    const answers = join(ROOT, 'examples', 'launch-orphaned.yaml');
    const folder = join(dir, 'outputs');
    mkdirSync(join(folder, 'report.md'), { recursive: true });
    writeFileSync(join(folder, 'report.md', 'inside.txt'), 'kept');
    const longName = `${'r'.repeat(240)}.md`;
    writeFileSync(join(folder, longName), 'the old report\n');
    writeFileSync(join(folder, 'a-file'), 'x');
    // Tests run as root, where a read-only folder stops nothing: these fail for other reasons at the same step.
    const cases: [string, string][] = [
      [join(folder, 'report.md'), 'it is a folder: give a file name in it'],
      [join(folder, 'a-file', 'report.md'), `${join(folder, 'a-file')} is a file, not a folder`],
      [
        join(folder, 'missing', 'report.md'),
        `the folder does not exist: create ${join(folder, 'missing')} first, or write to a folder that exists`,
      ],
      [join(folder, longName), 'the file name is too long'],
    ];
    for (const [out, reason] of cases) {
      const r = run(['assess', '--answers', answers, '--out', out]);
      expectInputError(r);
      expect(r.stderr).toBe(`pm-diag: ${out}: cannot write the file: ${reason}\n`);
    }
    expect(readdirSync(folder).sort()).toEqual(['a-file', 'report.md', longName].sort());
    expect(readdirSync(join(folder, 'report.md'))).toEqual(['inside.txt']);
    expect(readFileSync(join(folder, longName), 'utf8')).toBe('the old report\n');
    expect(tempFiles(folder)).toEqual([]);
  });

  it('case 24: a failed threshold exits 1 after the report is written in full', () => {
    const answers = join(ROOT, 'examples', 'launch-orphaned.yaml');
    const out = join(dir, 'threshold.json');
    const r = run(['assess', '--answers', answers, '--out', out, '--fail-under', '100']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^pm-diag: readiness \d+\.\d is below --fail-under 100\n$/);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.summary.readiness).toBeLessThan(100);
    const printed = run(['assess', '--answers', answers, '--fail-under', '100', '--format', 'json']);
    expect(printed.code).toBe(1);
    expect(JSON.parse(printed.stdout).summary).toEqual(report.summary);
  });

  it('case 25: NO_COLOR and --no-color give no escape byte; FORCE_COLOR colours a piped terminal report; markdown and JSON never', () => {
    const answers = relative(ROOT, join(ROOT, 'examples', 'launch-orphaned.yaml'));
    const report = (env: Record<string, string | undefined>, ...args: string[]) =>
      run(['assess', '--answers', answers, ...args], { env: { NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } });
    expect(report({ NO_COLOR: '1' }).stdout).not.toContain('\u001b');
    expect(report({}).stdout).not.toContain('\u001b');
    expect(report({ FORCE_COLOR: '1' }).stdout).toMatch(SGR);
    expect(report({ FORCE_COLOR: '1' }, '--no-color').stdout).not.toContain('\u001b');
    for (const format of ['markdown', 'json'])
      expect(report({ FORCE_COLOR: '1' }, '--format', format).stdout).not.toContain('\u001b');
    const out = join(dir, 'forced.txt');
    expect(report({ FORCE_COLOR: '1' }, '--out', out).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain('\u001b');
    // The same rule for what compare prints.
    copyFileSync(join(ROOT, answers), join(dir, 'copy.yaml'));
    expect(
      run(['compare', answers, join(dir, 'copy.yaml'), '--format', 'json'], {
        env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
      }).stdout,
    ).not.toContain('\u001b');
  });
});
