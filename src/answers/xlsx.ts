import { unzipSync, type UnzipFileInfo } from 'fflate';
import { InputError } from '../errors.js';
import { megabytes } from '../io/read.js';
import { safeLine } from '../text.js';

// The first sheet of an XLSX workbook (what Microsoft Forms exports) as rows of text, each cell at
// its place: a row's cells start at column A and an empty cell is "". fflate unpacks the zip; the
// few parts of the sheet's XML read here are read by the patterns below. An entry is inflated into a
// buffer of the size the archive declares, so a small file cannot unpack to gigabytes.

/** More than any form export needs: 100,000 respondents of 200 short answers. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export interface SheetRow {
  /** The row's number in the sheet (1 is the first). */
  line: number;
  cells: string[];
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const isPart = (name: string) => name === WORKBOOK || name === WORKBOOK_RELS || name === SHARED_STRINGS || /^xl\/worksheets\/[^/]+\.xml$/.test(name);

function fail(source: string, message: string, expected: string): never {
  throw new InputError([{ source: safeLine(source), message, expected, severity: 'error' }]);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' };

/** XML text as written: entities, character references, and OOXML's `_xHHHH_` for characters XML cannot hold. */
function xmlText(raw: string): string {
  return raw
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name] ?? whole;
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? xmlText(match[1] ?? match[2] ?? '') : undefined;
}

/** The text of a rich or plain string: its `<t>` runs, without the phonetic guides (`<rPh>`). */
function runsText(xml: string): string {
  let text = '';
  for (const run of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) text += xmlText(run[1] ?? '');
  return text;
}

/** `C` → 2: a column's index from its letters. */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** The path of the workbook's first sheet, from the workbook and its relationships. */
function firstSheetPath(parts: Record<string, Uint8Array>, decode: (bytes: Uint8Array) => string): string | undefined {
  const workbook = parts[WORKBOOK] && decode(parts[WORKBOOK]);
  const rels = parts[WORKBOOK_RELS] && decode(parts[WORKBOOK_RELS]);
  const sheet = workbook?.match(/<sheet\b([^>]*)>/)?.[1];
  const id = sheet && attribute(sheet, 'r:id');
  if (rels && id) {
    for (const [, attributes] of rels.matchAll(/<Relationship\b([^>]*)>/g)) {
      if (attribute(attributes!, 'Id') !== id) continue;
      const target = attribute(attributes!, 'Target') ?? '';
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      if (parts[path]) return path;
    }
  }
  return Object.keys(parts)
    .filter((name) => name.startsWith('xl/worksheets/'))
    .sort()[0];
}

/** Every row of the workbook's first sheet, in order, with its cells as text. */
export function xlsxRows(bytes: Uint8Array, source: string): SheetRow[] {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) fail(source, 'not an XLSX workbook (it is not a zip archive)', 'an .xlsx file as a form tool exports it (Microsoft Forms: Open in Excel, then download)');
  let unpacked = 0;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        if (!isPart(file.name)) return false;
        unpacked += file.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) fail(source, `the workbook unpacks to more than ${megabytes(MAX_UNPACKED_BYTES)}`, `at most ${megabytes(MAX_UNPACKED_BYTES)} of sheets`);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof InputError) throw err;
    fail(source, `the XLSX archive is damaged (${safeLine((err as Error).message)})`, 'an .xlsx file as the form tool exported it');
  }
  const decoder = new TextDecoder('utf-8');
  const decode = (part: Uint8Array) => decoder.decode(part);
  const sheetPath = firstSheetPath(parts, decode);
  if (sheetPath === undefined) fail(source, 'the workbook has no sheet', 'an .xlsx file with the responses on its first sheet');
  const shared: string[] = [];
  if (parts[SHARED_STRINGS]) for (const [, si] of decode(parts[SHARED_STRINGS]).matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)) shared.push(runsText(si ?? ''));
  const rows: SheetRow[] = [];
  let line = 0;
  for (const [, rowAttributes, rowXml] of decode(parts[sheetPath]!).matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    line = Number(attribute(rowAttributes!, 'r') ?? line + 1);
    const cells: string[] = [];
    let column = -1;
    for (const [, cellAttributes, cellXml] of (rowXml ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attribute(cellAttributes!, 'r')?.match(/^([A-Za-z]+)/)?.[1];
      column = ref ? columnIndex(ref) : column + 1;
      const value = cellValue(attribute(cellAttributes!, 't'), cellXml ?? '', shared);
      while (cells.length < column) cells.push('');
      cells[column] = value;
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > 0) rows.push({ line, cells });
  }
  return rows;
}

/** A cell's value as the sheet shows it, for the types a form export holds (a date stays its serial number). */
function cellValue(type: string | undefined, xml: string, shared: string[]): string {
  if (type === 'inlineStr') return runsText(xml.match(/<is\b[^>]*>([\s\S]*?)<\/is>/)?.[1] ?? '');
  const v = xml.match(/<v\b[^>]*>([\s\S]*?)<\/v>/)?.[1];
  if (v === undefined) return '';
  if (type === 's') return shared[Number(v)] ?? '';
  if (type === 'b') return v === '1' ? 'TRUE' : 'FALSE';
  return xmlText(v);
}
