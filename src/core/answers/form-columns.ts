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

export type Column = { kind: MetaColumn } | { kind: 'item'; item: BankItem; field: AnswerField } | { kind: 'ignored' };

/** The columns each form tool adds to its export besides the questions, lower-case. */
export const FORM_TOOL_COLUMNS: Record<string, readonly string[]> = {
  'Google Forms': ['timestamp', 'email address', 'score'],
  'Microsoft Forms': ['id', 'start time', 'completion time', 'email', 'last modified time', 'total points', 'quiz feedback'],
  Typeform: ['#', 'submitted at', 'network id', 'start date (utc)', 'submit date (utc)', 'stage date (utc)', 'response type', 'tags', 'ending', 'token'],
  SurveyMonkey: ['respondent id', 'collector id', 'start date', 'end date', 'ip address', 'email address', 'first name', 'last name'],
};
const TOOL_COLUMNS = new Set(Object.values(FORM_TOOL_COLUMNS).flat());
/** SurveyMonkey numbers its custom-data columns. */
const NUMBERED_TOOL_COLUMN = /^custom data \d+$/;

/** Whether a header is one a form tool adds on its own. */
export function isFormToolColumn(header: string): boolean {
  const lower = header.trim().toLowerCase().replace(/\s+/g, ' ');
  return TOOL_COLUMNS.has(lower) || NUMBERED_TOOL_COLUMN.test(lower);
}

/** A meta column by its header, in any case. */
export function metaColumn(header: string): MetaColumn | undefined {
  const lower = header.trim().toLowerCase();
  return (META_COLUMNS as readonly string[]).includes(lower) ? (lower as MetaColumn) : Object.hasOwn(META_ALIASES, lower) ? META_ALIASES[lower] : undefined;
}

/** The `[…]` tags of a header, last first: a question's text may hold brackets of its own before the tag. */
export function headerTags(header: string): string[] {
  return [...header.matchAll(/\[([^[\]\s]+)\]/g)].map((m) => m[1]!).reverse();
}

/** `pricing.owner` → the id and the field, when the field is one an item can have. */
export function splitItemColumn(name: string): { id: string; field: string } | undefined {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? { id: name.slice(0, dot), field: name.slice(dot + 1) } : undefined;
}

export const hasField = (item: BankItem, field: string): field is AnswerField => (fieldsOf(item.kind) as readonly string[]).includes(field);

/**
 * SurveyMonkey exports two header rows: the question, over as many columns as it has answers, then
 * what each column holds ("Response", an option). Its own columns in the first row tell it apart.
 */
export function hasSecondHeaderRow(first: readonly string[]): boolean {
  const lower = new Set(first.map((cell) => cell.trim().toLowerCase()));
  return lower.has('respondent id') && lower.has('collector id');
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
    else if (below === '' || top !== '' && isFormToolColumn(top)) headers.push(top);
    else headers.push(`${question} ${below}`.trim());
  }
  return headers;
}

/** 2 → `C`. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
