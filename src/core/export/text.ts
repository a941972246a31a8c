import { terminalSafeJson } from '../render/report-json.js';
import { CSV_EOL, csvCell } from '../csv-cells.js';
import { safeText } from '../text.js';
import { EXPORT_COLUMNS } from './columns.js';
import {
  TAIL_COLUMNS,
  WHAT_COLUMNS,
  WHO_COLUMNS,
  type ExportRow,
  type ItemAxisCells,
  type RespondentCells,
} from './rows.js';

// CSV and NDJSON: one line per row, handed out in chunks of about CHUNK_CHARS characters, so that
// the whole export is never held in memory at once. Each row's shared cells are formatted once.

const CHUNK_CHARS = 1 << 16;
/** Joins lines into chunks of about CHUNK_CHARS. */
function* chunked(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** Memoizes a formatter of the shared cells: rows hold the same objects, so a Map by identity is enough. */
function once<K extends object, V>(format: (key: K) => V): (key: K) => V {
  let lastKey: K | undefined;
  let lastValue: V | undefined;
  const cache = new Map<K, V>();
  return (key) => {
    if (key === lastKey) return lastValue!;
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = format(key)));
    lastKey = key;
    lastValue = value;
    return value;
  };
}

function* csvLines(rows: Iterable<ExportRow>): Generator<string> {
  yield EXPORT_COLUMNS.map((c) => c.name).join(',') + CSV_EOL;
  const who = once((w: RespondentCells) => WHO_COLUMNS.map((c) => csvCell(w[c])).join(','));
  const what = once(
    (w: ItemAxisCells) =>
      [WHAT_COLUMNS.map((c) => csvCell(w[c])).join(','), TAIL_COLUMNS.map((c) => csvCell(w[c])).join(',')] as const,
  );
  for (const row of rows) {
    const [head, tail] = what(row.what);
    yield `${who(row.who)},${head},${csvCell(row.value)},${row.status},${tail}${CSV_EOL}`;
  }
}

const json = (value: unknown) => terminalSafeJson(JSON.stringify(value));
const jsonFields = <T extends object>(part: T, columns: readonly (keyof T & string)[]) =>
  columns.map((c) => `${json(c)}:${json(part[c])}`).join(',');

function* ndjsonLines(rows: Iterable<ExportRow>): Generator<string> {
  const who = once((w: RespondentCells) => jsonFields(w, WHO_COLUMNS));
  const what = once((w: ItemAxisCells) => [jsonFields(w, WHAT_COLUMNS), jsonFields(w, TAIL_COLUMNS)] as const);
  for (const row of rows) {
    const [head, tail] = what(row.what);
    // A fact's value comes from the answers file: escaped like any text; status is a code.
    yield `{${who(row.who)},${head},"value":${json(row.value)},"status":"${row.status}",${tail}}\n`;
  }
}

export const csvChunks = (rows: Iterable<ExportRow>): Generator<string> => chunked(csvLines(rows));
export const ndjsonChunks = (rows: Iterable<ExportRow>): Generator<string> => chunked(ndjsonLines(rows));

/**
 * CSV shown on a terminal rather than saved: escape sequences removed and other control characters
 * written visibly (`\u{85}`), as every message does; a file or a pipe gets every character.
 */
export function* shownOnTerminal(chunks: Iterable<string>): Generator<string> {
  for (const chunk of chunks) yield chunk.split(CSV_EOL).map(safeText).join(CSV_EOL);
}
