import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, InterruptedError } from '../../src/core/errors.js';
import { exitCodeFor } from '../../src/io/exit.js';
import { parseProfileAnswers } from '../../src/core/profile/answers.js';
import { interactiveProfile, type ProfileFlowContext } from '../../src/app/interactive/profile.js';
import { loadProfileBank } from '../../src/io/profile-files.js';
import { questions } from '../../src/core/profile/sequence.js';
import { makeColors } from '../../src/core/render/colors.js';
import { captureOutput, scriptedPrompter, tempDir, type Asked, type Scripted } from '../interactive/helpers.js';

const bank = loadProfileBank();
const QUESTIONS = questions(bank);
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
    await interactiveProfile({
      bank,
      savePath,
      start,
      resumeArgs: ['pm-diag', 'profile', '--resume', '--save', savePath],
      prompter,
      look: { colors: makeColors(false), width: 78 },
    });
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
  it('asks the name and every question in order, saving each answer before the next question', async () => {
    const script: Scripted[] = ['Sam Ortiz', ...QUESTIONS.map((_, i) => expectSavedThen(i, i % 3 === 0 ? 'b' : 'a'))];
    const { prompter, error } = await run(script);
    expect(error).toBeUndefined();
    expect(prompter.left()).toBe(0);
    expect(prompter.asked.slice(1).map((a) => a.message)).toEqual(QUESTIONS.map((q) => q.pair.prompt));
    expect(saved().size).toBe(39);
    expect(saved().get(QUESTIONS[1]!.key)).toBe('a');
    const file = parseProfileAnswers({ source: savePath, text: readFileSync(savePath, 'utf8') }, bank);
    expect(file.name).toBe('Sam Ortiz');
    expect(file.rater).toBe('self');
    const said = output.stderr().replace(/\s+/g, ' ');
    expect(said).toContain('not a test');
    expect(said).toContain('no population norms');
    expect(said).toContain('Some pairs come back later the other way round');
  });

  it('offers the two statements and Back, never "both" or "neither", and shows a repeated pair the other way round', async () => {
    const again = QUESTIONS.findIndex((q) => q.again);
    const original = QUESTIONS.findIndex((q) => q.key === QUESTIONS[again]!.pair.id);
    const { prompter, error } = await run([
      '',
      ...QUESTIONS.slice(0, again + 1).map(() => 'a'),
      { stop: 'ExitPromptError' },
    ]);
    expect(error).toBeInstanceOf(InterruptedError);
    const shown = prompter.asked.slice(1);
    expect(shown[0]!.values).toEqual(['a', 'b']);
    expect(shown[1]!.values).toEqual(['a', 'b', 'back']);
    for (const asked of shown) expect(asked.labels.join(' ')).not.toMatch(/\b(both|neither|inbound|outbound)\b/i);
    // The labels are the statements themselves, in the order shown: a then b the first time, b then a when it comes back.
    const labels = (a: (typeof shown)[number]) =>
      a.labels
        .filter((l) => l === QUESTIONS[again]!.pair.a || l === QUESTIONS[again]!.pair.b)
        .filter((_, i) => i % 2 === 0);
    expect(labels(shown[original]!)).toEqual([QUESTIONS[again]!.pair.a, QUESTIONS[again]!.pair.b]);
    expect(labels(shown[again]!)).toEqual([QUESTIONS[again]!.pair.b, QUESTIONS[again]!.pair.a]);
  });

  it('goes back to the previous question and asks again from there', async () => {
    const { error } = await run(['', 'a', 'back', 'b', 'b', { stop: 'ExitPromptError' }]);
    expect(error).toBeInstanceOf(InterruptedError);
    expect(Object.fromEntries(saved())).toEqual({ [QUESTIONS[0]!.key]: 'b', [QUESTIONS[1]!.key]: 'b' });
  });

  it('stops on Ctrl-C with every answer saved (exit 130), then resumes at the first unanswered question', async () => {
    const first = await run(['Dana', 'a', 'a', 'b', { stop: 'ExitPromptError' }]);
    expect(first.error).toBeInstanceOf(InterruptedError);
    expect(exitCodeFor(first.error, false)).toBe(130);
    expect(output.stderr()).toContain('Stopped (Ctrl-C). 3 of 39 answered; every answer is saved in');
    expect(output.stderr()).toContain('pm-diag profile --resume --save');
    expect(saved().size).toBe(3);

    const second = await run(['resume', ...QUESTIONS.slice(3).map(() => 'b')]);
    expect(second.error).toBeUndefined();
    expect(second.prompter.asked[0]!.message).toContain('has 3 of 39 answered. What now?');
    expect(second.prompter.asked[1]!.message).toBe(QUESTIONS[3]!.pair.prompt);
    expect(saved().size).toBe(39);
    expect(saved().get(QUESTIONS[0]!.key)).toBe('a');
    expect(parseProfileAnswers({ source: savePath, text: readFileSync(savePath, 'utf8') }, bank).name).toBe('Dana');
  });

  it('starts over on request, keeping the old file as a backup', async () => {
    await run(['Dana', 'a', { stop: 'ExitPromptError' }]);
    const { error } = await run(['fresh', 'Lee', 'b', { stop: 'AbortPromptError', cause: 'SIGTERM' }]);
    expect(error).toBeInstanceOf(InterruptedError);
    expect(exitCodeFor(error, false)).toBe(143);
    expect(Object.fromEntries(saved())).toEqual({ [QUESTIONS[0]!.key]: 'b' });
    const backups = readdirSync(dir).filter((f) => f.startsWith('profile.yaml.bak-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dir, backups[0]!), 'utf8')).toContain('name: Dana');
  });

  it('refuses a broken saved file and leaves it untouched', async () => {
    writeFileSync(savePath, 'answers: { info-new-market: c }\n');
    const { error } = await run([]);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain('left untouched');
    expect(readFileSync(savePath, 'utf8')).toBe('answers: { info-new-market: c }\n');
    expect(existsSync(savePath)).toBe(true);
  });

  it('refuses a saved version 1 file, says what to do, and leaves it untouched', async () => {
    const v1 = 'profile: pm-pmm-tendency\nanswers: { info-sources: inbound, lost-deal: both }\n';
    writeFileSync(savePath, v1);
    const { error } = await run([]);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain('this is a version 1 profile answers file');
    expect((error as InputError).message).toContain('start over with --fresh (it is then kept as a backup)');
    expect(readFileSync(savePath, 'utf8')).toBe(v1);
  });
});
