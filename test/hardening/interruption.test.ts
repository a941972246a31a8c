import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseAnswers } from '../../src/core/answers/load.js';
import { InterruptedError } from '../../src/core/errors.js';
import { exitCodeFor } from '../../src/io/exit.js';
import type { Answer } from '../../src/core/answers/respondent.js';
import {
  LAUNCH_SCRIPT,
  captureOutput,
  stagelessBank,
  promptStop,
  runFlow,
  tempDir,
  type Scripted,
} from '../interactive/helpers.js';

// Interruption at every question of `assess --area launch` (3 profile prompts, then 2 items × owner,
// capability, capacity). At whichever prompt the run stops, and however (Ctrl-C, SIGTERM, SIGHUP, a
// crash), the file on disk while that prompt waits, and after, is a valid answers file holding
// exactly the answers given before it. test/interactive/flow.test.ts checks that resuming finishes it.

const bank = stagelessBank();
let dir: string;
let cleanup: () => void;
let output: ReturnType<typeof captureOutput>;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  output = captureOutput();
});
afterEach(() => {
  output.restore();
  cleanup();
});

interface Saved {
  organization?: string;
  name?: string;
  role?: string;
  answers: Record<string, Answer>;
}

function readSaved(path: string): Saved {
  const { respondent } = parseAnswers({ source: path, text: readFileSync(path, 'utf8') }, bank);
  const saved: Saved = { answers: Object.fromEntries(respondent.answers) };
  if (respondent.organization) saved.organization = respondent.organization;
  if (respondent.name) saved.name = respondent.name;
  if (respondent.role) saved.role = respondent.role;
  return saved;
}

/** What LAUNCH_SCRIPT has answered once its first `k` prompts are answered. */
function answeredBefore(k: number): Saved {
  const saved: Saved = { answers: {} };
  if (k > 0) saved.organization = 'Acme Corp';
  if (k > 1) saved.name = 'Dana Lee';
  if (k > 2) saved.role = 'pmm';
  const fields = ['owner', 'capability', 'capacity'] as const;
  const items = ['launch-strategy-and-plan', 'launch-readiness-and-status'];
  for (let q = 3; q < k; q++) {
    const id = items[Math.floor((q - 3) / 3)]!;
    saved.answers[id] = { ...(saved.answers[id] as object), [fields[(q - 3) % 3]!]: LAUNCH_SCRIPT[q] };
  }
  return saved;
}

const STOPS: { how: string; stop: () => Error; code?: number }[] = [
  { how: 'Ctrl-C', stop: () => promptStop('ExitPromptError'), code: 130 },
  { how: 'SIGTERM', stop: () => promptStop('AbortPromptError', 'SIGTERM'), code: 143 },
  { how: 'SIGHUP (the terminal closed)', stop: () => promptStop('AbortPromptError', 'SIGHUP'), code: 129 },
  { how: 'a crash', stop: () => new Error('a bug in the prompt') },
];

describe('interruption at every prompt of a short interactive run', () => {
  it.each(Array.from({ length: LAUNCH_SCRIPT.length }, (_, k) => k))(
    'stopped at prompt %i: the file is valid and holds exactly the answers before it',
    async (k) => {
      expect(LAUNCH_SCRIPT).toHaveLength(9);
      for (const { how, stop, code } of STOPS) {
        const savePath = join(dir, `${how.split(' ')[0]}.yaml`);
        let whileWaiting: Saved | undefined;
        // At prompt k: what is on disk while the prompt waits is all that survives a closed terminal.
        const atPrompt: Scripted = () => {
          whileWaiting = readSaved(savePath);
          throw stop();
        };
        const { error, prompter } = await runFlow([...LAUNCH_SCRIPT.slice(0, k), atPrompt], {
          savePath,
          areas: ['launch'],
        });
        expect(prompter.asked, how).toHaveLength(k + 1);
        if (code === undefined) expect(error, how).toMatchObject({ message: 'a bug in the prompt' });
        else {
          expect(error, how).toBeInstanceOf(InterruptedError);
          expect(exitCodeFor(error, false), how).toBe(code);
        }
        expect(whileWaiting, how).toEqual(answeredBefore(k));
        expect(readSaved(savePath), how).toEqual(answeredBefore(k));
      }
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  );

  it('a crash in the report writer at the end loses no answer', async () => {
    const savePath = join(dir, 'answers.yaml');
    vi.mocked(process.stdout.write).mockImplementation(() => {
      throw new Error('the report writer crashed');
    });
    const { error } = await runFlow(LAUNCH_SCRIPT, { savePath, areas: ['launch'] });
    expect(error).toMatchObject({ message: 'the report writer crashed' });
    expect(exitCodeFor(error, false)).toBe(70);
    expect(readSaved(savePath)).toEqual(answeredBefore(LAUNCH_SCRIPT.length));
    expect(readdirSync(dir)).toEqual(['answers.yaml']);
  });
});
