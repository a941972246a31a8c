import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noPromptReason } from '../../src/app/interactive/run.js';
import { BIN, runCli } from '../helpers/cli.js';
import { LAUNCH_SCRIPT, STAGELESS_BANK_FILE, captureOutput, runFlow, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('assess without a terminal', () => {
  it.each([
    ['stdin is empty', {}],
    ['CI=true', { CI: 'true' }],
  ])('exits 2 at once, pointing at --answers and template (%s)', (_name, env) => {
    const started = Date.now();
    const result = runCli(['assess'], { cwd: dir, env, timeout: 10_000 });
    expect(result.code).toBe(2);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.stdout).toBe('');
    // The commands as this run was started (the binary by its path, from another folder).
    expect(result.stderr).toContain(`${BIN} assess --answers`);
    expect(result.stderr).toContain(`${BIN} template`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 2 with answers piped in, rather than reading them as keystrokes', () => {
    const result = runCli(['assess', '--save', 'a.yaml'], { cwd: dir, input: 'Acme\n\npm\n' });
    expect(result.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('needs a terminal on stdin and no CI', () => {
    expect(noPromptReason({ isTTY: true }, {})).toBeUndefined();
    expect(noPromptReason({ isTTY: true }, { CI: 'false' })).toBeUndefined();
    expect(noPromptReason({}, {})).toMatch(/not a terminal/);
    expect(noPromptReason({ isTTY: true }, { CI: '1' })).toMatch(/CI/);
  });
});

describe('the report at the end of the flow', () => {
  it('is exactly what assess --answers prints for the saved file', async () => {
    const savePath = join(dir, 'a.yaml');
    const output = captureOutput();
    try {
      const { error } = await runFlow(LAUNCH_SCRIPT, { savePath, areas: ['launch'], format: 'terminal' });
      expect(error).toBeUndefined();
    } finally {
      output.restore();
    }
    const again = runCli(['assess', '--answers', savePath, '--bank', STAGELESS_BANK_FILE]);
    expect(again.code).toBe(0);
    expect(output.stdout()).toBe(again.stdout);
    expect(readFileSync(savePath, 'utf8')).toContain(
      'launch-strategy-and-plan: { owner: pmm, capability: 3, capacity: 2 }',
    );
  });
});
