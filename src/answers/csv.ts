import type { CsvError } from 'csv-parse';
import type * as z from 'zod/mini';
import { parse } from 'csv-parse/sync';
import { AXES, ITEM_KINDS, TEXT_FIELDS, fieldsOf, ratedOn, type AnswerField, type Axis, type RatedField } from '../bank/item-kinds.js';
import { bankItems, itemsById, type BankItem } from '../bank/items.js';
import type { Bank } from '../bank/schema.js';
import { InputError, checked, errorsOf, valueOf, type Checked, type Problem } from '../errors.js';
import type { SourceText } from '../io/read.js';
import type { DocPath, ParsedDocument, Position } from '../load/document.js';
import { issuesToProblems, type Issue } from '../load/validate.js';
import type { Respondent } from '../model.js';
import { closest, describeValue, safeLine } from '../text.js';
import { choiceKey, choiceReader, formChoices, type ChoiceField } from './choices.js';
import { META_COLUMNS, columnLetters, combinedHeader, hasField, hasSecondHeaderRow, headerTags, isFormToolColumn, metaColumn, splitItemColumn, type Column, type MetaColumn } from './form-columns.js';
import { IGNORE, type FormMap } from './form-map.js';
import type { SheetRow } from './xlsx.js';
import { answersRuleProblems, respondentFromFile, type AnswersCheckOptions } from './load.js';
import { isMigratedId, migrateAnswers } from './migrate.js';
import { NOT_APPLICABLE, answersSchemas, type AnswersFile } from './schema.js';
import { pushAll } from '../lists.js';

// A form tool's export: one row per respondent, columns as `pm-diag template --format csv` gives
// them, or as the form tool named them (answers/form-columns.ts). Each row becomes the same data an
// answers file holds and is checked by the same schemas and rules, with every position pointing at a
// cell: `file.csv:LINE:COLUMN`, the column counted in cells; `file.xlsx:C7` in a workbook.

type Field = AnswerField;

/** Where each meta column goes in the answers file a row stands for. */
const META_PATHS: Record<MetaColumn, string> = { respondent: 'respondent.name', role: 'respondent.role', organization: 'organization', stage: 'stage' };

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
  const columns = ['respondent', 'role'];
  for (const item of items) for (const field of fieldsOf(item.kind)) columns.push(`${item.id}.${field}`);
  return columns;
}
const NUMBER = /^\d+(\.\d+)?$/;

/** A row of an export: its cells, and the line each starts on (a workbook's row number). */
interface CellRow {
  readonly cells: string[];
  lineOf(index: number): number;
}

/** A row as csv-parse gives it. The line each cell starts on is worked out only for a message. */
class Row implements CellRow {
  constructor(
    readonly cells: string[],
    /** The line the row ends on. */
    private readonly endLine: number,
  ) {}

  /** The row's end line less the line breaks inside this cell and those after it (only quoted cells hold any). */
  lineOf(index: number): number {
    let line = this.endLine;
    for (let i = this.cells.length - 1; i >= index; i--) line -= lineBreaks(this.cells[i]!);
    return line;
  }
}

interface Header {
  columns: (Column | undefined)[];
  /** The columns of each document path (`answers.<id>.<field>`, `answers.<id>`, `respondent.role`), to locate problems. */
  cellsOf: Map<string, number[]>;
  problems: Problem[];
}

/** The delimiter a form tool used: whichever of comma, semicolon and tab the header row holds most. */
function delimiterOf(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
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
  CSV_INVALID_CLOSING_QUOTE: ['text follows the closing quote of a cell', 'a delimiter or the end of the line after a closing quote (write "" for a quote inside a cell)'],
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: ['text follows the closing quote of a cell', 'a delimiter or the end of the line after a closing quote'],
  INVALID_OPENING_QUOTE: ['a quote inside a cell that is not quoted', 'the whole cell in quotes, with "" for each quote inside it'],
  CSV_MAX_RECORD_SIZE: ['a row is too long (an unclosed quote?)', 'rows of at most 128,000 characters'],
};

function parseProblem(err: CsvError & { lines?: number; column?: unknown }, source: string): Problem {
  const [message, expected] = PARSE_MESSAGES[err.code] ?? [safeLine(err.message), undefined];
  return {
    source,
    line: typeof err.lines === 'number' ? err.lines : undefined,
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

/** CRLF and a lone CR inside a cell become \n. */
const oneLineBreak = (cell: string): string => (cell.includes('\r') ? cell.replace(/\r\n?/g, '\n') : cell);

/** Parses the text and hands each row to `onRow` as it is read, so no more than one row is held at a time. */
function parseRows(input: SourceText, source: string, onRow: (row: Row) => void): void {
  try {
    parse(input.text, {
      bom: true,
      delimiter: delimiterOf(input.text),
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        // A quoted cell of a CRLF file keeps its \r\n: one line break, as in the rest of the file.
        onRow(new Row(record.map(oneLineBreak), context.lines));
        return null;
      },
    });
  } catch (err) {
    if ((err as CsvError).code === undefined) throw err;
    throw new InputError([parseProblem(err as CsvError, source)]);
  }
}

const UNKNOWN_COLUMN_EXPECTED = (bank: Bank) =>
  `respondent, role, organization, stage, <item id>.<field> for an item of the bank "${bank.id}", or a [<item id>.<field>] tag in the header (pm-diag template --format csv lists them; --map names any other)`;

/** What a header names before the bank's migrations are applied: an item of an earlier version, or a field its item lacks, are told apart. */
type Named = Column | { kind: 'moved'; oldId: string; field: string } | { kind: 'wrong-field'; item: BankItem; field: string };

/** A meta column, or `<id>.<field>` of this bank or of an earlier version of it. */
function named(text: string, items: Map<string, BankItem>, bank: Bank): Named | undefined {
  const meta = metaColumn(text);
  if (meta) return { kind: meta };
  const split = splitItemColumn(text);
  if (!split) return undefined;
  const item = items.get(split.id);
  if (item) return hasField(item, split.field) ? { kind: 'item', item, field: split.field } : { kind: 'wrong-field', item, field: split.field };
  return isMigratedId(bank, split.id) ? { kind: 'moved', oldId: split.id, field: split.field } : undefined;
}

/** What a header names: by the map, else the whole header, else a tag in it, else a form tool's own column. */
function columnNamed(header: string, items: Map<string, BankItem>, bank: Bank, map: FormMap | undefined): Named | undefined {
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
function migrateColumns(named: (Named | undefined)[], items: Map<string, BankItem>, bank: Bank, at: (index: number) => Position, source: string): { problems: Problem[]; landed: Map<string, string> } {
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

function readHeader(row: CellRow, bank: Bank, source: string, map: FormMap | undefined): Header {
  const items = itemsById(bank);
  const problems: Problem[] = [];
  const at = (index: number): Position => ({ line: row.lineOf(index), column: index + 1 });
  const headers = row.cells.map((cell) => cell.trim());
  const namedColumns = headers.map((name) => (name === '' ? undefined : columnNamed(name, items, bank, map)));
  // A form asks the name as a question ([respondent]); Microsoft Forms adds a `Name` column of its own
  // ("anonymous" for a form that collects none). The question's answer is the one to keep.
  const isToolName = (index: number) => namedColumns[index]?.kind === 'respondent' && headers[index]!.toLowerCase() === 'name';
  if (namedColumns.some((column, index) => column?.kind === 'respondent' && !isToolName(index))) {
    namedColumns.forEach((_, index) => {
      if (isToolName(index)) namedColumns[index] = { kind: 'ignored' };
    });
  }
  const migration = migrateColumns(namedColumns, items, bank, at, source);
  pushAll(problems, migration.problems);
  const seen = new Map<string, number>();
  const ignored: string[] = [];
  let known: string[] | undefined;
  const columns = namedColumns.map((column, index): Column | undefined => {
    const name = headers[index]!;
    const error = { source, ...at(index), severity: 'error' as const };
    const shown = `"${safeLine(name)}"`;
    if (name === '') {
      problems.push({ ...error, message: `column ${index + 1} has no name`, expected: 'a column name from pm-diag template --format csv' });
      return undefined;
    }
    if (column?.kind === 'ignored') {
      ignored.push(shown);
      return column;
    }
    if (column?.kind === 'wrong-field' && RATINGS.has(column.field as Field)) {
      const { item } = column;
      const allowed = fieldsOf(item.kind).map((f) => `${item.id}.${f}`).join(' or ');
      problems.push({ ...error, message: `unknown column ${shown} (column ${index + 1}): "${item.id}" is ${ratedOn(item.kind)}`, expected: allowed });
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
      known ??= csvColumns(bank);
      // A question's text is no near miss of an id: its tag is.
      const suggestion = closest(headerTags(name)[0] ?? name, known);
      problems.push({ ...error, message: `unknown column ${shown} (column ${index + 1}${suggestion ? `; did you mean "${suggestion}"?` : ''})`, expected: UNKNOWN_COLUMN_EXPECTED(bank) });
      return undefined;
    }
    const key = resolved.kind === 'item' ? `${resolved.item.id}.${resolved.field}` : resolved.kind;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ ...error, message: `the column "${safeLine(key)}" appears twice (columns ${first} and ${index + 1})`, expected: 'each column once' });
      return undefined;
    }
    seen.set(key, index + 1);
    return resolved;
  });
  if (ignored.length > 0) {
    problems.push({ source, line: row.lineOf(0), message: `left out the column${ignored.length === 1 ? '' : 's'} a form tool adds: ${ignored.join(', ')}`, severity: 'warning' });
  }
  if (!columns.some((c) => c?.kind === 'item') && errorsOf(problems).length === 0) {
    problems.push({ source, line: row.lineOf(0), message: 'the header row names no item columns', expected: 'the header row of pm-diag template --format csv', severity: 'error' });
  }
  const cellsOf = new Map<string, number[]>();
  const add = (key: string, index: number) => cellsOf.set(key, [...(cellsOf.get(key) ?? []), index]);
  columns.forEach((column, index) => {
    if (column?.kind === 'item') {
      add(`answers.${column.item.id}`, index);
      add(`answers.${column.item.id}.${column.field}`, index);
    } else if (column && column.kind !== 'ignored') {
      add(META_PATHS[column.kind], index);
    }
  });
  return { columns, cellsOf, problems };
}

/** Column names for messages: a CSV has no `answers.` or `respondent.` nesting. */
function columnPath(path: string | undefined): string | undefined {
  if (path === undefined || path === 'answers') return undefined;
  const meta = META_COLUMNS.find((column) => META_PATHS[column] === path);
  return meta ?? path.replace(/^answers\./, '');
}

class RowReader {
  private readonly header: Header;
  /**
   * A row's shape comes from the header, so only its cells can be wrong; and a thousand rows hold a
   * few dozen distinct ratings. Each field's value is checked once, by that field's schema in the
   * answers file's (checking each row as a whole file was a third of a large export's time).
   */
  private readonly checked = new Map<z.ZodMiniType, Map<unknown, readonly Issue[]>>();
  /** Each choice field's texts (the map's labels first) → codes, made when a cell first needs them. */
  private readonly readers = new Map<ChoiceField, Map<string, string>>();

  constructor(
    private readonly bank: Bank,
    private readonly source: string,
    headerRow: CellRow,
    private readonly options: FormExportOptions,
  ) {
    this.header = readHeader(headerRow, bank, source, options.map);
  }

  /** Each choice field's cell texts already decoded: an export holds a few dozen distinct ones. */
  private readonly decoded = new Map<ChoiceField, Map<string, string | number>>();

  /** The code a cell's text stands for (`4 - Managed` → 4), or the text as written when it is no choice's. */
  private decode(field: ChoiceField, text: string): string | number {
    let known = this.decoded.get(field);
    if (!known) this.decoded.set(field, (known = new Map()));
    let value = known.get(text);
    if (value === undefined) {
      let reader = this.readers.get(field);
      if (!reader) this.readers.set(field, (reader = new Map([...choiceReader(this.bank, field), ...(this.options.map?.labels.get(field) ?? [])])));
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
      top === 'answers' && field !== undefined ? [field, (file.answers?.[id!] as Record<string, unknown> | undefined)?.[field]] : top === 'respondent' && id === 'role' ? ['role', file.respondent?.role] : [];
    if (typeof value !== 'string' || !CHOICE_FIELDS.has(choiceField as ChoiceField)) return problem;
    const suggestion = closest(value, formChoices(this.bank, choiceField as ChoiceField).map((c) => c.label));
    return suggestion === undefined ? problem : { ...problem, message: `${problem.message} (did you mean "${safeLine(suggestion)}"?)` };
  }

  /** An export whose every question is a rapid item's is the rapid form's (docs/design.md "Mixed forms"). */
  private get rapidForm(): { form?: 'rapid' } {
    type ItemColumn = Extract<Column, { kind: 'item' }>;
    const items = this.header.columns.filter((c): c is ItemColumn => c?.kind === 'item');
    return items.length > 0 && items.every((c) => c.item.rapid === true) ? { form: 'rapid' } : {};
  }

  get headerProblems(): Problem[] {
    return this.header.problems;
  }

  /** What `schema` finds wrong with `value`, remembered. */
  private issuesOf(schema: z.ZodMiniType, value: unknown): readonly Issue[] {
    let known = this.checked.get(schema);
    if (!known) this.checked.set(schema, (known = new Map()));
    let issues = known.get(value);
    if (!issues) {
      const result = schema.safeParse(value);
      issues = result.success ? NO_ISSUES : result.error.issues;
      known.set(value, issues);
    }
    return issues;
  }

  /** The issues of a row's values, each at its path in the answers file the row stands for. */
  private valueIssues({ respondent, answers, organization, stage }: AnswersFile): Issue[] {
    const issues: Issue[] = [];
    const { answersFileSchema, itemAnswerSchema, respondentSchema } = answersSchemas();
    const check = (schema: z.ZodMiniType, path: string[], value: unknown) => {
      for (const issue of this.issuesOf(schema, value)) issues.push({ ...issue, path: [...path, ...issue.path] });
    };
    for (const field of ['name', 'role'] as const) {
      if (respondent?.[field] !== undefined) check(respondentSchema.shape[field], ['respondent', field], respondent[field]);
    }
    if (organization !== undefined) check(answersFileSchema.shape.organization, ['organization'], organization);
    if (stage !== undefined) check(answersFileSchema.shape.stage, ['stage'], stage);
    for (const id in answers) {
      const answer = answers[id];
      if (typeof answer !== 'object' || answer === null) continue;
      for (const field in answer) check(itemAnswerSchema.shape[field as Field], ['answers', id, field], answer[field as Field]);
    }
    return issues;
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
    const respondent: Record<string, unknown> = {};
    const meta: Record<string, string> = {};
    const answers: Record<string, Record<string, unknown> | string> = {};
    const notApplicable = new Map<string, number>();
    for (let index = 0; index < cells.length; index++) {
      const column = columns[index];
      if (!column || column.kind === 'ignored') continue;
      const text = cells[index]!.trim();
      if (text === '') continue;
      if (column.kind !== 'item') {
        if (column.kind === 'respondent') respondent.name = text;
        else if (column.kind === 'role') respondent.role = this.decode('role', text);
        else if (column.kind === 'stage') meta.stage = String(this.decode('stage', text));
        else if (column.kind === 'organization') meta.organization = text;
        continue;
      }
      // As the answers file would hold it: a note as written, a choice as its code (a level as a number).
      const { item, field } = column;
      const answer = (answers[item.id] ??= {}) as Record<string, unknown>;
      if ((TEXT_FIELDS as readonly Field[]).includes(field)) {
        answer[field] = text;
        continue;
      }
      const code = this.decode(field as RatedField, text);
      if (code === NOT_APPLICABLE) notApplicable.set(item.id, index + 1);
      else answer[field] = code;
    }
    // Positions are only looked up for a problem: the cell of a path's column, else of the
    // first filled cell of its item, else the row.
    const locate = (path: DocPath): Position => {
      for (let n = path.length; n > 0; n--) {
        const index = this.header.cellsOf.get(path.slice(0, n).join('.'))?.find((i) => cells[i] !== undefined && cells[i].trim() !== '');
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
    const file = { ...meta, ...this.rapidForm, respondent, answers } as AnswersFile;
    const doc: ParsedDocument = { source, data: file, locate, locateKey: (path, key) => locate([...path, key]) };
    const issues = this.valueIssues(file);
    for (const problem of issuesToProblems(issues, doc)) problems.push(this.withSuggestion(problem, file));
    const valid = issues.length === 0;
    if (valid) pushAll(problems, answersRuleProblems(file, this.bank, doc, this.options));
    for (const p of problems) p.path = columnPath(p.path);
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    if (!valid || errorsOf(problems).length > 0) return { problems };
    return { respondent: respondentFromFile(file, `${source} row ${rowNumber}`), problems };
  }
}

/** Every respondent of an export's rows and every problem in every row (warnings included); `forEachRow` hands the rows over in order. */
function checkRows(source: string, forEachRow: (onRow: (row: CellRow) => void) => void, bank: Bank, options: FormExportOptions): Checked<Respondent[]> {
  const respondents: Respondent[] = [];
  const problems: Problem[] = [];
  let reader: RowReader | undefined;
  /** SurveyMonkey's first header row, until the second one comes. */
  let firstHeader: CellRow | undefined;
  let headerRows = 0;
  let rows = 0;
  const parsed = checked(() =>
    forEachRow((row) => {
      if (!reader) {
        headerRows++;
        if (!firstHeader && hasSecondHeaderRow(row.cells)) {
          firstHeader = row;
          return;
        }
        const header = firstHeader ? { cells: combinedHeader(firstHeader.cells, row.cells), lineOf: (index: number) => firstHeader!.lineOf(index) } : row;
        reader = new RowReader(bank, source, header, options);
        for (const problem of reader.headerProblems) problems.push(problem);
        return;
      }
      rows++;
      const result = reader.read(row, rows + headerRows);
      if (result.respondent) respondents.push(result.respondent);
      for (const problem of result.problems) problems.push(problem);
    }),
  );
  for (const problem of parsed.problems) problems.push(problem);
  if (!reader && parsed.problems.length === 0) {
    problems.push({ source, message: 'the file is empty', expected: 'a header row (pm-diag template --format csv) and a row per respondent', severity: 'error' });
  } else if (reader && rows === 0 && parsed.problems.length === 0) {
    problems.push({ source, line: 1, message: 'no respondents: the file has a header row only', expected: 'a row per respondent after the header', severity: 'error' });
  }
  // A file that failed is reported by its errors alone (an unknown column does not hide the bad cells).
  return errorsOf(problems).length > 0 ? { problems: errorsOf(problems) } : { value: respondents, problems };
}

/** Every respondent of a CSV export and every problem in every row (warnings included). */
export function checkCsvAnswers(input: SourceText, bank: Bank, options: FormExportOptions = {}): Checked<Respondent[]> {
  const source = safeLine(input.source);
  return checkRows(source, (onRow) => parseRows(input, source, onRow), bank, options);
}

/** The same for the rows of a workbook's sheet (answers/xlsx.ts); each problem names its cell (`C7`). */
export function checkSheetAnswers(rows: readonly SheetRow[], path: string, bank: Bank, options: FormExportOptions = {}): Checked<Respondent[]> {
  const source = safeLine(path);
  const forEachRow = (onRow: (row: CellRow) => void) => {
    for (const { line, cells } of rows) onRow({ cells, lineOf: () => line });
  };
  const result = checkRows(source, forEachRow, bank, options);
  const withCell = (p: Problem): Problem => (p.line !== undefined && p.column !== undefined ? { ...p, cell: `${columnLetters(p.column - 1)}${p.line}` } : p);
  return { value: result.value, problems: result.problems.map(withCell) };
}

/** For one CSV export: its respondents and warnings, or an InputError with every error. */
export function parseCsvAnswers(input: SourceText, bank: Bank, options: FormExportOptions = {}): { respondents: Respondent[]; warnings: Problem[] } {
  const result = checkCsvAnswers(input, bank, options);
  return { respondents: valueOf(result), warnings: result.problems };
}
