import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

// The export's stage and form columns: the stage the assessment was scored at, or a respondent's own.

const dir = mkdtempSync(join(tmpdir(), 'pm-diag-export-scope-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BANK = join(ROOT, 'test', 'fixtures', 'banks', 'v2-minimal.yaml');

function answers(name: string, head: string): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, `${head}respondent: { name: ${name}, role: pm }\nanswers: {}\n`);
  return path;
}

const column = (csv: string, name: string) => {
  const [header, ...rows] = csv.trimEnd().split('\r\n');
  const index = header!.split(',').indexOf(name);
  return new Set(rows.map((row) => row.split(',')[index]));
};

describe('export: stage and form', () => {
  it("are the respondent's own when the file names them, else the assessment's (the bank's default stage, the full form)", () => {
    const startup = answers('ann', 'stage: startup\nform: rapid\n');
    const plain = answers('bo', '');
    const own = runCli(['export', startup, '--bank', BANK]);
    expect(own.code, own.stderr).toBe(0);
    expect(column(own.stdout, 'stage')).toEqual(new Set(['startup']));
    expect(column(own.stdout, 'form')).toEqual(new Set(['rapid']));
    const defaults = runCli(['export', plain, '--bank', BANK]);
    expect(defaults.code, defaults.stderr).toBe(0);
    expect(column(defaults.stdout, 'stage')).toEqual(new Set(['growth']));
    expect(column(defaults.stdout, 'form')).toEqual(new Set(['full']));
  });
});
