import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { BIN } from './cli.js';

// The built binary in a real pseudo-terminal: tmux draws the prompts, a test types. No skipping:
// without tmux these tests fail (.ci/run installs it).

const TIMEOUT = 30_000;
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface StartOptions {
  /** How to run pm-diag, as a shell would be told (`./bin/pm-diag.js`, `pm-diag`); `node BIN` by default. */
  command?: string;
  /** Folders put first on PATH. */
  path?: string[];
  /** The terminal's columns and rows; 100×40 by default. */
  size?: [columns: number, rows: number];
}

export interface Terminal {
  /** Starts `pm-diag ARGS` in `dir` in a fresh session; its exit code lands in `rc`, its pid in `pid`. */
  start(args: string[], options?: StartOptions): void;
  screen(history?: boolean): string;
  waitFor(what: RegExp | (() => boolean), label?: string): Promise<void>;
  keys(...k: string[]): void;
  /** Waits for a prompt, moves to a choice by its number or first letters, checks the cursor is on it, and takes it. */
  choose(prompt: RegExp, key: string, cursorOn: RegExp): Promise<void>;
  exitCode(): Promise<string>;
  pid(): number;
  tmux(...args: string[]): string;
  /** Ends the tmux server and everything in it. */
  close(): void;
}

export function openTerminal(dir: string): Terminal {
  // A server of its own for each start: a session killed to start another takes its server down with
  // it, and a new session asked of a server on its way out fails ("server exited unexpectedly").
  let starts = 0;
  let socket = `pm-diag-e2e-${process.pid}-${Date.now()}-${starts}`;
  const tmux = (...args: string[]): string => {
    const result = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
    if (result.error) throw new Error(`tmux is needed for this test: ${result.error.message}`);
    if (result.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  };
  const screen = (history = false) => tmux('capture-pane', '-p', '-J', '-t', 'e2e', ...(history ? ['-S', '-'] : []));
  const keys = (...k: string[]) => void tmux('send-keys', '-t', 'e2e', ...k);
  const waitFor = async (what: RegExp | (() => boolean), label = String(what)): Promise<void> => {
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      if (typeof what === 'function' ? what() : what.test(screen())) return;
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${label}${typeof what === 'function' ? '' : `; the screen:\n${screen()}`}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    tmux,
    screen,
    keys,
    waitFor,
    start(args, options = {}) {
      const { command = `${quote(process.execPath)} ${quote(BIN)}`, path = [], size = [100, 40] } = options;
      // The node running the tests first on PATH, for a command run through its #! line.
      const PATH = [...path, dirname(process.execPath), process.env.PATH ?? ''].join(delimiter);
      const run = `echo $$ > pid; unset CI FORCE_COLOR; export PATH=${quote(PATH)}; NO_COLOR=1 exec ${command} ${args.map(quote).join(' ')}`;
      // Before the session starts, not in it: the last start's exit code must not be taken for this one's.
      for (const file of ['rc', 'pid']) rmSync(join(dir, file), { force: true });
      const shell = `cd ${quote(dir)} && sh -c ${quote(run)}; echo EXIT=$? > rc; sleep 60`;
      spawnSync('tmux', ['-L', socket, 'kill-server']);
      socket = `pm-diag-e2e-${process.pid}-${Date.now()}-${++starts}`;
      tmux('new-session', '-d', '-s', 'e2e', '-x', String(size[0]), '-y', String(size[1]), shell);
    },
    async choose(prompt, key, cursorOn) {
      await waitFor(prompt);
      keys(key);
      await waitFor(cursorOn);
      keys('Enter');
    },
    async exitCode() {
      const rc = join(dir, 'rc');
      await waitFor(() => existsSync(rc) && readFileSync(rc, 'utf8').includes('EXIT='), 'the exit code');
      return readFileSync(rc, 'utf8').trim();
    },
    pid: () => Number(readFileSync(join(dir, 'pid'), 'utf8')),
    close: () => void spawnSync('tmux', ['-L', socket, 'kill-server']),
  };
}
