import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/errors.js';
import { readFileText } from '../../src/io/read.js';
import { MAX_INPUT_BYTES, decodeText } from '../../src/core/source.js';
import { writeFileAtomic } from '../../src/io/write.js';
import { closest, describeValue, safeLine, safeText } from '../../src/core/text.js';
import { mdText } from '../../src/core/render/markdown-escape.js';
import { linesOf, problemsOf } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'pm-diag-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readFileText', () => {
  it('reads UTF-8 text and names the source as given', () => {
    const path = file('plain.yaml', 'title: Café ✓\n');
    expect(readFileText(path)).toEqual({ source: path, text: 'title: Café ✓\n' });
  });

  it('accepts and drops a UTF-8 byte order mark', () => {
    const path = file('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a: 1\n')]));
    expect(readFileText(path).text).toBe('a: 1\n');
  });

  it('refuses invalid UTF-8, naming the line and the byte', () => {
    const path = file(
      'latin1.yaml',
      Buffer.concat([Buffer.from('a: 1\nb: caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    expect(linesOf(() => readFileText(path))).toEqual([`${path}:2:7: invalid UTF-8 at byte 12 (expected UTF-8 text)`]);
  });

  it('points at the start of a character cut short, and at a bad byte at the very end', () => {
    // "é" is C3 A9: here C3 is followed by "x".
    expect(problemsOf(() => decodeText(Uint8Array.from([0x61, 0x0a, 0xc3, 0x78]), 's'))[0]).toMatchObject({
      line: 2,
      message: 'invalid UTF-8 at byte 3',
    });
    expect(problemsOf(() => decodeText(Uint8Array.from([0x61, 0x62, 0xe2, 0x82]), 's'))[0]).toMatchObject({
      line: 1,
      message: 'invalid UTF-8 at byte 3',
    });
    expect(problemsOf(() => decodeText(Uint8Array.from([0x80]), 's'))[0]).toMatchObject({
      line: 1,
      message: 'invalid UTF-8 at byte 1',
    });
  });

  // How fast is for `npm run bench`, not a timed test: this checks the position at the end of a large file.
  it('finds a bad byte at the end of a large file', () => {
    const bytes = new Uint8Array(4 * 1024 * 1024).fill(0x61);
    for (let i = 99; i < bytes.length; i += 100) bytes[i] = 0x0a;
    bytes[bytes.length - 2] = 0xff;
    const [problem] = problemsOf(() => decodeText(bytes, 'big.yaml'));
    expect(problem).toMatchObject({
      line: Math.floor((bytes.length - 2) / 100) + 1,
      message: `invalid UTF-8 at byte ${bytes.length - 1}`,
    });
  });

  it.each([
    ['UTF-16 LE', [0xff, 0xfe, 0x61, 0x00]],
    ['UTF-16 BE', [0xfe, 0xff, 0x00, 0x61]],
  ])('refuses %s', (_name, bytes) => {
    const path = file('utf16.yaml', Uint8Array.from(bytes));
    expect(linesOf(() => readFileText(path))).toEqual([
      `${path}: the file is UTF-16 (expected UTF-8 text (save it as UTF-8; a form export saved by Excel as "Unicode Text" is read when its name ends in .csv))`,
    ]);
  });

  it('refuses a NUL byte, naming its line', () => {
    const path = file('nul.yaml', 'a: 1\nb: 2\nc: \u0000\n');
    expect(linesOf(() => readFileText(path))).toEqual([
      `${path}:3:4: the file holds a NUL byte (binary data?) (expected UTF-8 text)`,
    ]);
  });

  it('names the path of a missing file', () => {
    const path = join(dir, 'nope.yaml');
    expect(linesOf(() => readFileText(path))).toEqual([`${path}: no such file`]);
  });

  it('refuses a folder', () => {
    const path = join(dir, 'a-folder');
    mkdirSync(path);
    expect(linesOf(() => readFileText(path))).toEqual([`${path}: is a folder, not a file (expected a file)`]);
  });

  it('refuses a file over the size cap without reading it', () => {
    const path = file('huge.yaml', '');
    truncateSync(path, 11 * 1024 * 1024);
    expect(MAX_INPUT_BYTES).toBe(10 * 1024 * 1024);
    expect(linesOf(() => readFileText(path))).toEqual([
      `${path}: the input is too large (11.0 MB) (expected at most 10.0 MB)`,
    ]);
  });

  it('shows control characters in a path visibly', () => {
    const lines = linesOf(() => readFileText(join(dir, 'bad\u001b[2Jname\r.yaml')));
    expect(lines[0]).toContain('badname\\u{d}.yaml: no such file');
    expect(lines[0]).not.toMatch(/[\u001b\r]/);
  });
});

describe('writeFileAtomic', () => {
  const tempsIn = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.tmp'));

  it('creates a file, then replaces its content, leaving no temp files', () => {
    const folder = mkdtempSync(join(dir, 'w-'));
    const path = join(folder, 'report.md');
    writeFileAtomic(path, 'first\n');
    expect(readFileSync(path, 'utf8')).toBe('first\n');
    writeFileAtomic(path, 'second, longer content\n');
    expect(readFileSync(path, 'utf8')).toBe('second, longer content\n');
    writeFileAtomic(path, '');
    expect(readFileSync(path, 'utf8')).toBe('');
    expect(readdirSync(folder)).toEqual(['report.md']);
  });

  it('says the folder does not exist, and creates nothing', () => {
    const path = join(dir, 'missing-folder', 'out.md');
    const create = `create ${join(dir, 'missing-folder')} first, or write to a folder that exists`;
    expect(linesOf(() => writeFileAtomic(path, 'x'))).toEqual([
      `${path}: cannot write the file: the folder does not exist: ${create}`,
    ]);
    expect(readdirSync(dir)).not.toContain('missing-folder');
  });

  it('refuses a target that is a folder, leaving it as it was', () => {
    const folder = mkdtempSync(join(dir, 'w-'));
    const target = join(folder, 'report.md');
    mkdirSync(target);
    writeFileSync(join(target, 'inside.txt'), 'keep');
    expect(linesOf(() => writeFileAtomic(target, 'x'))).toEqual([
      `${target}: cannot write the file: it is a folder: give a file name in it`,
    ]);
    expect(readdirSync(target)).toEqual(['inside.txt']);
    expect(tempsIn(folder)).toEqual([]);
  });

  it('leaves the old file untouched and no temp file when the write fails', () => {
    // Tests run as root, so permissions stop nothing; a name so long that the temp file beside it
    // cannot be created makes the write fail after the old file exists.
    const folder = mkdtempSync(join(dir, 'w-'));
    const path = join(folder, `${'r'.repeat(240)}.md`);
    writeFileSync(path, 'old content\n');
    const [problem] = problemsOf(() => writeFileAtomic(path, 'new content\n'));
    expect(problem!.source).toBe(path);
    expect(problem!.message).toBe('cannot write the file: the file name is too long');
    expect(readFileSync(path, 'utf8')).toBe('old content\n');
    expect(readdirSync(folder)).toEqual([`${'r'.repeat(240)}.md`]);
  });
});

describe('safeText', () => {
  it('strips CSI sequences (colour, clear screen, cursor moves), 7-bit and 8-bit', () => {
    expect(safeText('\u001b[31mred\u001b[0m \u001b[2J\u001b[Hhome \u009b1;2Hc1')).toBe('red home c1');
  });

  it('strips OSC sequences: links, titles, clipboard, ended by BEL or ST', () => {
    expect(safeText('\u001b]8;;https://evil.example/(x)\u0007click\u001b]8;;\u0007')).toBe('click');
    expect(safeText('a\u001b]0;title\u001b\\b\u001b]52;c;ZXZpbA==\u0007c')).toBe('abc');
  });

  it('strips DCS and similar string sequences', () => {
    expect(safeText('a\u001bP1$qm\u001b\\b\u001b_apc\u001b\\c')).toBe('abc');
  });

  it('shows other C0 and C1 controls, DEL, a lone ESC and bidi overrides visibly', () => {
    expect(safeText('a\rb\bc\u0007d\u0000e\u001b f\u007fg\u0085h\u001b')).toBe(
      'a\\u{d}b\\u{8}c\\u{7}d\\u{0}e\\u{1b} f\\u{7f}g\\u{85}h\\u{1b}',
    );
    // ESC and one final byte is a sequence of its own (ESC c resets the terminal): stripped.
    expect(safeText('a\u001bcb')).toBe('ab');
    expect(safeText('x\u202ey\u2066z\u2069')).toBe('x\\u{202e}y\\u{2066}z\\u{2069}');
    expect(safeLine('Ana\u2028Lee\u2029')).toBe('Ana\\u{2028}Lee\\u{2029}');
    // Markdown drops them: a line or paragraph separator would end a table row in some readers.
    expect(mdText('Ana\u2028Lee\u2029')).toBe('AnaLee');
  });

  it('keeps newlines, tabs and ordinary Unicode', () => {
    expect(safeText('one\n\ttwo — café ✓ 日本')).toBe('one\n\ttwo — café ✓ 日本');
  });

  it('makes one line of it with safeLine', () => {
    expect(safeLine('one\n\ttwo\r')).toBe('one two\\u{d}');
  });

  it('quotes and shortens values for "found …"', () => {
    expect(describeValue('x'.repeat(50))).toBe(`"${'x'.repeat(37)}..."`);
    expect(describeValue('\u001b[31mred')).toBe('"red"');
    expect(describeValue(null)).toBe('an empty value');
    expect(describeValue([1])).toBe('a list');
    expect(describeValue({})).toBe('a mapping');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(true)).toBe('true');
  });

  it('keeps problem messages free of control characters whatever their parts hold', () => {
    const line = formatProblem({
      source: 'a\u001b[2J.yaml',
      line: 1,
      column: 2,
      message: 'bad \u0007',
      found: '\u202e',
      severity: 'error',
    });
    expect(line).toBe('a.yaml:1:2: bad \\u{7} (found \\u{202e})');
  });
});

describe('closest', () => {
  const ids = ['competitive-analysis', 'pricing-and-packaging', 'positioning-and-messaging', 'capability', 'capacity'];

  it('suggests the nearest candidate for a typo, ignoring case', () => {
    expect(closest('capabilty', ids)).toBe('capability');
    expect(closest('Competitive-Analysys', ids)).toBe('competitive-analysis');
  });

  it('suggests a candidate that contains a shortened word, from an iterator too', () => {
    expect(closest('pricing', ids)).toBe('pricing-and-packaging');
    expect(closest('pricing', new Map(ids.map((id) => [id, 1])).keys())).toBe('pricing-and-packaging');
  });

  it('suggests nothing when nothing is close', () => {
    expect(closest('zzz', ids)).toBeUndefined();
    expect(closest('roadmap', ids)).toBeUndefined();
    expect(closest('anything', [])).toBeUndefined();
  });
});
