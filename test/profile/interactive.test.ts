import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, InterruptedError } from '../../src/core/errors.js';
import { exitCodeFor } from '../../src/io/exit.js';
import { parseProfileAnswers } from '../../src/core/profile/answers.js';
import { interactiveProfile, type ProfileFlowContext } from '../../src/app/interactive/profile.js';
import { loadProfileBank } from '../../src/io/profile-files.js';
import { makeColors } from '../../src/core/render/colors.js';
import { captureOutput, scriptedPrompter, tempDir, type Asked, type Scripted } from '../interactive/helpers.js';

const bank = loadProfileBank();
const ITEMS = bank.dimensions.flatMap((d) => d.items);
let dir: string;
let cleanup: () => void;
let output: ReturnType<typeof captureOutput>;
let savePath: string;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  savePath = join(dir, 'profile.yaml');
  output = captureOutput();
});
afterEach(() => {
  output.restore();
  cleanup();
});

function saved(): Map<string, string> {
  return parseProfileAnswers({ source: savePath, text: readFileSync(savePath, 'utf8') }, bank).answers;
}

async function run(script: Scripted[], start: ProfileFlowContext['start'] = 'ask') {
  const prompter = scriptedPrompter(script);
  try {
    await interactiveProfile({ bank, savePath, start, resumeArgs: ['pm-diag', 'profile', '--resume', '--save', savePath], prompter, look: { colors: makeColors(false), width: 78 } });
    return { prompter, error: undefined };
  } catch (error) {
    return { prompter, error };
  }
}

/** A select answer that first checks how many answers the file already holds: each is saved before the next question. */
const expectSavedThen = (count: number, choice: string) => (asked: Asked) => {
  expect(saved().size, `before "${asked.message}"`).toBe(count);
  return choice;
};

describe('pm-diag profile, interactively', () => {
  it('asks the name and every item in order, saving each answer before the next question', async () => {
    const choices = ['inbound', 'outbound', 'both', 'neither'];
    const script: Scripted[] = ['Sam Ortiz', ...ITEMS.map((_, i) => expectSavedThen(i, choices[i % 4]!))];
    const { prompter, error } = await run(script);
    expect(error).toBeUndefined();
    expect(prompter.left()).toBe(0);
    expect(prompter.asked.slice(1).map((a) => a.message)).toEqual(ITEMS.map((i) => i.prompt));
    expect(saved().size).toBe(ITEMS.length);
    expect(saved().get(ITEMS[1]!.id)).toBe('outbound');
    const file = parseProfileAnswers({ source: savePath, text: readFileSync(savePath, 'utf8') }, bank);
    expect(file.name).toBe('Sam Ortiz');
    expect(output.stderr()).toContain('not a test');
  });

  it('offers both sides, both and neither, alternating which side comes first', () => {
    return run(['', (a) => (expect(a.values).toEqual(['inbound', 'outbound', 'both', 'neither']), 'inbound'), (a) => (expect(a.values).toEqual(['outbound', 'inbound', 'both', 'neither', 'back']), 'back'), 'outbound', { stop: 'ExitPromptError' }]).then(({ error }) => {
      expect(error).toBeInstanceOf(InterruptedError);
      expect(Object.fromEntries(saved())).toEqual({ [ITEMS[0]!.id]: 'outbound' });
    });
  });

  it('stops on Ctrl-C with every answer saved (exit 130), then resumes at the first unanswered item', async () => {
    const first = await run(['Dana', 'inbound', 'inbound', 'outbound', { stop: 'ExitPromptError' }]);
    expect(first.error).toBeInstanceOf(InterruptedError);
    expect(exitCodeFor(first.error, false)).toBe(130);
    expect(output.stderr()).toContain('Stopped (Ctrl-C). 3 of 24 answered; every answer is saved in');
    expect(output.stderr()).toContain('pm-diag profile --resume --save');
    expect(saved().size).toBe(3);

    const second = await run(['resume', ...ITEMS.slice(3).map(() => 'neither')]);
    expect(second.error).toBeUndefined();
    expect(second.prompter.asked[0]!.message).toContain('has 3 of 24 answered. What now?');
    expect(second.prompter.asked[1]!.message).toBe(ITEMS[3]!.prompt);
    expect(saved().size).toBe(24);
    expect(saved().get(ITEMS[0]!.id)).toBe('inbound');
    expect(parseProfileAnswers({ source: savePath, text: readFileSync(savePath, 'utf8') }, bank).name).toBe('Dana');
  });

  it('starts over on request, keeping the old file as a backup', async () => {
    await run(['Dana', 'inbound', { stop: 'ExitPromptError' }]);
    const { error } = await run(['fresh', 'Lee', 'outbound', { stop: 'AbortPromptError', cause: 'SIGTERM' }]);
    expect(error).toBeInstanceOf(InterruptedError);
    expect(exitCodeFor(error, false)).toBe(143);
    expect(Object.fromEntries(saved())).toEqual({ [ITEMS[0]!.id]: 'outbound' });
    const backups = readdirSync(dir).filter((f) => f.startsWith('profile.yaml.bak-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dir, backups[0]!), 'utf8')).toContain('name: Dana');
  });

  it('refuses a broken saved file and leaves it untouched', async () => {
    writeFileSync(savePath, 'answers: { info-sources: sideways }\n');
    const { error } = await run([]);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain('left untouched');
    expect(readFileSync(savePath, 'utf8')).toBe('answers: { info-sources: sideways }\n');
    expect(existsSync(savePath)).toBe(true);
  });
});
