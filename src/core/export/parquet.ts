import type { BasicType } from 'hyparquet-writer';
import { VERSION } from '../version.js';
import { EXPORT_COLUMNS, type ColumnType } from './columns.js';
import { TAIL_COLUMNS, WHAT_COLUMNS, WHO_COLUMNS, type ExportRow } from './rows.js';

// Parquet through hyparquet-writer (pure JavaScript), imported only when this format is asked for.
// A Parquet column has one type, so `value` is text here: SQL reads a level with
// TRY_CAST(value AS DOUBLE). Rows are encoded a row group at a time, so only one group's columns
// are held at once: the writer needs several times the size of the group it encodes.

const PARQUET_TYPES: Record<ColumnType, BasicType> = {
  text: 'STRING',
  value: 'STRING',
  integer: 'INT32',
  number: 'DOUBLE',
};
const ROW_GROUP_ROWS = 1 << 13;

type Columns = Record<string, (string | number | null)[]>;
const emptyColumns = (): Columns => Object.fromEntries(EXPORT_COLUMNS.map((c) => [c.name, []]));

/** The whole export as one Parquet file (snappy-compressed). */
export async function parquetBytes(rows: Iterable<ExportRow>): Promise<Uint8Array> {
  const { ByteWriter, ParquetWriter, schemaFromColumnData } = await import('hyparquet-writer');
  const writer = new ByteWriter();
  let parquet: InstanceType<typeof ParquetWriter> | undefined;
  const flush = async (data: Columns, count: number) => {
    const columnData = EXPORT_COLUMNS.map((c) => ({
      name: c.name,
      data: data[c.name]!,
      type: PARQUET_TYPES[c.type],
      nullable: c.nullable,
    }));
    parquet ??= new ParquetWriter({
      writer,
      schema: schemaFromColumnData({ columnData }),
      createdBy: `pm-diag version ${VERSION}`,
      // An export is read whole by the engine it is loaded into: a row group's minimum and maximum would
      // let a query skip groups of a file far larger than one assessment's.
      statistics: false,
    });
    if (count > 0)
      await parquet.write({ columnData: columnData.map(({ name, data }) => ({ name, data })), rowGroupSize: count });
  };
  let data = emptyColumns();
  let count = 0;
  for (const row of rows) {
    for (const c of WHO_COLUMNS) data[c]!.push(row.who[c]);
    for (const c of WHAT_COLUMNS) data[c]!.push(row.what[c]);
    for (const c of TAIL_COLUMNS) data[c]!.push(row.what[c]);
    data.value!.push(row.value === null ? null : String(row.value));
    data.status!.push(row.status);
    if (++count === ROW_GROUP_ROWS) {
      await flush(data, count);
      data = emptyColumns();
      count = 0;
    }
  }
  if (count > 0 || parquet === undefined) await flush(data, count);
  await parquet!.finish();
  return new Uint8Array(writer.getBuffer());
}
