import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/core/answers/load.js';
import { bankHash } from '../../src/core/bank/hash.js';
import { loadBankFile } from '../../src/io/bank-files.js';
import { BANKS } from '../foundation/helpers.js';
import { runFlow, sessionPerTest } from './helpers.js';

// The interactive flow on a version-2 bank: the stage first, then rapid or full with how long each
// takes, evidence after a capability of 3 or more, `combined` as an owner; all saved at once.

const bank = loadBankFile(join(BANKS, 'v2-minimal.yaml'));
const session = sessionPerTest();

const PROFILE = ['Acme', 'Dana', 'pmm'];
/** The rapid form at startup: market-problems (evidence asked after a 4), positioning, operating-model, win/loss. */
const RAPID_ITEMS = ['combined', 4, 'interview notes', 2, 'pmm', 2, 3, 'leadership', 3, 3, 4];

describe('the interactive flow on a bank with stages and a rapid form', () => {
  it('asks the stage, then the form with its length, then only the rapid items; evidence after a capability of 3 or more', async () => {
    const { prompter, error } = await runFlow(['startup', 'rapid', ...PROFILE, ...RAPID_ITEMS], {
      savePath: session.savePath,
      bank,
    });
    expect(error).toBeUndefined();
    expect(prompter.left()).toBe(0);
    const [stage, form] = prompter.asked;
    expect(stage!.message).toContain('Which stage');
    expect(stage!.values).toEqual(['startup', 'growth', 'enterprise']);
    expect(stage!.default).toBe('growth');
    expect(stage!.labels).toEqual(
      expect.arrayContaining(['Startup', 'One person often does both jobs.', 'Enterprise', 'Several teams of each.']),
    );
    expect(form!.values).toEqual(['rapid', 'full']);
    // Four minutes to start and 10 questions at 9 seconds each, rounded to whole minutes; at startup pricing and the launch cadence do not apply.
    expect(form!.labels).toEqual(
      expect.arrayContaining(['Rapid: 10 questions, about 6 minutes', 'Full: 10 questions, about 6 minutes']),
    );
    const messages = prompter.asked.map((a) => a.message);
    expect(messages.filter((m) => m.startsWith('Evidence'))).toEqual(['Evidence (optional, Enter skips):']);
    expect(prompter.asked.find((a) => a.message === 'Who owns it today?')!.values).toContain('combined');
    expect(session.output.stderr()).toContain('What would show it: Interview notes from the last quarter.');

    const text = readFileSync(session.savePath, 'utf8');
    expect(text).toMatch(/^stage: startup$/m);
    expect(text).toMatch(/^form: rapid$/m);
    expect(text).toMatch(/^bank-version: 2$/m);
    expect(text).toContain(`bank-hash: ${bankHash(bank)}`);
    const { respondent, warnings } = parseAnswers({ source: session.savePath, text }, bank);
    expect(warnings).toEqual([]);
    expect(respondent.answers.get('market-problems')).toEqual({
      owner: 'combined',
      capability: 4,
      capacity: 2,
      evidence: 'interview notes',
    });
    expect([...respondent.answers.keys()]).toEqual([
      'market-problems',
      'positioning',
      'operating-model',
      'win-loss-feedback',
    ]);
    const report = JSON.parse(session.output.stdout());
    expect(report).toMatchObject({ stage: 'startup', form: 'rapid', outOfScope: 2 });
    expect(report.items[0].owner.status).toBe('aligned');
  });

  it('asks neither the stage nor the form when --stage and --form give them, and saves them', async () => {
    const fullEnterprise = [...PROFILE, 'pm', 2, 2, 'pmm', 2, 2, 'pm', 2, 2, 'leadership', 2, 2, 3, 3];
    const { prompter, error } = await runFlow(fullEnterprise, {
      savePath: session.savePath,
      bank,
      stage: 'enterprise',
      form: 'full',
    });
    expect(error).toBeUndefined();
    expect(prompter.asked.map((a) => a.message)).not.toContain(expect.stringContaining('Which'));
    expect(prompter.asked.filter((a) => a.message === 'Delivery: how reliably does it arrive?')).toHaveLength(2);
    expect(readFileSync(session.savePath, 'utf8')).toMatch(/^stage: enterprise\nform: full$/m);
  });

  it('resumes with the saved stage and form without asking them again', async () => {
    writeFileSync(
      session.savePath,
      'bank: mini-bank\nstage: startup\nform: rapid\norganization: Acme\nrespondent: { name: Dana, role: pmm }\nanswers:\n  market-problems: { owner: pm, capability: 2, capacity: 2 }\n',
    );
    const { prompter, error } = await runFlow(['pmm', 2, 3, 'leadership', 2, 2, 4], {
      savePath: session.savePath,
      bank,
      start: 'resume',
    });
    expect(error).toBeUndefined();
    expect(prompter.asked[0]!.message).toBe('Who owns it today?');
    expect(prompter.left()).toBe(0);
    expect(JSON.parse(session.output.stdout())).toMatchObject({ stage: 'startup', form: 'rapid' });
  });
});
