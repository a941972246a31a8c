// A reader for the plain shape of YAML that answers files have: mappings in block style, one key a
// line, whose values are single-line scalars or single-line flow mappings, with comments and blank
// lines. It gives the same data and the same positions as the `yaml` library for every document it
// accepts, and declines (returns undefined) at the first thing outside that shape, so that the
// library reads the document instead and reports any problem. Why a second reader: the library,
// running once in V8's interpreter, is most of an `assess --answers` run (docs/startup.md).

/** Where a value is, and for a mapping, its entries. */
export interface SimpleNode {
  /** The offset of the value's first character, as the `yaml` library gives a node's range. */
  offset: number;
  entries?: Map<string, SimpleEntry>;
}

export interface SimpleEntry {
  keyOffset: number;
  value: SimpleNode;
}

export interface SimpleDocument {
  data: Record<string, unknown>;
  root: SimpleNode;
  /** The offset at which each line starts, for line and column numbers. */
  lineStarts: number[];
}

/** A key as a plain scalar: a word of letters, digits, `_`, `-` and `$` that no schema reads as other than text. */
const PLAIN_KEY = /[A-Za-z_$][A-Za-z0-9_$-]*/y;
/** Plain scalars that are not text, as YAML 1.2's core schema reads them (numbers apart). */
const WORD_VALUES = new Map<string, null | boolean>([
  ...['~', 'null', 'Null', 'NULL'].map((word) => [word, null] as const),
  ...['true', 'True', 'TRUE'].map((word) => [word, true] as const),
  ...['false', 'False', 'FALSE'].map((word) => [word, false] as const),
]);
/** Keys that could reach an object's prototype: never taken from a document. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A plain scalar that may be other than text when it starts with one of these. */
const NUMBER_LIKE_START = /[0-9+\-.~]/;
const SMALL_INTEGER = /^[0-9]{1,9}$/;
/** Digits, a hyphen, then words with a letter, such as the revenue band `10-50m`: no schema reads it as a number. */
const DIGITS_THEN_WORDS = /^[0-9]+-[0-9a-z-]*[a-z][0-9a-z-]*$/;
/** Characters that open something other than a plain scalar, or that a plain scalar here may not hold. */
const PLAIN_START_INDICATORS = new Set([
  '[',
  ']',
  '{',
  '}',
  ',',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '?',
  ':',
  '#',
  '-',
]);
// Runs of characters that need no look, skipped by one native regular expression rather than a loop
// that V8's interpreter takes a character at a time. Each run stops at the line's end, whose next
// character is a line break (or there is none).
/** In a plain scalar: all but what may end it (`,` `}` `#`) or make it decline (`:` `[` `]` `{` and control characters). */
const PLAIN_RUN = /[^,}#:[\]{\x00-\x1f]*/y;
/** In a double-quoted scalar: all but its end, an escape, and control characters. */
const DOUBLE_QUOTED_RUN = /[^"\\\x00-\x1f]*/y;
/** In a single-quoted scalar: all but its end and control characters. */
const SINGLE_QUOTED_RUN = /[^'\x00-\x1f]*/y;
const TRAILING_SPACES = / +$/;

/** The offset where the run of `run` that starts at `from` ends. */
function runEnd(run: RegExp, text: string, from: number): number {
  run.lastIndex = from;
  run.test(text);
  return run.lastIndex;
}

/** Answers files nest three deep; deeper documents go to the full reader, which guards its depth. */
const MAX_DEPTH = 8;
const DOUBLE_QUOTED_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
};

class Declined extends Error {}
const decline = (): never => {
  throw new Declined();
};

function isBlank(code: number): boolean {
  return code === 0x20;
}

/** Reads one line's worth of YAML: a cursor over `text` that stops at `end` (the line's end). */
class LineCursor {
  constructor(
    readonly text: string,
    public pos: number,
    readonly end: number,
  ) {}

  skipSpaces(): void {
    while (this.pos < this.end && isBlank(this.text.charCodeAt(this.pos))) this.pos++;
  }

  /** At the end of the line, or at a comment that follows a space. */
  atLineEnd(): boolean {
    if (this.pos >= this.end) return true;
    return this.text[this.pos] === '#' && this.pos > 0 && isBlank(this.text.charCodeAt(this.pos - 1));
  }

  expectLineEnd(): void {
    this.skipSpaces();
    if (!this.atLineEnd()) decline();
  }

  key(): string {
    PLAIN_KEY.lastIndex = this.pos;
    const match = PLAIN_KEY.exec(this.text);
    if (match === null) decline();
    const key = match![0];
    if (WORD_VALUES.has(key) || FORBIDDEN_KEYS.has(key)) decline();
    this.pos += key.length;
    // A key ends at ": " or at ":" that ends the line (or, in a flow mapping, comes before "," or "}").
    if (this.text[this.pos] !== ':') decline();
    this.pos++;
    return key;
  }

  doubleQuoted(): string {
    const { text } = this;
    let value = '';
    let from = ++this.pos;
    for (;;) {
      this.pos = runEnd(DOUBLE_QUOTED_RUN, text, this.pos);
      if (this.pos >= this.end) return decline();
      const char = text[this.pos]!;
      if (char === '"') {
        value += text.slice(from, this.pos);
        this.pos++;
        return value;
      }
      if (char !== '\\') return decline(); // a control character
      value += text.slice(from, this.pos);
      const escape = text[this.pos + 1];
      if (escape === 'u') {
        const hex = text.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9A-Fa-f]{4}$/.test(hex) || this.pos + 6 > this.end) decline();
        value += String.fromCharCode(parseInt(hex, 16));
        this.pos += 6;
      } else {
        const decoded = escape === undefined ? undefined : DOUBLE_QUOTED_ESCAPES[escape];
        if (decoded === undefined) decline();
        value += decoded;
        this.pos += 2;
      }
      from = this.pos;
    }
  }

  singleQuoted(): string {
    const { text } = this;
    let value = '';
    let from = ++this.pos;
    for (;;) {
      this.pos = runEnd(SINGLE_QUOTED_RUN, text, this.pos);
      if (this.pos >= this.end || text[this.pos] !== "'") return decline(); // the line's end, or a control character
      value += text.slice(from, this.pos);
      if (text[this.pos + 1] !== "'") {
        this.pos++;
        return value;
      }
      value += "'";
      this.pos += 2;
      from = this.pos;
    }
  }

  /** A plain scalar up to the end of the line, a comment, or (in a flow mapping) "," or "}". */
  plain(inFlow: boolean): unknown {
    const { text } = this;
    const start = this.pos;
    if (PLAIN_START_INDICATORS.has(text[start]!)) decline();
    for (;;) {
      this.pos = runEnd(PLAIN_RUN, text, this.pos);
      if (this.pos >= this.end) break;
      const char = text[this.pos]!;
      if (char === ',' && !inFlow) this.pos++;
      else if (char === ',' || (char === '}' && inFlow)) break;
      else if (char === '#' && isBlank(text.charCodeAt(this.pos - 1))) break;
      else if (char === '#') this.pos++;
      else if (char === ':' && !inFlow && this.pos + 1 < this.end && !isBlank(text.charCodeAt(this.pos + 1)))
        this.pos++;
      else decline(); // `: `, a `:` that ends the line or is in a flow mapping, a bracket, a control character
    }
    const source = text.slice(start, this.pos).replace(TRAILING_SPACES, '');
    const word = WORD_VALUES.get(source);
    if (word !== undefined) return word;
    if (NUMBER_LIKE_START.test(source[0]!)) {
      if (SMALL_INTEGER.test(source)) return Number(source);
      return DIGITS_THEN_WORDS.test(source) ? source : decline();
    }
    return source;
  }

  /** A value of a flow mapping: a scalar, or nothing (null) before "," or "}". */
  flowValue(): { value: unknown; offset: number } {
    this.skipSpaces();
    const offset = this.pos;
    const char = this.text[this.pos];
    if (char === ',' || char === '}') return { value: null, offset };
    if (char === '"') return { value: this.doubleQuoted(), offset };
    if (char === "'") return { value: this.singleQuoted(), offset };
    return { value: this.plain(true), offset };
  }

  /** A flow mapping on one line, the cursor at its "{". */
  flowMapping(): { value: Record<string, unknown>; node: SimpleNode } {
    const node: SimpleNode = { offset: this.pos, entries: new Map() };
    const value: Record<string, unknown> = {};
    this.pos++;
    this.skipSpaces();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { value, node };
    }
    for (;;) {
      this.skipSpaces();
      const keyOffset = this.pos;
      const key = this.key();
      const next = this.text[this.pos];
      if (next !== ' ' && next !== ',' && next !== '}') decline();
      if (node.entries!.has(key)) decline();
      const entry = this.flowValue();
      this.skipSpaces();
      value[key] = entry.value;
      node.entries!.set(key, { keyOffset, value: { offset: entry.offset } });
      const separator = this.text[this.pos];
      this.pos++;
      if (separator === '}') return { value, node };
      if (separator !== ',' || this.pos >= this.end) decline();
    }
  }
}

interface OpenMapping {
  indent: number;
  value: Record<string, unknown>;
  node: SimpleNode;
}

/** The offset at which each line starts. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

function read(text: string): SimpleDocument | undefined {
  // Tabs, a byte-order mark and a lone carriage return each have rules of their own.
  if (text.includes('\t') || text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text)) return undefined;
  const lineStarts = lineStartsOf(text);
  const stack: OpenMapping[] = [];
  let root: OpenMapping | undefined;
  /** A key with nothing after it: a block mapping follows on the lines after it, or its value is null. */
  let pending: { parent: OpenMapping; key: string; keyOffset: number; nullOffset: number } | undefined;
  const settle = (mapping: OpenMapping, key: string, keyOffset: number, value: unknown, node: SimpleNode): void => {
    mapping.value[key] = value;
    mapping.node.entries!.set(key, { keyOffset, value: node });
  };

  for (let line = 0; line < lineStarts.length; line++) {
    const start = lineStarts[line]!;
    let end = line + 1 < lineStarts.length ? lineStarts[line + 1]! - 1 : text.length;
    if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
    const cursor = new LineCursor(text, start, end);
    cursor.skipSpaces();
    if (cursor.pos >= end || text[cursor.pos] === '#') continue;
    const indent = cursor.pos - start;

    if (pending !== undefined && indent > pending.parent.indent) {
      if (stack.length >= MAX_DEPTH) decline();
      const opened: OpenMapping = { indent, value: {}, node: { offset: cursor.pos, entries: new Map() } };
      settle(pending.parent, pending.key, pending.keyOffset, opened.value, opened.node);
      stack.push(opened);
      pending = undefined;
    } else if (root === undefined) {
      if (indent !== 0) decline();
      root = { indent, value: {}, node: { offset: cursor.pos, entries: new Map() } };
      stack.push(root);
    } else {
      if (pending !== undefined)
        settle(pending.parent, pending.key, pending.keyOffset, null, { offset: pending.nullOffset });
      pending = undefined;
      while (stack.length > 0 && stack[stack.length - 1]!.indent > indent) stack.pop();
      if (stack.length === 0 || stack[stack.length - 1]!.indent !== indent) decline();
    }

    const mapping = stack[stack.length - 1]!;
    const keyOffset = cursor.pos;
    const key = cursor.key();
    if (mapping.node.entries!.has(key)) decline();
    if (cursor.pos < end && !isBlank(text.charCodeAt(cursor.pos))) decline();
    cursor.skipSpaces();
    if (cursor.atLineEnd()) {
      pending = { parent: mapping, key, keyOffset, nullOffset: cursor.pos };
      continue;
    }
    const offset = cursor.pos;
    const char = text[offset];
    let value: unknown;
    let node: SimpleNode = { offset };
    if (char === '{') ({ value, node } = cursor.flowMapping());
    else if (char === '"') value = cursor.doubleQuoted();
    else if (char === "'") value = cursor.singleQuoted();
    else value = cursor.plain(false);
    cursor.expectLineEnd();
    settle(mapping, key, keyOffset, value, node);
  }
  if (root === undefined) return undefined;
  if (pending !== undefined)
    settle(pending.parent, pending.key, pending.keyOffset, null, { offset: pending.nullOffset });
  return { data: root.value, root: root.node, lineStarts };
}

/** The document when it has the plain shape of an answers file; otherwise undefined. */
export function readSimpleYaml(text: string): SimpleDocument | undefined {
  try {
    return read(text);
  } catch (err) {
    if (err instanceof Declined) return undefined;
    throw err;
  }
}
