import * as z from 'zod/mini';
import type { Bank } from '../bank/schema.js';
import { itemsById } from '../bank/items.js';
import { valueOf, type Problem } from '../errors.js';
import type { ParsedDocument } from '../document/document.js';
import { validateDocument } from '../document/validate.js';
import { describeValue, safeLine } from '../text.js';
import { OWNERS, type Owner } from '../answers/schema.js';
import { ACTION_STATUSES, DECIDED_OWNERS, isDate, type ActionStatus } from './schema.js';

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
    // A report made with --charter: the charter's actions, which the new charter keeps.
    decided: z.optional(
      z.object({
        organization: z.optional(z.nullable(z.string())),
        actions: z.array(
          z.object({
            item: z.string(),
            action: z.string(),
            owner: z.string(),
            due: z.string().check(z.refine(isDate, { error: 'a date such as 2026-12-10' })),
            status: z.enum(ACTION_STATUSES),
          }),
        ),
      }),
    ),
  },
  { error: 'a pm-diag JSON report (pm-diag report ... --format json)' },
);
export type ReportPart = z.infer<typeof reportPart>;

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
const isOwner = (code: string): code is Owner => (OWNERS as readonly string[]).includes(code);
const isDecidable = (code: string): code is Owner => (DECIDED_OWNERS as readonly string[]).includes(code);
/** Owner codes as a YAML list: only known codes (a report is a file: nothing else reaches the charter). */
const list = (codes: readonly string[]) => `[${codes.filter(isOwner).join(', ')}]`;

function addDays(date: string, days: number): string {
  const time = new Date(`${date}T00:00:00Z`);
  time.setUTCDate(time.getUTCDate() + days);
  return time.toISOString().slice(0, 10);
}

/** One decision of a charter being written: what the room decides, beside what the report said. */
export interface DraftDecision {
  id: string;
  title: string;
  owner: Owner;
  contributors: Owner[];
  note: string;
  /** The bank's recommendation at the stage, which the file's comment repeats. */
  recommended: string;
  recommendedContributors: string[];
  /** The report's words on the item: its ownership status and how people answered. */
  status: string;
  contested: boolean;
  answered: string;
}

export interface DraftAction {
  item: string;
  title: string;
  action: string;
  owner: string;
  due: string;
  status: ActionStatus;
}

/**
 * A charter file before it is written: what `template --format charter` writes and the facilitator
 * page lets the room edit. Both write it with renderCharterFile, so the two files are alike.
 */
export interface CharterDraft {
  organization: string;
  decided: string;
  decisions: DraftDecision[];
  actions: DraftAction[];
}

/**
 * The charter a report suggests; `today` (yyyy-mm-dd) stands in when the report carries no date.
 * Each ownership problem of the role charter starts as the recommendation, a decision a charter
 * report already carried stays, and so do its actions; each gap on the agenda without one gets one.
 */
export function charterDraft(report: ReportPart, bank: Bank, today: string): CharterDraft {
  const decided = report.generatedAt && isDate(report.generatedAt) ? report.generatedAt : today;
  const items = itemsById(bank);
  const titles = new Map(report.items.map((i) => [i.id, i.title ?? items.get(i.id)?.title ?? i.id]));
  const title = (id: string) => titles.get(id) ?? items.get(id)?.title ?? id;
  const problems = new Map((report.charter ?? []).map((row) => [row.id, row]));
  const decisions = report.items.flatMap((item): DraftDecision[] => {
    if (items.get(item.id)?.kind !== 'responsibility') return [];
    const row = problems.get(item.id);
    const taken = item.owner?.decided ?? undefined;
    if (row === undefined && taken === undefined) return [];
    const recommended = row?.recommended ?? item.owner?.recommended ?? 'pm';
    const recommendedContributors = row?.contributors ?? item.owner?.contributors ?? [];
    const answered = Object.entries(row?.answers ?? item.owner?.votes ?? {})
      .sort((a, b) => b[1] - a[1])
      .map(([owner, n]) => `${owner} ${n}`)
      .join(', ');
    // A decision taken before stays; otherwise the recommendation is the starting point.
    const owner =
      taken && isDecidable(taken.owner) ? taken.owner : isDecidable(recommended) ? recommended : ('pm' as Owner);
    return [
      {
        id: item.id,
        title: title(item.id),
        owner,
        contributors: (taken ? taken.contributors : recommendedContributors).filter(isOwner),
        note: taken?.note ?? '',
        recommended,
        recommendedContributors,
        status: row?.status ?? item.owner?.status ?? 'unanswered',
        contested: row?.contested ?? item.owner?.contested ?? false,
        answered,
      },
    ];
  });
  const kept = (report.decided?.actions ?? [])
    .filter((a) => items.has(a.item))
    .map((a) => ({ ...a, title: title(a.item) }));
  const acted = new Set(kept.map((a) => a.item));
  const decisionOf = new Map(report.items.map((i) => [i.id, i.decision ?? undefined]));
  const due = addDays(decided, DUE_IN_DAYS);
  const fresh = report.gaps
    .slice(0, report.top ?? 10)
    .filter((id) => items.has(id) && !acted.has(id))
    .map((id) => ({
      item: id,
      title: title(id),
      action: decisionOf.get(id) ?? 'What will be done',
      owner: '',
      due,
      status: 'open' as const,
    }));
  return {
    organization: report.decided?.organization ?? report.organization ?? '',
    decided,
    decisions,
    actions: [...kept, ...fresh],
  };
}

/** The charter file's text: the one writer of `template --format charter` and the page's "Download charter". */
export function renderCharterFile(draft: CharterDraft, bank: Bank): string {
  const decisions = draft.decisions.flatMap((row) => [
    `  # ${safeLine(row.title)}: ${safeLine(row.status)}${row.contested ? ', contested' : ''}; people answered ${safeLine(row.answered) || 'nothing'}`,
    `  ${row.id}: { owner: ${row.owner}, contributors: ${list(row.contributors)}, note: ${quoted(row.note)} }   # recommended: ${safeLine(row.recommended)}, contributors ${list(row.recommendedContributors)}`,
  ]);
  const actions = draft.actions.flatMap((a) => [
    `  # ${safeLine(a.title)}`,
    `  - { item: ${a.item}, action: ${quoted(a.action)}, owner: ${quoted(a.owner)}, due: ${a.due}, status: ${a.status} }`,
  ]);
  return [
    `# yaml-language-server: $schema=./${CHARTER_SCHEMA_FILE}`,
    `# pm-diag charter for "${safeLine(bank.title)}": what the room decided, kept with the answers.`,
    '# Each decision starts as the recommended owner: change it to what the room decided (any owner code:',
    `# ${DECIDED_OWNERS.join(', ')}). Delete the decisions you did not take.`,
    '# Each action: who does it (a person), by when, and its status (open, done or dropped).',
    '# Then: pm-diag report ANSWERS... --charter this-file.yaml',
    `charter: ${bank.id}`,
    `bank-version: ${bank.version}`,
    `organization: ${draft.organization ? quoted(draft.organization) : ''}`,
    `decided: ${draft.decided}`,
    decisions.length === 0 ? 'decisions: {}' : 'decisions:',
    ...decisions,
    actions.length === 0 ? 'actions: []' : 'actions:',
    ...actions,
    '',
  ].join('\n');
}

/** `template --format charter --from report.json`: the charter a report suggests, as a file. */
export const renderCharterTemplate = (report: ReportPart, bank: Bank, today: string): string =>
  renderCharterFile(charterDraft(report, bank, today), bank);
