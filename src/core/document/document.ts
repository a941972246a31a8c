import { InputError, type Problem } from '../errors.js';
import { megabytes, type SourceText } from '../source.js';
import { safeLine } from '../text.js';
import { lineStartsOf, readSimpleYaml, type SimpleDocument, type SimpleNode } from './simple-yaml.js';
import { parseWithYaml } from './yaml-document.js';

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

/** A pm-diag JSON report (it has `schemaVersion`): `compare` reads it, a folder of answers skips it. */
export function looksLikeReport(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && 'schemaVersion' in data;
}

/** A charter file (`charter:` names its bank): `--charter` reads it, a folder of answers skips it. */
export function looksLikeCharter(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && 'charter' in data;
}

export interface ParseOptions {
  /** Answers files take no aliases at all; banks may use a few. */
  allowAliases: boolean;
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
    return {
      source,
      ...positionIn(lineStartsOf(text), offset),
      message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      expected: 'valid JSON (or use a .yaml file)',
      severity: 'error',
    };
  }
}

/**
 * YAML parsing costs far more than reading, and a hostile file can make it very slow: documents are
 * capped well above what any bank, answers file or JSON report needs.
 */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

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
    throw new InputError([
      {
        source,
        message: `the document is too large (${megabytes(input.text.length)})`,
        expected: `a YAML or JSON document of at most ${megabytes(MAX_DOCUMENT_BYTES)}`,
        severity: 'error',
      },
    ]);
  }
  if (/\.json$/i.test(input.source)) {
    const problem = jsonSyntaxProblem(input.text, source);
    if (problem) throw new InputError([problem]);
  }
  const simple = readSimpleYaml(input.text);
  return simple === undefined ? parseWithYaml(input, source, options) : simpleParsed(source, simple);
}
