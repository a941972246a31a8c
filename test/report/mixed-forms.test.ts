import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bankItems } from '../../src/core/bank/items.js';
import { ITEM_KINDS, type ItemKind } from '../../src/core/bank/item-kinds.js';
import { loadBank } from '../../src/io/bank-files.js';
import { askedScope, itemsInScope } from '../../src/core/answers/scope.js';
import { runCli } from '../helpers/cli.js';

// docs/design.md "Mixed forms": each respondent is scored over the items of their own form, and the
// report says how many answered each; a rapid-form export is rapid.

const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-forms-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const bank = loadBank();
const asked = (form: 'rapid' | 'full') => itemsInScope(bankItems(bank), askedScope(bank, { form }));
/** Every field an item of this kind is rated on: the owner pm, each level 3. */
const rated = (kind: ItemKind) =>
  `{ ${ITEM_KINDS[kind].rated.map((f) => `${f}: ${f === 'owner' ? 'pm' : 3}`).join(', ')} }`;
const line = (id: string, kind: ItemKind) => `  ${id}: ${rated(kind)}`;
/** One person's file, every item of their form answered, as the questionnaire writes it. */
const file = (name: string, form: 'rapid' | 'full') =>
  [
    `form: ${form}`,
    `respondent: { name: ${name}, role: pm }`,
    'answers:',
    ...asked(form).map((i) => line(i.id, i.kind)),
    '',
  ].join('\n');

interface Report {
  form: string;
  forms: { rapid: number; full: number };
  summary: { coverage: number };
  respondentList: { name: string; coverage: number }[];
}

describe('mixed forms', () => {
  it('four rapid files and one full: each is fully covered, and the report counts each form', () => {
    const dir = join(scratch, 'team');
    mkdirSync(dir);
    for (const name of ['ann', 'ben', 'cy', 'di']) {
      writeFileSync(join(dir, `${name}.yaml`), file(name, 'rapid'));
    }
    writeFileSync(join(dir, 'eve.yaml'), file('eve', 'full'));
    const r = runCli(['report', dir, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(asked('full').length).toBeGreaterThan(asked('rapid').length);
    expect(report.form).toBe('full');
    expect(report.forms).toEqual({ rapid: 4, full: 1 });
    expect(report.respondentList.map((p) => p.coverage)).toEqual([100, 100, 100, 100, 100]);
    expect(report.summary.coverage).toBe(100);
    const terminal = runCli(['report', dir, '--no-color']);
    expect(terminal.stdout).toContain('Form: full (4 answered the rapid form, 1 the full)');

    // The export has the same pairs: a rapid respondent's rows are the rapid items, all answered.
    const exported = runCli(['export', dir, '--format', 'ndjson']);
    expect(exported.code, exported.stderr).toBe(0);
    type Row = { respondent: string; item_id: string; status: string; form: string };
    const rows = exported.stdout
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text) as Row);
    const itemsOf = (who: string) => new Set(rows.filter((row) => row.respondent === who).map((row) => row.item_id));
    expect(itemsOf('ann')).toEqual(new Set(asked('rapid').map((item) => item.id)));
    expect(itemsOf('eve')).toEqual(new Set(asked('full').map((item) => item.id)));
    expect(rows.filter((row) => row.status === 'unanswered')).toEqual([]);
  });

  it('an export of the rapid form is scored as the rapid form, without --form', () => {
    const header = runCli(['template', '--format', 'csv', '--form', 'rapid']).stdout.trim();
    const columns = header.match(/\[[^\]]+\]/g)!.map((tag) => tag.slice(1, -1));
    const cell = (column: string) => {
      if (column === 'respondent') return 'Ann';
      if (column === 'role' || column.endsWith('.owner')) return 'pm';
      return /\.(capability|capacity|delivery|frequency)$/.test(column) ? '3' : '';
    };
    const csv = join(scratch, 'rapid-export.csv');
    writeFileSync(csv, `${header}\r\n${columns.map(cell).join(',')}\r\n`);
    const r = runCli(['report', csv, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.form).toBe('rapid');
    expect(report.forms).toEqual({ rapid: 1, full: 0 });
    expect(report.summary.coverage).toBe(100);
    // Its row is not short of the full form's items either.
    expect(r.stderr).not.toContain('unanswered');
  });
});
