import { LineCounter, isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Alias, Document, Node, Pair, YAMLMap } from 'yaml';
import { InputError, MAX_PROBLEMS_SHOWN, type Problem } from '../errors.js';
import type { SourceText } from '../source.js';
import { safeLine } from '../text.js';
import type { DocPath, ParsedDocument, ParseOptions, Position } from './document.js';
import { FORBIDDEN_KEYS } from './simple-yaml.js';

// Any YAML or JSON document, read by the `yaml` library, which also names every problem in one. It
// reads what is beyond the simple reader (simple-yaml.ts): a bank, a JSON report, an answers file in
// another style, or a broken one.

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
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}

/** What a key that is not text looks like, from its first character: for "found …". */
function nonTextKey(text: string, offset: number): string {
  const first = text[offset];
  if (first === '[') return 'a list';
  if (first === '{') return 'a mapping';
  if (first === '!') return 'a tagged value';
  return 'a value that is not text';
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
      // Not pretty: yaml builds each pretty message from its whole line, which takes quadratic time on
      // a long line full of errors. Positions come from the line counter.
      prettyErrors: false,
      // yaml's own check compares each key with every key before it (quadratic). Duplicates are
      // found below, in one pass.
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
      problems.push({
        source,
        line: pos?.line,
        column: pos?.column,
        message: 'a key must be text',
        found: nonTextKey(input.text, err.pos[0]),
        expected: 'a text key, such as an item id',
        severity: 'error',
      });
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
    problems.push({
      source,
      message: `... and ${yamlProblems.length - listed} more YAML syntax errors (${yamlProblems.length} in all)`,
      severity: 'error',
    });
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
            if (seen.has(key))
              problems.push({
                source,
                ...at(pair.key.range?.[0]),
                message: 'Map keys must be unique',
                severity: 'error',
              });
            seen.add(key);
          }
        },
        Alias(_key, node) {
          aliases.push(node);
          if (!options.allowAliases) {
            contentProblems.push({
              source,
              ...at(node.range?.[0]),
              message: `an alias (*${safeLine(node.source)}) is not allowed here`,
              expected: 'plain values',
              severity: 'error',
            });
          }
        },
        Node(_key, node) {
          if (node.tag && !isAlias(node)) {
            contentProblems.push({
              source,
              ...at(node.range?.[0]),
              message: `the tag ${safeLine(node.tag)} is not allowed`,
              expected: 'plain values without tags',
              severity: 'error',
            });
          }
        },
        Pair(_key, pair) {
          if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
            contentProblems.push({
              source,
              ...at(pair.key.range?.[0]),
              message: `the key "${String(pair.key.value)}" is not allowed`,
              severity: 'error',
            });
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
          problems.push({
            ...where,
            message: `too many aliases at *${name} (a YAML "billion laughs" document?)`,
            expected: `at most ${BANK_ALIAS_LIMIT} alias expansions`,
            severity: 'error',
          });
        } else {
          problems.push({
            ...where,
            message: `the alias *${name} has no anchor &${name} before it`,
            severity: 'error',
          });
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
