import { InputError } from '../errors.js';
import { megabytes } from '../source.js';
import { safeLine } from '../text.js';
import { attribute, XmlScanner, type XmlHandler } from './xml-scan.js';
import { entryBytes, inflateEntry, zipEntries, type ZipEntry } from './zip.js';
import type { SerialDates } from './form-dates.js';

// An XLSX workbook's sheets as rows of text, each cell at its place: a row's cells start at column
// A and an empty cell is "". A sheet is inflated and read a piece at a time and each row handed on
// as it is read, so a million rows never sit in memory at once. Every part is found as the package
// says (the workbook's relationships), any namespace prefix is read, and whatever size the archive
// declares, a part is read to its end.

/** More than any form export needs: 100,000 respondents of 200 short answers. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

export interface SheetRow {
  /** The row's number in the sheet (1 is the first). */
  line: number;
  cells: string[];
}

export interface Sheet {
  /** The sheet's name, as its tab shows it. */
  name: string;
  path: string;
}

/** How much of a sheet is decoded into text at a time. */
const TEXT_BYTES = 16 * 1024;

const EXPECTED = 'an .xlsx file as a form tool exports it (Microsoft Forms: Open in Excel, then download)';

function fail(source: string, message: string, expected: string): never {
  throw new InputError([{ source: safeLine(source), message, expected, severity: 'error' }]);
}

/** `C` → 2: a column's index from its letters. */
export function columnIndex(letters: string): number {
  let index = 0;
  for (let i = 0; i < letters.length; i++) index = index * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
  return index - 1;
}

/** A part's path from a relationship's target, relative to the part that names it. */
function resolvePath(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

/** The elements named `name` of a small part, each by its attributes. */
function elementsOf(xml: string, name: string): string[] {
  const found: string[] = [];
  const scanner = new XmlScanner({
    wantsText: false,
    text() {},
    close() {},
    open: (n, attributes) => n === name && found.push(attributes),
  });
  scanner.feed(xml);
  return found;
}

/**
 * The text of each `<si>` of the shared strings, without phonetic guides (`<rPh>`, which hold runs of their
 * own).
 */
class SharedStrings implements XmlHandler {
  readonly strings: string[] = [];
  private current = '';
  private inText = false;
  private guides = 0;
  wantsText = false;

  open(name: string, _attributes: string, selfClosing: boolean): void {
    if (name === 'si') this.current = '';
    else if (name === 'rPh') this.guides++;
    else if (name === 't' && this.guides === 0 && !selfClosing) this.wantsText = this.inText = true;
  }

  close(name: string): void {
    if (name === 't') this.wantsText = this.inText = false;
    else if (name === 'rPh') this.guides--;
    else if (name === 'si') this.strings.push(this.current);
  }

  text(text: string): void {
    if (this.inText) this.current += text;
  }
}

/** One sheet's rows, each handed on when its end tag is read. */
class SheetReader implements XmlHandler {
  wantsText = false;
  private line = 0;
  private cells: string[] = [];
  private column = -1;
  private type: string | undefined;
  private value = '';
  private hasValue = false;
  /** Inside `<v>`, or a `<t>` of an inline string (not of its phonetic guide). */
  private inInline = false;
  private guides = 0;

  constructor(
    private readonly shared: readonly string[],
    private readonly onRow: (row: SheetRow) => boolean | void,
    private readonly stop: () => void,
  ) {}

  open(name: string, attributes: string, selfClosing: boolean): void {
    switch (name) {
      case 'row': {
        const numbered = Number(attribute(attributes, 'r'));
        this.line = Number.isInteger(numbered) && numbered > this.line ? numbered : this.line + 1;
        this.cells = [];
        this.column = -1;
        break;
      }
      case 'c': {
        const ref = /^([A-Za-z]{1,3})\d/.exec(attribute(attributes, 'r') ?? '')?.[1];
        this.column = ref ? columnIndex(ref) : this.column + 1;
        // A cell's column only grows along a row: a reference that runs back is read as the next one.
        if (ref && this.column < this.cells.length) this.column = this.cells.length;
        this.type = attribute(attributes, 't');
        this.value = '';
        this.hasValue = false;
        break;
      }
      case 'v':
        if (!selfClosing && this.type !== 'inlineStr') this.wantsText = this.hasValue = true;
        break;
      case 'is':
        this.inInline = true;
        break;
      case 'rPh':
        this.guides++;
        break;
      case 't':
        if (this.inInline && this.guides === 0 && !selfClosing) this.wantsText = this.hasValue = true;
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.wantsText = false;
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'rPh':
        this.guides--;
        break;
      case 'c': {
        const value = this.cellValue();
        while (this.cells.length < this.column) this.cells.push('');
        this.cells[this.column] = value;
        break;
      }
      case 'row': {
        const cells = this.cells;
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        if (cells.length > 0 && this.onRow({ line: this.line, cells }) === false) this.stop();
        this.cells = [];
        break;
      }
    }
  }

  text(text: string): void {
    this.value += text;
  }

  /**
   * A cell's value as the sheet shows it, for the types a form export holds (a date stays its serial number).
   */
  private cellValue(): string {
    if (!this.hasValue) return '';
    if (this.type === 's') return this.shared[Number(this.value)] ?? '';
    if (this.type === 'b') return this.value === '1' ? 'TRUE' : 'FALSE';
    return this.value;
  }
}

export class Workbook {
  /** The sheets in the order of their tabs. */
  readonly sheets: Sheet[];
  /** What the workbook's date serial numbers count from. */
  readonly serialDates: SerialDates;
  private readonly entries: Map<string, ZipEntry>;
  private readonly byLowerName = new Map<string, ZipEntry>();
  private readonly budget = { used: 0, cap: MAX_UNPACKED_BYTES };
  private shared: string[] | undefined;
  private readonly sharedPath: string | undefined;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly source: string,
  ) {
    this.entries = zipEntries(bytes, source, 'workbook', EXPECTED);
    for (const entry of this.entries.values()) this.byLowerName.set(entry.name.toLowerCase(), entry);
    const rootRels = this.partText('_rels/.rels');
    const officeDocument =
      rootRels &&
      elementsOf(rootRels, 'Relationship').find((r) => /\/officeDocument$/.test(attribute(r, 'Type') ?? ''));
    const workbookPath = officeDocument
      ? resolvePath('', attribute(officeDocument, 'Target') ?? '')
      : 'xl/workbook.xml';
    const relsPath = resolvePath(workbookPath, `_rels/${workbookPath.split('/').pop()}.rels`);
    const rels = new Map<string, { type: string; path: string }>();
    const relsText = this.partText(relsPath);
    for (const r of relsText ? elementsOf(relsText, 'Relationship') : []) {
      rels.set(attribute(r, 'Id') ?? '', {
        type: attribute(r, 'Type') ?? '',
        path: resolvePath(workbookPath, attribute(r, 'Target') ?? ''),
      });
    }
    const workbook = this.partText(workbookPath);
    const properties = workbook ? elementsOf(workbook, 'workbookPr')[0] : undefined;
    const date1904 = properties === undefined ? undefined : attribute(properties, 'date1904');
    this.serialDates = date1904 === '1' || date1904 === 'true' ? 1904 : 1900;
    this.sheets = [];
    for (const sheet of workbook ? elementsOf(workbook, 'sheet') : []) {
      const path = rels.get(attribute(sheet, 'id') ?? '')?.path;
      if (path !== undefined && this.entry(path)) this.sheets.push({ name: attribute(sheet, 'name') ?? path, path });
    }
    // A workbook whose parts say nothing usable: its worksheets by name.
    if (this.sheets.length === 0) {
      const paths = [...this.entries.keys()].filter((name) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name)).sort();
      for (const path of paths) this.sheets.push({ name: path.replace(/^.*\/|\.xml$/gi, ''), path });
    }
    this.sharedPath = [...rels.values()].find((r) => /\/sharedStrings$/.test(r.type))?.path ?? 'xl/sharedStrings.xml';
    // What the archive declares for the parts that will be read is checked before any is inflated.
    const declared = [workbookPath, relsPath, this.sharedPath, ...this.sheets.map((s) => s.path)].reduce(
      (sum, path) => sum + (this.entry(path)?.declaredSize ?? 0),
      0,
    );
    if (declared > MAX_UNPACKED_BYTES)
      fail(
        source,
        `the workbook unpacks to more than ${megabytes(MAX_UNPACKED_BYTES)}`,
        `at most ${megabytes(MAX_UNPACKED_BYTES)} of sheets`,
      );
  }

  private entry(path: string): ZipEntry | undefined {
    return this.entries.get(path) ?? this.byLowerName.get(path.toLowerCase());
  }

  private decoder(): (piece: Uint8Array, last?: boolean) => string {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    return (piece, last = false) => {
      try {
        return decoder.decode(piece, { stream: !last });
      } catch {
        return fail(this.source, 'the workbook holds text that is not UTF-8', EXPECTED);
      }
    };
  }

  private partText(path: string): string | undefined {
    const entry = this.entry(path);
    return entry && this.decoder()(entryBytes(this.bytes, entry, this.source, this.budget), true);
  }

  private sharedStrings(): string[] {
    if (this.shared) return this.shared;
    const entry = this.sharedPath === undefined ? undefined : this.entry(this.sharedPath);
    const handler = new SharedStrings();
    if (entry) this.scan(entry, handler);
    return (this.shared = handler.strings);
  }

  private scan(entry: ZipEntry, handler: XmlHandler, scanner = new XmlScanner(handler)): void {
    const decode = this.decoder();
    inflateEntry(this.bytes, entry, this.source, this.budget, (piece) => {
      // Text in small pieces: a large string is made where long-lived objects are, and a sheet is all garbage.
      for (let at = 0; at < piece.length && !scanner.isStopped; at += TEXT_BYTES)
        scanner.feed(decode(piece.subarray(at, at + TEXT_BYTES)));
      return !scanner.isStopped;
    });
    scanner.feed(decode(new Uint8Array(0), true));
  }

  /** Hands each row of a sheet to `onRow`, in order, as it is read; `onRow` returns false to stop. */
  rows(sheet: Sheet, onRow: (row: SheetRow) => boolean | void): void {
    const entry = this.entry(sheet.path);
    if (!entry) return;
    const shared = this.sharedStrings();
    let scanner: XmlScanner | undefined = undefined;
    const reader = new SheetReader(shared, onRow, () => scanner!.stop());
    scanner = new XmlScanner(reader);
    this.scan(entry, reader, scanner);
  }
}

/** Opens a workbook: its sheets, ready to be read. */
export function openWorkbook(bytes: Uint8Array, source: string): Workbook {
  const workbook = new Workbook(bytes, source);
  if (workbook.sheets.length === 0)
    fail(source, 'the workbook has no sheet', 'an .xlsx file with the responses on one of its sheets');
  return workbook;
}

/** Every row of one sheet (the first by default), in order, with its cells as text. */
export function xlsxRows(bytes: Uint8Array, source: string, sheet = 0): SheetRow[] {
  const workbook = openWorkbook(bytes, source);
  const rows: SheetRow[] = [];
  if (workbook.sheets[sheet]) workbook.rows(workbook.sheets[sheet], (row) => void rows.push(row));
  return rows;
}
