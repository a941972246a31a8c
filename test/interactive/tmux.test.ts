import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/core/answers/load.js';
import { loadBank } from '../../src/io/bank-files.js';
import { BIN } from '../helpers/cli.js';
import { openTerminal, type Terminal } from '../helpers/tmux.js';
import { tempDir } from './helpers.js';

// `pm-diag assess` in a real pseudo-terminal (test/helpers/tmux.ts).

let dir: string;
let cleanup: () => void;
let term: Terminal;
const start = (args: string[]) => term.start(['assess', ...args]);
const screen = (history?: boolean) => term.screen(history);
const waitFor = (what: RegExp | (() => boolean), label?: string) => term.waitFor(what, label);
const keys = (...k: string[]) => term.keys(...k);
const choose = (prompt: RegExp, key: string, cursorOn: RegExp) => term.choose(prompt, key, cursorOn);
const exitCode = () => term.exitCode();
const tmux = (...args: string[]) => term.tmux(...args);

function savedAnswers() {
  const path = join(dir, 'a.yaml');
  return parseAnswers({ source: path, text: readFileSync(path, 'utf8') }, loadBank()).respondent;
}

const bank = loadBank();
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The organization facts, asked first: those in `given` by their option's number or their number
 * typed, the others skipped ("s" on a list, Enter on a number).
 */
async function answerFacts(given: Record<string, string> = {}): Promise<void> {
  for (const [id, fact] of Object.entries(bank.facts ?? {})) {
    const prompt = new RegExp(`^\\? ${escaped(fact.question.slice(0, 40))}`, 'm');
    const value = given[id];
    if (fact.options && value !== undefined) {
      const at = Object.keys(fact.options).indexOf(value);
      await choose(prompt, String(at + 1), new RegExp(`❯ ${escaped(fact.options[value]!)}`));
    } else {
      await waitFor(prompt);
      keys(...(fact.options ? ['s'] : value === undefined ? ['Enter'] : [value, 'Enter']));
    }
  }
}

const OWNER = /^\? Who owns it today\?/m;
const CAPABILITY = /^\? Capability: how well is it done\?/m;
const CAPACITY = /^\? Capacity: is there the time and people for it\?/m;
const EVIDENCE = /^\? Evidence \(optional, Enter skips\):/m;
/** The launch area of the built-in bank at growth, full form: three items, nine questions; no stage or form prompt. */
const LAUNCH_AT_GROWTH = ['--save', 'a.yaml', '--area', 'launch', '--stage', 'growth', '--form', 'full'];

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  term = openTerminal(dir);
});
afterEach(() => {
  term.close();
  cleanup();
});

describe('pm-diag assess in a real terminal (tmux)', () => {
  it('asks the stage and the form, is interrupted with Ctrl-C, resumed with --resume, finished, and prints the report', async () => {
    start(['--save', 'a.yaml', '--area', 'launch']);
    await answerFacts({ revenue: '50-250m', 'pm-people': '6' });
    // The revenue band given suggests a stage: proposed, for the person to confirm or change.
    await waitFor(/^\? Which stage.*suggests Enterprise/m);
    expect(screen(true)).toContain('Every answer is saved at once in a.yaml');
    await waitFor(/^❯ Enterprise/m);
    keys('Up');
    await waitFor(/^❯ Growth/m);
    keys('Enter');
    await waitFor(/^\? Which form\?/m);
    keys('Down');
    await waitFor(/^❯ Full: 9 questions/m);
    keys('Enter');
    await waitFor(/^\? Organization/m);
    keys('Acme Corp', 'Enter');
    await waitFor(/^\? Your name/m);
    keys('Dana Lee', 'Enter');
    await choose(/^\? Your role\?/m, '2', /❯ Product Marketing/);
    await waitFor(/Area 1 of 1 · Question 1 of 3/);
    await choose(OWNER, '2', /❯ Product Marketing/);
    await choose(CAPABILITY, '3', /❯ 3 {2}Sound result/);
    await waitFor(EVIDENCE);
    keys('Tier list in the launch wiki', 'Enter');
    await waitFor(CAPACITY);
    keys('C-c');

    expect(await exitCode()).toBe('EXIT=130');
    expect(screen()).toContain('Stopped (Ctrl-C). 2 of 9 questions answered; every answer is saved in a.yaml.');
    expect(screen()).toContain(`${BIN} assess --resume --save a.yaml --area launch`);
    const stopped = savedAnswers();
    expect(stopped).toMatchObject({
      organization: 'Acme Corp',
      name: 'Dana Lee',
      role: 'pmm',
      stage: 'growth',
      form: 'full',
      facts: { revenue: '50-250m', 'pm-people': 6 },
    });
    expect(Object.fromEntries(stopped.answers)).toEqual({
      'launch-tiering': { owner: 'pmm', capability: 3, evidence: 'Tier list in the launch wiki' },
    });

    start(['--resume', '--save', 'a.yaml', '--area', 'launch']);
    await waitFor(/Resuming a\.yaml: 2 of 9 questions answered/);
    await choose(CAPACITY, '2', /❯ 2 {2}Someone does it/);
    await waitFor(/Question 2 of 3/);
    await choose(OWNER, '1', /❯ Product Management/);
    await choose(CAPABILITY, '2', /❯ 2 {2}Done and used/);
    await choose(CAPACITY, 'd', /❯ Don't know/);
    await waitFor(/Question 3 of 3/);
    await choose(OWNER, '3', /❯ Shared by PM and PMM/);
    await choose(CAPABILITY, '1', /❯ 1 {2}Not done/);
    await choose(CAPACITY, '1', /❯ 1 {2}No time/);

    expect(await exitCode()).toBe('EXIT=0');
    const all = screen(true);
    expect(all).toContain('3 of 3 items answered (1 with a "don\'t know"), 0 not applicable, 0 skipped, 0 unanswered.');
    expect(all).toMatch(/Gap report/i);
    expect(all).toContain(bank.areas.flatMap((a) => a.responsibilities).find((r) => r.id === 'launch-plan')!.title);
    expect(all).toContain('Your answers are saved in a.yaml.');
    expect(Object.fromEntries(savedAnswers().answers)).toEqual({
      'launch-tiering': { owner: 'pmm', capability: 3, capacity: 2, evidence: 'Tier list in the launch wiki' },
      'launch-plan': { owner: 'pm', capability: 2, capacity: 'unknown' },
      'post-launch-iteration': { owner: 'shared', capability: 1, capacity: 1 },
    });
  });

  it.each([
    [
      'SIGTERM',
      'EXIT=143',
      'Stopped (SIGTERM).',
      () => process.kill(Number(readFileSync(join(dir, 'pid'), 'utf8')), 'SIGTERM'),
    ],
    // Ctrl-D closes the input without settling the prompt: never an exit 0 half-way.
    ['Ctrl-D', 'EXIT=130', 'Stopped (Ctrl-D: end of input).', () => keys('C-d')],
  ])('on %s says where the progress is and exits non-zero', async (_name, code, message, stop) => {
    start(LAUNCH_AT_GROWTH);
    await answerFacts();
    await waitFor(/^\? Organization/m);
    keys('Acme Corp', 'Enter');
    await waitFor(/^\? Your name/m);
    stop();

    expect(await exitCode()).toBe(code);
    expect(screen()).toContain(`${message} 0 of 9 questions answered; every answer is saved in a.yaml.`);
    expect(savedAnswers().organization).toBe('Acme Corp');
  });

  it('loses nothing already answered when the terminal is closed', async () => {
    start(LAUNCH_AT_GROWTH);
    await answerFacts();
    await waitFor(/^\? Organization/m);
    keys('Acme Corp', 'Enter');
    await waitFor(/^\? Your name/m);
    keys('Enter');
    await choose(/^\? Your role\?/m, '1', /❯ Product Management/);
    await choose(OWNER, '3', /❯ Shared by PM and PMM/);
    await waitFor(CAPABILITY);
    const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
    tmux('kill-session', '-t', 'e2e');
    await waitFor(() => !isAlive(pid), 'the process to end');

    const saved = savedAnswers();
    expect(saved).toMatchObject({ organization: 'Acme Corp', role: 'pm' });
    expect(Object.fromEntries(saved.answers)).toEqual({ 'launch-tiering': { owner: 'shared' } });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
