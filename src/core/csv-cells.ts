// Writing CSV (RFC 4180) that a spreadsheet opens safely: the export and the report's csv format.

/** RFC 4180 ends records with CRLF. */
export const CSV_EOL = '\r\n';

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV cell: empty for null; a leading `'` when a spreadsheet would read a formula; quoted when RFC 4180 needs it. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
