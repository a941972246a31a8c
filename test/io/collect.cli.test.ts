import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

// A folder is read for its answers files; a form export put beside them is not read, and says so:
// a respondent never goes missing without a word.

const RAPID = join(ROOT, 'examples', 'team-rapid');

describe('a folder holding a form export beside the answers files', () => {
  it('names each export it does not read, and how to give it; the answers files still count', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-diag-folder-export-'));
    copyFileSync(join(RAPID, 'alex-pm.yaml'), join(dir, 'alex-pm.yaml'));
    const header = runCli(['template', '--format', 'csv', '--form', 'rapid', '--out', join(dir, 'responses.csv')]);
    expect(header.code, header.stderr).toBe(0);
    copyFileSync(join(dir, 'responses.csv'), join(dir, 'Form Responses.XLSX'));
    for (const command of ['report', 'validate', 'export']) {
      const r = runCli([command, dir]);
      expect(r.code, r.stderr).toBe(0);
      for (const name of ['responses.csv', 'Form Responses.XLSX'])
        expect(r.stderr).toContain(
          `pm-diag: ${join(dir, name)}: warning: skipped: a folder is read for its answers files (.yaml, .yml, .json); to read this form export, give it by name after the folder`,
        );
    }
  });
});
