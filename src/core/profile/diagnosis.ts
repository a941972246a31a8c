import * as z from 'zod/mini';
import { reportSchema } from '../compare/report-schema.js';
import { InputError } from '../errors.js';
import type { SourceText } from '../source.js';
import { parseDocumentText } from '../document/document.js';
import { validateDocument } from '../document/validate.js';
import type { CapacityItem } from './team.js';

// `profile team --diagnosis report.json`: the JSON report of `pm-diag report --format json`, checked
// as `compare` checks one, plus what the capacity weighing reads from each responsibility (its
// weight and target, which `compare` does not need).

const capacityFields = z.object({
  items: z.array(
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('responsibility'),
        weight: z.number({ error: 'a weight (a number)' }).check(z.minimum(0, { error: 'a weight of 0 or more' })),
        target: z.number({ error: 'a target level (a number)' }),
      }),
      z.object({ kind: z.literal('interlock') }),
      // Bank v3: a practice needs no capacity, so nothing is read from it.
      z.object({ kind: z.literal('practice') }),
    ]),
  ),
});

export function parseDiagnosis(input: SourceText): CapacityItem[] {
  const doc = parseDocumentText(input, { allowAliases: false });
  const report = validateDocument(reportSchema, doc);
  // The extra fields only once the report itself is sound: their problems would only repeat its own.
  const extra = report.value ? validateDocument(capacityFields, doc) : { problems: [] };
  const problems = [...report.problems, ...extra.problems];
  if (!report.value || problems.length > 0) throw new InputError(problems);
  const raw = (doc.data as { items: { weight?: number; target?: number }[] }).items;
  return report.value.items.flatMap((item, i) =>
    item.kind === 'responsibility'
      ? [
          {
            id: item.id,
            weight: raw[i]!.weight!,
            target: raw[i]!.target!,
            capacity: item.capacity,
            owner: { recommended: item.owner.recommended },
          },
        ]
      : [],
  );
}
