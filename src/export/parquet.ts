import type { BasicType } from 'hyparquet-writer';
import { VERSION } from '../version.js';
import { EXPORT_COLUMNS, type ColumnType } from './columns.js';
import { TAIL_COLUMNS, WHAT_COLUMNS, WHO_COLUMNS, type ExportRow } from './rows.js';

// Parquet through hyparquet-writer (pure JavaScript), imported only when this format is asked for.
// A Parquet column has one type, so `value` is text here: SQL reads a level with
// TRY_CAST(value AS DOUBLE).

const PARQUET_TYPES: Record<ColumnType, BasicType> = { text: 'STRING', value: 'STRING', integer: 'INT32', number: 'DOUBLE' };

/** The whole export as one Parquet file (snappy-compressed, with column statistics). */
export async function parquetBytes(rows: Iterable<ExportRow>): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const data: Record<string, (string | number | null)[]> = Object.fromEntries(EXPORT_COLUMNS.map((c) => [c.name, []]));
  for (const row of rows) {
    for (const c of WHO_COLUMNS) data[c]!.push(row.who[c]);
    for (const c of WHAT_COLUMNS) data[c]!.push(row.what[c]);
    for (const c of TAIL_COLUMNS) data[c]!.push(row.what[c]);
    data.value!.push(row.value === null ? null : String(row.value));
    data.status!.push(row.status);
  }
  const columnData = EXPORT_COLUMNS.map((c) => ({ name: c.name, data: data[c.name]!, type: PARQUET_TYPES[c.type], nullable: c.nullable }));
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: `pm-diag version ${VERSION}` }));
}
