import { OWNERS } from '../answers/schema.js';
import { KEBAB_ID } from '../bank/schema.js';
import { EXPORT_COLUMNS, type ExportColumn } from './columns.js';

// The JSON Schema (draft-07) of one export row, as an NDJSON line holds it: made from the column
// list, so it cannot drift from what the writers write.

const JSON_TYPES = { text: 'string', integer: 'integer', number: 'number' } as const;

function property(column: ExportColumn): Record<string, unknown> {
  const nullable = (schema: Record<string, unknown>) =>
    column.nullable ? { anyOf: [schema, { type: 'null' }] } : schema;
  if (column.type === 'value') {
    return {
      description: column.description,
      anyOf: [
        { type: 'integer', minimum: 1, maximum: 5 },
        { type: 'string', enum: [...OWNERS] },
        // Bank v3: a fact's answer, an option id or a number (a headcount).
        { type: 'string', pattern: KEBAB_ID.source },
        { type: 'integer' },
        { type: 'null' },
      ],
    };
  }
  const base: Record<string, unknown> = { type: JSON_TYPES[column.type] };
  if (column.values) base.enum = [...column.values];
  return { description: column.description, ...nullable(base) };
}

export function exportRowJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'pm-diag export row',
    description:
      'One row of `pm-diag export`: one respondent × item × axis. NDJSON holds one such object per line; CSV and Parquet the same columns in this order.',
    type: 'object',
    properties: Object.fromEntries(EXPORT_COLUMNS.map((c) => [c.name, property(c)])),
    required: EXPORT_COLUMNS.map((c) => c.name),
    additionalProperties: false,
  };
}
