import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProfileAnswers } from '../../src/core/profile/answers.js';
import { loadProfileBank } from '../../src/io/profile-files.js';
import { questions } from '../../src/core/profile/sequence.js';
import { tempDir } from '../interactive/helpers.js';
import { openTerminal, type Terminal } from '../helpers/tmux.js';
import { BIN } from '../helpers/cli.js';

// `pm-diag profile` in a real pseudo-terminal (test/helpers/tmux.ts).

const bank = loadProfileBank();
const QUESTIONS = questions(bank);
let dir: string;
let cleanup: () => void;
let term: Terminal;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  term = openTerminal(dir);
});
afterEach(() => {
  term.close();
  cleanup();
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const prompt = (i: number) => new RegExp(`^\\? ${escape(QUESTIONS[i]!.pair.prompt)}`, 'm');
/** The statement under the cursor when question i opens: the first one shown. */
const cursorOn = (i: number) => new RegExp(`❯ ${escape(QUESTIONS[i]!.pair[QUESTIONS[i]!.shown[0]].slice(0, 40))}`);

function saved() {
  const path = join(dir, 'p.yaml');
  return parseProfileAnswers({ source: path, text: readFileSync(path, 'utf8') }, bank);
}

describe('pm-diag profile in a real terminal (tmux)', () => {
  it('is interrupted with Ctrl-C (exit 130, answers kept), resumed, finished, and prints the profile', async () => {
    term.start(['profile', '--save', 'p.yaml']);
    await term.waitFor(/^\? Your name/m);
    expect(term.screen()).toContain('Every answer is saved at once in');
    term.keys('Sam Ortiz', 'Enter');
    // Two statements and Back, nothing else: Enter takes the first statement shown.
    await term.waitFor(prompt(0));
    await term.waitFor(cursorOn(0));
    const screen = term.screen();
    expect(screen.slice(screen.search(prompt(0)))).not.toMatch(/\b(both|neither)\b/i);
    term.keys('Enter');
    await term.waitFor(prompt(1));
    await term.waitFor(cursorOn(1));
    term.keys('Down', 'Enter');
    await term.waitFor(prompt(2));
    term.keys('C-c');

    expect(await term.exitCode()).toBe('EXIT=130');
    expect(term.screen()).toContain('Stopped (Ctrl-C). 2 of 39 answered; every answer is saved in p.yaml.');
    expect(term.screen()).toContain(`${BIN} profile --resume --save p.yaml`);
    expect(saved().name).toBe('Sam Ortiz');
    expect(Object.fromEntries(saved().answers)).toEqual({
      [QUESTIONS[0]!.key]: QUESTIONS[0]!.shown[0],
      [QUESTIONS[1]!.key]: QUESTIONS[1]!.shown[1],
    });

    // The rest: the outbound statement of every inbound/outbound pair (the same again when it comes back), `a` on the styles.
    term.start(['profile', '--resume', '--save', 'p.yaml']);
    await term.waitFor(/Resuming p\.yaml: 2 of 39 answered/);
    for (let i = 2; i < QUESTIONS.length; i++) {
      const q = QUESTIONS[i]!;
      const wanted = q.pair.group.kind === 'tendency' ? q.pair.right : 'a';
      await term.waitFor(prompt(i), q.key);
      await term.waitFor(cursorOn(i), `${q.key}: the cursor`);
      term.keys(...(q.shown[0] === wanted ? ['Enter'] : ['Down', 'Enter']));
      await term.waitFor(() => saved().answers.size === i + 1, `answer ${i + 1} saved`);
      expect(saved().answers.get(q.key), q.key).toBe(wanted);
    }
    expect(await term.exitCode()).toBe('EXIT=0');
    const all = term.screen(true).replace(/\s+/g, ' ');
    expect(all).toContain('PROFILE · Sam Ortiz');
    expect(all).toMatch(/Tendency \+\d+\.\d strongly outbound/);
    expect(all).toMatch(/Consistency \d+ \(\d+ of 15 pairs asked twice got the same answer; 60 needed\)/);
    expect(all).toContain('no population norms');
    expect(all).toContain('Your answers are saved in p.yaml.');
    expect(saved().answers.size).toBe(39);
  }, 90_000);

  it('gives an inconclusive profile to someone who always takes the second statement shown', async () => {
    term.start(['profile', '--save', 'p.yaml']);
    await term.waitFor(/^\? Your name/m);
    term.keys('Enter');
    for (let i = 0; i < QUESTIONS.length; i++) {
      await term.waitFor(cursorOn(i), QUESTIONS[i]!.key);
      term.keys('Down', 'Enter');
      await term.waitFor(() => saved().answers.size === i + 1, `answer ${i + 1} saved`);
    }
    expect(await term.exitCode()).toBe('EXIT=0');
    const all = term.screen(true).replace(/\s+/g, ' ');
    expect(all).toContain('Tendency inconclusive');
    expect(all).toContain(
      'Inconclusive: the consistency is 0, under the 60 a result needs: only 0 of the 15 pairs asked twice got the same answer the second time; the statement shown second was picked in 39 of 39 answers.',
    );
  }, 90_000);
});
