import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { FIXTURES } from '../foundation/helpers.js';

// "Did you mean" also looks among the ids of earlier versions of the bank: someone copying an old
// id with a typo is pointed at the item it became.

const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-former-ids-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const V2_BANK = join(FIXTURES, 'banks', 'v2-minimal.yaml');

function validate(answers: string) {
  const path = join(scratch, 'answers.yaml');
  writeFileSync(path, `bank: mini-bank\nbank-version: 2\nrespondent: { name: T, role: pm }\nanswers:\n${answers}`);
  return runCli(['validate', path, '--bank', V2_BANK]);
}

describe('unknown ids near an id of an earlier version', () => {
  it('suggest the item the old id became, naming the old id', () => {
    const result = validate('  market-discovry: { owner: pm, capability: 3, capacity: 2 }\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      ':5:3: answers.market-discovry: unknown item id "market-discovry" (did you mean "market-problems", formerly "market-discovery"?)',
    );
  });

  it('still suggest a current id when that is nearest', () => {
    const result = validate('  positoning: { owner: pmm, capability: 3, capacity: 2 }\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown item id "positoning" (did you mean "positioning"?)');
  });

  it('never suggest an id that was removed', () => {
    const result = validate('  old-surve: { owner: pm, capability: 3, capacity: 2 }\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown item id "old-surve"');
    expect(result.stderr).not.toContain('old-survey');
  });
});
