import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { loadBankFile } from '../../src/io/bank-files.js';
import type { Bank } from '../../src/core/bank/schema.js';
import { interactiveAssessment, type FlowContext } from '../../src/app/interactive/flow.js';
import {
  isSeparator,
  type InputQuestion,
  type Prompter,
  type SelectQuestion,
} from '../../src/app/interactive/prompts.js';
import { selectSections } from '../../src/app/interactive/steps.js';
import { makeColors } from '../../src/core/render/colors.js';
import { reportSettings } from '../../src/commands/options.js';
import { ROOT } from '../helpers/cli.js';

/**
 * The bank the flow's mechanics are scripted on: version 1 of the built-in bank, kept as a fixture.
 * It has no stages, no rapid form and no evidence prompt, so the launch area is the profile and two
 * items × owner, capability, capacity. The flow on a bank with stages, forms and evidence:
 * model-flow.test.ts; on the built-in bank in a real terminal: tmux.test.ts.
 */
export const STAGELESS_BANK_FILE = join(ROOT, 'test', 'fixtures', 'banks', 'pm-pmm.v1.yaml');
export const stagelessBank = (): Bank => loadBankFile(STAGELESS_BANK_FILE);

/** What a scripted prompt saw. */
export interface Asked {
  kind: 'select' | 'input';
  message: string;
  default?: string;
  /** Selectable values (select only). */
  values: string[];
  /** Every visible label: names, descriptions, details, short texts, separators. */
  labels: string[];
}

/** An answer: a choice value or typed text; a number is a level or a choice's value; `stop` is Ctrl-C or an abort. */
export type Scripted =
  string | number | { stop: 'ExitPromptError' | 'AbortPromptError'; cause?: string } | ((asked: Asked) => string);

export function promptStop(name: 'ExitPromptError' | 'AbortPromptError', cause?: string): Error {
  const err = new Error(
    name === 'ExitPromptError' ? 'User force closed the prompt with SIGINT' : 'Prompt was aborted',
    { cause },
  );
  err.name = name;
  return err;
}

/**
 * A `Prompter` that answers from a script, checking that each select answer is a choice it could take,
 * and records every prompt it was shown.
 */
export function scriptedPrompter(script: Scripted[]): Prompter & { asked: Asked[]; left: () => number } {
  const queue = [...script];
  const asked: Asked[] = [];
  const next = (seen: Asked): string => {
    asked.push(seen);
    const entry = queue.shift();
    if (entry === undefined) throw new Error(`the script ran out at prompt ${asked.length}: "${seen.message}"`);
    if (typeof entry === 'object') throw promptStop(entry.stop, entry.cause);
    return typeof entry === 'function' ? entry(seen) : String(entry);
  };
  return {
    asked,
    left: () => queue.length,
    async select<T>(q: SelectQuestion<T>): Promise<T> {
      const selectable = q.choices.flatMap((c) => (isSeparator(c) || c.disabled ? [] : [String(c.value)]));
      const labels = q.choices.flatMap((c) =>
        isSeparator(c) ? [c.separator] : [c.name, c.description ?? '', c.detail ?? '', c.short ?? '', c.disabled ?? ''],
      );
      const value = next({
        kind: 'select',
        message: q.message,
        default: q.default === undefined ? undefined : String(q.default),
        values: selectable,
        labels: [q.message, ...labels],
      });
      if (!selectable.includes(value))
        throw new Error(`"${value}" is not a choice at "${q.message}" (choices: ${selectable.join(', ')})`);
      return q.choices.flatMap((c) => (isSeparator(c) ? [] : [c.value])).find((v) => String(v) === value) as T;
    },
    async input(q: InputQuestion): Promise<string> {
      return next({
        kind: 'input',
        message: q.message,
        default: q.default,
        values: [],
        labels: [q.message, q.default ?? ''],
      });
    },
  };
}

/** Captures stdout and stderr for the length of a test. */
export function captureOutput(): { stdout: () => string; stderr: () => string; restore: () => void } {
  let out = '';
  let err = '';
  const o = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  const e = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  return {
    stdout: () => out,
    stderr: () => err,
    restore: () => {
      o.mockRestore();
      e.mockRestore();
    },
  };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pm-diag-interactive-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh folder and captured output for each test of the describe block that calls it; `answers.yaml` in it is the session file. */
export function sessionPerTest(): {
  readonly dir: string;
  readonly savePath: string;
  readonly output: ReturnType<typeof captureOutput>;
} {
  let current: { dir: string; cleanup: () => void; output: ReturnType<typeof captureOutput> } | undefined;
  beforeEach(() => {
    current = { ...tempDir(), output: captureOutput() };
  });
  afterEach(() => {
    current?.output.restore();
    current?.cleanup();
  });
  return {
    get dir() {
      return current!.dir;
    },
    get savePath() {
      return join(current!.dir, 'answers.yaml');
    },
    get output() {
      return current!.output;
    },
  };
}

export interface RunOptions {
  savePath: string;
  areas?: string[];
  start?: FlowContext['start'];
  format?: 'terminal' | 'markdown' | 'json';
  bank?: Bank;
  /** `--bank` as given on the command line. */
  bankPath?: string;
  /** --stage and --form, as given. */
  stage?: string;
  form?: string;
}

/** Runs the interactive flow with a scripted prompter, as `runInteractive` would with real prompts. */
export async function runFlow(
  script: Scripted[],
  options: RunOptions,
): Promise<{ prompter: ReturnType<typeof scriptedPrompter>; error?: unknown }> {
  const bank = options.bank ?? stagelessBank();
  const prompter = scriptedPrompter(script);
  const ctx: FlowContext = {
    bank,
    sections: selectSections(bank, options.areas),
    allSections: selectSections(bank, undefined).length,
    savePath: options.savePath,
    start: options.start ?? 'ask',
    command: ['pm-diag'],
    resumeArgs: ['pm-diag', 'assess', '--resume', '--save', options.savePath],
    bankPath: options.bankPath,
    prompter,
    settings: reportSettings({
      format: options.format ?? 'json',
      color: false,
      stage: options.stage,
      form: options.form,
    }),
    look: { colors: makeColors(false), width: 78 },
  };
  try {
    await interactiveAssessment(ctx);
    return { prompter };
  } catch (error) {
    return { prompter, error };
  }
}

/** The launch area, answered in full: profile, then owner, capability, capacity of its two items. */
export const LAUNCH_SCRIPT: Scripted[] = ['Acme Corp', 'Dana Lee', 'pmm', 'pmm', 3, 2, 'pm', 4, 'unknown'];

/** The organization facts a bank asks first (bank v3), each skipped: a list's "skip", a number's empty line. */
export const SKIP_FACTS = (bank: Bank): Scripted[] =>
  Object.values(bank.facts ?? {}).map((fact) => (fact.options ? 'skip' : ''));
