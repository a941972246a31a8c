import type * as z from 'zod/mini';
import type { Problem } from '../errors.js';
import { closest, describeValue, shownKey, unknownText } from '../text.js';
import type { DocPath, ParsedDocument } from './document.js';

export type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
};

function valueAt(data: unknown, path: DocPath): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key as string];
  }
  return value;
}

export function pathText(path: DocPath): string {
  return path.map((k) => shownKey(String(k))).join('.');
}

/** Our schemas carry their expectation as the message; zod's own messages start with "Invalid". */
function expectation(issue: Issue): string {
  if (!issue.message.startsWith('Invalid')) return issue.message;
  if (issue.code === 'invalid_type') return TYPE_NAMES[issue.expected] ?? String(issue.expected);
  if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v)).join(' or ');
  return 'a valid value';
}

function isMapping(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A union of a word and a mapping (`n/a` or `{…}`): when a mapping was given, report what is wrong inside it. */
function flattenUnion(issue: Issue & { code: 'invalid_union' }, data: unknown): Issue[] | undefined {
  if (!isMapping(valueAt(data, issue.path))) return undefined;
  // The branch that accepted a mapping: not the word (`n/a`: invalid_value at the root), nor any other non-mapping type.
  const branch = issue.errors.find(
    (issues) => !issues.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value')),
  );
  return branch?.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as Issue);
}

/**
 * Turns zod issues into problems that point at the line and column of the value in the file,
 * saying what was found and what was expected.
 */
export function issuesToProblems(
  issues: readonly Issue[],
  doc: ParsedDocument,
  knownKeys: (path: DocPath) => string[] = () => [],
): Problem[] {
  const problems: Problem[] = [];
  const visit = (issue: Issue) => {
    if (issue.code === 'invalid_union') {
      const inner = flattenUnion(issue, doc.data);
      if (inner) return inner.forEach(visit);
    }
    const path = issue.path as DocPath;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = closest(key, knownKeys(path));
        problems.push({
          source: doc.source,
          ...doc.locateKey(path, key),
          path: pathText([...path, key]),
          message: unknownText('key', key, suggestion),
          severity: 'error',
        });
      }
      return;
    }
    const found = valueAt(doc.data, path);
    problems.push({
      source: doc.source,
      ...doc.locate(path),
      path: path.length ? pathText(path) : undefined,
      message: found === undefined ? 'missing' : 'invalid value',
      found: found === undefined ? undefined : describeValue(found),
      expected: expectation(issue),
      severity: 'error',
    });
  };
  issues.forEach(visit);
  // One value can break several checks with the same expectation (an unsafe integer is both "not an
  // integer" and "above 5"): say it once.
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.line, p.column, p.path, p.message, p.found, p.expected]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  innerType?: { _zod: { def: SchemaDef } };
  element?: { _zod: { def: SchemaDef } };
  valueType?: { _zod: { def: SchemaDef } };
  options?: { _zod: { def: SchemaDef } }[];
}

/** The keys a strict object in `schema` allows at `path`: the candidates for "did you mean". */
export function allowedKeys(schema: z.ZodMiniType, path: DocPath): string[] {
  let defs: SchemaDef[] = [(schema as unknown as { _zod: { def: SchemaDef } })._zod.def];
  const unwrap = (def: SchemaDef): SchemaDef[] => {
    if (def.innerType) return unwrap(def.innerType._zod.def);
    if (def.options) return def.options.flatMap((o) => unwrap(o._zod.def));
    return [def];
  };
  for (const key of path) {
    defs = defs.flatMap(unwrap).flatMap((def) => {
      if (def.shape && typeof key === 'string' && def.shape[key]) return [def.shape[key]._zod.def];
      if (def.element && typeof key === 'number') return [def.element._zod.def];
      if (def.valueType) return [def.valueType._zod.def];
      return [];
    });
  }
  return defs.flatMap(unwrap).flatMap((def) => Object.keys(def.shape ?? {}));
}

/** Validates parsed data against a schema; returns the typed value, or every problem with its position. */
export function validateDocument<S extends z.ZodMiniType>(
  schema: S,
  doc: ParsedDocument,
): { value?: z.infer<S>; problems: Problem[] } {
  const result = schema.safeParse(doc.data);
  if (result.success) return { value: result.data, problems: [] };
  return { problems: issuesToProblems(result.error.issues, doc, (path) => allowedKeys(schema, path)) };
}
