import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_KINDS } from '../../src/core/bank/item-kinds.js';
import { bankItems } from '../../src/core/bank/items.js';
import { loadBank } from '../../src/io/bank-files.js';
import { defaultStage, itemsInScope } from '../../src/core/answers/scope.js';
import { EXPORT_COLUMNS } from '../../src/core/export/columns.js';
import { ROOT, runCli } from '../helpers/cli.js';

// The proof by an independent engine: DuckDB loads the export (CSV, Parquet, NDJSON), runs the SQL
// of docs/analysis.sql, and must find every number of `pm-diag report --format json` for the same
// answers. The SQL is read from docs/, so the documented SQL is the one proven here.

const ANALYSIS_SQL = readFileSync(join(ROOT, 'docs', 'analysis.sql'), 'utf8');
const BENCHMARK_SQL = readFileSync(join(ROOT, 'docs', 'benchmark.sql'), 'utf8');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-duckdb-'));
let instance: DuckDBInstance;
let db: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
});
afterAll(() => {
  db?.closeSync();
  instance?.closeSync();
  rmSync(scratch, { recursive: true, force: true });
});

type Rows = Record<string, unknown>[];
const query = async (sql: string): Promise<Rows> => (await db.runAndReadAll(sql)).getRowObjectsJS() as Rows;
const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

function generate(name: string, args: string[]): string {
  const out = join(scratch, name);
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-respondents.mjs'), '--out', out, ...args], {
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return args.includes('csv') ? join(out, 'respondents.csv') : out;
}

function cli(args: string[]): string {
  const result = runCli(args, { timeout: 60_000 });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

interface Report {
  respondents: number;
  summary: Record<string, number | null>;
  functions: { id: string; capability: number | null; capacity: number | null; readiness: number | null }[];
  interlock: { from: string; to: string; health: number | null }[];
  items: {
    id: string;
    kind: string;
    priority: number;
    capability?: number | null;
    capacity?: number | null;
    readiness?: number | null;
    delivery?: number | null;
    frequency?: number | null;
    health?: number | null;
    owner?: { consensus: string | null };
  }[];
}

const DUCKDB_TYPES = { text: 'VARCHAR', value: 'VARCHAR', integer: 'INTEGER', number: 'DOUBLE' } as const;
/** NDJSON's `value` is a number or a string: read as text, as CSV and Parquet have it (docs/analysis.sql shows this). */
const NDJSON_COLUMNS = `{${EXPORT_COLUMNS.map((c) => `${c.name}: '${DUCKDB_TYPES[c.type]}'`).join(', ')}}`;

const READERS = {
  csv: (file: string) => `read_csv(${sqlString(file)})`,
  parquet: (file: string) => `read_parquet(${sqlString(file)})`,
  ndjson: (file: string) => `read_json(${sqlString(file)}, columns = ${NDJSON_COLUMNS})`,
} as const;

/** Exports `inputs` in every format and reports on them, then checks DuckDB's numbers against the report's. */
async function expectSameNumbers(inputs: string[], extra: string[] = []): Promise<void> {
  const report = JSON.parse(cli(['report', ...inputs, ...extra, '--format', 'json'])) as Report;
  for (const [format, reader] of Object.entries(READERS)) {
    const file = join(scratch, `export-${Math.random().toString(36).slice(2)}.${format}`);
    cli(['export', ...inputs, ...extra, '--out', file]);
    await db.run(`CREATE OR REPLACE VIEW answers AS SELECT * FROM ${reader(file)}`);
    await db.run(ANALYSIS_SQL);

    const summary = await query('SELECT * FROM summary');
    expect(summary, format).toHaveLength(1);
    const { organization: _organization, ...indexes } = summary[0]!;
    expect(indexes, format).toEqual(report.summary);

    const functions = await query(
      'SELECT function AS id, capability, capacity, readiness FROM function_indexes ORDER BY id',
    );
    expect(functions, format).toEqual(
      report.functions
        .filter((f) => f.capability !== null || f.capacity !== null)
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
    const interlock = await query('SELECT "from", "to", health FROM interlock_health');
    expect(new Set(interlock.map((d) => JSON.stringify(d))), format).toEqual(
      new Set(report.interlock.map((d) => JSON.stringify(d))),
    );

    const items = new Map((await query('SELECT * FROM item_scores')).map((row) => [row.item_id, row]));
    expect(items.size, format).toBe(report.items.length);
    for (const item of report.items) {
      const row = items.get(item.id)!;
      const fromSql =
        item.kind === 'interlock'
          ? { priority: row.priority, delivery: row.delivery, health: row.health }
          : item.kind === 'practice'
            ? { priority: row.priority, frequency: row.frequency, readiness: row.readiness }
            : {
                priority: row.priority,
                capability: row.capability,
                capacity: row.capacity,
                readiness: row.readiness,
                consensus: row.consensus,
              };
      const fromReport =
        item.kind === 'interlock'
          ? { priority: item.priority, delivery: item.delivery, health: item.health }
          : item.kind === 'practice'
            ? { priority: item.priority, frequency: item.frequency, readiness: item.readiness }
            : {
                priority: item.priority,
                capability: item.capability,
                capacity: item.capacity,
                readiness: item.readiness,
                consensus: item.owner!.consensus,
              };
      expect(fromSql, `${format}: ${item.id}`).toEqual(fromReport);
    }
  }
}

describe("DuckDB computes the report's numbers from the export (docs/analysis.sql)", () => {
  it('a team of 40: n/a, unknown and skipped items among them', { timeout: 240_000 }, async () => {
    const team = generate('team40', ['--count', '40', '--seed', '7']);
    const statuses = await (async () => {
      const file = join(scratch, 'statuses.parquet');
      cli(['export', team, '--out', file]);
      return query(
        `SELECT status, count(*)::INTEGER AS n FROM read_parquet(${sqlString(file)}) GROUP BY status ORDER BY status`,
      );
    })();
    // The proof means something only when every status is in the data.
    expect(statuses.map((s) => s.status)).toEqual(['answered', 'n/a', 'unanswered', 'unknown']);
    await expectSameNumbers([team]);
    // The README's excerpt of the SQL runs too, and finds the same readiness.
    const excerpt = /```sql\n(SELECT organization,[\s\S]*?FROM item_values[\s\S]*?)```/.exec(README)?.[1];
    expect(excerpt).toBeDefined();
    const report = JSON.parse(cli(['report', team, '--format', 'json'])) as Report;
    expect((await query(excerpt!))[0]!.readiness).toBe(report.summary.readiness);
  });

  it(
    'a small team from a form export, with --target: owners disagree, so alignment is not 100',
    { timeout: 240_000 },
    async () => {
      const csv = generate('team5', ['--count', '5', '--seed', '3', '--format', 'csv']);
      const report = JSON.parse(cli(['report', csv, '--format', 'json'])) as Report;
      expect(report.summary.alignment).toBeLessThan(100);
      await expectSameNumbers([csv], ['--target', '3']);
    },
  );
});

describe('the Parquet file', () => {
  it('has typed columns: integers, a double, text (value included)', { timeout: 60_000 }, async () => {
    const file = join(scratch, 'typed.parquet');
    cli(['export', generate('typed', ['--count', '2']), '--out', file]);
    const types = Object.fromEntries(
      (await query(`DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`)).map((c) => [
        c.column_name,
        c.column_type,
      ]),
    );
    expect(types).toEqual({
      organization: 'VARCHAR',
      stage: 'VARCHAR',
      form: 'VARCHAR',
      bank_id: 'VARCHAR',
      bank_version: 'INTEGER',
      respondent: 'VARCHAR',
      role: 'VARCHAR',
      item_id: 'VARCHAR',
      item_kind: 'VARCHAR',
      area: 'VARCHAR',
      axis: 'VARCHAR',
      value: 'VARCHAR',
      status: 'VARCHAR',
      weight: 'INTEGER',
      target: 'DOUBLE',
      recommended_owner: 'VARCHAR',
      receiver: 'VARCHAR',
    });
    const [counts] = await query(
      `SELECT count(*)::INTEGER AS rows, count(DISTINCT respondent)::INTEGER AS respondents, count(DISTINCT item_id)::INTEGER AS items FROM read_parquet(${sqlString(file)})`,
    );
    // The generated files name no stage: the export holds the items of the built-in bank's default stage.
    const bank = loadBank();
    const items = itemsInScope(bankItems(bank), { stage: defaultStage(bank), form: 'full' });
    const rowsPerRespondent = items.reduce((n, item) => n + ITEM_KINDS[item.kind].rated.length, 0);
    expect(counts).toEqual({ rows: 2 * rowsPerRespondent, respondents: 2, items: items.length });
  });
});

describe('docs/benchmark.sql', () => {
  it(
    'quartiles by peer group, shown only for groups of at least 10 organizations, with n',
    { timeout: 60_000 },
    async () => {
      const file = join(scratch, 'many.parquet');
      // A seed whose organizations tie at no readiness, so that the highest stands at percentile 100.
      cli(['export', generate('many', ['--count', '60', '--seed', '12']), '--out', file]);
      // Twelve organizations of five respondents each, from one export: "Respondent 0001" is in org-01.
      await db.run(`CREATE OR REPLACE VIEW answers AS
      SELECT * REPLACE ('org-' || lpad((CAST(regexp_extract(respondent, '(\\d+)$', 1) AS INTEGER) % 12)::VARCHAR, 2, '0') AS organization)
      FROM read_parquet(${sqlString(file)})`);
      // Eleven software companies, one of which declined; one retailer.
      await db.run(`CREATE OR REPLACE TABLE organizations AS
      SELECT 'org-' || lpad(i::VARCHAR, 2, '0') AS organization, CASE WHEN i = 11 THEN 'retail' ELSE 'software' END AS industry,
        '51-200' AS size_band, i <> 3 AS consent
      FROM range(12) t(i)`);
      await db.run(ANALYSIS_SQL);
      await db.run(BENCHMARK_SQL);
      const benchmark = await query(
        'SELECT metric, n::INTEGER AS n, p25, p50, p75, industry FROM benchmark ORDER BY metric',
      );
      expect(benchmark.map((b) => b.metric)).toEqual([
        'alignment',
        'capability',
        'capacity',
        'coverage',
        'interlock',
        'practices',
        'readiness',
      ]);
      expect(new Set(benchmark.map((b) => `${b.industry} n=${b.n}`))).toEqual(new Set(['software n=10']));

      const readiness = (
        await query(
          "SELECT readiness FROM summary JOIN organizations USING (organization) WHERE industry = 'software' AND consent ORDER BY readiness",
        )
      ).map((r) => r.readiness as number);
      expect(readiness).toHaveLength(10);
      const quantile = (q: number) => {
        const at = q * (readiness.length - 1);
        const low = Math.floor(at);
        return readiness[low]! + (at - low) * (readiness[Math.min(low + 1, readiness.length - 1)]! - readiness[low]!);
      };
      const row = benchmark.find((b) => b.metric === 'readiness')!;
      for (const [key, q] of [
        ['p25', 0.25],
        ['p50', 0.5],
        ['p75', 0.75],
      ] as const)
        expect(Math.abs((row[key] as number) - quantile(q))).toBeLessThanOrEqual(0.05 + 1e-9);

      const positions = await query(
        "SELECT organization, percentile FROM benchmark_position WHERE metric = 'readiness' ORDER BY percentile",
      );
      expect(positions).toHaveLength(10);
      expect([positions[0]!.percentile, positions.at(-1)!.percentile]).toEqual([0, 100]);
    },
  );
});
