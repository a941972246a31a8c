import type { Bank } from '../bank/schema.js';
import { InputError, andThen, checked, type Checked, type Problem } from '../errors.js';
import { MAX_INPUT_BYTES, decodeText, type SourceText } from '../source.js';
import type { Respondent } from './respondent.js';
import { safeLine } from '../text.js';
import { checkCsvAnswers, checkWorkbookAnswers, type FormExportOptions } from './csv.js';

// One form export as the tool or a person saved it: a CSV in UTF-8 (or UTF-16, as Excel's "Unicode
// Text" writes it), an XLSX workbook, or the .zip Google Forms downloads with the CSV inside. A
// CSV in another encoding is refused with the step that saves it as UTF-8.

const XLSX_FILE = /\.xlsx$/i;
const ZIP_FILE = /\.zip$/i;
const CSV_ENTRY = /\.csv$/i;

export const SAVE_AS_UTF8 =
  'UTF-8 text: in Excel, File \u2192 Save As \u2192 "CSV UTF-8 (Comma delimited) (*.csv)"; in Google Sheets, File \u2192 Download \u2192 ' +
  'Comma-separated values; in LibreOffice, Save As \u2192 Text CSV with "Character set: Unicode (UTF-8)"';

/**
 * A CSV's text: UTF-8, or UTF-16 with its byte-order mark; anything else refused with the way to save it as
 * UTF-8.
 */
export function csvText(bytes: Uint8Array, source: string): SourceText {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined;
  if (utf16) {
    try {
      return { source, text: new TextDecoder(utf16, { fatal: true }).decode(bytes) };
    } catch {
      throw new InputError([
        {
          source: safeLine(source),
          message: 'the file says it is UTF-16 but is not',
          expected: SAVE_AS_UTF8,
          severity: 'error',
        },
      ]);
    }
  }
  try {
    return { source, text: decodeText(bytes, source) };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const problems = err.problems.map((p): Problem => {
      const bad = /^invalid UTF-8 at byte (\d+)$/.exec(p.message);
      if (!bad) return p;
      const byte = bytes[Number(bad[1]) - 1]!;
      return {
        ...p,
        message: `the file is not UTF-8: byte 0x${byte.toString(16).toUpperCase()} at byte ${bad[1]} (Excel's "CSV (Comma delimited)" writes Windows-1252)`,
        expected: SAVE_AS_UTF8,
      };
    });
    throw new InputError(problems);
  }
}

/** The one CSV of a Google Forms download. */
async function zippedCsv(bytes: Uint8Array, path: string): Promise<SourceText> {
  const { entryBytes, zipEntries } = await import('./zip.js');
  const expected = 'the .zip Google Forms downloads ("Download responses (.csv)"), holding one CSV';
  const entries = [...zipEntries(bytes, path, 'download', expected).values()].filter(
    (e) => CSV_ENTRY.test(e.name) && !e.name.startsWith('__MACOSX/'),
  );
  if (entries.length !== 1) {
    const found =
      entries.length === 0
        ? 'no CSV file'
        : `${entries.length} CSV files (${entries.map((e) => `"${safeLine(e.name)}"`).join(', ')})`;
    throw new InputError([
      {
        source: safeLine(path),
        message: `the archive holds ${found}`,
        expected: `${expected}; or unzip it and give the CSV`,
        severity: 'error',
      },
    ]);
  }
  const entry = entries[0]!;
  const source = `${path}/${entry.name}`;
  return csvText(entryBytes(bytes, entry, source, { used: 0, cap: MAX_INPUT_BYTES }), source);
}

/** Checks one form export's bytes (named by `path`): its respondents, or every problem in it. */
export async function checkExportBytes(
  bytes: Uint8Array,
  path: string,
  bank: Bank,
  options: FormExportOptions = {},
): Promise<Checked<Respondent[]>> {
  if (XLSX_FILE.test(path)) {
    const { openWorkbook } = await import('./xlsx.js');
    return andThen(
      checked(() => openWorkbook(bytes, path)),
      (workbook) => checkWorkbookAnswers(workbook, path, bank, options),
    );
  }
  if (ZIP_FILE.test(path)) {
    let text: SourceText;
    try {
      text = await zippedCsv(bytes, path);
    } catch (err) {
      if (err instanceof InputError) return { problems: err.problems };
      throw err;
    }
    return checkCsvAnswers(text, bank, options);
  }
  return andThen(
    checked(() => csvText(bytes, path)),
    (input) => checkCsvAnswers(input, bank, options),
  );
}
