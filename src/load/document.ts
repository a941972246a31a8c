import { LineCounter, isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Alias, Document, Node, Pair, YAMLMap } from 'yaml';
import { InputError, MAX_PROBLEMS_SHOWN, type Problem } from '../errors.js';
import { megabytes, type SourceText } from '../io/read.js';
import { safeLine } from '../text.js';
import { FORBIDDEN_KEYS, readSimpleYaml, type SimpleDocument, type SimpleNode } from './simple-yaml.js';

export interface Position {
  line: number;
  column: number;
}

export type DocPath = readonly PropertyKey[];

/** A parsed YAML or JSON document that can say where any value in it came from. */
export interface ParsedDocument {
  source: string;
  data: unknown;
  /** The position of the value at `path`, or of its nearest ancestor that exists. */
  locate(path: DocPath): Position | undefined;
  /** The position of the key `key` in the mapping at `path`. */
  locateKey(path: DocPath, key: string): Position | undefined;
}

export interface ParseOptions {
  /** Answers files take no aliases at all; banks may use a few. */
  allowAliases: boolean;
}

const BANK_ALIAS_LIMIT = 50;

// The pairs of each mapping by key, built on first use: looking keys up one by one made a file with
// thousands of unknown ids take quadratic time to report.
const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(node: unknown, key: string): Pair | undefined {
  if (!isMap(node)) return undefined;
  let index = pairIndexes.get(node);
  if (!index) {
    index = new Map();
    for (const pair of node.items) {
      // The first of duplicate keys, as before (duplicates are an error anyway).
      if (isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
    }
    pairIndexes.set(node, index);
  }
  return index.get(key);
}

function child(node: unknown, key: PropertyKey): unknown {
  if (isMap(node)) return pairOf(node, String(key))?.value ?? undefined;
  if (isSeq(node) && typeof key === 'number') return node.items[key];
  return undefined;
}

function pairKey(node: unknown, key: string): unknown {
  return pairOf(node, key)?.key;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/**
 * A `.json` file must be JSON: YAML alone would take a trailing comma, or read a missing comma as
 * part of a string. JSON.parse only gives an offset, so turn it into a line and column.
 */
function jsonSyntaxProblem(text: string, source: string): Problem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    const message = (err as Error).message;
    const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? text.length);
    const before = text.slice(0, offset).split('\n');
    return {
      source,
      line: before.length,
      column: before[before.length - 1]!.length + 1,
      message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      expected: 'valid JSON (or use a .yaml file)',
      severity: 'error',
    };
  }
}

/**
 * YAML parsing costs far more than reading: a hostile 1 MB file of "]" took 4.5 s and 500 MB. No bank,
 * answers file or report needs more than this (a JSON report over 2,000 respondents is 1.4 MB).
 */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

/** What a key that is not text looks like, from its first character: for "found …". */
function nonTextKey(text: string, offset: number): string {
  const first = text[offset];
  if (first === '[') return 'a list';
  if (first === '{') return 'a mapping';
  if (first === '!') return 'a tagged value';
  return 'a value that is not text';
}

/** The line and column of an offset, as the `yaml` library's line counter gives them. */
function positionIn(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lineStarts[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return { line: low, column: offset - lineStarts[low - 1]! + 1 };
}

/** A document the simple reader took: the same answers as the `yaml` library's, from its own tables. */
function simpleParsed(source: string, doc: SimpleDocument): ParsedDocument {
  const nodeAt = (path: DocPath): SimpleNode => {
    let node = doc.root;
    for (const key of path) {
      const entry = node.entries?.get(String(key));
      if (entry === undefined) break;
      node = entry.value;
    }
    return node;
  };
  return {
    source,
    data: doc.data,
    locate: (path) => positionIn(doc.lineStarts, nodeAt(path).offset),
    locateKey(path, key) {
      const entry = nodeAt(path).entries?.get(key);
      return entry === undefined ? this.locate(path) : positionIn(doc.lineStarts, entry.keyOffset);
    },
  };
}

export function parseDocumentText(input: SourceText, options: ParseOptions): ParsedDocument {
  const source = safeLine(input.source);
  if (input.text.length > MAX_DOCUMENT_BYTES) {
    throw new InputError([{ source, message: `the document is too large (${megabytes(input.text.length)})`, expected: `a YAML or JSON document of at most ${megabytes(MAX_DOCUMENT_BYTES)}`, severity: 'error' }]);
  }
  if (/\.json$/i.test(input.source)) {
    const problem = jsonSyntaxProblem(input.text, source);
    if (problem) throw new InputError([problem]);
  }
  const simple = readSimpleYaml(input.text);
  return simple === undefined ? parseWithYaml(input, source, options) : simpleParsed(source, simple);
}

/** Any YAML (or JSON) document, read by the `yaml` library, which also names every problem in one. */
export function parseWithYaml(input: SourceText, source: string, options: ParseOptions): ParsedDocument {
  const lineCounter = new LineCounter();
  // yaml makes an Error per problem it finds: a file of nothing but errors cost a million stack traces.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let doc: Document.Parsed;
  try {
    doc = parseDocument(input.text, {
      lineCounter,
      // Not pretty: yaml builds each pretty message from its whole line, which took quadratic time on a
      // long line full of errors (128 KB of "]" took 26 s). Positions come from the line counter.
      prettyErrors: false,
      // yaml's own check compares each key with every key before it: 40,000 keys took 10 s. Duplicates
      // are found below, in one pass.
      uniqueKeys: false,
      strict: true,
      stringKeys: true,
      resolveKnownTags: false,
      // 'error', not 'silent': 'silent' also drops the MULTIPLE_DOCS error, so a second document was ignored.
      logLevel: 'error',
      version: '1.2',
    });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const at = (offset: number | undefined): Position | undefined => {
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems: Problem[] = [];
  // Deep nesting makes yaml report every level (hundreds of errors): the first one says it all.
  const exhausted = doc.errors.find((err) => err.code === 'RESOURCE_EXHAUSTION');
  // concat, not spread: a hostile file can hold a million errors, more than a call's arguments.
  const yamlProblems = exhausted ? [exhausted] : doc.errors.concat(doc.warnings);
  // Keep one place of the shown problems for the count of the rest.
  const listed = yamlProblems.length > MAX_PROBLEMS_SHOWN ? MAX_PROBLEMS_SHOWN - 1 : yamlProblems.length;
  for (const err of yamlProblems.slice(0, listed)) {
    const pos = err.pos[0] >= 0 ? at(err.pos[0]) : undefined;
    if (err.code === 'NON_STRING_KEY') {
      problems.push({ source, line: pos?.line, column: pos?.column, message: 'a key must be text', found: nonTextKey(input.text, err.pos[0]), expected: 'a text key, such as an item id', severity: 'error' });
      continue;
    }
    const message =
      err.code === 'TAG_RESOLVE_FAILED'
        ? `${firstLine(err.message)}: custom tags are not allowed`
        : err.code === 'MULTIPLE_DOCS'
          ? 'a second document (after ---) is not allowed: one file holds one bank or one answers file'
          : err.code === 'RESOURCE_EXHAUSTION'
            ? 'the document is nested too deeply'
            : firstLine(err.message);
    problems.push({ source, line: pos?.line, column: pos?.column, message: safeLine(message), severity: 'error' });
  }
  if (listed < yamlProblems.length) {
    problems.push({ source, message: `... and ${yamlProblems.length - listed} more YAML syntax errors (${yamlProblems.length} in all)`, severity: 'error' });
  }
  const aliases: Alias[] = [];
  // Aliases, tags and keys that could reach a prototype count only in a document without syntax
  // errors or duplicate keys (yaml already reports an unknown tag, for one): found in the same walk.
  const contentProblems: Problem[] = [];
  if (!exhausted) {
    try {
      visit(doc, {
        Map(_key, map) {
          const seen = new Set<string>();
          for (const pair of map.items) {
            if (!isScalar(pair.key)) continue;
            const key = String(pair.key.value);
            if (seen.has(key)) problems.push({ source, ...at(pair.key.range?.[0]), message: 'Map keys must be unique', severity: 'error' });
            seen.add(key);
          }
        },
        Alias(_key, node) {
          aliases.push(node);
          if (!options.allowAliases) {
            contentProblems.push({ source, ...at(node.range?.[0]), message: `an alias (*${safeLine(node.source)}) is not allowed here`, expected: 'plain values', severity: 'error' });
          }
        },
        Node(_key, node) {
          if (node.tag && !isAlias(node)) {
            contentProblems.push({ source, ...at(node.range?.[0]), message: `the tag ${safeLine(node.tag)} is not allowed`, expected: 'plain values without tags', severity: 'error' });
          }
        },
        Pair(_key, pair) {
          if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
            contentProblems.push({ source, ...at(pair.key.range?.[0]), message: `the key "${String(pair.key.value)}" is not allowed`, severity: 'error' });
          }
        },
      });
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      contentProblems.push({ source, message: 'the document is nested too deeply', severity: 'error' });
    }
  }
  // A loop, not a spread: a hostile file can hold more problems than a call takes arguments.
  if (problems.length === 0) for (const problem of contentProblems) problems.push(problem);
  let data: unknown;
  if (problems.length === 0) {
    // yaml's alias errors carry no position: note which alias is being resolved when one is thrown.
    let resolving: Alias | undefined;
    for (const alias of aliases) {
      const toJSON = alias.toJSON.bind(alias);
      alias.toJSON = (arg, ctx) => {
        resolving = alias;
        return toJSON(arg, ctx);
      };
    }
    try {
      data = doc.toJS({ maxAliasCount: BANK_ALIAS_LIMIT });
    } catch (err) {
      if (err instanceof ReferenceError) {
        const where = { source, ...at(resolving?.range?.[0]) };
        const name = safeLine(resolving?.source ?? '');
        if (err.message.startsWith('Excessive alias count')) {
          problems.push({ ...where, message: `too many aliases at *${name} (a YAML "billion laughs" document?)`, expected: `at most ${BANK_ALIAS_LIMIT} alias expansions`, severity: 'error' });
        } else {
          problems.push({ ...where, message: `the alias *${name} has no anchor &${name} before it`, severity: 'error' });
        }
      } else if (err instanceof RangeError) {
        problems.push({ source, message: 'the document is nested too deeply', severity: 'error' });
      } else {
        throw err;
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems);

  const nodeAt = (path: DocPath): unknown => {
    let node: unknown = doc.contents;
    let found: unknown = node;
    for (const key of path) {
      node = child(node, key);
      if (node === undefined || node === null) break;
      found = node;
    }
    return found;
  };
  return {
    source,
    data,
    locate(path) {
      const node = nodeAt(path);
      if (isNode(node)) return at((node as Node).range?.[0]);
      return isPair(node) ? undefined : { line: 1, column: 1 };
    },
    locateKey(path, key) {
      const keyNode = pairKey(nodeAt(path), key);
      return isNode(keyNode) ? at((keyNode as Node).range?.[0]) : this.locate(path);
    },
  };
}
