import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/core/answers/load.js';
import { runFlow, sessionPerTest, type Asked } from './helpers.js';
import { V3_BANK } from './v3-bank.js';

// The interactive flow on a version 3 bank: the organization facts first (each skippable), the stage
// their revenue band suggests proposed for confirmation, an item's own statements for the levels, a
// practice rated on how often it happens, and hand-offs named by the bank's functions.

const bank = V3_BANK;
const session = sessionPerTest();
/** Takes the choice the prompt starts on, as Enter does. */
const accept = (asked: Asked): string => asked.default!;
const STOP = { stop: 'ExitPromptError' } as const;
const PROFILE = ['Acme', 'Dana', 'pmm'];

const load = () => {
  const text = readFileSync(session.savePath, 'utf8');
  return { text, ...parseAnswers({ source: session.savePath, text }, bank) };
};

describe('the interactive flow on a version 3 bank', () => {
  it('asks the facts first, proposes the stage the revenue suggests, and saves a practice as its frequency', async () => {
    const script = ['mid', '6', accept, ...PROFILE, 'pm', 3, 2, 4, STOP];
    const { prompter } = await runFlow(script, { savePath: session.savePath, bank });
    expect(prompter.left()).toBe(0);
    const [revenue, people, stage] = prompter.asked;
    expect(revenue!.message).toBe('Annual revenue?');
    expect(revenue!.values).toEqual(['small', 'mid', 'skip']);
    expect(people).toMatchObject({ kind: 'input', message: 'How many product managers? (Enter skips)' });
    // The band "mid" is the growth stage's: proposed instead of the bank's default (startup).
    expect(stage!.default).toBe('growth');
    expect(stage!.message).toContain('suggests Growth');

    // The item's own statements stand in for the scale's descriptions; the labels stay.
    const capability = prompter.asked.find((a) => a.message.startsWith('Capability'))!;
    expect(capability.labels).toContain('Pricing capability: own statement 3');
    expect(capability.labels).toContain('3  Capability 3');
    expect(capability.labels).not.toContain('Capability scale text 3');
    const capacity = prompter.asked.find((a) => a.message.startsWith('Capacity'))!;
    expect(capacity.labels).toContain('Capacity scale text 3');
    const frequency = prompter.asked.find((a) => a.message === 'How often does it happen?')!;
    expect(frequency.values.slice(0, 7)).toEqual(['1', '2', '3', '4', '5', 'unknown', 'n/a']);
    expect(frequency.labels).toContain('Trust: own statement 4');
    // Neither an owner nor a capacity is asked of the practice: its only question is the frequency.
    expect(prompter.asked.filter((a) => a.message === 'Who owns it today?')).toHaveLength(1);
    expect(session.output.stderr()).toContain('What Product Marketing owes Field Sales');

    const { text, respondent, warnings } = load();
    expect(text).toMatch(/^facts: \{ revenue: mid, pm-people: 6 \}$/m);
    expect(text).toMatch(/^stage: growth$/m);
    expect(respondent.facts).toEqual({ revenue: 'mid', 'pm-people': 6 });
    expect(respondent.answers.get('trust')).toEqual({ frequency: 4 });
    expect(respondent.answers.get('pricing')).toEqual({ owner: 'pm', capability: 3, capacity: 2 });
    expect(warnings.map((w) => w.message).join('\n')).toContain('deal-support');
  });

  it('lets each fact be skipped, asks a number again until it is whole, and asks none again on resuming', async () => {
    const script = ['skip', '2.5', '-1', '', accept, ...PROFILE, STOP];
    const first = await runFlow(script, { savePath: session.savePath, bank });
    expect(first.prompter.left()).toBe(0);
    const inputs = first.prompter.asked.filter((a) => a.kind === 'input' && a.message.startsWith('How many'));
    expect(inputs).toHaveLength(3);
    expect(session.output.stderr()).toContain('A whole number, 0 or more');
    const stage = first.prompter.asked.find((a) => a.message.startsWith('Which stage'))!;
    expect(stage.default).toBe('startup');
    expect(stage.message).not.toContain('suggests');
    const { text, respondent } = load();
    expect(text).toMatch(/^facts: \{ revenue: null, pm-people: null \}$/m);
    expect(respondent.facts).toBeUndefined();

    const again = await runFlow(['pm', STOP], { savePath: session.savePath, bank, start: 'resume' });
    expect(again.prompter.asked.map((a) => a.message)).toEqual([
      'Who owns it today?',
      'Capability: how well is it done?',
    ]);
  });
});
