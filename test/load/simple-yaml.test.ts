import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeAnswers } from '../../src/core/answers/serialize.js';
import { parseDocumentText, type DocPath, type ParsedDocument } from '../../src/core/document/document.js';
import { parseWithYaml } from '../../src/core/document/yaml-document.js';
import { readSimpleYaml } from '../../src/core/document/simple-yaml.js';
import { ROOT } from '../helpers/cli.js';
import { yamlFilesUnder } from '../helpers/files.js';

// The simple reader must give, for every document it takes, exactly what the `yaml` library gives:
// the same data, and the same line and column for every value and key a message could point at.

const OPTIONS = { allowAliases: false };

/** Every path to a value in `data`, with one missing key under each mapping (a message may point there). */
function pathsOf(data: unknown, path: DocPath = []): DocPath[] {
  const paths: DocPath[] = [path];
  if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) paths.push(...pathsOf(value, [...path, key]));
    paths.push([...path, 'no-such-key']);
  }
  return paths;
}

/** What a problem report could ask of a document: its data, and where each value and key is. */
function answersOf(doc: ParsedDocument) {
  return {
    source: doc.source,
    data: doc.data,
    places: pathsOf(doc.data).map((path) => ({
      path,
      value: doc.locate(path),
      key: path.length === 0 ? undefined : doc.locateKey(path.slice(0, -1), String(path[path.length - 1])),
    })),
  };
}

/** Whether the simple reader took `text`; when it did, that it read it as the `yaml` library does. */
function readsAlike(text: string, source = 'answers.yaml'): boolean {
  const taken = readSimpleYaml(text) !== undefined;
  if (taken) {
    const input = { source, text };
    expect(answersOf(parseDocumentText(input, OPTIONS)), text).toEqual(
      answersOf(parseWithYaml(input, source, OPTIONS)),
    );
  }
  return taken;
}

describe('the simple YAML reader', () => {
  it('reads every example answers file, as the yaml library does', () => {
    const examples = yamlFilesUnder(join(ROOT, 'examples'));
    expect(examples.length).toBeGreaterThan(10);
    for (const file of examples) expect(readsAlike(readFileSync(file, 'utf8')), relative(ROOT, file)).toBe(true);
  });

  it('reads any YAML file of the tests as the yaml library does, or leaves it to the library', () => {
    const files = yamlFilesUnder(join(ROOT, 'test', 'fixtures'));
    const taken = files.filter((file) => readsAlike(readFileSync(file, 'utf8')));
    // Most fixtures are answers files, which it takes; banks have lists, which it leaves.
    expect(taken.length).toBeGreaterThan(files.length / 3);
  });

  it('takes a revenue band such as 10-50m as text, as the library does, and leaves number-like values to it', () => {
    for (const band of ['10-50m', '50-250m', 'lt-10m', 'gt-250m'])
      expect(readsAlike(`facts: { revenue: ${band} }\nanswers:\n`), band).toBe(true);
    for (const value of ['1e5', '0x1f', '2026-12-07', '1.5', '-3', '10-50'])
      expect(readSimpleYaml(`facts: { revenue: ${value} }\nanswers:\n`), value).toBeUndefined();
  });

  it('reads what pm-diag itself saves, and the template half filled in', () => {
    const saved = serializeAnswers(
      {
        bank: 'pm-pmm-diagnostic',
        bankVersion: 2,
        organization: 'Acme: the "best" #1',
        stage: 'growth',
        respondent: { name: "Dana O'Neil", role: 'pmm' },
        answers: [
          ['pricing', { owner: 'shared', capability: 3, capacity: 'unknown', note: 'one\nline — ünïcode 😀 "q" \\ /' }],
          ['roadmap', null],
          ['self-serve-funnel', 'n/a'],
        ],
      },
      ['saved by a test'],
    );
    expect(readsAlike(saved)).toBe(true);
    const template = [
      '# comment',
      'bank: pm-pmm-diagnostic',
      'organization: ',
      'stage:',
      'respondent: { name: , role: }   # role: pm',
      'answers:',
      '',
      '  # == MARKET ==',
      '  pricing: { owner: pm, capability: , capacity: 2, note: }',
      '  roadmap: n/a',
    ].join('\n');
    expect(readsAlike(template)).toBe(true);
    expect(readsAlike(template.replace(/\n/g, '\r\n') + '\r\n')).toBe(true);

    // As the offline questionnaire writes one: JSON-quoted text, an item left empty.
    const quote = JSON.stringify;
    const fromQuestionnaire = [
      '# Answers from the pm-diag questionnaire. Check them: pm-diag validate THIS-FILE',
      `bank: ${quote('pm-pmm-diagnostic')}`,
      'bank-version: 2',
      `bank-hash: ${quote('sha256:0123abcd')}`,
      `organization: ${quote('Ünïcode Ltd \u2028 "quoted"\tand tabbed')}`,
      'form: rapid',
      `respondent: { name: ${quote("Zoë 😀 O'Neil")}, role: pmm }`,
      'answers:',
      `  pricing: { owner: shared, capability: 3, capacity: unknown, note: ${quote('a\nb \\ c\u0007')} }`,
      '  roadmap:',
      '  self-serve-funnel: n/a',
      '',
    ].join('\n');
    expect(readsAlike(fromQuestionnaire)).toBe(true);
  });

  it('leaves to the yaml library what is beyond it, and so every problem in it', () => {
    const beyond = [
      'a: 1\na: 2',
      'a: [1, 2]',
      'a: &x 1\nb: *x',
      'a: !tag 1',
      'a: |\n  text',
      'a: "multi\n  line"',
      'a: plain\n  continued',
      'a: 1.5',
      'a: -1',
      'a: 0x1F',
      '"a": 1',
      'null: 1',
      '__proto__: 1',
      '---\na: 1',
      'a: 1\n---\nb: 2',
      '- a',
      '  a: 1',
      'a:\n  b: 1\n c: 2',
      'a: { b: 1, }',
      'a: { b: { c: 1 } }',
      'a: "\\e"',
      'a: b: c',
      'a:\tb',
      '\ufeffa: 1',
      'a: 1\rb: 2',
      '',
      '# only a comment',
      'a: { b: 1',
      'a: x}',
      Array.from({ length: 20 }, (_, depth) => `${' '.repeat(depth)}k${depth}:`).join('\n') +
        '\n' +
        ' '.repeat(20) +
        'leaf: 1',
    ];
    for (const text of beyond) expect(readSimpleYaml(text), JSON.stringify(text)).toBeUndefined();
  });

  it('reads any document of the shape it takes as the yaml library does (generated)', () => {
    // Mostly what answers files hold, sometimes what YAML reads otherwise.
    const key = fc.oneof(
      { weight: 12, arbitrary: fc.stringMatching(/^[a-z$_][a-z0-9_-]{0,8}$/) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'null',
          'True',
          'no',
          'yes',
          'on',
          'n',
          '1',
          '-a',
          'a b',
          '__proto__',
          '"a"',
          '?a',
          '.a',
        ),
      },
    );
    const plain = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(
          'pm',
          'n/a',
          'unknown',
          '3',
          '007',
          '~',
          'null',
          'NULL',
          'true',
          'False',
          'yes',
          'No',
          'on',
          'a b',
          'a  b',
          "don't",
          'x:y',
          'a#b',
          'a, b',
          'é',
          '😀',
          'a/b',
          'a.b',
          'x-',
        ),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '12345678901',
          '1.5',
          '-1',
          '+2',
          '.5',
          'a # b',
          'a: b',
          '-',
          '- a',
          '?',
          '[a]',
          '{a}',
          '&a',
          '*a',
          '!a',
          '%a',
          '@a',
          '`a',
          '|',
          '>',
          'a]',
          'a}',
        ),
      },
      { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9 ,.:#'"!&*?|>%@`\\/{}[\]-]{1,12}$/) },
    );
    const quoted = fc.oneof(
      { weight: 3, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }).map((s) => JSON.stringify(s)) },
      { weight: 3, arbitrary: fc.string({ maxLength: 12 }).map((s) => `'${s.replace(/'/g, "''")}'`) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '"\\e"',
          '"\\x41"',
          '"\\u00e9\\/"',
          '"a\\"b"',
          "'a''b'",
          '"unclosed',
          "'unclosed",
          '""',
          "''",
        ),
      },
    );
    const space = fc.constantFrom('', ' ', '  ');
    const comment = fc.constantFrom('', '', '', ' # note', '  #x', '#x');
    const scalar = fc.oneof(plain, quoted, fc.constant(''));
    const flowEntry = fc
      .tuple(key, space, scalar, space)
      .map(([k, s1, v, s2]) => `${k}:${v === '' ? s1 : ` ${s1}${v}`}${s2}`);
    const flow = fc
      .tuple(fc.array(flowEntry, { maxLength: 4 }), space, fc.constantFrom(',', ', ', ' ,'))
      .map(([entries, s, sep]) => `{${s}${entries.join(sep)}${s}}`);
    const value = fc.oneof(scalar, flow);
    const oddLine = fc.constantFrom(
      '',
      '# comment',
      '  # indented comment',
      '   ',
      '---',
      '...',
      '- item',
      '      deeper: 1',
      'x',
    );
    const entryLine = (indent: string) =>
      fc.tuple(key, value, comment).map(([k, v, c]) => `${indent}${k}:${v === '' ? '' : ` ${v}`}${c}`);
    // Mostly the shape of an answers file (keys at the top, a nested block of entries), sometimes an odd line.
    const block = (indent: string) =>
      fc.array(fc.oneof({ weight: 20, arbitrary: entryLine(indent) }, { weight: 1, arbitrary: oddLine }), {
        minLength: 1,
        maxLength: 6,
      });
    const section = fc.oneof(
      entryLine('').map((l) => [l]),
      fc
        .tuple(key, comment, fc.constantFrom('  ', '    ', ' '), fc.constantFrom('', '  # heading'))
        .chain(([k, c, indent, heading]) =>
          block(indent).map((lines) => [`${k}:${c}`, ...(heading ? [heading] : []), ...lines]),
        ),
    );
    const document = fc
      .tuple(fc.array(section, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
      .map(([sections, eol, last]) => sections.flat().join(eol) + (last ? eol : ''));
    let taken = 0;
    let runs = 0;
    fc.assert(
      fc.property(document, (text) => {
        runs++;
        if (readsAlike(text)) taken++;
      }),
      { numRuns: 3000 },
    );
    // Not a vacuous comparison: a good share of the generated documents are taken.
    expect(taken).toBeGreaterThan(runs / 20);
  });
});
