import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';

export { ANSWERS, BANKS, MINIMAL_BANK, problemsOf } from '../foundation/helpers.js';

/**
 * Hostile input must finish, not hang: a generous limit only, well above what a CI machine running
 * the suite on every core takes (the speed itself is the bench's to measure).
 */
export const HOSTILE_TIMEOUT = 15_000;

/** What a terminal must never receive raw: C0 controls but newline (ESC, CR, BS, BEL, NUL, tab), DEL, C1, bidi overrides and isolates. */
export const TERMINAL_UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** Colour (SGR) sequences: the only escape sequences pm-diag itself may print. */
export const SGR = /\u001b\[[0-9;]*m/g;

/** A scratch folder for the file, removed after its tests. */
export function scratchDir(prefix: string): {
  dir: string;
  write: (name: string, content: string | Uint8Array) => string;
} {
  const dir = mkdtempSync(join(tmpdir(), `pm-diag-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

/** The built binary, with the hostile-input time limit. */
export function run(args: string[], options: Parameters<typeof runCli>[1] = {}): CliResult {
  return runCli(args, { timeout: HOSTILE_TIMEOUT, ...options });
}

/** Bad input as docs/design.md wants it: exit 2, nothing on stdout, no stack trace, no Node warning. */
export function expectInputError(result: CliResult): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toContain('internal error');
  expect(result.stderr).not.toContain('(node:');
  expect(result.stderr).toMatch(/^pm-diag: /m);
}

/** The `pm-diag: ` lines of stderr. */
export const errorLines = (result: CliResult): string[] =>
  result.stderr.split('\n').filter((l) => l.startsWith('pm-diag: '));

/** Files in `dir` left by an atomic write that did not finish. */
export const tempFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** Runs `command` in `cwd` with a pseudo-terminal on stdin and stdout (util-linux `script`); stdout and stderr arrive together. */
export function inTerminal(
  command: string[],
  cwd: string,
  env: Record<string, string> = {},
): { code: number | null; output: string } {
  const line = command.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('script', ['-qec', line, '/dev/null'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: '', NO_COLOR: '1', ...env },
    timeout: HOSTILE_TIMEOUT,
  });
  if (result.error) throw new Error(`util-linux script is needed for this test: ${result.error.message}`);
  return { code: result.status, output: result.stdout.replace(/\r/g, '') };
}
