import * as z from 'zod/mini';
import type { Bank } from '../bank/schema.js';
import { itemsById } from '../bank/items.js';
import { valueOf, type Problem } from '../errors.js';
import type { ParsedDocument } from '../document/document.js';
import { validateDocument } from '../document/validate.js';
import { describeValue, safeLine } from '../text.js';
import { OWNERS } from '../answers/schema.js';
import { DECIDED_OWNERS, isDate } from './schema.js';

// `pm-diag template --format charter --from report.json`: a charter file pre-filled from a JSON
// report's role charter (`charter`) and action plan (`gaps`), for the room to edit and keep. Each
// decision starts as the bank's recommendation, which a comment beside it repeats with what people
// answered; `report --charter` reads the file back.

export const CHARTER_SCHEMA_FILE = 'pm-diag-charter.schema.json';
/** Days from the report's date to an action's first due date: the room sets its own. */
const DUE_IN_DAYS = 30;

const ownerCode = z.string({ error: 'an owner code' });
/** The parts of a JSON report the template reads (the report's other keys are left alone). */
const reportPart = z.object(
  {
    schemaVersion: z.literal(1, { error: '1 (a report of this version of pm-diag)' }),
    generatedAt: z.optional(z.nullable(z.string())),
    bank: z.object({ id: z.string({ error: 'a bank id' }) }),
    organization: z.optional(z.nullable(z.string())),
    top: z.optional(z.nullable(z.int())),
    items: z.array(
      z.object({
        id: z.string(),
        title: z.optional(z.string()),
        decision: z.optional(z.nullable(z.string())),
        // A report made with --charter: the decision taken before, which the new charter keeps.
        owner: z.optional(
          z.object({
            recommended: z.optional(ownerCode),
            contributors: z.optional(z.array(ownerCode)),
            decided: z.optional(
              z.nullable(
                z.object({
                  owner: ownerCode,
                  contributors: z.array(ownerCode),
                  note: z.optional(z.nullable(z.string())),
                }),
              ),
            ),
            votes: z.optional(z.record(z.string(), z.number())),
            status: z.optional(z.string()),
            contested: z.optional(z.boolean()),
          }),
        ),
      }),
    ),
    charter: z.optional(
      z.array(
        z.object({
          id: z.string(),
          recommended: ownerCode,
          contributors: z.array(ownerCode),
          answers: z.record(z.string(), z.number()),
          status: z.string(),
          contested: z.optional(z.boolean()),
        }),
      ),
    ),
    gaps: z.array(z.string({ error: 'an item id' })),
  },
  { error: 'a pm-diag JSON report (pm-diag report ... --format json)' },
);
type ReportPart = z.infer<typeof reportPart>;

/** The report's parts, or an InputError with every problem (a report of another bank included). */
export function readReportForCharter(doc: ParsedDocument, bank: Bank): ReportPart {
  const { value, problems } = validateDocument(reportPart, doc);
  if (value !== undefined && value.bank.id !== bank.id) {
    const problem: Problem = {
      source: doc.source,
      ...doc.locate(['bank', 'id']),
      path: 'bank.id',
      message: 'the report is over another question bank',
      found: describeValue(value.bank.id),
      expected: `"${bank.id}" (or pass that bank with --bank)`,
      severity: 'error',
    };
    problems.push(problem);
  }
  return valueOf({ value, problems });
}

const quoted = (text: string) => JSON.stringify(safeLine(text));
/** Owner codes as a YAML list: only known codes (a report is a file: nothing else reaches the charter). */
const list = (codes: readonly string[]) =>
  `[${codes.filter((c) => (OWNERS as readonly string[]).includes(c)).join(', ')}]`;

function addDays(date: string, days: number): string {
  const time = new Date(`${date}T00:00:00Z`);
  time.setUTCDate(time.getUTCDate() + days);
  return time.toISOString().slice(0, 10);
}

/** The charter file's text; `today` (yyyy-mm-dd) stands in when the report carries no date. */
export function renderCharterTemplate(report: ReportPart, bank: Bank, today: string): string {
  const decided = report.generatedAt && isDate(report.generatedAt) ? report.generatedAt : today;
  const items = itemsById(bank);
  const titles = new Map(report.items.map((i) => [i.id, i.title ?? items.get(i.id)?.title ?? i.id]));
  const title = (id: string) => safeLine(titles.get(id) ?? id);
  // Every ownership problem of the role charter, and every decision a charter report already carried.
  const problems = new Map((report.charter ?? []).map((row) => [row.id, row]));
  const rows = report.items.flatMap((item) => {
    if (items.get(item.id)?.kind !== 'responsibility') return [];
    const row = problems.get(item.id);
    const decided = item.owner?.decided ?? undefined;
    if (row === undefined && decided === undefined) return [];
    const recommended = row?.recommended ?? item.owner?.recommended ?? 'pm';
    const contributors = row?.contributors ?? item.owner?.contributors ?? [];
    return [
      {
        id: item.id,
        recommended,
        contributors,
        answers: row?.answers ?? item.owner?.votes ?? {},
        status: row?.status ?? item.owner?.status ?? 'unanswered',
        contested: row?.contested ?? item.owner?.contested ?? false,
        decided,
      },
    ];
  });
  const decisions = rows.flatMap((row) => {
    const answered = Object.entries(row.answers)
      .sort((a, b) => b[1] - a[1])
      .map(([owner, n]) => `${owner} ${n}`)
      .join(', ');
    const decidable = (code: string) => (DECIDED_OWNERS as readonly string[]).includes(code);
    // A decision taken before stays; otherwise the recommendation is the starting point.
    const owner =
      row.decided && decidable(row.decided.owner)
        ? row.decided.owner
        : decidable(row.recommended)
          ? row.recommended
          : 'pm';
    const contributors = row.decided ? row.decided.contributors : row.contributors;
    const note = row.decided?.note ?? '';
    return [
      `  # ${title(row.id)}: ${safeLine(row.status)}${row.contested ? ', contested' : ''}; people answered ${safeLine(answered) || 'nothing'}`,
      `  ${row.id}: { owner: ${owner}, contributors: ${list(contributors)}, note: ${quoted(note)} }   # recommended: ${safeLine(row.recommended)}, contributors ${list(row.contributors)}`,
    ];
  });
  const decisionOf = new Map(report.items.map((i) => [i.id, i.decision ?? undefined]));
  const due = addDays(decided, DUE_IN_DAYS);
  const actions = report.gaps
    .slice(0, report.top ?? 10)
    .filter((id) => items.has(id))
    .flatMap((id) => [
      `  # ${title(id)}`,
      `  - { item: ${id}, action: ${quoted(decisionOf.get(id) ?? 'What will be done')}, owner: "", due: ${due}, status: open }`,
    ]);
  return [
    `# yaml-language-server: $schema=./${CHARTER_SCHEMA_FILE}`,
    `# pm-diag charter for "${safeLine(bank.title)}": what the room decided, kept with the answers.`,
    '# Each decision starts as the recommended owner: change it to what the room decided (any owner code:',
    `# ${DECIDED_OWNERS.join(', ')}). Delete the decisions you did not take.`,
    '# Each action: who does it (a person), by when, and its status (open, done or dropped).',
    '# Then: pm-diag report ANSWERS... --charter this-file.yaml',
    `charter: ${bank.id}`,
    `organization: ${report.organization ? quoted(report.organization) : ''}`,
    `decided: ${decided}`,
    decisions.length === 0 ? 'decisions: {}' : 'decisions:',
    ...decisions,
    actions.length === 0 ? 'actions: []' : 'actions:',
    ...actions,
    '',
  ].join('\n');
}
