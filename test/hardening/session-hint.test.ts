import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/io/bank-files.js';
import {
  LAUNCH_SCRIPT,
  SKIP_FACTS,
  STAGELESS_BANK_FILE,
  captureOutput,
  runFlow,
  tempDir,
} from '../interactive/helpers.js';

// A session made with --bank can only be reported on with the same bank: every command the saved
// file and the closing message suggest must name it.

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

describe('the commands a saved session suggests', () => {
  it('name --bank when the session used a bank of its own', async () => {
    const bankPath = join(dir, 'our bank.yaml');
    copyFileSync(STAGELESS_BANK_FILE, bankPath);
    const savePath = join(dir, 's.yaml');
    const { error } = await runFlow(LAUNCH_SCRIPT, {
      savePath,
      areas: ['launch'],
      bank: loadBank(bankPath),
      bankPath,
      format: 'json',
    });
    expect(error).toBeUndefined();
    const quoted = `'${bankPath}'`;
    expect(readFileSync(savePath, 'utf8')).toContain(
      `# Report:   pm-diag assess --answers ${savePath} --bank ${quoted}\n`,
    );
    expect(output.stderr()).toContain(
      `pm-diag assess --answers ${savePath} --bank ${quoted}   prints this report again`,
    );
    expect(output.stderr()).toContain(
      `pm-diag assess --save ${savePath} --bank ${quoted}      lets you change the answers`,
    );
  });

  it('name no --bank for the built-in bank', async () => {
    const savePath = join(dir, 's.yaml');
    // The launch area of the built-in bank at growth: three items, owner, capability (2: no evidence asked) and capacity each.
    const script = [
      ...SKIP_FACTS(loadBank()),
      'Acme Corp',
      'Dana Lee',
      'pmm',
      ...['pmm', 'pmm', 'shared'].flatMap((owner) => [owner, 2, 2]),
    ];
    const { error } = await runFlow(script, {
      savePath,
      areas: ['launch'],
      bank: loadBank(),
      stage: 'growth',
      form: 'full',
      format: 'json',
    });
    expect(error).toBeUndefined();
    expect(readFileSync(savePath, 'utf8')).toContain(`# Report:   pm-diag assess --answers ${savePath}\n`);
  });
});
