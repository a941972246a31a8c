import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { MINIMAL_BANK } from '../foundation/helpers.js';

// A team's files made from one template share their warnings: each is said once, naming the files.

const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-warnings-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const answers = (name: string, positioning: string) =>
  `bank: mini-bank\nrespondent: { name: ${name}, role: pm }\nanswers:\n  market-problems: { owner: pm, capability: 3, capacity: 2 }\n${positioning}`;

describe('warnings shared by several files', () => {
  it('print once, naming the other files; a warning of one file alone stays as it is', () => {
    const team = join(scratch, 'team');
    mkdirSync(team);
    writeFileSync(join(team, 'a.yaml'), answers('Ann', ''));
    writeFileSync(join(team, 'b.yaml'), answers('Bo', ''));
    writeFileSync(join(team, 'c.yaml'), answers('Cy', '  positioning: { owner: pmm, capability: 2, capacity: 2 }\n'));
    const result = runCli(['report', team, '--bank', MINIMAL_BANK, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /a\.yaml:4:3: warning: answers: 3 of 4 items unanswered: positioning, win-loss-feedback, launch-cadence \(the same in \S*b\.yaml\)$/,
    );
    expect(lines[1]).toMatch(
      /c\.yaml:4:3: warning: answers: 2 of 4 items unanswered: win-loss-feedback, launch-cadence$/,
    );
  });
});
