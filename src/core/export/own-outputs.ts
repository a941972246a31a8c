import { inputKind } from '../answers/inputs.js';
import { CSV_COLUMNS } from '../render/report-csv.js';
import { WHO_COLUMNS } from './rows.js';

/** How pm-diag's text outputs begin (the terminal report and comparison, saved with --out or a redirect). */
const TEXT_OUTPUTS: [start: string, what: string][] = [
  ['Gap report: ', 'a pm-diag report (text)'],
  ['pm-diag compare \u00b7 ', 'a pm-diag comparison (text)'],
];

/** Whether a line is a row of pm-diag's NDJSON export: an object whose keys begin with the export's own. */
function isExportRow(line: string): boolean {
  if (!line.startsWith(`{"${WHO_COLUMNS[0]}":`)) return false;
  try {
    const keys = Object.keys(JSON.parse(line) as object);
    return WHO_COLUMNS.every((column, i) => keys[i] === column);
  } catch {
    return false;
  }
}

/**
 * What pm-diag wrote a file as, by its first line: its report (CSV or text), a comparison, an export (CSV,
 * NDJSON, Parquet), nobody's answers (undefined for anything else). `head`: the file's first bytes as text.
 */
export function ownOutputOf(head: string): string | undefined {
  // Parquet's magic number: the export's binary format, never answers.
  if (head.startsWith('PAR1')) return 'a Parquet file';
  const header = head.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0]!;
  if (header === CSV_COLUMNS.join(',')) return 'a pm-diag report (CSV)';
  if (header.startsWith(`${WHO_COLUMNS.join(',')},`)) return 'a pm-diag export';
  if (isExportRow(header)) return 'a pm-diag export (NDJSON)';
  return TEXT_OUTPUTS.find(([start]) => header.startsWith(start))?.[1];
}

/** Whether a file may be one of pm-diag's outputs, by its name: a CSV, or a name of no kind pm-diag reads. */
export const mayBeOwnOutput = (name: string): boolean => /\.csv$/i.test(name) || inputKind(name) === undefined;
