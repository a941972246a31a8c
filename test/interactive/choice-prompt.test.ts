import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { chooseLayout, choicePrompt } from '../../src/app/interactive/choice-prompt.js';
import type { Choice } from '../../src/app/interactive/prompts.js';

// The list prompt on its own: its keys, the wrapping list, and where a choice's detail goes.

const DETAIL = 'A written, standard method that the team has been taught, producing one agreed artifact.';
const choices: Choice<string>[] = [
  { value: '1', name: '1  Initial', detail: 'Ad hoc, when someone notices.' },
  { value: '2', name: '2  Defined', detail: DETAIL },
  { separator: ' ' },
  {
    value: 'note',
    name: 'Add a note…',
    short: '(note)',
    shortcut: { key: 'n', hint: 'note' },
    description: 'A remark kept with this answer.',
  },
  {
    value: 'back',
    name: 'Back to the previous question',
    short: '(back)',
    shortcut: { key: 'b', hint: 'back' },
    disabled: '(this is the first question)',
  },
  {
    value: 'skip',
    name: 'Skip the rest of this area',
    short: '(skipped)',
    shortcut: { key: 's', hint: 'skip the area' },
  },
];
const ask = (rows: number, extra: { default?: string } = {}) =>
  render(choicePrompt<string>, {
    message: 'Capability?',
    choices,
    keys: [['⏎', 'choose']],
    width: 60,
    rows: () => rows,
    ...extra,
  });

describe('the list prompt', () => {
  it('takes a choice by its key at once, and names the keys in the hints', async () => {
    const { answer, events, getScreen } = await ask(40);
    expect(getScreen()).toContain('⏎ choose • n note • b back • s skip the area');
    events.keypress('s');
    await expect(answer).resolves.toBe('skip');
    expect(getScreen()).toContain('Capability? (skipped)');
  });

  it("refuses a disabled choice's key with its reason and stays open", async () => {
    const { answer, events, getScreen } = await ask(40);
    events.keypress('b');
    expect(getScreen()).toContain('Back to the previous question (this is the first question)');
    expect(getScreen()).toMatch(/> .*\(this is the first question\)/);
    events.keypress('enter');
    expect(getScreen()).toContain('(this is the first question)');
    // A number still jumps to its choice.
    events.type('2');
    events.keypress('enter');
    await expect(answer).resolves.toBe('2');
  });

  it('wraps from the first choice to the last and back', async () => {
    const { answer, events, getScreen } = await ask(40);
    events.keypress('up');
    expect(getScreen()).toMatch(/❯ Skip the rest of this area/);
    events.keypress('down');
    expect(getScreen()).toMatch(/❯ 1 {2}Initial/);
    events.keypress('up');
    events.keypress('enter');
    await expect(answer).resolves.toBe('skip');
  });

  it("shows every detail under its name when tall enough, else the highlighted one's under the list", async () => {
    const tall = await ask(40);
    const all = tall.getScreen();
    expect(all).toContain('     Ad hoc, when someone notices.');
    expect(all.replace(/\s+/g, ' ')).toContain(DETAIL);
    const short = await ask(8, { default: '2' });
    const one = short.getScreen();
    expect(one).not.toContain('Ad hoc, when someone notices.');
    expect(one.replace(/\s+/g, ' ')).toContain(DETAIL);
    // Settled, so that no prompt is left open when the tests end.
    tall.events.keypress('enter');
    short.events.keypress('enter');
    await expect(Promise.all([tall.answer, short.answer])).resolves.toEqual(['1', '2']);
  });
});

describe('chooseLayout', () => {
  it('counts the lines printed above the prompt', () => {
    // message 1, list 6 + 2 detail lines (one wraps at 60), blank 1, description 1, hints 1.
    const height = 1 + 6 + 3 + 1 + 1 + 1;
    expect(chooseLayout(choices, 60, height)).toBe('details');
    expect(chooseLayout(choices, 60, height + 2, 3)).toBe('highlighted');
    expect(chooseLayout(choices, 60, height - 1)).toBe('highlighted');
  });
});
