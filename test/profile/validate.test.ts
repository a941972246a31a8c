import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

// `validate` knows the profile's files: its bank and a person's answers, checked before an interview
// or a hiring discussion like any answers file.

const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-validate-profile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const SAM = join(ROOT, 'examples', 'profile', 'sam-ortiz.yaml');
const PROFILE_BANK = join(ROOT, 'questions', 'profile.yaml');

describe('validate with profile files', () => {
  it('accepts a profile answers file and the profile bank, beside a diagnostic answers file', () => {
    const result = runCli(['validate', PROFILE_BANK, SAM, join(ROOT, 'examples', 'mature.yaml')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^ok {3}\S*profile\.yaml: profile "pm-pmm-tendency" v2: 6 dimensions, 24 pairs, 39 questions$/m,
    );
    expect(result.stdout).toMatch(
      /^ok {3}\S*sam-ortiz\.yaml: profile answers for "pm-pmm-tendency", 38 of 39 questions answered$/m,
    );
    expect(result.stdout).toMatch(/^ok {3}\S*mature\.yaml: answers for "pm-pmm-diagnostic"/m);
  });

  it('refuses a bad choice and an unknown id at their positions, exit 2', () => {
    const bad = join(scratch, 'bad.yaml');
    writeFileSync(
      bad,
      'profile: pm-pmm-tendency\nrespondent:\n  name: Sam\nanswers:\n  info-monday: sideways\n  info-mondy: a\n',
    );
    const result = runCli(['validate', bad]);
    expect(result.code).toBe(2);
    expect(result.stdout + result.stderr).toContain(`FAIL ${bad}`);
    expect(result.stderr).toMatch(/bad\.yaml:5:16: .*info-monday/);
    expect(result.stderr).toMatch(/bad\.yaml:6:3: .*unknown question id "info-mondy" \(did you mean "info-monday"\?\)/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("counts an interviewer's scoring sheet over its own pairs, and --strict wants every one", () => {
    const sheet = join(scratch, 'sheet.yaml');
    writeFileSync(sheet, 'profile: pm-pmm-tendency\nrater: interviewer\nanswers: { setback-deal: a }\n');
    const result = runCli(['validate', sheet]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `ok   ${sheet}: profile scoring sheet for "pm-pmm-tendency", 1 of 18 questions answered`,
    );
    const strict = runCli(['validate', '--strict', sheet]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('17 of 18 profile questions unanswered (--strict)');
  });
});
