import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/core/answers/load.js';
import { OWNERS } from '../../src/core/answers/schema.js';
import type { Bank } from '../../src/core/bank/schema.js';
import { InputError, InterruptedError, UsageError } from '../../src/core/errors.js';
import { exitCodeFor } from '../../src/io/exit.js';
import { selectSections } from '../../src/app/interactive/steps.js';
import type { Answer } from '../../src/core/answers/respondent.js';
import { LAUNCH_SCRIPT, captureOutput, stagelessBank, runFlow, tempDir, type Scripted } from './helpers.js';

let dir: string;
let cleanup: () => void;
let output: ReturnType<typeof captureOutput>;
let savePath: string;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  savePath = join(dir, 'answers.yaml');
  output = captureOutput();
});
afterEach(() => {
  output.restore();
  cleanup();
});

function saved(path = savePath): ReadonlyMap<string, Answer> {
  return parseAnswers({ source: path, text: readFileSync(path, 'utf8') }, stagelessBank()).respondent.answers;
}

describe('the interactive flow, driven through the prompts seam', () => {
  it('asks the profile and every question of an area, saves the file and prints the report', async () => {
    const { prompter, error } = await runFlow(LAUNCH_SCRIPT, { savePath, areas: ['launch'] });
    expect(error).toBeUndefined();
    expect(prompter.left()).toBe(0);
    expect(prompter.asked.map((a) => a.message)).toEqual([
      'Organization (optional):',
      expect.stringContaining('Your name'),
      'Your role?',
      'Who owns it today?',
      'Capability: how well is it done?',
      'Capacity: is there the time and people for it?',
      'Who owns it today?',
      'Capability: how well is it done?',
      'Capacity: is there the time and people for it?',
    ]);
    const file = parseAnswers({ source: savePath, text: readFileSync(savePath, 'utf8') }, stagelessBank());
    expect(file.respondent).toMatchObject({ organization: 'Acme Corp', name: 'Dana Lee', role: 'pmm' });
    expect(Object.fromEntries(file.respondent.answers)).toEqual({
      'launch-strategy-and-plan': { owner: 'pmm', capability: 3, capacity: 2 },
      'launch-readiness-and-status': { owner: 'pm', capability: 4, capacity: 'unknown' },
    });
    const report = JSON.parse(output.stdout());
    const item = report.items.find((i: { id: string }) => i.id === 'launch-strategy-and-plan');
    expect(item).toMatchObject({ capability: 3, capacity: 2, quadrant: 'critical' });
    const stderr = output.stderr();
    expect(stderr).toContain('Area 1 of 1 · Question 2 of 2');
    expect(stderr).toContain('Review');
    expect(stderr).toContain(
      '2 of 2 items answered (1 with a "don\'t know"), 0 not applicable, 0 skipped, 0 unanswered',
    );
    expect(stderr).toContain(`Your answers are saved in ${savePath}`);
  });

  it("shows each level with its label and description, and always offers don't know, n/a, a note, back and skip", async () => {
    const { prompter } = await runFlow(LAUNCH_SCRIPT, { savePath, areas: ['launch'] });
    const capability = prompter.asked[4]!;
    const bank = stagelessBank();
    expect(capability.values).toEqual(['1', '2', '3', '4', '5', 'unknown', 'n/a', 'note', 'back', 'skip']);
    expect(capability.labels).toContain(`3  ${bank.scales.capability[3].label}`);
    expect(capability.labels.join('\n').replace(/\s+/g, ' ')).toContain(bank.scales.capability[3].description);
    const owner = prompter.asked[3]!;
    // Every owner code, "I don't know" (unknown) apart from "Unclear or disputed" (unclear), then the actions.
    expect(owner.values).toEqual([...OWNERS, 'n/a', 'note', 'back', 'skip']);
    expect(owner.labels).toEqual(expect.arrayContaining(["I don't know", 'Unclear or disputed']));
    expect(owner.labels).toContain(bank.functions.pmm.name);
  });

  it('goes back to the previous question, shows the answer given, and keeps the change', async () => {
    const script: Scripted[] = [
      'Acme',
      '',
      'pm',
      'pmm',
      3,
      'back',
      'back',
      'shared',
      4,
      2,
      'back',
      'back',
      4,
      2,
      'pm',
      4,
      4,
    ];
    const { prompter, error } = await runFlow(script, { savePath, areas: ['launch'] });
    expect(error).toBeUndefined();
    const asked = prompter.asked;
    // Two steps back from the capacity: the capability, then the owner, each with its answer preselected.
    expect(asked[6]).toMatchObject({ message: 'Capability: how well is it done?', default: '3' });
    expect(asked[7]).toMatchObject({ message: 'Who owns it today?', default: 'pmm' });
    // Back from the second item lands on the first item's capacity, then its capability.
    expect(asked[11]).toMatchObject({ message: 'Capacity: is there the time and people for it?', default: '2' });
    expect(asked[12]).toMatchObject({ message: 'Capability: how well is it done?', default: '4' });
    expect(Object.fromEntries(saved())).toEqual({
      'launch-strategy-and-plan': { owner: 'shared', capability: 4, capacity: 2 },
      'launch-readiness-and-status': { owner: 'pm', capability: 4, capacity: 4 },
    });
  });

  it('goes back from the first question to the role, from a resumed session too', async () => {
    await runFlow(['Acme', '', 'pm', { stop: 'ExitPromptError' }], { savePath, areas: ['launch'] });
    const { prompter } = await runFlow(['back', 'pmm', 'pm', 3, 3, 'n/a'], {
      savePath,
      areas: ['launch'],
      start: 'resume',
    });
    expect(prompter.asked[1]).toMatchObject({ message: 'Your role?', default: 'pm' });
    expect(
      parseAnswers({ source: savePath, text: readFileSync(savePath, 'utf8') }, stagelessBank()).respondent.role,
    ).toBe('pmm');
  });

  it('skips the rest of an area, saves the skipped items as null, and does not ask them on resume', async () => {
    const script: Scripted[] = ['', '', 'unsaid', 'pm', 'skip', { stop: 'ExitPromptError' }];
    const { prompter, error } = await runFlow(script, { savePath, areas: ['launch', 'enablement'] });
    expect(error).toBeInstanceOf(InterruptedError);
    expect(prompter.asked[5]!.message).toBe('Who owns it today?');
    // The half-answered item is skipped with the rest: a half answer would be asked again on resuming.
    const file = readFileSync(savePath, 'utf8');
    expect(file).toMatch(/^ {2}launch-strategy-and-plan: null$/m);
    expect(file).toMatch(/^ {2}launch-readiness-and-status: null$/m);
    expect(saved().size).toBe(0);
    const enablement = selectSections(stagelessBank(), ['enablement'])[0]!;
    // Resuming starts at the next area, never at the skipped items.
    const rest: Scripted[] = Array.from({ length: enablement.items.length }, () => 'n/a');
    const resumed = await runFlow(rest, { savePath, areas: ['launch', 'enablement'], start: 'resume' });
    expect(resumed.error).toBeUndefined();
    expect(resumed.prompter.asked[0]!.message).toBe('Who owns it today?');
    expect(resumed.prompter.left()).toBe(0);
    expect(output.stderr()).toContain(`Area 2 of 2 · ${enablement.title}`);
    expect(output.stderr()).toContain(
      `0 of ${enablement.items.length + 2} items answered, ${enablement.items.length} not applicable, 2 skipped, 0 unanswered`,
    );
  });

  it('takes n/a for the whole item and moves to the next item; "don\'t know" for a level', async () => {
    const { prompter } = await runFlow(['', '', 'pm', 'n/a', 'unclear', 'unknown', 'unknown'], {
      savePath,
      areas: ['launch'],
    });
    expect(prompter.asked.map((a) => a.message).slice(3)).toEqual([
      'Who owns it today?',
      'Who owns it today?',
      'Capability: how well is it done?',
      'Capacity: is there the time and people for it?',
    ]);
    expect(Object.fromEntries(saved())).toEqual({
      'launch-strategy-and-plan': 'n/a',
      'launch-readiness-and-status': { owner: 'unclear', capability: 'unknown', capacity: 'unknown' },
    });
    expect(output.stderr()).toContain('1 of 2 items answered (1 with a "don\'t know"), 1 not applicable');
  });

  it('adds, keeps and removes a note, saving it at once', async () => {
    const keep = (a: { default?: string }) => a.default ?? '';
    const script: Scripted[] = [
      '',
      '',
      'pm',
      'note',
      'Tiering: "tier 1" only',
      'pmm',
      'note',
      keep,
      3,
      3,
      'note',
      { stop: 'ExitPromptError' },
    ];
    await runFlow(script, { savePath, areas: ['launch'] });
    expect(saved().get('launch-strategy-and-plan')).toEqual({
      owner: 'pmm',
      capability: 3,
      capacity: 3,
      note: 'Tiering: "tier 1" only',
    });
    await runFlow(['note', '-', { stop: 'ExitPromptError' }], { savePath, areas: ['launch'], start: 'resume' });
    // The second item had no answer yet; a removed note leaves nothing behind.
    expect(saved().has('launch-readiness-and-status')).toBe(false);
    await runFlow(['back', 'note', '-', 3, { stop: 'ExitPromptError' }], {
      savePath,
      areas: ['launch'],
      start: 'resume',
    });
    expect(saved().get('launch-strategy-and-plan')).toEqual({ owner: 'pmm', capability: 3, capacity: 3 });
  });

  it('asks only the areas given with --area; the interlock is an area of its own', async () => {
    const bank = stagelessBank();
    const { prompter } = await runFlow(['', '', 'pm', ...bank.interlock.map(() => 4)], {
      savePath,
      areas: ['interlock'],
    });
    expect(prompter.left()).toBe(0);
    expect(prompter.asked.slice(3).every((a) => a.message === 'Delivery: how reliably does it arrive?')).toBe(true);
    expect([...saved().keys()]).toEqual(bank.interlock.map((i) => i.id));
    expect(output.stderr()).toContain('Only these areas were assessed: interlock');
  });

  it('refuses an unknown --area with a suggestion', () => {
    expect(() => selectSections(stagelessBank(), ['lanch'])).toThrow(UsageError);
    expect(() => selectSections(stagelessBank(), ['lanch'])).toThrow(/no area "lanch".*did you mean "launch"/);
  });
});

describe('nothing lost: saving after every answer and resuming', () => {
  // Every prompt of the launch script, counted from 1: interrupted there, the file holds the answers before it.
  const total = LAUNCH_SCRIPT.length;

  it.each(Array.from({ length: total }, (_, i) => i + 1))(
    'Ctrl-C at prompt %i leaves a valid file with every earlier answer, and resuming finishes it',
    async (n) => {
      const reference = join(dir, 'reference.yaml');
      await runFlow(LAUNCH_SCRIPT, { savePath: reference, areas: ['launch'] });

      const first = await runFlow([...LAUNCH_SCRIPT.slice(0, n - 1), { stop: 'ExitPromptError' }], {
        savePath,
        areas: ['launch'],
      });
      expect(first.error).toBeInstanceOf(InterruptedError);
      expect(exitCodeFor(first.error, false)).toBe(130);
      expect(output.stderr()).toContain(`every answer is saved in ${savePath}`);
      expect(output.stderr()).toContain(`pm-diag assess --resume --save ${savePath}`);
      const answered = saved();
      const itemsBefore = Math.max(0, n - 4);
      const fieldCount = [...answered.values()].reduce((sum, a) => sum + (a === 'n/a' ? 0 : Object.keys(a).length), 0);
      expect(fieldCount).toBe(itemsBefore);

      const second = await runFlow(LAUNCH_SCRIPT.slice(n - 1), { savePath, areas: ['launch'], start: 'resume' });
      expect(second.error).toBeUndefined();
      expect(second.prompter.left()).toBe(0);
      // Each file is its own submission, saved at its own time: the rest is the same.
      const answersOf = (path: string) =>
        readFileSync(path, 'utf8')
          .replaceAll(path, '')
          .replace(/^(response|answered-at): .*\n/gm, '');
      expect(answersOf(savePath)).toBe(answersOf(reference));
      expect(readFileSync(savePath, 'utf8')).toMatch(/^response: [0-9a-f-]{36}\nanswered-at: \d{4}-.*Z$/m);
    },
  );

  it('SIGTERM (an aborted prompt) says where the progress is and exits 143', async () => {
    const { error } = await runFlow(['Acme', '', 'pm', 'pm', { stop: 'AbortPromptError', cause: 'SIGTERM' }], {
      savePath,
      areas: ['launch'],
    });
    expect(error).toBeInstanceOf(InterruptedError);
    expect(exitCodeFor(error, false)).toBe(143);
    expect(output.stderr()).toContain('Stopped (SIGTERM). 1 of 6 questions answered');
    expect(saved().get('launch-strategy-and-plan')).toEqual({ owner: 'pm' });
  });

  it('offers to resume an unfinished file at its first unanswered question', async () => {
    await runFlow(['Acme', '', 'pm', 'pm', 2, { stop: 'ExitPromptError' }], { savePath, areas: ['launch'] });
    const { prompter } = await runFlow(['resume', 3, 'pm', 3, 3], { savePath, areas: ['launch'] });
    expect(prompter.asked[0]!.message).toBe(`${savePath} has 2 of 6 questions answered. What now?`);
    expect(prompter.asked[0]!.labels).toContain('Resume at Area 1 · Launch strategy, tiering and plan');
    expect(prompter.asked[1]!.message).toBe('Capacity: is there the time and people for it?');
    expect(saved().get('launch-strategy-and-plan')).toEqual({ owner: 'pm', capability: 2, capacity: 3 });
  });

  it('offers the report, a review or a fresh start for a finished file', async () => {
    await runFlow(LAUNCH_SCRIPT, { savePath, areas: ['launch'] });
    const report = await runFlow(['report'], { savePath, areas: ['launch'] });
    expect(report.prompter.asked[0]!.values).toEqual(['report', 'review', 'fresh']);
    expect(report.error).toBeUndefined();
    const review = await runFlow(['review', 'Acme Corp', 'Dana Lee', 'pmm', 'pmm', 5, 2, 'pm', 4, 'unknown'], {
      savePath,
      areas: ['launch'],
    });
    expect(review.prompter.asked[1]).toMatchObject({ kind: 'input', default: 'Acme Corp' });
    expect(saved().get('launch-strategy-and-plan')).toEqual({ owner: 'pmm', capability: 5, capacity: 2 });
  });

  it('--fresh starts over and keeps the old file as a backup, never replacing an earlier backup', async () => {
    await runFlow(LAUNCH_SCRIPT, { savePath, areas: ['launch'] });
    const old = readFileSync(savePath, 'utf8');
    await runFlow(['', '', 'pm', { stop: 'ExitPromptError' }], { savePath, areas: ['launch'], start: 'fresh' });
    await runFlow(['', '', 'pm', { stop: 'ExitPromptError' }], { savePath, areas: ['launch'], start: 'fresh' });
    const backups = readdirSync(dir)
      .filter((f) => f.startsWith('answers.yaml.bak-'))
      .sort();
    expect(backups).toHaveLength(2);
    expect(readFileSync(join(dir, backups[0]!), 'utf8')).toBe(old);
    expect(saved().size).toBe(0);
    expect(output.stderr()).toContain('the previous answers are kept in');
  });

  it('"Start over" from the offer keeps a backup too', async () => {
    await runFlow(['Acme', '', 'pm', 'pm', { stop: 'ExitPromptError' }], { savePath, areas: ['launch'] });
    await runFlow(['fresh', '', '', 'pm', { stop: 'ExitPromptError' }], { savePath, areas: ['launch'] });
    expect(readdirSync(dir).filter((f) => f.includes('.bak-'))).toHaveLength(1);
    expect(saved().size).toBe(0);
  });

  it('--resume with no file starts a new assessment', async () => {
    const { error } = await runFlow(LAUNCH_SCRIPT, { savePath, areas: ['launch'], start: 'resume' });
    expect(error).toBeUndefined();
    expect(output.stderr()).toContain('no saved answers in');
  });

  it('resumes a file saved with an older bank: warns, names the dropped ids, keeps the original as a backup', async () => {
    writeFileSync(
      savePath,
      'bank: pm-pmm-diagnostic\nanswers:\n  launch-strategy-and-plan: { owner: pmm, capability: 2, capacity: 2 }\n  retired-item: { owner: pm, capability: 1, capacity: 1 }\n  old-interlock: { delivery: 3 }\n',
    );
    const { error } = await runFlow(['Acme', '', 'pm', 'pm', 3, 3], { savePath, areas: ['launch'], start: 'resume' });
    expect(error).toBeUndefined();
    expect(output.stderr().replace(/\s+/g, ' ')).toMatch(
      /warning: .*older question bank; 2 answers are for items it no longer has and were dropped: retired-item, old-interlock/,
    );
    expect(saved().get('launch-strategy-and-plan')).toEqual({ owner: 'pmm', capability: 2, capacity: 2 });
    const backup = readdirSync(dir).find((f) => f.includes('.bak-'));
    expect(readFileSync(join(dir, backup!), 'utf8')).toContain('retired-item');
  });

  it('refuses a saved file that is not valid YAML, with its position, and leaves it untouched', async () => {
    const broken = 'answers:\n  launch-strategy-and-plan: { owner: pm\n';
    writeFileSync(savePath, broken);
    const { error, prompter } = await runFlow(LAUNCH_SCRIPT, { savePath, areas: ['launch'] });
    expect(error).toBeInstanceOf(InputError);
    expect(exitCodeFor(error, false)).toBe(2);
    expect(output.stderr()).toMatch(new RegExp(`${savePath.replace(/[.]/g, '\\.')}:\\d+:\\d+: `));
    expect(output.stderr()).toContain('left untouched');
    expect(prompter.asked).toHaveLength(0);
    expect(readFileSync(savePath, 'utf8')).toBe(broken);
  });

  it('refuses a saved file for another bank', async () => {
    writeFileSync(savePath, 'bank: another-bank\nanswers: {}\n');
    const { error } = await runFlow(LAUNCH_SCRIPT, { savePath, areas: ['launch'] });
    expect(error).toBeInstanceOf(InputError);
    expect(String((error as Error).message)).toContain('another question bank');
  });

  it('fails before the first question when the answers file cannot be written', async () => {
    const { error, prompter } = await runFlow(LAUNCH_SCRIPT, {
      savePath: join(dir, 'missing', 'a.yaml'),
      areas: ['launch'],
    });
    expect(error).toBeInstanceOf(InputError);
    expect(String((error as Error).message)).toContain('the folder does not exist');
    expect(prompter.asked).toHaveLength(0);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});

describe('untrusted bank text', () => {
  it('reaches neither the prompts nor the screen with control or escape characters', async () => {
    const evil = (s: string) => `${s}\u001b[2J\u001b]8;;https://evil.example\u0007x\u001b]8;;\u0007\r\u202e`;
    const bank: Bank = structuredClone(stagelessBank());
    bank.title = evil(bank.title);
    bank.functions.pm = { name: evil('PM'), mandate: evil('mandate') };
    for (const level of ['1', '2', '3', '4', '5'] as const)
      bank.scales.capability[level] = { label: evil('label'), description: evil('description') };
    const area = bank.areas.find((a) => a.id === 'launch')!;
    area.title = evil(area.title);
    area.description = evil('about');
    for (const item of area.responsibilities)
      Object.assign(item, { title: evil(item.title), question: evil(item.question) });
    const { prompter } = await runFlow(
      ['', '', 'pm', 'pm', 'note', evil('my note'), 3, 3, 'pm', 'unknown', 'unknown'],
      { savePath, areas: ['launch'], bank, format: 'terminal' },
    );
    const shown = [...prompter.asked.flatMap((a) => [...a.labels, a.default ?? '']), output.stderr()].join('\n');
    expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(output.stdout()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
});
