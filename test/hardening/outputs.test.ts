import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  cpSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/io/bank-files.js';
import { saveSession } from '../../src/app/interactive/session.js';
import { BIN, ROOT } from '../helpers/cli.js';
import { ANSWERS, MINIMAL_BANK, errorLines, expectInputError, run, scratchDir, tempFiles } from './helpers.js';

// DESIGN.md "Reliability rules", outputs: an output never replaces an input of the same run, and the
// atomic write replaces only regular files, keeping their permission bits.

const { dir } = scratchDir('outputs');
const EXAMPLE = join(ROOT, 'examples', 'launch-orphaned.yaml');
const TEAM = join(ROOT, 'test', 'fixtures', 'report', 'team');
const TEAM_CSV = join(ROOT, 'test', 'fixtures', 'report', 'team.csv');

let folders = 0;
/** A fresh folder holding copies of `files` (name → source). */
function folderWith(files: Record<string, string> = {}): string {
  const folder = join(dir, `case-${++folders}`);
  mkdirSync(folder);
  for (const [name, source] of Object.entries(files)) cpSync(source, join(folder, name), { recursive: true });
  return folder;
}

/** The contents of every file in `folder`, to show nothing changed. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files[join(entry.parentPath, entry.name)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

/** Refused before anything is written: exit 2, naming the output, every file as it was, no temp file. */
function expectRefused(args: string[], folder: string, out: string): void {
  const before = snapshot(folder);
  const result = run(args);
  expectInputError(result);
  const errors = errorLines(result).filter((line) => !line.includes(': warning: '));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain(`pm-diag: ${out}: the output would replace an input`);
  expect(snapshot(folder)).toEqual(before);
  expect(tempFiles(folder)).toEqual([]);
}

// An --out whose extension names another format is refused on its own; --format makes these reach the same-file check.
describe('--out naming an input of the same run is refused before anything is written', () => {
  it('assess --answers: the same path, a symbolic link to it, and a hard link to it', () => {
    const folder = folderWith({ 'a.yaml': EXAMPLE });
    const answers = join(folder, 'a.yaml');
    symlinkSync(answers, join(folder, 'link.md'));
    linkSync(answers, join(folder, 'hard.md'));
    expectRefused(['assess', '--answers', answers, '--format', 'terminal', '--out', answers], folder, answers);
    expectRefused(['assess', '--answers', answers, '--out', join(folder, 'link.md')], folder, join(folder, 'link.md'));
    expectRefused(['assess', '--answers', answers, '--out', join(folder, 'hard.md')], folder, join(folder, 'hard.md'));
    // A link to the output given as the input: the same file the other way round.
    expectRefused(
      ['assess', '--answers', join(folder, 'link.md'), '--format', 'terminal', '--out', answers],
      folder,
      answers,
    );
    // The bank is an input too.
    const bank = join(folder, 'bank.yaml');
    copyFileSync(MINIMAL_BANK, bank);
    expectRefused(
      [
        'assess',
        '--answers',
        join(ANSWERS, 'minimal-complete.yaml'),
        '--bank',
        bank,
        '--format',
        'terminal',
        '--out',
        bank,
      ],
      folder,
      bank,
    );
  });

  it('report: an answers file, a file inside a folder given, and a CSV export', () => {
    const folder = folderWith({ team: TEAM, 'team.csv': TEAM_CSV });
    const inFolder = join(folder, 'team', 'ann.yaml');
    const bank = ['--bank', MINIMAL_BANK];
    expectRefused(
      ['report', join(folder, 'team'), ...bank, '--format', 'terminal', '--out', inFolder],
      folder,
      inFolder,
    );
    expectRefused(['report', inFolder, ...bank, '--format', 'terminal', '--out', inFolder], folder, inFolder);
    expectRefused(
      ['report', join(folder, 'team.csv'), ...bank, '--format', 'terminal', '--out', join(folder, 'team.csv')],
      folder,
      join(folder, 'team.csv'),
    );
    // A new file in the folder given is no input: written.
    const fresh = run(['report', join(folder, 'team'), ...bank, '--out', join(folder, 'team', 'report.md')]);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(readFileSync(join(folder, 'team', 'report.md'), 'utf8')).toMatch(/^# /);
  });

  it('roles --bank and compare', () => {
    const folder = folderWith({
      'bank.yaml': MINIMAL_BANK,
      'before.yaml': EXAMPLE,
      'after.yaml': join(ROOT, 'examples', 'mature.yaml'),
    });
    const bank = join(folder, 'bank.yaml');
    expectRefused(['roles', '--bank', bank, '--format', 'terminal', '--out', bank], folder, bank);
    const after = join(folder, 'after.yaml');
    expectRefused(
      ['compare', join(folder, 'before.yaml'), after, '--format', 'terminal', '--out', after],
      folder,
      after,
    );
    expectRefused(
      ['compare', join(folder, 'before.yaml'), after, '--format', 'json', '--out', join(folder, 'before.yaml')],
      folder,
      join(folder, 'before.yaml'),
    );
  });
});

describe('template --out over a file that holds answers', () => {
  it('is refused without --force; with --force the old file is kept as FILE.bak-<timestamp>', () => {
    const folder = folderWith({ 'answers.yaml': EXAMPLE });
    const out = join(folder, 'answers.yaml');
    const answers = readFileSync(out, 'utf8');
    const refused = run(['template', '--out', out]);
    expectInputError(refused);
    expect(errorLines(refused)).toEqual([
      `pm-diag: ${out}: the file holds answers, so it was left as it was (expected another --out file, or --force to replace it (the old one is then kept as a backup))`,
    ]);
    expect(readdirSync(folder)).toEqual(['answers.yaml']);
    expect(readFileSync(out, 'utf8')).toBe(answers);

    const forced = run(['template', '--out', out, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    const backups = readdirSync(folder).filter((name) => /^answers\.yaml\.bak-\d{8}-\d{6}$/.test(name));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(folder, backups[0]!), 'utf8')).toBe(answers);
    expect(readFileSync(out, 'utf8')).toBe(run(['template']).stdout);
    expect(forced.stderr).toBe(`pm-diag: ${out} held answers: kept as ${join(folder, backups[0]!)}\n`);
  });

  it('a half-edited answers file that no longer parses, and a CSV with rows, are kept too', () => {
    const folder = folderWith();
    const broken = join(folder, 'broken.yaml');
    writeFileSync(broken, 'bank: pm-pmm-diagnostic\nanswers:\n  pricing: { owner: pm, capability: [\n');
    expectInputError(run(['template', '--out', broken]));
    const csv = join(folder, 'form.csv');
    writeFileSync(csv, 'respondent,role\nDana,pm\n');
    expectInputError(run(['template', '--out', csv]));
    expect(readFileSync(csv, 'utf8')).toBe('respondent,role\nDana,pm\n');
  });

  it('a blank template, an empty file or a CSV header alone is replaced without --force', () => {
    const folder = folderWith();
    const out = join(folder, 'answers.yaml');
    writeFileSync(out, run(['template', '--bank', MINIMAL_BANK]).stdout);
    expect(run(['template', '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(run(['template']).stdout);
    writeFileSync(join(folder, 'empty.yaml'), '');
    expect(run(['template', '--out', join(folder, 'empty.yaml')]).code).toBe(0);
    writeFileSync(join(folder, 'form.csv'), 'respondent,role\n');
    expect(run(['template', '--out', join(folder, 'form.csv')]).code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['answers.yaml', 'empty.yaml', 'form.csv']);
  });
});

describe('the atomic write replaces only regular files', () => {
  it('writes to a FIFO in place: the reader gets the report, the FIFO stays a FIFO', async () => {
    const folder = folderWith();
    const fifo = join(folder, 'pipe.md');
    spawnSync('mkfifo', [fifo]);
    const received = join(folder, 'received.md');
    const reader = spawn('sh', ['-c', 'cat "$0" > "$1"', fifo, received]);
    const done = new Promise((resolve) => reader.on('close', resolve));
    const result = run(['roles', '--format', 'markdown', '--out', fifo]);
    await done;
    expect(result.code, result.stderr).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(received, 'utf8')).toBe(run(['roles', '--format', 'markdown']).stdout);
    expect(tempFiles(folder)).toEqual([]);
  });

  it('writes to a device in place: a null device made in the folder stays a device', () => {
    const folder = folderWith();
    const device = join(folder, 'null');
    const made = spawnSync('mknod', [device, 'c', '1', '3']);
    expect(made.status, 'mknod needs root').toBe(0);
    const result = run(['assess', '--answers', EXAMPLE, '--out', device]);
    expect(result.code, result.stderr).toBe(0);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(folder)).toEqual(['null']);
  });

  it('follows a symbolic link: the target gets the new content, the link stays a link (a dangling link too)', () => {
    const folder = folderWith();
    writeFileSync(join(folder, 'target.md'), 'old\n');
    symlinkSync('target.md', join(folder, 'link.md'));
    symlinkSync('not-yet.md', join(folder, 'dangling.md'));
    const expected = run(['roles', '--format', 'markdown']).stdout;
    for (const link of ['link.md', 'dangling.md']) {
      const result = run(['roles', '--out', join(folder, link)]);
      expect(result.code, result.stderr).toBe(0);
      expect(lstatSync(join(folder, link)).isSymbolicLink()).toBe(true);
    }
    expect(readlinkSync(join(folder, 'link.md'))).toBe('target.md');
    expect(readFileSync(join(folder, 'target.md'), 'utf8')).toBe(expected);
    expect(readFileSync(join(folder, 'not-yet.md'), 'utf8')).toBe(expected);
    expect(tempFiles(folder)).toEqual([]);
  });

  it('--out - writes to stdout, and creates no file named "-"', () => {
    const folder = folderWith();
    const result = run(['roles', '--out', '-'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(run(['roles']).stdout);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('permission bits', () => {
  /** Runs the binary under `umask`. */
  const withUmask = (umask: string, args: string[]) =>
    spawnSync('sh', ['-c', `umask ${umask} && exec "$0" "$@"`, process.execPath, BIN, ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('a replaced file keeps its bits: 0600 stays 0600, 0640 stays 0640, whatever the umask', () => {
    const folder = folderWith();
    for (const bits of [0o600, 0o640]) {
      const out = join(folder, `report-${bits.toString(8)}.md`);
      writeFileSync(out, 'old\n');
      chmodSync(out, bits);
      const result = withUmask('022', ['assess', '--answers', EXAMPLE, '--out', out]);
      expect(result.status, result.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toMatch(/^# /);
      expect(mode(out)).toBe(bits);
    }
  });

  it('a new file follows the umask', () => {
    const folder = folderWith();
    for (const [umask, bits] of [
      ['077', 0o600],
      ['022', 0o644],
      ['002', 0o664],
    ] as const) {
      const out = join(folder, `new-${umask}.md`);
      const result = withUmask(umask, ['roles', '--out', out]);
      expect(result.status, result.stderr).toBe(0);
      expect(mode(out)).toBe(bits);
    }
  });

  it('the interactive save file keeps its bits after each save', () => {
    const folder = folderWith();
    const save = join(folder, 'session.yaml');
    writeFileSync(save, '');
    chmodSync(save, 0o600);
    const bank = loadBank(MINIMAL_BANK);
    const first = bank.areas[0]!.responsibilities[0]!.id;
    saveSession(save, bank, { answers: new Map([[first, { owner: 'pm', capability: 3 }]]) }, ['a header']);
    expect(mode(save)).toBe(0o600);
    expect(readFileSync(save, 'utf8')).toContain(`${first}:`);
  });
});

describe("standard output redirected to a file (`> report.html`), written without Node's stream", () => {
  const EXAMPLE_TEAM = join(ROOT, 'examples', 'team');
  /** A run whose stdout is `file` (opened with `flags`), as a shell's `>` or `>>` gives it. */
  function runToFile(args: string[], file: string, flags = 'w'): { code: number | null; stderr: string } {
    const fd = openSync(file, flags);
    try {
      const result = spawnSync(process.execPath, [BIN, ...args], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', fd, 'pipe'],
        encoding: 'utf8',
      });
      return { code: result.status, stderr: result.stderr };
    } finally {
      closeSync(fd);
    }
  }

  it.each([
    ['--help', ['--help']],
    ['the terminal report, at 80 columns and without colour', ['assess', '--answers', EXAMPLE]],
    ['an HTML report', ['assess', '--answers', EXAMPLE, '--format', 'html']],
    ['an export in many pieces', ['export', EXAMPLE_TEAM, '--format', 'csv']],
    ['Parquet bytes', ['export', EXAMPLE_TEAM, '--format', 'parquet']],
  ])('%s: the file holds what a pipe gets, byte for byte', (_name, args) => {
    const file = join(dir, 'stdout.out');
    const piped = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    expect(piped.status).toBe(0);
    expect(runToFile(args, file)).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(file)).toEqual(piped.stdout);
  });

  it('a device that takes nothing (`> /dev/full`): one line saying why, exit 2, no stack trace', () => {
    for (const args of [['--help'], ['assess', '--answers', EXAMPLE, '--format', 'html'], ['export', EXAMPLE_TEAM]]) {
      const result = runToFile(args, '/dev/full');
      expect(result).toEqual({
        code: 2,
        stderr: 'pm-diag: standard output: cannot write the file: the disk is full\n',
      });
    }
  });

  it('`>>` appends after what the file held', () => {
    const file = join(dir, 'appended.md');
    writeFileSync(file, 'kept\n');
    expect(runToFile(['assess', '--answers', EXAMPLE, '--format', 'markdown'], file, 'a')).toEqual({
      code: 0,
      stderr: '',
    });
    const markdown = run(['assess', '--answers', EXAMPLE, '--format', 'markdown']).stdout;
    expect(readFileSync(file, 'utf8')).toBe(`kept\n${markdown}`);
  });
});
