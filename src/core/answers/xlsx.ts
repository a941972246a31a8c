import { unzipSync, type UnzipFileInfo } from 'fflate';
import { InputError } from '../errors.js';
import { megabytes } from '../source.js';
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

interface Element {
  attributes: string;
  /** What is between the tags ("" for `<x/>`). */
  body: string;
  /** Where the element starts and ends in the text searched. */
  start: number;
  end: number;
}

/**
 * The `<name>` elements of `xml` in order (not nested in one another). Each search starts where the
 * last ended and a missing end tag ends the scan, so a damaged or hostile part takes linear time.
 */
function* elements(xml: string, name: string): Generator<Element> {
  const open = `<${name}`;
  const close = `</${name}>`;
  for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at)) {
    const next = xml[at + open.length];
    if (next !== '>' && next !== '/' && next !== ' ' && next !== '\t' && next !== '\n' && next !== '\r') {
      at += open.length;
      continue;
    }
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) return;
    if (xml[tagEnd - 1] === '/') {
      yield { attributes: xml.slice(at + open.length, tagEnd - 1), body: '', start: at, end: tagEnd + 1 };
      at = tagEnd + 1;
      continue;
    }
    const end = xml.indexOf(close, tagEnd);
    if (end < 0) return;
    yield { attributes: xml.slice(at + open.length, tagEnd), body: xml.slice(tagEnd + 1, end), start: at, end: end + close.length };
    at = end + close.length;
  }
}

/** The text of a rich or plain string: its `<t>` runs, without the phonetic guides (`<rPh>`, which hold runs of their own). */
function runsText(xml: string): string {
  let kept = xml;
  if (xml.includes('<rPh')) {
    kept = '';
    let from = 0;
    for (const guide of elements(xml, 'rPh')) {
      kept += xml.slice(from, guide.start);
      from = guide.end;
    }
    kept += xml.slice(from);
  }
  let text = '';
  for (const t of elements(kept, 't')) text += xmlText(t.body);
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
  if (parts[SHARED_STRINGS]) for (const si of elements(decode(parts[SHARED_STRINGS]), 'si')) shared.push(runsText(si.body));
  const rows: SheetRow[] = [];
  let line = 0;
  for (const row of elements(decode(parts[sheetPath]!), 'row')) {
    const numbered = Number(attribute(row.attributes, 'r'));
    line = Number.isInteger(numbered) && numbered > line ? numbered : line + 1;
    const cells: string[] = [];
    let column = -1;
    for (const cell of elements(row.body, 'c')) {
      const ref = attribute(cell.attributes, 'r')?.match(/^([A-Za-z]{1,3})\d/)?.[1];
      column = ref ? columnIndex(ref) : column + 1;
      // A cell's column only grows along a row: a reference that runs back is read as the next one.
      if (ref && column < cells.length) column = cells.length;
      const value = cellValue(attribute(cell.attributes, 't'), cell.body, shared);
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
  if (type === 'inlineStr') {
    for (const is of elements(xml, 'is')) return runsText(is.body);
    return '';
  }
  let v: string | undefined;
  for (const element of elements(xml, 'v')) {
    v = element.body;
    break;
  }
  if (v === undefined) return '';
  if (type === 's') return shared[Number(v)] ?? '';
  if (type === 'b') return v === '1' ? 'TRUE' : 'FALSE';
  return xmlText(v);
}
