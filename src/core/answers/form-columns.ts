import { fieldsOf, type AnswerField } from '../bank/item-kinds.js';
import type { BankItem } from '../bank/items.js';

// What a form tool's export puts in its header row, and what pm-diag makes of each column: the
// respondent's details, an item's field (by `<id>.<field>` or a `[<id>.<field>]` tag in a question's
// text), or a column the form tool adds on its own, left out and named once.

/** The columns about the respondent and the file rather than an item, by their lower-case header. */
export const META_COLUMNS = ['respondent', 'role', 'organization', 'stage'] as const;
export type MetaColumn = (typeof META_COLUMNS)[number];
/** Other headers that name a meta column (Microsoft Forms' and many forms' `Name`). */
const META_ALIASES: Record<string, MetaColumn> = { name: 'respondent' };

export type Column =
  | { kind: MetaColumn }
  | { kind: 'item'; item: BankItem; field: AnswerField }
  // Bank v3: an organization fact (`facts.revenue`, or a `[facts.revenue]` tag).
  | { kind: 'fact'; id: string }
  | { kind: 'ignored' };

/** `facts.revenue` → `revenue`, for a column that names an organization fact. */
export function factIdOf(name: string): string | undefined {
  return name.startsWith('facts.') && name.length > 'facts.'.length ? name.slice('facts.'.length) : undefined;
}

/** What a form tool's own column tells about a response, besides the answers. */
export type ToolUse = 'email' | 'response' | 'time' | 'finished' | 'progress' | 'status';

/**
 * The columns each form tool adds to its export besides the questions, lower-case, with what pmdiag
 * reads from some of them. Google's and Microsoft's accounts in other languages translate theirs.
 */
export const FORM_TOOL_COLUMNS: Record<string, Record<string, ToolUse | null>> = {
  'Google Forms': {
    timestamp: 'time',
    'email address': 'email',
    score: null,
    'marca temporal': 'time',
    'direcci\u00f3n de correo electr\u00f3nico': 'email',
    puntuación: null,
    horodateur: 'time',
    'adresse e-mail': 'email',
    zeitstempel: 'time',
    'e-mail-adresse': 'email',
    punkte: null,
    'carimbo de data/hora': 'time',
    'endere\u00e7o de e-mail': 'email',
    pontuação: null,
    'informazioni cronologiche': 'time',
    'indirizzo email': 'email',
    punteggio: null,
    tijdstempel: 'time',
    'e-mailadres': 'email',
  },
  'Microsoft Forms': {
    id: 'response',
    'start time': null,
    'completion time': 'time',
    email: 'email',
    'last modified time': null,
    'total points': null,
    'quiz feedback': null,
    'hora de inicio': null,
    'hora de finalizaci\u00f3n': 'time',
    'correo electr\u00f3nico': 'email',
    'hora de la \u00faltima modificaci\u00f3n': null,
    'heure de d\u00e9but': null,
    'heure de fin': 'time',
    'adresse de messagerie': 'email',
    startzeit: null,
    fertigstellungszeit: 'time',
    'e-mail': 'email',
  },
  Typeform: {
    '#': 'response',
    'response id': 'response',
    'response type': 'status',
    'submitted at': 'time',
    'network id': null,
    'start date (utc)': null,
    'submit date (utc)': 'time',
    'stage date (utc)': null,
    tags: null,
    ending: null,
    token: 'response',
  },
  SurveyMonkey: {
    'respondent id': 'response',
    'collector id': null,
    'start date': null,
    'end date': 'time',
    'ip address': null,
    'email address': 'email',
    'first name': null,
    'last name': null,
  },
  Qualtrics: {
    startdate: null,
    enddate: null,
    status: null,
    ipaddress: null,
    progress: 'progress',
    'duration (in seconds)': null,
    finished: 'finished',
    recordeddate: 'time',
    responseid: 'response',
    recipientlastname: null,
    recipientfirstname: null,
    recipientemail: 'email',
    externalreference: null,
    locationlatitude: null,
    locationlongitude: null,
    distributionchannel: null,
    userlanguage: null,
    'response type': null,
    'recorded date': 'time',
    'response id': 'response',
    'recipient last name': null,
    'recipient first name': null,
    'recipient email': 'email',
    'external data reference': null,
    'location latitude': null,
    'location longitude': null,
    'distribution channel': null,
    'user language': null,
  },
  Jotform: { 'submission date': 'time', 'submission id': 'response', 'submission ip': null },
  Tally: { 'submission id': 'response', 'respondent id': null, 'submitted at': 'time' },
  LimeSurvey: {
    'response id': 'response',
    'date submitted': 'time',
    'last page': null,
    'start language': null,
    seed: null,
    'date started': null,
    'date last action': null,
  },
};
/** Of a tool's columns for the same fact, the one read: the submission, not the start. */
const PREFERRED: Record<ToolUse, readonly string[]> = {
  time: [
    'recordeddate',
    'recorded date',
    'completion time',
    'submit date (utc)',
    'submitted at',
    'end date',
    'date submitted',
    'submission date',
    'timestamp',
  ],
  response: ['responseid', 'response id', 'submission id', 'respondent id', '#', 'token', 'id'],
  email: ['email address', 'email', 'recipientemail', 'recipient email'],
  finished: [],
  progress: [],
  status: [],
};
/** Each tool's column by its lower-case header: the tools that write it, and what it tells. */
const TOOL_COLUMNS = new Map<string, { tool: string; use: ToolUse | null }[]>();
for (const [tool, columns] of Object.entries(FORM_TOOL_COLUMNS)) {
  for (const [header, use] of Object.entries(columns))
    TOOL_COLUMNS.set(header, [...(TOOL_COLUMNS.get(header) ?? []), { tool, use }]);
}
/** SurveyMonkey numbers its custom-data columns. */
const NUMBERED_TOOL_COLUMN = /^custom data \d+$/;

const lowerHeader = (header: string) => header.trim().toLowerCase().replace(/\s+/g, ' ');

/** Whether a header is one a form tool adds on its own. */
export function isFormToolColumn(header: string): boolean {
  const lower = lowerHeader(header);
  return TOOL_COLUMNS.has(lower) || NUMBERED_TOOL_COLUMN.test(lower);
}

/** A form tool's column that says something about the response, with the tool's name. */
export interface ToolColumn {
  use: ToolUse;
  index: number;
  /** The header as the tool wrote it, for messages. */
  header: string;
  tool: string;
}

/**
 * Of the headers a form tool put over each column (a column of Qualtrics has two: `ResponseId`
 * and `Response ID`), the column read for each fact, and the tool that most of the columns are of.
 */
export function toolColumns(
  headers: readonly (readonly string[])[],
  ignored: (index: number) => boolean,
): { tool: string | undefined; columns: Map<ToolUse, ToolColumn> } {
  const votes = new Map<string, number>();
  const found: { use: ToolUse; index: number; header: string; lower: string }[] = [];
  headers.forEach((names, index) => {
    if (!ignored(index)) return;
    for (const name of names) {
      const lower = lowerHeader(name);
      const known = TOOL_COLUMNS.get(lower);
      for (const { tool, use } of known ?? []) {
        votes.set(tool, (votes.get(tool) ?? 0) + 1);
        if (use) found.push({ use, index, header: name.trim(), lower });
      }
      // An e-mail column in a language the table lacks: its header says mail.
      if (!known && /mail|correo|\u30e1\u30fc\u30eb/.test(lower))
        found.push({ use: 'email', index, header: name.trim(), lower: '' });
    }
  });
  const tool = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
  const columns = new Map<ToolUse, ToolColumn>();
  const rank = (use: ToolUse, lower: string) => {
    const at = PREFERRED[use].indexOf(lower);
    return at < 0 ? PREFERRED[use].length : at;
  };
  for (const f of found) {
    const best = columns.get(f.use);
    const bestLower = best && lowerHeader(best.header);
    if (best && rank(f.use, bestLower!) <= rank(f.use, f.lower)) continue;
    const owner = Object.entries(FORM_TOOL_COLUMNS).find(
      ([name, cols]) => name === tool && Object.hasOwn(cols, f.lower),
    )?.[0];
    const ofTool =
      owner ??
      Object.entries(FORM_TOOL_COLUMNS).find(([, cols]) => Object.hasOwn(cols, f.lower))?.[0] ??
      tool ??
      'the form tool';
    columns.set(f.use, { use: f.use, index: f.index, header: f.header, tool: ofTool });
  }
  return { tool, columns };
}

/** Qualtrics' third header row: each question's import id, `{"ImportId":"QID1"}`. */
export function isImportIdRow(cells: readonly string[]): boolean {
  let any = false;
  for (const cell of cells) {
    const text = cell.trim();
    if (text === '') continue;
    if (!text.startsWith('{"ImportId"')) return false;
    any = true;
  }
  return any;
}

/** A meta column by its header, in any case. */
export function metaColumn(header: string): MetaColumn | undefined {
  const lower = header.trim().toLowerCase();
  return (META_COLUMNS as readonly string[]).includes(lower)
    ? (lower as MetaColumn)
    : Object.hasOwn(META_ALIASES, lower)
      ? META_ALIASES[lower]
      : undefined;
}

/** The `[…]` tags of a header (spaces inside the brackets allowed), last first: a question's text may hold brackets of its own before the tag. */
export function headerTags(header: string): string[] {
  if (!header.includes('[')) return [];
  return [...header.matchAll(/\[\s*([^[\]\s]+)\s*\]/g)].map((m) => m[1]!).reverse();
}

/** `pricing.owner` → the id and the field, when the field is one an item can have. */
export function splitItemColumn(name: string): { id: string; field: string } | undefined {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? { id: name.slice(0, dot), field: name.slice(dot + 1) } : undefined;
}

export const hasField = (item: BankItem, field: string): field is AnswerField =>
  (fieldsOf(item.kind) as readonly string[]).includes(field);

/**
 * SurveyMonkey exports two header rows: the question, over as many columns as it has answers, then
 * what each column holds ("Response", an option). Its own columns in the first row tell it apart.
 */
export function hasSecondHeaderRow(first: readonly string[]): boolean {
  let respondent = false;
  let collector = false;
  for (const cell of first) {
    // Only a cell of about the length of either name is worth comparing.
    if (cell.length < 12 || cell.length > 40) continue;
    const lower = cell.trim().toLowerCase();
    respondent ||= lower === 'respondent id';
    collector ||= lower === 'collector id';
  }
  return respondent && collector;
}

/** One header per column from two rows: a question carried over the columns it spans, then what the column holds. */
export function combinedHeader(first: readonly string[], second: readonly string[]): string[] {
  const headers: string[] = [];
  let question = '';
  for (let i = 0; i < Math.max(first.length, second.length); i++) {
    const top = first[i]?.trim() ?? '';
    const below = second[i]?.trim() ?? '';
    if (top !== '') question = top;
    // A tag under the question names the column on its own; so does a form tool's own column.
    if (headerTags(below).length > 0) headers.push(below);
    else if (below === '' || (top !== '' && isFormToolColumn(top))) headers.push(top);
    else headers.push(`${question} ${below}`.trim());
  }
  return headers;
}

/** 2 → `C`. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
