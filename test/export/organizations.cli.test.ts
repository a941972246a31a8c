import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/io/bank-files.js';
import { runCli } from '../helpers/cli.js';
import { peopleCsv, scratchDir, team, writeAnswersFiles } from '../formtool/helpers.js';

// An export of several organizations (a benchmark) labels each row with its respondent's organization;
// a form export that names none is nobody's in particular, not the first organization read.

const bank = loadBank();
const [ann, ben, cy] = team(bank);
const dir = scratchDir('export-organizations');
const acme = writeAnswersFiles(join(dir, 'acme'), [ann!], 'Acme');
const globex = writeAnswersFiles(join(dir, 'globex'), [ben!], 'Globex');
const unnamed = join(dir, 'responses.csv');
writeFileSync(unnamed, peopleCsv(bank, [cy!]));

/** Each respondent's organization in the export's rows. */
function organizationOf(files: string[]): Record<string, unknown> {
  const r = runCli(['export', ...files, '--format', 'ndjson']);
  expect(r.code, r.stderr).toBe(0);
  const rows = r.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { respondent: string; organization: unknown });
  return Object.fromEntries(rows.map((row) => [row.respondent, row.organization]));
}

describe('export: the organization of each row', () => {
  it('several organizations: rows that name none have none', () => {
    expect(organizationOf([acme, globex, unnamed])).toEqual({
      [ann!.name]: 'Acme',
      [ben!.name]: 'Globex',
      [cy!.name]: null,
    });
  });

  it('one organization: rows that name none are of that one, as in the report', () => {
    expect(organizationOf([acme, unnamed])).toEqual({ [ann!.name]: 'Acme', [cy!.name]: 'Acme' });
  });
});
