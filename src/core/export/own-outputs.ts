import { CSV_COLUMNS } from '../render/report-csv.js';
import { WHO_COLUMNS } from './rows.js';

/**
 * What pm-diag wrote a CSV file as, by its first line: its report's CSV or an export, nobody's answers
 * (undefined for anything else). `head`: the file's first bytes as text.
 */
export function ownOutputOf(head: string): string | undefined {
  const header = head.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0]!;
  if (header === CSV_COLUMNS.join(',')) return 'a pm-diag report (CSV)';
  return header.startsWith(`${WHO_COLUMNS.join(',')},`) ? 'a pm-diag export' : undefined;
}
