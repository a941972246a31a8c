import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { HOSTILE_TIMEOUT, TERMINAL_UNSAFE, run, scratchDir } from './helpers.js';

// DESIGN.md "Reliability rules": no text from an argument reaches the terminal with control or
// escape characters, the option parser's own messages included. A file whose name starts with
// "--" reaches the parser as an option when a shell glob expands it.

const { dir } = scratchDir('argv');
/** Sets the window title and clears the screen when printed raw. */
const HOSTILE = '\u001b]0;TITLE\u0007\u001b[2J';

/** The parser's error: exit 2, nothing on stdout, no escape or control character, the visible part kept. */
function expectCleanError(result: { code: number | null; stdout: string; stderr: string }, visible: string): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(TERMINAL_UNSAFE);
  expect(result.stderr).not.toContain('TITLE');
  expect(result.stderr).toContain(visible);
}

describe("commander's messages go through the sanitizer", () => {
  it('a hostile file name expanded by a shell glob, taken for an unknown option', () => {
    writeFileSync(join(dir, `--x${HOSTILE}.yaml`), 'bank: pm-pmm-diagnostic\n');
    const result = spawnSync('sh', ['-c', 'exec "$0" "$1" assess *.yaml', process.execPath, BIN], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: HOSTILE_TIMEOUT,
    });
    expectCleanError(
      { code: result.status, stdout: result.stdout, stderr: result.stderr },
      "error: unknown option '--x.yaml'",
    );
  });

  it.each([
    ['an unknown command', [`report${HOSTILE}`], "error: unknown command 'report"],
    ['an unknown option before the command', [`--z${HOSTILE}`, 'roles'], "error: unknown option '--z"],
    ['a bad --format choice', ['roles', '--format', `md${HOSTILE}`], "argument 'md' is invalid"],
    [
      'an unknown option with a value',
      ['roles', `--bank=${HOSTILE}`, `--colour${HOSTILE}`],
      "unknown option '--colour",
    ],
    ['too many arguments', ['roles', `extra${HOSTILE}`], 'too many arguments'],
    ['a missing argument', ['compare', `one${HOSTILE}`], "missing required argument 'after'"],
  ])('%s', (_name, args, visible) => {
    expectCleanError(run(args), visible);
  });

  it('the help shown after an error stays readable: newlines are kept', () => {
    const result = run([`--z${HOSTILE}`]);
    expect(result.stderr.split('\n').length).toBeGreaterThan(1);
    expect(result.stderr).toContain('(run with --help for usage)');
  });
});
