import type { CsvError, Options } from 'csv-parse';
import type * as z from 'zod/mini';
import { parse } from 'csv-parse/sync';
import {
  AXES,
  ITEM_KINDS,
  TEXT_FIELDS,
  fieldsOf,
  ratedOn,
  type AnswerField,
  type Axis,
  type RatedField,
} from '../bank/item-kinds.js';
import { bankItems, itemsById, type BankItem } from '../bank/items.js';
import type { Bank, Fact } from '../bank/schema.js';
import { InputError, checked, errorsOf, valueOf, type Checked, type Problem } from '../errors.js';
import type { SourceText } from '../source.js';
import { csvPieces } from './csv-pieces.js';
import { EMAIL } from './identity.js';
import type { DocPath, ParsedDocument, Position } from '../document/document.js';
import { issuesToProblems, type Issue } from '../document/validate.js';
import { RowRespondent, type Answer, type ItemAnswer, type Respondent } from './respondent.js';
import { capText, closest, describeValue, safeLine } from '../text.js';
import { choiceKey, choiceReader, factColumn, formChoices, readFact, type ChoiceField } from './choices.js';
import { dayOrderOf, isAmbiguousDate, parseTimestamp, type DayOrder, type SerialDates } from './form-dates.js';
import {
  META_COLUMNS,
  columnLetters,
  combinedHeader,
  factIdOf,
  hasField,
  hasSecondHeaderRow,
  headerTags,
  isFormToolColumn,
  isImportIdRow,
  metaColumn,
  splitItemColumn,
  toolColumns,
  type Column,
  type MetaColumn,
  type ToolColumn,
  type ToolUse,
} from './form-columns.js';
import { IGNORE, type FormMap } from './form-map.js';
import type { Workbook } from './xlsx.js';
import { describedBy, rowRuleProblems, type AnswersCheckOptions } from './load.js';
import { isMigratedId, migrateAnswers } from './migrate.js';
import { NOT_APPLICABLE, answersSchemas, type AnswersFile } from './schema.js';
import { pushAll } from '../lists.js';

// A form tool's export: one row per respondent, columns as `pm-diag template --format csv` gives
// them, or as the form tool named them (answers/form-columns.ts). Each row becomes the same data an
// answers file holds and is checked by the same schemas and rules, with every position pointing at a
// cell: `file.csv:LINE:COLUMN`, the column counted in cells; `file.xlsx:C7` in a workbook.

type Field = AnswerField;

/** Where each meta column goes in the answers file a row stands for. */
const META_PATHS: Record<MetaColumn, string> = {
  respondent: 'respondent.name',
  role: 'respondent.role',
  organization: 'organization',
  stage: 'stage',
};

export interface FormExportOptions extends AnswersCheckOptions {
  /** `--map FILE`: headers and labels the export's own form used. */
  map?: FormMap;
}

const NO_ISSUES: readonly Issue[] = [];
const CHOICE_FIELDS = new Set<ChoiceField>(['owner', ...AXES, 'role']);
const RATINGS = new Set<Field>(Object.values(ITEM_KINDS).flatMap((kind) => kind.rated satisfies readonly RatedField[]));
const LEVELS = new Set<Field>(AXES satisfies readonly Axis[]);

/** The CSV columns of a form export, in bank order: what `report` reads and `template --format csv` writes (for `items`, those of one form and stage). */
export function csvColumns(bank: Bank, items: readonly BankItem[] = bankItems(bank)): string[] {
  const columns = ['respondent', 'role', ...Object.keys(bank.facts ?? {}).map(factColumn)];
  for (const item of items) for (const field of fieldsOf(item.kind)) columns.push(`${item.id}.${field}`);
  return columns;
}
const NUMBER = /^\d+(\.\d+)?$/;
const DIGITS = /^\d+$/;
const LEVEL_COUNT = 5;
/** The tools whose exports can hold each choice's position rather than its text. */
const POSITION_TOOLS = new Set(['SurveyMonkey', 'Qualtrics']);

/** A row of an export: its cells, and the line each starts on (a workbook's row number). */
interface CellRow {
  readonly cells: string[];
  lineOf(index: number): number;
}

/** A row as csv-parse gives it. The line each cell starts on is worked out only for a message. */
class Row implements CellRow {
  private lines: Int32Array | undefined;

  constructor(
    readonly cells: string[],
    /** The line the row ends on. */
    private readonly endLine: number,
  ) {}

  /** The row's end line less the line breaks inside this cell and those after it (only quoted cells hold any). */
  lineOf(index: number): number {
    if (!this.lines) {
      // Worked out for every cell at once: a header of a million columns asks for many.
      this.lines = new Int32Array(this.cells.length + 1);
      let line = this.endLine;
      this.lines[this.cells.length] = line;
      for (let i = this.cells.length - 1; i >= 0; i--) this.lines[i] = line -= lineBreaks(this.cells[i]!);
    }
    return this.lines[Math.min(Math.max(index, 0), this.cells.length)]!;
  }
}

interface Header {
  columns: (Column | undefined)[];
  /** The form tool's own columns this reader takes facts from (e-mail, response id, time, progress). */
  tool: { name: string | undefined; columns: Map<ToolUse, ToolColumn> };
  /** Only rapid items have columns (and the bank has others): the export is of the rapid form. */
  rapid: boolean;
  /** The columns of each document path (`answers.<id>.<field>`, `answers.<id>`, `respondent.role`), to locate problems. */
  cellsOf: Map<string, number[]>;
  /** Columns with no name: a spreadsheet's formatted but empty ones, left out unless a row has a value in one. */
  unnamed: number[];
  problems: Problem[];
}

/**
 * The delimiter a form tool used: whichever of comma, semicolon and tab the header row holds most. The header
 * row is the first line with a `[…]` tag among the first few (a title may come before it), else the first.
 */
function delimiterOf(text: string): string {
  const lines: string[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  for (let start = 0; start < text.length && lines.length < HEADER_ROWS_SEARCHED;) {
    lineBreak.lastIndex = start;
    const found = lineBreak.exec(text);
    lines.push(text.slice(start, found ? found.index : text.length));
    start = found ? lineBreak.lastIndex : text.length;
  }
  const first = lines.find((line) => headerTags(line).length > 0) ?? lines[0] ?? '';
  let best = ',';
  let most = 0;
  for (const candidate of [',', ';', '\t']) {
    const count = first.split(candidate).length - 1;
    if (count > most) {
      best = candidate;
      most = count;
    }
  }
  return best;
}

const PARSE_MESSAGES: Record<string, [string, string]> = {
  CSV_QUOTE_NOT_CLOSED: ['a quoted cell is never closed', 'a closing quote (")'],
  CSV_INVALID_CLOSING_QUOTE: [
    'text follows the closing quote of a cell',
    'a delimiter or the end of the line after a closing quote (write "" for a quote inside a cell)',
  ],
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: [
    'text follows the closing quote of a cell',
    'a delimiter or the end of the line after a closing quote',
  ],
  INVALID_OPENING_QUOTE: [
    'a quote inside a cell that is not quoted',
    'the whole cell in quotes, with "" for each quote inside it',
  ],
  CSV_MAX_RECORD_SIZE: ['a row is too long (an unclosed quote?)', 'rows of at most 128,000 characters'],
};

/** A break in the CSV text, named by the line its row starts on (csv-parse names where it gave up, and counts a CRLF in a cell twice). */
function parseProblem(err: CsvError & { column?: unknown }, source: string, line: number): Problem {
  const [message, expected] = PARSE_MESSAGES[err.code] ?? [safeLine(err.message), undefined];
  return {
    source,
    line,
    column: typeof err.column === 'number' ? err.column + 1 : undefined,
    message,
    expected,
    severity: 'error',
  };
}

function lineBreaks(value: string): number {
  let breaks = 0;
  for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) breaks++;
  return breaks;
}

/**
 * Parses the text and hands each row to `onRow` in order. Each row's lines are counted here, from
 * the line breaks inside its quoted cells: csv-parse's own count, made for every record, cost more
 * than the rest of its parse. A blank line is a record of one empty cell, skipped but counted.
 */
function parseRows(input: SourceText, source: string, onRow: (row: Row) => void): void {
  let line = 1;
  const take = (record: string[]): void => {
    if (record.length === 1 && record[0] === '') {
      line++;
      return;
    }
    let breaks = 0;
    for (const cell of record) if (cell.length > 0) breaks += lineBreaks(cell);
    onRow(new Row(record, line + breaks));
    line += breaks + 1;
  };
  const delimiter = delimiterOf(input.text);
  // A piece's rows are handed on before the next is parsed: a million rows never sit in memory at once.
  for (const piece of csvPieces(input.text)) {
    // Every line break is \n, as a spreadsheet reads any: rows that end in CRLF and in LF alike (rows
    // added in another editor) are one file, and a cell's CRLF is one line break. csv-parse is told the one
    // kind, so that it does not try each anew at every character.
    const text = piece.text.includes('\r') ? piece.text.replace(/\r\n?/g, '\n') : piece.text;
    const options = { bom: piece.first, delimiter, record_delimiter: '\n', relax_column_count: true };
    try {
      for (const record of parse(text, options) as string[][]) take(record);
    } catch (err) {
      if ((err as CsvError).code === undefined) throw err;
      takeUntilBreak(text, options, take);
      throw new InputError([parseProblem(err as CsvError, source, line)]);
    }
  }
}

/** The rows of a piece that does not parse, up to the break: their problems are reported with it. */
function takeUntilBreak(text: string, options: Options, take: (record: string[]) => void): void {
  const takeEach = (record: string[]): null => {
    take(record);
    return null;
  };
  try {
    parse(text, { ...options, on_record: takeEach });
  } catch (err) {
    // The same break, met again after the rows before it.
    if ((err as CsvError).code === undefined) throw err;
  }
}

const UNKNOWN_COLUMN_EXPECTED = (bank: Bank) =>
  `respondent, role, organization, stage, ${bank.facts ? 'facts.<fact id>, ' : ''}<item id>.<field> for an item of the bank "${bank.id}", or a [<item id>.<field>] tag in the header (pm-diag template --format csv lists them; --map names any other)`;

/** What a header names before the bank's migrations are applied: an item of an earlier version, or a field its item lacks, are told apart. */
type Named =
  Column | { kind: 'moved'; oldId: string; field: string } | { kind: 'wrong-field'; item: BankItem; field: string };

/** A meta column, or `<id>.<field>` of this bank or of an earlier version of it. */
function named(text: string, items: Map<string, BankItem>, bank: Bank): Named | undefined {
  const meta = metaColumn(text);
  if (meta) return { kind: meta };
  const fact = factIdOf(text);
  if (fact !== undefined) return Object.hasOwn(bank.facts ?? {}, fact) ? { kind: 'fact', id: fact } : undefined;
  const split = splitItemColumn(text);
  if (!split) return undefined;
  const item = items.get(split.id);
  if (item)
    return hasField(item, split.field)
      ? { kind: 'item', item, field: split.field }
      : { kind: 'wrong-field', item, field: split.field };
  return isMigratedId(bank, split.id) ? { kind: 'moved', oldId: split.id, field: split.field } : undefined;
}

/** What a header names: by the map, else the whole header, else a tag in it, else a form tool's own column. */
function columnNamed(
  header: string,
  items: Map<string, BankItem>,
  bank: Bank,
  map: FormMap | undefined,
): Named | undefined {
  const target = map?.columns.get(choiceKey(header));
  if (target !== undefined) return target === IGNORE ? { kind: 'ignored' } : named(target, items, bank);
  const whole = named(header, items, bank);
  if (whole) return whole;
  for (const tag of headerTags(header)) {
    const tagged = named(tag, items, bank);
    if (tagged) return tagged;
  }
  return isFormToolColumn(header) ? { kind: 'ignored' } : undefined;
}

/**
 * Columns under ids of an earlier version of the bank take the ids they have now, through the same
 * migration (and the same warning) as an answers file's; a column of a removed item is set aside.
 */
function migrateColumns(
  named: (Named | undefined)[],
  items: Map<string, BankItem>,
  bank: Bank,
  at: (index: number) => Position,
  source: string,
): { problems: Problem[]; landed: Map<string, string> } {
  const columnsOf = new Map<string, number>();
  named.forEach((n, index) => {
    const id = n?.kind === 'moved' ? n.oldId : n?.kind === 'item' ? n.item.id : undefined;
    if (id !== undefined && !columnsOf.has(id)) columnsOf.set(id, index);
  });
  const firstMoved = named.findIndex((n) => n?.kind === 'moved');
  if (firstMoved < 0) return { problems: [], landed: new Map() };
  // Each id's answer says which id it was, to follow it through the migration.
  const answers: Record<string, { note: string }> = {};
  for (const id of columnsOf.keys()) answers[id] = { note: id };
  const doc: ParsedDocument = {
    source,
    data: { answers },
    locate: (path) => at(typeof path[1] === 'string' && columnsOf.has(path[1]) ? columnsOf.get(path[1])! : firstMoved),
    locateKey: (_, key) => at(columnsOf.get(key) ?? firstMoved),
  };
  const { file, problems } = migrateAnswers({ answers } as AnswersFile, bank, doc);
  const landed = new Map<string, string>();
  for (const [id, answer] of Object.entries(file.answers ?? {})) {
    const from = (answer as { note?: string }).note;
    if (from !== undefined && from !== id && items.has(id)) landed.set(from, id);
  }
  return { problems, landed };
}

/** The most problems of one kind a header reports one by one; the rest are counted. */
const MAX_HEADER_PROBLEMS = 20;
/** Past this many distinct answer sets in one export, a row's own is not kept for the rows after it. */
const MAX_SHARED_ANSWER_SETS = 10_000;
const ALL_FIELDS = new Set<string>(
  Object.keys(ITEM_KINDS).flatMap((kind) => fieldsOf(kind as keyof typeof ITEM_KINDS)),
);

/** Whether a header means to name a column: a `[<id>.<field>]` tag, `<id>.<field>` itself, or `facts.<fact id>`. */
function meansItem(header: string): boolean {
  if (headerTags(header).some((tag) => tag.includes('.'))) return true;
  if (factIdOf(header) !== undefined) return true;
  const split = splitItemColumn(header);
  return split !== undefined && ALL_FIELDS.has(split.field) && /^[\w-]+$/.test(split.id);
}

/** Whether a row is the header row: a cell names an item's column (or a tag tries to). */
function carriesTags(
  cells: readonly string[],
  items: Map<string, BankItem>,
  bank: Bank,
  map: FormMap | undefined,
): boolean {
  return cells.some((cell) => {
    const text = cell.trim();
    if (text === '') return false;
    // A tag names an item's field or the respondent's details; other brackets (`see [1]`) are text.
    if (
      headerTags(text).some((tag) => tag.includes('.') || metaColumn(tag) !== undefined) ||
      map?.columns.has(choiceKey(text))
    )
      return true;
    const kind = named(text, items, bank)?.kind;
    return kind === 'item' || kind === 'moved' || kind === 'wrong-field';
  });
}

/**
 * The header row's columns. `above` holds the cells of the rows over it (Qualtrics' `ResponseId`
 * row), which name a form tool's own columns too.
 */
function readHeader(
  row: CellRow,
  bank: Bank,
  source: string,
  map: FormMap | undefined,
  above: readonly CellRow[] = [],
): Header {
  const items = itemsById(bank);
  const problems: Problem[] = [];
  const at = (index: number): Position => ({ line: row.lineOf(index), column: index + 1 });
  const headers = row.cells.map((cell) => cell.trim());
  const namedColumns = headers.map((name) => (name === '' ? undefined : columnNamed(name, items, bank, map)));
  // A form asks the name as a question ([respondent]); Microsoft Forms adds a `Name` column of its own
  // ("anonymous" for a form that collects none). The question's answer is the one to keep.
  const isToolName = (index: number) =>
    namedColumns[index]?.kind === 'respondent' && headers[index]!.toLowerCase() === 'name';
  if (namedColumns.some((column, index) => column?.kind === 'respondent' && !isToolName(index))) {
    namedColumns.forEach((_, index) => {
      if (isToolName(index)) namedColumns[index] = { kind: 'ignored' };
    });
  }
  // Once the tagged columns are found, any other column is the form tool's, in whatever language its
  // account uses (`Marca temporal`), unless it means to name an item and does not.
  const tagged = namedColumns.some((c) => c?.kind === 'item' || c?.kind === 'moved');
  /**
   * Columns left out for carrying no tag: the tool's own in a language the table lacks, or a question whose
   * tag is missing.
   */
  const untagged = new Set<number>();
  if (tagged) {
    namedColumns.forEach((column, index) => {
      if (column !== undefined || headers[index] === '' || meansItem(headers[index]!)) return;
      namedColumns[index] = { kind: 'ignored' };
      untagged.add(index);
    });
  }
  const migration = migrateColumns(namedColumns, items, bank, at, source);
  pushAll(problems, migration.problems);
  const seen = new Map<string, number>();
  const ignored: number[] = [];
  const unnamed: number[] = [];
  let unknown = 0;
  let known: string[] | undefined;
  const columns = namedColumns.map((column, index): Column | undefined => {
    const name = headers[index]!;
    // Made only for a column with a problem: a header may have a million columns.
    const error = () => ({ source, ...at(index), severity: 'error' as const });
    const shown = () => `"${safeLine(name)}"`;
    if (name === '') {
      unnamed.push(index);
      return undefined;
    }
    if (column?.kind === 'ignored') {
      ignored.push(index);
      return column;
    }
    if (column?.kind === 'wrong-field' && RATINGS.has(column.field as Field)) {
      const { item } = column;
      const allowed = fieldsOf(item.kind)
        .map((f) => `${item.id}.${f}`)
        .join(' or ');
      problems.push({
        ...error(),
        message: `unknown column ${shown()} (column ${index + 1}): "${item.id}" is ${ratedOn(item.kind)}`,
        expected: allowed,
      });
      return undefined;
    }
    let resolved = column?.kind === 'wrong-field' || column?.kind === 'moved' ? undefined : column;
    if (column?.kind === 'moved') {
      const to = migration.landed.get(column.oldId);
      const item = to === undefined ? undefined : items.get(to);
      // A removed item's column, or one whose item moved onto another's, is set aside (the warning names it).
      if (!item) return { kind: 'ignored' };
      if (hasField(item, column.field)) resolved = { kind: 'item', item, field: column.field };
    }
    if (!resolved) {
      // Past a few, unknown columns are counted, not each compared with every column name.
      if (++unknown > MAX_HEADER_PROBLEMS) return undefined;
      known ??= csvColumns(bank);
      // A question's text is no near miss of an id: its tag is.
      const suggestion = closest(headerTags(name)[0] ?? name, known);
      problems.push({
        ...error(),
        message: `unknown column ${shown()} (column ${index + 1}${suggestion ? `; did you mean "${suggestion}"?` : ''})`,
        expected: UNKNOWN_COLUMN_EXPECTED(bank),
      });
      return undefined;
    }
    const key =
      resolved.kind === 'item'
        ? `${resolved.item.id}.${resolved.field}`
        : resolved.kind === 'fact'
          ? factColumn(resolved.id)
          : resolved.kind;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        ...error(),
        message: `the column "${safeLine(key)}" appears twice (columns ${first} and ${index + 1})`,
        expected: 'each column once',
      });
      return undefined;
    }
    seen.set(key, index + 1);
    return resolved;
  });
  if (unknown > MAX_HEADER_PROBLEMS) {
    const more = unknown - MAX_HEADER_PROBLEMS;
    problems.push({
      source,
      line: row.lineOf(0),
      message: `and ${more} more unknown column${more === 1 ? '' : 's'}`,
      expected: UNKNOWN_COLUMN_EXPECTED(bank),
      severity: 'error',
    });
  }
  const listed = (indexes: readonly number[]) => {
    const names = indexes.slice(0, MAX_HEADER_PROBLEMS).map((i) => `"${safeLine(headers[i]!)}"`);
    if (indexes.length > names.length) names.push(`and ${indexes.length - names.length} more`);
    return names.join(', ');
  };
  const toolOwn = ignored.filter((i) => !untagged.has(i));
  if (toolOwn.length > 0) {
    problems.push({
      source,
      line: row.lineOf(0),
      message: `left out the column${toolOwn.length === 1 ? '' : 's'} a form tool adds: ${listed(toolOwn)}`,
      severity: 'warning',
    });
  }
  if (untagged.size > 0) {
    const count = untagged.size;
    problems.push({
      source,
      line: row.lineOf(0),
      message: `left out ${count === 1 ? 'a column' : `${count} columns`} with no [<item id>.<field>] tag (the form tool's own, or a question whose tag is missing): ${listed([...untagged])}`,
      severity: 'warning',
    });
  }
  const itemColumns = columns.filter((c): c is Extract<Column, { kind: 'item' }> => c?.kind === 'item');
  if (itemColumns.length === 0 && errorsOf(problems).length === 0) {
    problems.push({
      source,
      line: row.lineOf(0),
      message: 'the header row names no item columns',
      expected: 'the header row of pm-diag template --format csv',
      severity: 'error',
    });
  }
  const cellsOf = new Map<string, number[]>();
  const add = (key: string, index: number) => {
    const list = cellsOf.get(key);
    if (list) list.push(index);
    else cellsOf.set(key, [index]);
  };
  columns.forEach((column, index) => {
    if (column?.kind === 'item') {
      add(`answers.${column.item.id}`, index);
      add(`answers.${column.item.id}.${column.field}`, index);
    } else if (column?.kind === 'fact') {
      add(factColumn(column.id), index);
    } else if (column && column.kind !== 'ignored') {
      add(META_PATHS[column.kind], index);
    }
  });
  const namesOf = headers.map((name, index) =>
    above.length === 0 ? [name] : [...above.map((r) => r.cells[index] ?? ''), name].filter((n) => n.trim() !== ''),
  );
  const tool = toolColumns(namesOf, (index) => columns[index]?.kind === 'ignored');
  const rapid =
    itemColumns.length > 0 &&
    itemColumns.every((c) => c.item.rapid === true) &&
    bankItems(bank).some((item) => item.rapid !== true);
  return { columns, cellsOf, unnamed, problems, tool: { name: tool.tool, columns: tool.columns }, rapid };
}

/** Column names for messages: a CSV has no `answers.` or `respondent.` nesting. */
function columnPath(path: string | undefined): string | undefined {
  if (path === undefined || path === 'answers') return undefined;
  const meta = META_COLUMNS.find((column) => META_PATHS[column] === path);
  return meta ?? path.replace(/^answers\./, '');
}

/** A column as a row reader fills it: a meta field, or a field of the item `id`. */
interface Slot {
  to: MetaColumn | 'item' | 'fact';
  /** The item's id, or the fact's. */
  id?: string;
  /** An organization fact's column: its cells read by the fact's options or as a number (readFact). */
  fact?: Fact;
  /** The item's number among the export's items, for a row's answers (RowReader.itemIds). */
  item?: number;
  field?: Field;
  /** The choice a cell names, decoded from its label; none for text. */
  choice?: ChoiceField;
  /** Owners and roles are never numbers: a number is a choice's position (numericExport). */
  numbered: boolean;
  /** A level (1 to 5): a larger number from a tool that exports positions is a position. */
  level: boolean;
  /** The schema of the value in the answers file, and its path there. */
  schema: z.ZodMiniType;
  path: readonly string[];
  /** A choice's cell texts already decoded and checked: an export holds a few dozen distinct ones. */
  known?: Map<string, { value: string | number; issues: readonly Issue[] }>;
}

class RowReader {
  /**
   * A row's shape comes from the header, so only its cells can be wrong; and a thousand rows hold a
   * few dozen distinct ratings. Each cell's value is checked by its field's schema in the answers
   * file's, a choice's once per distinct text (checking each row as a whole file was a third of a
   * large export's time).
   */
  private readonly header: Header;
  /** Each choice field's texts (the map's labels first) → codes, made when a cell first needs them. */
  private readonly readers = new Map<ChoiceField, Map<string, string>>();

  constructor(
    private readonly bank: Bank,
    private readonly source: string,
    headerRow: CellRow,
    private readonly options: FormExportOptions,
    above: readonly CellRow[] = [],
    /** What a workbook's date serial numbers count from. */
    private readonly serialDates: SerialDates = 1900,
  ) {
    this.header = readHeader(headerRow, bank, source, options.map, above);
    this.positionsPossible = POSITION_TOOLS.has(this.header.tool.name ?? '');
  }

  /** The export is of a tool that can write choice positions for choices (numericExport). */
  private readonly positionsPossible: boolean;

  /** Each respondent read, with the text of its row's timestamp cell, for times read once every row is in. */
  private readonly stamped: { respondent: Respondent; stamp: string }[] = [];
  /** The rows of responses the form tool says are partial. */
  private readonly partialRows: number[] = [];
  /** Set at the first owner or role given as a number: the file is a numeric-values export. */
  private numeric = false;

  /**
   * What the form tool's own columns say of a row: its e-mail, its response id, when it was sent, whether it
   * is whole.
   */
  private describe(respondent: Respondent, cells: readonly string[], rowNumber: number): void {
    const { columns } = this.header.tool;
    const cell = (use: ToolUse) => {
      const column = columns.get(use);
      return column === undefined ? '' : (cells[column.index] ?? '').trim();
    };
    const email = cell('email');
    // Anonymous forms write `anonymous` where the e-mail would be.
    if (EMAIL.test(email)) respondent.email = email;
    const response = cell('response');
    if (response !== '') respondent.response = response;
    const stamp = cell('time');
    const timed = columns.has('time');
    if (timed) this.stamped.push({ respondent, stamp });
    const finished = cell('finished').toLowerCase();
    const progress = cell('progress');
    const status = cell('status').toLowerCase();
    // No submission time: never submitted (LimeSurvey's incomplete responses, Typeform's partial ones).
    if (
      (timed && stamp === '') ||
      finished === 'false' ||
      finished === '0' ||
      (NUMBER.test(progress) && Number(progress) < 100) ||
      status === 'partial'
    )
      this.partialRows.push(rowNumber);
  }

  /** Once every row is read: each respondent's time, and what the reader of the report should know. */
  finish(firstLine: number): Problem[] {
    const problems: Problem[] = [];
    const source = this.source;
    const { name: tool, columns } = this.header.tool;
    const time = columns.get('time');
    if (time && this.stamped.some((s) => s.stamp !== '')) {
      const order: DayOrder | 'mixed' | undefined = dayOrderOf(this.stamped.map((s) => s.stamp));
      // SurveyMonkey writes US dates whatever the account's language.
      const dayOrder = order === 'mixed' ? undefined : (order ?? (tool === 'SurveyMonkey' ? 'md' : undefined));
      const what = `${time.tool} '${safeLine(time.header)}' column`;
      const eitherWay = `the ${what}'s dates could be day/month or month/day`;
      let unread: string | undefined;
      let ambiguous: string | undefined;
      let unreadCount = 0;
      for (const { respondent, stamp } of this.stamped) {
        const shown = `"${capText(safeLine(stamp))}"`;
        if (stamp === '') {
          respondent.answeredAt = { source: `the ${what} is empty for this row` };
          continue;
        }
        if (order === 'mixed') {
          respondent.answeredAt = { source: `${eitherWay}, and they put the day first in some rows only` };
          unread ??= stamp;
          unreadCount++;
          continue;
        }
        const iso = parseTimestamp(stamp, dayOrder, this.serialDates);
        if (iso !== undefined) {
          respondent.answeredAt = { time: iso, source: what };
          continue;
        }
        if (dayOrder === undefined && isAmbiguousDate(stamp)) {
          // No date of the column tells the order: both readings are kept, and --latest goes by them only
          // where they agree (answers/team.ts).
          ambiguous ??= stamp;
          const [monthFirst, dayFirst] = [
            parseTimestamp(stamp, 'md', this.serialDates),
            parseTimestamp(stamp, 'dm', this.serialDates),
          ];
          if (monthFirst !== undefined && dayFirst !== undefined) {
            respondent.answeredAt = { time: monthFirst, dayFirst, source: `${what}, read both ways` };
            continue;
          }
        }
        respondent.answeredAt = { source: `the ${what} holds ${shown}, no date this reader knows` };
        unread ??= stamp;
        unreadCount++;
      }
      const stampCount = this.stamped.filter((s) => s.stamp !== '').length;
      if (ambiguous !== undefined && order !== 'mixed') {
        problems.push({
          source,
          line: firstLine,
          column: time.index + 1,
          message: `${eitherWay} ("${capText(safeLine(ambiguous))}"), and none has a day over 12: --latest keeps an answer only where both readings agree on which is the latest`,
          severity: 'warning',
        });
      }
      if (unreadCount > 0) {
        const example = capText(safeLine(unread ?? ''));
        const why =
          order === 'mixed'
            ? `its dates put the day first in some rows and the month first in others ("${example}")`
            : `"${example}" is no date this reader knows`;
        problems.push({
          source,
          line: firstLine,
          column: time.index + 1,
          message: `the ${what} cannot be read for ${unreadCount === stampCount ? 'any row' : `${unreadCount} of ${stampCount} rows`}: ${why}; those responses have no time, so --latest cannot choose between them and another answer of the same person`,
          expected:
            'dates as the form tool writes them (YYYY-MM-DD hh:mm:ss, or a sheet whose locale writes a day over 12 somewhere)',
          severity: 'warning',
        });
      }
    }
    if (this.partialRows.length > 0) {
      const rows = this.partialRows;
      const shown =
        rows.slice(0, MAX_HEADER_PROBLEMS).join(', ') +
        (rows.length > MAX_HEADER_PROBLEMS ? ` and ${rows.length - MAX_HEADER_PROBLEMS} more` : '');
      problems.push({
        source,
        line: rows[0],
        message: `${rows.length === 1 ? 'row' : 'rows'} ${shown}: ${rows.length === 1 ? 'a partial response' : 'partial responses'} (${tool ?? 'the form tool'} says not finished); kept, with what ${rows.length === 1 ? 'it answers' : 'they answer'}`,
        severity: 'warning',
      });
    }
    return problems;
  }

  /** Every respondent read gets the rapid form when the export is of it. */
  markForm(respondent: Respondent): void {
    if (this.header.rapid) respondent.form = 'rapid';
  }

  /**
   * The answer sets read so far by the item cells that make them: a respondent's answers are never changed
   * once read, so rows that answer alike share one (a million rows hold few distinct ones).
   */
  private readonly answerSets = new Map<string, ReadonlyMap<string, Answer>>();

  /** The ids of the items with columns, each numbered by its place here (Slot.item). */
  private readonly itemIds: string[] = [];

  /** The columns from the first item column to the last: what makes a row's answers. */
  private get itemCells(): { first: number; end: number } {
    if (!this.itemRange) {
      const items = this.plan.flatMap((slot, index) => (slot?.to === 'item' ? [index] : []));
      this.itemRange = { first: items[0] ?? 0, end: (items.at(-1) ?? -1) + 1 };
    }
    return this.itemRange;
  }
  private itemRange: { first: number; end: number } | undefined;

  /** What each column's cells become, worked out once from the header: nothing for a column left out. */
  private get plan(): readonly (Slot | undefined)[] {
    const { answersFileSchema, itemAnswerSchema, respondentSchema } = answersSchemas();
    const itemOf = new Map<string, number>();
    return (this.slots ??= this.header.columns.map((column): Slot | undefined => {
      if (!column || column.kind === 'ignored') return undefined;
      if (column.kind === 'item') {
        const { item, field } = column;
        let number = itemOf.get(item.id);
        if (number === undefined) itemOf.set(item.id, (number = this.itemIds.push(item.id) - 1));
        const text = (TEXT_FIELDS as readonly Field[]).includes(field);
        const choice = text ? undefined : (field as RatedField);
        return {
          to: 'item',
          id: item.id,
          item: number,
          field,
          choice,
          numbered: field === 'owner',
          level: LEVELS.has(field),
          schema: itemAnswerSchema.shape[field],
          path: ['answers', item.id, field],
          known: choice && this.knownOf(choice),
        };
      }
      if (column.kind === 'fact') {
        const fact = this.bank.facts![column.id]!;
        const path = ['facts', column.id];
        return { to: 'fact', id: column.id, fact, numbered: false, level: false, schema: answersFileSchema, path };
      }
      const choice = column.kind === 'role' || column.kind === 'stage' ? column.kind : undefined;
      const [schema, path] =
        column.kind === 'respondent'
          ? [respondentSchema.shape.name, ['respondent', 'name']]
          : column.kind === 'role'
            ? [respondentSchema.shape.role, ['respondent', 'role']]
            : [answersFileSchema.shape[column.kind], [column.kind]];
      return {
        to: column.kind,
        choice,
        numbered: column.kind === 'role',
        level: false,
        schema,
        path,
        known: choice && this.knownOf(choice),
      };
    }));
  }

  /** One table of decoded texts per choice field, shared by its columns. */
  private knownOf(field: ChoiceField): Map<string, { value: string | number; issues: readonly Issue[] }> {
    let known = this.knownByField.get(field);
    if (!known) this.knownByField.set(field, (known = new Map()));
    return known;
  }
  private readonly knownByField = new Map<
    ChoiceField,
    Map<string, { value: string | number; issues: readonly Issue[] }>
  >();

  /**
   * A cell's value in the answers file and what its schema finds wrong with it (for a choice, remembered).
   */
  private cellValue(slot: Slot, text: string): { value: string | number; issues: readonly Issue[] } {
    // A fact's value is checked with the whole row, against the bank's facts (answers/load.ts).
    if (slot.fact) return { value: readFact(slot.fact, text), issues: NO_ISSUES };
    if (!slot.known) {
      const result = slot.schema.safeParse(text);
      return { value: text, issues: result.success ? NO_ISSUES : result.error.issues };
    }
    let cell = slot.known.get(text);
    if (!cell) {
      const value = this.decode(slot.choice!, text);
      const result = slot.schema.safeParse(slot.to === 'stage' ? String(value) : value);
      slot.known.set(text, (cell = { value, issues: result.success ? NO_ISSUES : result.error.issues }));
    }
    return cell;
  }
  private slots: (Slot | undefined)[] | undefined;

  /** Each choice field's cell texts already decoded: an export holds a few dozen distinct ones. */
  private readonly decoded = new Map<ChoiceField, Map<string, string | number>>();

  /** The code a cell's text stands for (`4 - Managed` → 4), or the text as written when it is no choice's. */
  private decode(field: ChoiceField, text: string): string | number {
    let known = this.decoded.get(field);
    if (!known) this.decoded.set(field, (known = new Map()));
    let value = known.get(text);
    if (value === undefined) {
      let reader = this.readers.get(field);
      if (!reader)
        this.readers.set(
          field,
          (reader = new Map([...choiceReader(this.bank, field), ...(this.options.map?.labels.get(field) ?? [])])),
        );
      const code = reader.get(choiceKey(text)) ?? text;
      value = LEVELS.has(field as Field) && NUMBER.test(code) ? Number(code) : code;
      known.set(text, value);
    }
    return value;
  }

  /** A bad choice's problem with the closest label a form shows, if one is close ("did you mean"). */
  private withSuggestion(problem: Problem, file: AnswersFile): Problem {
    const [top, id, field] = problem.path?.split('.') ?? [];
    const [choiceField, value] =
      top === 'answers' && field !== undefined
        ? [field, (file.answers?.[id!] as Record<string, unknown> | undefined)?.[field]]
        : top === 'respondent' && id === 'role'
          ? ['role', file.respondent?.role]
          : [];
    if (typeof value !== 'string' || !CHOICE_FIELDS.has(choiceField as ChoiceField)) return problem;
    const suggestion = closest(
      value,
      formChoices(this.bank, choiceField as ChoiceField).map((c) => c.label),
    );
    return suggestion === undefined
      ? problem
      : { ...problem, message: `${problem.message} (did you mean "${safeLine(suggestion)}"?)` };
  }

  get headerProblems(): Problem[] {
    return this.header.problems;
  }

  /**
   * An owner or a role given as a number: the form tool wrote each choice's position, not its text
   * (SurveyMonkey's "Numerical values", Qualtrics' "numeric values"). A position is the choice's
   * place in the form as its author built it, which no export records, so no code is guessed from
   * it: the file is refused once, saying which export to download instead.
   */
  private numericExport(row: CellRow, index: number): { problems: Problem[] } {
    if (this.numeric) return { problems: [] };
    this.numeric = true;
    return {
      problems: [
        {
          source: this.source,
          line: row.lineOf(index),
          column: index + 1,
          message: 'the export holds choice numbers, not the choices\' text (a "numerical values" export)',
          found: describeValue(row.cells[index]!.trim()),
          expected:
            'the answers as text: SurveyMonkey, export "All individual responses" with "Actual answer text"; Qualtrics, "Use choice text"',
          severity: 'error',
        },
      ],
    };
  }

  /** One row: its respondent, or its problems (errors and warnings). */
  read(row: CellRow, rowNumber: number): { respondent?: Respondent; problems: Problem[] } {
    const { columns } = this.header;
    const { cells } = row;
    const source = this.source;
    const problems: Problem[] = [];
    if (cells.length > columns.length) {
      problems.push({
        source,
        line: row.lineOf(columns.length),
        column: columns.length + 1,
        message: `row ${rowNumber} has ${cells.length} cells, the header has ${columns.length} columns`,
        found: describeValue(cells[columns.length]),
        expected: `at most ${columns.length} cells (a comma in a cell needs the cell in quotes)`,
        severity: 'error',
      });
      return { problems };
    }
    for (const index of this.header.unnamed) {
      const text = cells[index]?.trim() ?? '';
      if (text === '') continue;
      problems.push({
        source,
        line: row.lineOf(index),
        column: index + 1,
        message: `column ${index + 1} has no name, yet holds ${describeValue(text)}`,
        expected: 'a column name from pm-diag template --format csv, or the column deleted',
        severity: 'error',
      });
      return { problems };
    }
    const respondent: Record<string, unknown> = {};
    const meta: Record<string, string> = {};
    let facts: Record<string, string | number> | undefined;
    const answers: Record<string, Record<string, unknown> | string> = {};
    const notApplicable = new Map<string, number>();
    const cellIssues: { id: string | undefined; issue: Issue }[] = [];
    const plan = this.plan;
    const byItem: (Record<string, unknown> | undefined)[] = new Array(this.itemIds.length);
    for (let index = 0; index < cells.length; index++) {
      const slot = plan[index];
      if (slot === undefined) continue;
      const text = cells[index]!.trim();
      if (text === '') continue;
      if (slot.numbered && DIGITS.test(text)) return this.numericExport(row, index);
      // The tools that export choice positions number "Don't know" and "Not applicable" after the levels.
      if (slot.level && this.positionsPossible && DIGITS.test(text) && Number(text) > LEVEL_COUNT) {
        return this.numericExport(row, index);
      }
      const { value, issues } = this.cellValue(slot, text);
      if (issues.length > 0) {
        for (const issue of issues)
          cellIssues.push({ id: slot.id, issue: { ...issue, path: [...slot.path, ...issue.path] } });
      }
      switch (slot.to) {
        case 'respondent':
          respondent.name = value;
          break;
        case 'role':
          respondent.role = value;
          break;
        case 'stage':
          meta.stage = String(value);
          break;
        case 'organization':
          meta.organization = text;
          break;
        case 'fact':
          (facts ??= {})[slot.id!] = value;
          break;
        default: {
          // As the answers file would hold it: a note as written, a choice as its code (a level as a number).
          const answer = (byItem[slot.item!] ??= {});
          if (value === NOT_APPLICABLE && slot.choice !== undefined) notApplicable.set(slot.id!, index + 1);
          else answer[slot.field!] = value;
        }
      }
    }
    // Each item's answer goes in once, in the order of the items' first columns.
    for (let i = 0; i < byItem.length; i++) if (byItem[i] !== undefined) answers[this.itemIds[i]!] = byItem[i]!;
    // Positions are only looked up for a problem: the cell of a path's column, else of the
    // first filled cell of its item, else the row.
    const locate = (path: DocPath): Position => {
      for (let n = path.length; n > 0; n--) {
        const index = this.header.cellsOf
          .get(path.slice(0, n).join('.'))
          ?.find((i) => cells[i] !== undefined && cells[i].trim() !== '');
        if (index !== undefined) return { line: row.lineOf(index), column: index + 1 };
      }
      return { line: row.lineOf(0), column: 1 };
    };
    for (const [id, column] of notApplicable) {
      const answer = answers[id] as Record<string, unknown> | undefined;
      const rated = Object.keys(answer ?? {}).filter((f) => RATINGS.has(f as Field));
      for (const field of rated) {
        problems.push({
          source,
          ...locate(['answers', id, field]),
          path: `${id}.${field}`,
          message: `"${id}" is marked n/a in column ${column}, but this cell rates it`,
          found: describeValue(answer![field]),
          expected: 'an empty cell, or n/a, for an item that does not apply',
          severity: 'error',
        });
      }
      answers[id] = NOT_APPLICABLE;
    }
    // A rapid-form export's rows are rapid answers files: their unanswered items are the rapid form's.
    const form = this.header.rapid ? { form: 'rapid' as const } : {};
    const file = { ...meta, ...form, ...(facts && { facts }), respondent, answers } as AnswersFile;
    const doc: ParsedDocument = { source, data: file, locate, locateKey: (path, key) => locate([...path, key]) };
    // An item marked n/a is n/a: what its other cells hold is the problem above, not their values.
    const issues = cellIssues.filter((c) => c.id === undefined || !notApplicable.has(c.id)).map((c) => c.issue);
    for (const problem of issuesToProblems(issues, doc)) problems.push(this.withSuggestion(problem, file));
    const valid = issues.length === 0;
    if (valid) pushAll(problems, rowRuleProblems(file, this.bank, doc, this.options));
    for (const p of problems) p.path = columnPath(p.path);
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    if (!valid || errorsOf(problems).length > 0) return { problems };
    // The row's answers as an answers file's give them: each filled cell is text or a choice's code, never empty.
    // The row's item cells alone make its answers: rows alike share one answer set.
    const answersKey = JSON.stringify(cells.slice(this.itemCells.first, this.itemCells.end));
    let kept = this.answerSets.get(answersKey);
    if (kept === undefined) {
      const answers = new Map<string, Answer>();
      for (let i = 0; i < byItem.length; i++) {
        const id = this.itemIds[i]!;
        if (byItem[i] !== undefined)
          answers.set(id, notApplicable.has(id) ? NOT_APPLICABLE : (byItem[i] as ItemAnswer));
      }
      kept = answers;
      if (this.answerSets.size < MAX_SHARED_ANSWER_SETS) this.answerSets.set(answersKey, kept);
    }
    const read = describedBy(new RowRespondent(source, rowNumber, kept), file);
    this.describe(read, cells, rowNumber);
    this.markForm(read);
    return { respondent: read, problems };
  }
}

/**
 * The rows' warnings, each said once: a million rows that leave the same items unanswered give one
 * warning at the first such row, with how many more rows it is true of, not a million.
 */
class AlikeWarnings {
  private readonly byText = new Map<string, { first: Problem; more: number }>();

  add(problem: Problem): void {
    const key = `${problem.column}\u0000${problem.path}\u0000${problem.message}\u0000${problem.found}\u0000${problem.expected}`;
    const known = this.byText.get(key);
    if (known) known.more++;
    else this.byText.set(key, { first: problem, more: 0 });
  }

  warnings(): Problem[] {
    return [...this.byText.values()].map(({ first, more }) =>
      more === 0
        ? first
        : { ...first, message: `${first.message} (and ${more} more row${more === 1 ? '' : 's'} alike)` },
    );
  }
}

/** The most row errors one export reports one by one: past them, a damaged file is only counted. */
const MAX_ROW_ERRORS = 1000;

/** How far down the header row is looked for: Qualtrics writes three header rows, SurveyMonkey two. */
const HEADER_ROWS_SEARCHED = 5;

/**
 * Every respondent of an export's rows and every problem in every row (warnings included);
 * `forEachRow` hands the rows over in order. The header row is the one that carries the tags,
 * among the first few: the rows above it are the form tool's (Qualtrics' question ids).
 */
function checkRows(
  source: string,
  forEachRow: (onRow: (row: CellRow) => void) => void,
  bank: Bank,
  options: FormExportOptions,
  serialDates: SerialDates = 1900,
): Checked<Respondent[]> {
  const respondents: Respondent[] = [];
  const problems: Problem[] = [];
  const items = itemsById(bank);
  let reader: RowReader | undefined;
  /** The rows read before the header is known. */
  let pending: CellRow[] = [];
  /** SurveyMonkey's first header row, when it carries the tags: the next row completes it. */
  let firstOfTwo: CellRow | undefined;
  let headerRows = 0;
  let rows = 0;
  /** Data rows with no value in any cell. */
  let blankRows = 0;
  let firstDataLine = 1;
  const alike = new AlikeWarnings();
  let errors = 0;
  const dataRow = (row: CellRow) => {
    // Qualtrics' third header row, under the question text.
    if (rows === 0 && isImportIdRow(row.cells)) {
      headerRows++;
      return;
    }
    rows++;
    if (rows === 1) firstDataLine = row.lineOf(0);
    // A spreadsheet keeps rows whose cells were only formatted: nobody's answers.
    if (row.cells.every((cell) => cell.trim() === '')) {
      blankRows++;
      return;
    }
    const result = reader!.read(row, rows + headerRows);
    // A file with an error gives no respondent: the rows after the first error only add their problems.
    if (result.respondent && errors === 0) respondents.push(result.respondent);
    for (const problem of result.problems) {
      if (problem.severity !== 'error') alike.add(problem);
      else if (++errors <= MAX_ROW_ERRORS) problems.push(problem);
    }
  };
  const start = (header: CellRow, above: readonly CellRow[], consumed: number) => {
    reader = new RowReader(bank, source, header, options, above, serialDates);
    headerRows = consumed;
    for (const problem of reader.headerProblems) problems.push(problem);
  };
  /** Two rows as one header, the question carried over the columns it spans. */
  const joined = (first: CellRow, second: CellRow): CellRow => ({
    cells: combinedHeader(first.cells, second.cells),
    lineOf: (index) => first.lineOf(index),
  });
  /** No row within reach carries a tag: the first row is the header, and says what is wrong with it. */
  const flush = () => {
    const rest = pending;
    pending = [];
    if (rest.length === 0) return;
    if (hasSecondHeaderRow(rest[0]!.cells) && rest.length > 1) start(joined(rest[0]!, rest[1]!), [], 2);
    else start(rest[0]!, [], 1);
    for (const row of rest.slice(headerRows)) dataRow(row);
  };
  const parsed = checked(() =>
    forEachRow((row) => {
      if (reader) return dataRow(row);
      if (firstOfTwo) {
        start(joined(firstOfTwo, row), pending, pending.length + 2);
        firstOfTwo = undefined;
        pending = [];
        return;
      }
      if (carriesTags(row.cells, items, bank, options.map)) {
        if (hasSecondHeaderRow(row.cells)) {
          firstOfTwo = row;
          return;
        }
        const over = pending[pending.length - 1];
        if (over && hasSecondHeaderRow(over.cells)) start(joined(over, row), pending.slice(0, -1), pending.length + 1);
        else start(row, pending, pending.length + 1);
        pending = [];
        return;
      }
      pending.push(row);
      if (pending.length >= HEADER_ROWS_SEARCHED) flush();
    }),
  );
  if (!reader && firstOfTwo) start(firstOfTwo, pending, pending.length + 1);
  else if (!reader) flush();
  for (const problem of parsed.problems) problems.push(problem);
  if (!reader && parsed.problems.length === 0) {
    problems.push({
      source,
      message: 'the file is empty',
      expected: 'a header row (pm-diag template --format csv) and a row per respondent',
      severity: 'error',
    });
  } else if (reader && rows === blankRows && parsed.problems.length === 0) {
    problems.push({
      source,
      line: 1,
      message: 'no respondents: the file has a header row only',
      expected: 'a row per respondent after the header',
      severity: 'error',
    });
  }
  if (errors > MAX_ROW_ERRORS) {
    const more = errors - MAX_ROW_ERRORS;
    problems.push({
      source,
      message: `and ${more} more problem${more === 1 ? '' : 's'} in the rows after these`,
      expected: 'the export as the form tool wrote it',
      severity: 'error',
    });
  }
  pushAll(problems, alike.warnings());
  if (reader && errorsOf(problems).length === 0) pushAll(problems, reader.finish(firstDataLine));
  // A file that failed is reported by its errors alone (an unknown column does not hide the bad cells).
  return errorsOf(problems).length > 0 ? { problems: errorsOf(problems) } : { value: respondents, problems };
}

/** Every respondent of a CSV export and every problem in every row (warnings included). */
export function checkCsvAnswers(input: SourceText, bank: Bank, options: FormExportOptions = {}): Checked<Respondent[]> {
  const source = safeLine(input.source);
  return checkRows(source, (onRow) => parseRows(input, source, onRow), bank, options);
}

/** The sheet the responses are on: the first whose first rows carry the tags, else the first. */
function responsesSheet(workbook: Workbook, bank: Bank, options: FormExportOptions): Workbook['sheets'][number] {
  const items = itemsById(bank);
  for (const sheet of workbook.sheets) {
    let found = false;
    let seen = 0;
    workbook.rows(sheet, ({ cells }) => {
      found = carriesTags(cells, items, bank, options.map);
      return !found && ++seen < HEADER_ROWS_SEARCHED;
    });
    if (found) return sheet;
  }
  return workbook.sheets[0]!;
}

/**
 * The same for a workbook (answers/xlsx.ts): the sheet with the tags, read as it streams; each problem names
 * its cell (`C7`).
 */
export function checkWorkbookAnswers(
  workbook: Workbook,
  path: string,
  bank: Bank,
  options: FormExportOptions = {},
): Checked<Respondent[]> {
  const source = safeLine(path);
  const chosen = checked(() => responsesSheet(workbook, bank, options));
  if (chosen.value === undefined) return { problems: chosen.problems };
  const sheet = chosen.value;
  const forEachRow = (onRow: (row: CellRow) => void) =>
    workbook.rows(sheet, ({ line, cells }) => onRow({ cells, lineOf: () => line }));
  const result = checkRows(source, forEachRow, bank, options, workbook.serialDates);
  const withCell = (p: Problem): Problem =>
    p.line !== undefined && p.column !== undefined ? { ...p, cell: `${columnLetters(p.column - 1)}${p.line}` } : p;
  return { value: result.value, problems: result.problems.map(withCell) };
}

/** For one CSV export: its respondents and warnings, or an InputError with every error. */
export function parseCsvAnswers(
  input: SourceText,
  bank: Bank,
  options: FormExportOptions = {},
): { respondents: Respondent[]; warnings: Problem[] } {
  const result = checkCsvAnswers(input, bank, options);
  return { respondents: valueOf(result), warnings: result.problems };
}
