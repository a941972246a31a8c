import * as z from 'zod/mini';
import { fieldsOf } from '../bank/item-kinds.js';
import { itemsById } from '../bank/items.js';
import type { Bank } from '../bank/schema.js';
import { andThen, checked, errorsOf, type Checked, type Problem } from '../errors.js';
import type { SourceText } from '../source.js';
import { parseDocumentText, type ParsedDocument } from '../document/document.js';
import { pathText, validateDocument } from '../document/validate.js';
import { closest, safeLine, unknownText } from '../text.js';
import { choiceKey, formChoices, type ChoiceField } from './choices.js';
import { META_COLUMNS, factIdOf, hasField, splitItemColumn } from './form-columns.js';
import { isMigratedId } from './migrate.js';

// `--map FILE`: for a form whose questions carry no `[<id>.<field>]` tag and whose choices are not
// the form guide's, which header is which column and which label is which code.
//
//   columns:
//     "Who owns pricing today?": pricing.owner
//     "Your name": respondent
//     "Anything else?": ignore
//   labels:
//     owner: { "Marketing team": pmm }
//     capability: { "Basic": 2 }

export const IGNORE = 'ignore';
const LABEL_FIELDS = [
  'owner',
  'capability',
  'capacity',
  'delivery',
  'frequency',
  'role',
  'stage',
] as const satisfies readonly ChoiceField[];

const mapSchema = z.strictObject(
  {
    columns: z.optional(
      z.record(
        z.string(),
        z.string({
          error: 'a column: <item id>.<field>, respondent, role, organization, stage, facts.<fact id> or ignore',
        }),
        { error: 'a mapping of headers to columns' },
      ),
    ),
    labels: z.optional(
      z.partialRecord(
        z.enum(LABEL_FIELDS, { error: LABEL_FIELDS.join(', ') }),
        z.record(z.string(), z.union([z.string(), z.number()], { error: 'a code' }), {
          error: 'a mapping of labels to codes',
        }),
        {
          error: `a mapping of fields (${LABEL_FIELDS.join(', ')}) to labels`,
        },
      ),
    ),
  },
  { error: 'a map file (a mapping with "columns" and "labels")' },
);

export interface FormMap {
  source: string;
  /** Header (by choiceKey) → `<id>.<field>`, a meta column, or `ignore`. */
  columns: Map<string, string>;
  /** Field → label (by choiceKey) → code. */
  labels: Map<ChoiceField, Map<string, string>>;
}

/** The problems of a map's column targets and label codes against the bank, each at its key. */
function ruleProblems(map: z.infer<typeof mapSchema>, bank: Bank, doc: ParsedDocument): Problem[] {
  const problems: Problem[] = [];
  const items = itemsById(bank);
  const add = (path: string[], message: string, expected: string) =>
    problems.push({
      source: doc.source,
      ...doc.locate(path),
      path: pathText(path),
      message,
      expected,
      severity: 'error',
    });
  for (const [header, target] of Object.entries(map.columns ?? {})) {
    if (target === IGNORE || (META_COLUMNS as readonly string[]).includes(target)) continue;
    const fact = factIdOf(target);
    if (fact !== undefined && Object.hasOwn(bank.facts ?? {}, fact)) continue;
    const split = splitItemColumn(target);
    const item = split && items.get(split.id);
    if (item && hasField(item, split.field)) continue;
    if (split && isMigratedId(bank, split.id)) continue;
    const path = ['columns', header];
    if (item)
      add(
        path,
        `"${safeLine(target)}": "${item.id}" has no field "${safeLine(split!.field)}"`,
        fieldsOf(item.kind)
          .map((f) => `${item.id}.${f}`)
          .join(', '),
      );
    else {
      const suggestion = split && closest(split.id, items.keys());
      add(
        path,
        unknownText(split ? 'item id' : 'column', split ? split.id : target, suggestion),
        `<item id>.<field> for an item of the bank "${bank.id}", ${META_COLUMNS.join(', ')}, ` +
          `${bank.facts ? 'facts.<fact id>, ' : ''}or ${IGNORE}`,
      );
    }
  }
  for (const [field, labels] of Object.entries(map.labels ?? {}) as [ChoiceField, Record<string, string | number>][]) {
    const codes = formChoices(bank, field).map((c) => c.code);
    for (const [label, code] of Object.entries(labels)) {
      if (!codes.includes(String(code)))
        add(['labels', field, label], `"${safeLine(String(code))}" is not a code for ${field}`, codes.join(', '));
    }
  }
  return problems;
}

/** Parses and checks a map file's text against the bank: every problem at its line and column. */
export function checkFormMapText(input: SourceText, bank: Bank): Checked<FormMap> {
  const doc = checked(() => parseDocumentText(input, { allowAliases: false }));
  return andThen(doc, (parsed) => {
    const { value, problems } = validateDocument(mapSchema, parsed);
    if (!value) return { problems };
    const rules = ruleProblems(value, bank, parsed);
    if (errorsOf(rules).length > 0) return { problems: rules };
    const columns = new Map(Object.entries(value.columns ?? {}).map(([header, target]) => [choiceKey(header), target]));
    const labels = new Map<ChoiceField, Map<string, string>>();
    for (const [field, entries] of Object.entries(value.labels ?? {}))
      labels.set(
        field as ChoiceField,
        new Map(Object.entries(entries ?? {}).map(([label, code]) => [choiceKey(label), String(code)])),
      );
    return { value: { source: parsed.source, columns, labels }, problems: [] };
  });
}
