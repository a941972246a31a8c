// A small JSON Schema (draft-07) checker for the keywords our generated schemas use, so tests can
// check real files against them without a validator dependency. An unknown keyword is an error:
// it cannot pass silently by ignoring what it does not understand.

type Schema = Record<string, unknown>;

const IGNORED = new Set(['$schema', 'title', 'description', 'default', 'examples']);
const KNOWN = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'enum',
  'const',
  'anyOf',
  'pattern',
  'minimum',
  'maximum',
  'minLength',
  'minItems',
  'items',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeOf(value) === type;
}

/** Every place where `value` breaks `schema`, as `path: reason`; empty when it is valid. */
export function checkJsonSchema(schema: Schema, value: unknown, path = '$'): string[] {
  const errors: string[] = [];
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key) && !IGNORED.has(key)) errors.push(`${path}: the checker does not know the keyword "${key}"`);
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => hasType(value, t)))
      return [...errors, `${path}: expected ${types.join(' or ')}, found ${typeOf(value)}`];
  }
  if (schema.const !== undefined && value !== schema.const)
    errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    errors.push(`${path}: expected one of ${JSON.stringify(schema.enum)}`);
  if (Array.isArray(schema.anyOf)) {
    const results = (schema.anyOf as Schema[]).map((s) => checkJsonSchema(s, value, path));
    if (!results.some((r) => r.length === 0))
      errors.push(`${path}: matches none of anyOf (${results.map((r) => r[0]).join(' | ')})`);
  }
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      errors.push(`${path}: does not match ${schema.pattern}`);
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength)
      errors.push(`${path}: shorter than ${schema.minLength}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.items && typeof schema.items === 'object')
      value.forEach((v, i) => errors.push(...checkJsonSchema(schema.items as Schema, v, `${path}[${i}]`)));
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[])
      if (!(key in object)) errors.push(`${path}: missing "${key}"`);
    for (const [key, v] of Object.entries(object)) {
      if (schema.propertyNames)
        errors.push(...checkJsonSchema(schema.propertyNames as Schema, key, `${path}.${key} (name)`));
      if (properties[key]) errors.push(...checkJsonSchema(properties[key], v, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unknown key "${key}"`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        errors.push(...checkJsonSchema(schema.additionalProperties as Schema, v, `${path}.${key}`));
      }
    }
  }
  return errors;
}
