import { DuckDBInstance } from '@duckdb/node-api';
import { parse as parseCsv } from 'csv-parse/sync';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { MINIMAL_BANK } from '../report/helpers.js';

// Every character of a name or an organization reaches each export format as the source wrote it:
// a row must match its source (the JSON report keeps them too). Only a terminal sees them visibly.

const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-export-chars-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const NAME = 'Ana\u0085Lee\rsecond \u2028 line';
const ORGANIZATION = 'Acme\u0085\rCorp';
const answers = join(scratch, 'ana.yaml');
writeFileSync(
  answers,
  JSON.stringify({
    bank: 'mini-bank',
    organization: ORGANIZATION,
    respondent: { name: NAME, role: 'pm' },
    answers: { 'market-problems': { owner: 'pm' } },
  }),
);

function exported(format: string): string {
  const result = runCli(['export', answers, '--bank', MINIMAL_BANK, '--format', format]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe('export keeps every character', () => {
  it('CSV: read back by an RFC 4180 reader, the cells are the source text', () => {
    const rows = parseCsv(exported('csv'), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.respondent))).toEqual(new Set([NAME]));
    expect(new Set(rows.map((r) => r.organization))).toEqual(new Set([ORGANIZATION]));
  });

  it('NDJSON: the same strings, written as JSON escapes', () => {
    const text = exported('ndjson');
    expect(text).not.toMatch(/[\u0085\r]/);
    const rows = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, string>);
    expect(new Set(rows.map((r) => `${r.respondent}|${r.organization}`))).toEqual(new Set([`${NAME}|${ORGANIZATION}`]));
  });

  it('Parquet: DuckDB reads the same strings', async () => {
    const file = join(scratch, 'ana.parquet');
    const result = runCli(['export', answers, '--bank', MINIMAL_BANK, '--out', file]);
    expect(result.code, result.stderr).toBe(0);
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    try {
      const rows = (
        await db.runAndReadAll(`SELECT DISTINCT respondent, organization FROM read_parquet('${file}')`)
      ).getRowObjectsJS();
      expect(rows).toEqual([{ respondent: NAME, organization: ORGANIZATION }]);
    } finally {
      db.closeSync();
      instance.closeSync();
    }
  });

  it('CSV on a terminal shows control characters visibly, line ends kept', async () => {
    const { run } = await import('../../src/commands/export.js');
    let written = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written += String(chunk);
      return true;
    });
    try {
      await run([answers], { bank: MINIMAL_BANK, format: 'csv' }, { isTTY: true });
    } finally {
      spy.mockRestore();
    }
    expect(written).toContain('Ana\\u{85}Lee\\u{d}second');
    expect(written.replaceAll('\r\n', '')).not.toMatch(/[\u0085\r]/);
  });
});
