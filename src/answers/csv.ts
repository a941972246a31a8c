import type { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { itemsById, type BankItem } from '../bank/items.js';
import type { Bank } from '../bank/schema.js';
import { csvColumns } from '../commands/template.js';
import { InputError, errorsOf, type Problem } from '../errors.js';
import type { SourceText } from '../io/read.js';
import type { DocPath, ParsedDocument, Position } from '../load/document.js';
import { validateDocument } from '../load/validate.js';
import type { Respondent } from '../model.js';
import { closest, describeValue, safeLine } from '../text.js';
import { answersRuleProblems, respondentFromFile, type AnswersCheckOptions } from './load.js';
import { NOT_APPLICABLE, answersFileSchema } from './schema.js';

// A form tool's export: one row per respondent, columns as `pm-diag template --format csv` gives
// them. Each row becomes the same data an answers file holds and is checked by the same schema and
// rules, with every position pointing at a cell: `file.csv:LINE:COLUMN`, the column counted in cells.

type Field = 'owner' | 'capability' | 'capacity' | 'delivery' | 'note';

type Column = { kind: 'respondent' } | { kind: 'role' } | { kind: 'item'; item: BankItem; field: Field };

const ITEM_FIELDS: Record<BankItem['kind'], readonly Field[]> = {
  responsibility: ['owner', 'capability', 'capacity', 'note'],
  interlock: ['delivery', 'note'],
};

const RATINGS = new Set<Field>(['owner', 'capability', 'capacity', 'delivery']);
const LEVELS = new Set<Field>(['capability', 'capacity', 'delivery']);

interface Cell {
  value: string;
  line: number;
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

/**
 * Parses the text and hands each row to `onRow` as it is read, so no more than one row is held at
 * a time. csv-parse gives the line a row ends on; a cell starts that line less the line breaks
 * inside it and the cells after it (only quoted cells hold line breaks).
 */
function parseRows(input: SourceText, source: string, onRow: (cells: Cell[]) => void): void {
  try {
    parse(input.text, {
      bom: true,
      delimiter: delimiterOf(input.text),
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        const cells = new Array<Cell>(record.length);
        let line = context.lines;
        for (let i = record.length - 1; i >= 0; i--) {
          line -= lineBreaks(record[i]!);
          cells[i] = { value: record[i]!, line };
        }
        onRow(cells);
        return null;
      },
    });
  } catch (err) {
    if ((err as CsvError).code === undefined) throw err;
    throw new InputError([parseProblem(err as CsvError, source)]);
  }
}

function readHeader(cells: Cell[], bank: Bank, source: string): Header {
  const items = itemsById(bank);
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  let known: string[] | undefined;
  const columns = cells.map((cell, index): Column | undefined => {
    const name = cell.value.trim();
    const at = { source, line: cell.line, column: index + 1, severity: 'error' as const };
    const shown = `"${safeLine(name)}"`;
    if (name === '') {
      problems.push({ ...at, message: `column ${index + 1} has no name`, expected: 'a column name from pm-diag template --format csv' });
      return undefined;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      problems.push({ ...at, message: `the column ${shown} appears twice (columns ${first} and ${index + 1})`, expected: 'each column once' });
      return undefined;
    }
    seen.set(name, index + 1);
    const lower = name.toLowerCase();
    if (lower === 'respondent' || lower === 'role') return { kind: lower };
    const dot = name.lastIndexOf('.');
    const item = dot > 0 ? items.get(name.slice(0, dot)) : undefined;
    const field = name.slice(dot + 1) as Field;
    if (item && ITEM_FIELDS[item.kind].includes(field)) return { kind: 'item', item, field };
    if (item && RATINGS.has(field)) {
      const allowed = ITEM_FIELDS[item.kind].map((f) => `${item.id}.${f}`).join(' or ');
      const rated = item.kind === 'interlock' ? 'an interlock item, rated on delivery only' : 'a responsibility, rated on owner, capability and capacity';
      problems.push({ ...at, message: `unknown column ${shown} (column ${index + 1}): "${item.id}" is ${rated}`, expected: allowed });
      return undefined;
    }
    known ??= csvColumns(bank);
    const suggestion = closest(name, known);
    problems.push({
      ...at,
      message: `unknown column ${shown} (column ${index + 1}${suggestion ? `; did you mean "${suggestion}"?` : ''})`,
      expected: `respondent, role, or <item id>.<field> for an item of the bank "${bank.id}" (pm-diag template --format csv lists them)`,
    });
    return undefined;
  });
  if (!columns.some((c) => c?.kind === 'item') && problems.length === 0) {
    problems.push({ source, line: cells[0]?.line ?? 1, message: 'the header row names no item columns', expected: 'the header row of pm-diag template --format csv', severity: 'error' });
  }
  const cellsOf = new Map<string, number[]>();
  const add = (key: string, index: number) => cellsOf.set(key, [...(cellsOf.get(key) ?? []), index]);
  columns.forEach((column, index) => {
    if (column?.kind === 'item') {
      add(`answers.${column.item.id}`, index);
      add(`answers.${column.item.id}.${column.field}`, index);
    } else if (column) {
      add(column.kind === 'respondent' ? 'respondent.name' : 'respondent.role', index);
    }
  });
  return { columns, cellsOf, problems };
}

/** A cell's text as the answers file would hold it: a level as a number, words in lower case. */
function cellValue(field: Field, text: string): unknown {
  if (field === 'note') return text;
  const word = text.toLowerCase();
  if (LEVELS.has(field) && /^\d+(\.\d+)?$/.test(word)) return Number(word);
  return word;
}

/** Column names for messages: a CSV has no `answers.` or `respondent.` nesting. */
function columnPath(path: string | undefined): string | undefined {
  if (path === undefined || path === 'answers') return undefined;
  if (path === 'respondent.name') return 'respondent';
  if (path === 'respondent.role') return 'role';
  return path.replace(/^answers\./, '');
}

class RowReader {
  private readonly header: Header;

  constructor(
    private readonly bank: Bank,
    private readonly source: string,
    headerCells: Cell[],
    private readonly options: AnswersCheckOptions,
  ) {
    this.header = readHeader(headerCells, bank, source);
  }

  get headerProblems(): Problem[] {
    return this.header.problems;
  }

  /** One row: its respondent, or its problems (errors and warnings). */
  read(cells: Cell[], row: number): { respondent?: Respondent; problems: Problem[] } {
    const { columns } = this.header;
    const source = this.source;
    const problems: Problem[] = [];
    const rowLine = cells[0]?.line ?? 1;
    if (cells.length > columns.length) {
      const extra = cells[columns.length]!;
      problems.push({
        source,
        line: extra.line,
        column: columns.length + 1,
        message: `row ${row} has ${cells.length} cells, the header has ${columns.length} columns`,
        found: describeValue(extra.value),
        expected: `at most ${columns.length} cells (a comma in a cell needs the cell in quotes)`,
        severity: 'error',
      });
      return { problems };
    }
    const respondent: Record<string, unknown> = {};
    const answers: Record<string, Record<string, unknown> | string> = {};
    const notApplicable = new Map<string, number>();
    for (let index = 0; index < cells.length; index++) {
      const column = columns[index];
      const text = cells[index]!.value.trim();
      if (!column || text === '') continue;
      if (column.kind !== 'item') {
        if (column.kind === 'respondent') respondent.name = text;
        else respondent.role = text.toLowerCase();
        continue;
      }
      const { item, field } = column;
      if (field !== 'note' && text.toLowerCase() === NOT_APPLICABLE) {
        notApplicable.set(item.id, index + 1);
        continue;
      }
      const answer = (answers[item.id] ??= {}) as Record<string, unknown>;
      answer[field] = cellValue(field, text);
    }
    // Positions are only looked up for a problem: the cell of a path's column, else of the
    // first filled cell of its item, else the row.
    const locate = (path: DocPath): Position => {
      for (let n = path.length; n > 0; n--) {
        const index = this.header.cellsOf.get(path.slice(0, n).join('.'))?.find((i) => cells[i] && cells[i].value.trim() !== '');
        if (index !== undefined) return { line: cells[index]!.line, column: index + 1 };
      }
      return { line: rowLine, column: 1 };
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
    const doc: ParsedDocument = { source, data: { respondent, answers }, locate, locateKey: (path, key) => locate([...path, key]) };
    const { value, problems: schemaProblems } = validateDocument(answersFileSchema, doc);
    problems.push(...schemaProblems);
    if (value) problems.push(...answersRuleProblems(value, this.bank, doc, this.options));
    for (const p of problems) p.path = columnPath(p.path);
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    if (!value || errorsOf(problems).length > 0) return { problems };
    return { respondent: respondentFromFile(value, `${source} row ${row}`), problems };
  }
}

/** Every respondent of a CSV export, or an InputError with every problem in every row. */
export function parseCsvAnswers(input: SourceText, bank: Bank, options: AnswersCheckOptions = {}): { respondents: Respondent[]; warnings: Problem[] } {
  const source = safeLine(input.source);
  const respondents: Respondent[] = [];
  const problems: Problem[] = [];
  let reader: RowReader | undefined;
  let rows = 0;
  parseRows(input, source, (cells) => {
    if (!reader) {
      reader = new RowReader(bank, source, cells, options);
      problems.push(...reader.headerProblems);
      return;
    }
    rows++;
    if (reader.headerProblems.length > 0) return;
    const result = reader.read(cells, rows + 1);
    if (result.respondent) respondents.push(result.respondent);
    problems.push(...result.problems);
  });
  if (!reader) {
    throw new InputError([{ source, message: 'the file is empty', expected: 'a header row (pm-diag template --format csv) and a row per respondent', severity: 'error' }]);
  }
  if (rows === 0) {
    problems.push({ source, line: 1, message: 'no respondents: the file has a header row only', expected: 'a row per respondent after the header', severity: 'error' });
  }
  if (errorsOf(problems).length > 0) throw new InputError(errorsOf(problems));
  return { respondents, warnings: problems };
}
