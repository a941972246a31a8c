import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProfileAnswers } from '../../src/core/profile/answers.js';
import { loadProfileBank } from '../../src/io/profile-files.js';
import { tempDir } from '../interactive/helpers.js';
import { openTerminal, type Terminal } from '../helpers/tmux.js';
import { BIN } from '../helpers/cli.js';

// `pm-diag profile` in a real pseudo-terminal (test/helpers/tmux.ts).

const bank = loadProfileBank();
const ITEMS = bank.dimensions.flatMap((d) => d.items);
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
const prompt = (i: number) => new RegExp(`^\\? ${escape(ITEMS[i]!.prompt)}`, 'm');

function saved() {
  const path = join(dir, 'p.yaml');
  return parseProfileAnswers({ source: path, text: readFileSync(path, 'utf8') }, bank);
}

describe('pm-diag profile in a real terminal (tmux)', () => {
  it('is interrupted with Ctrl-C (exit 130, answers kept), resumed, finished, and prints the profile', async () => {
    term.start(['profile', '--save', 'p.yaml']);
    await term.waitFor(/^\? Your name/m);
    expect(term.screen()).toContain('Every answer is saved at once in p.yaml');
    term.keys('Sam Ortiz', 'Enter');
    // The first item lists inbound first, the second outbound first: Enter takes the first line.
    await term.waitFor(prompt(0));
    await term.waitFor(/❯ watching five customers/);
    term.keys('Enter');
    await term.waitFor(prompt(1));
    await term.waitFor(/❯ analyst reports/);
    term.keys('Enter');
    await term.waitFor(prompt(2));
    term.keys('C-c');

    expect(await term.exitCode()).toBe('EXIT=130');
    expect(term.screen()).toContain('Stopped (Ctrl-C). 2 of 24 answered; every answer is saved in p.yaml.');
    expect(term.screen()).toContain(`${BIN} profile --resume --save p.yaml`);
    expect(saved().name).toBe('Sam Ortiz');
    expect(Object.fromEntries(saved().answers)).toEqual({ [ITEMS[0]!.id]: 'inbound', [ITEMS[1]!.id]: 'outbound' });

    term.start(['profile', '--resume', '--save', 'p.yaml']);
    await term.waitFor(/Resuming p\.yaml: 2 of 24 answered/);
    for (let i = 2; i < ITEMS.length; i++) {
      await term.waitFor(prompt(i), ITEMS[i]!.id);
      // "both" is the third line of every item.
      term.keys('Down', 'Down', 'Enter');
      await term.waitFor(() => saved().answers.size === i + 1, `answer ${i + 1} saved`);
    }
    expect(await term.exitCode()).toBe('EXIT=0');
    const all = term.screen(true);
    expect(all).toContain('PROFILE · Sam Ortiz');
    expect(all).toContain('Your answers are saved in p.yaml.');
    expect(saved().answers.size).toBe(24);
    expect(saved().answers.get(ITEMS[23]!.id)).toBe('both');
  }, 60_000);
});
