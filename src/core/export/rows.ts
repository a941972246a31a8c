import type { Diagnosis, ItemScore } from '../score/model.js';
import type { ItemAnswer, Respondent } from '../answers/respondent.js';
import { ITEM_KINDS, type RatedField } from '../bank/item-kinds.js';
import { normalizedName } from '../answers/identity.js';
import type { ExportAxis, ExportForm, ExportKind, ExportStatus } from './columns.js';

// The export's rows, respondent by respondent and, within one, item by item in bank order. The
// cells that only depend on the respondent, or only on the item and axis, are made once and
// shared by every row that has them, so each writer can format them once too. Text is kept as the
// source wrote it, every character: a row must match its source (text.ts escapes it per format).

/** The columns that only depend on the respondent (and the run). */
export interface RespondentCells {
  organization: string | null;
  stage: string | null;
  form: ExportForm;
  bank_id: string;
  bank_version: number;
  respondent: string;
  role: string | null;
}

/** The columns that only depend on the item and the axis. */
export interface ItemAxisCells {
  item_id: string;
  item_kind: ExportKind;
  area: string;
  axis: ExportAxis;
  weight: number | null;
  target: number | null;
  recommended_owner: string | null;
  receiver: string | null;
}

/** The columns in each part of a row; a row's columns are WHO, WHAT, value, status, TAIL. */
export const WHO_COLUMNS = [
  'organization',
  'stage',
  'form',
  'bank_id',
  'bank_version',
  'respondent',
  'role',
] as const satisfies readonly (keyof RespondentCells)[];
export const WHAT_COLUMNS = [
  'item_id',
  'item_kind',
  'area',
  'axis',
] as const satisfies readonly (keyof ItemAxisCells)[];
export const TAIL_COLUMNS = [
  'weight',
  'target',
  'recommended_owner',
  'receiver',
] as const satisfies readonly (keyof ItemAxisCells)[];

export interface ExportRow {
  who: RespondentCells;
  what: ItemAxisCells;
  value: number | string | null;
  status: ExportStatus;
}

/** The stage and form the assessment was scored at (a respondent's own file may say otherwise: see exportRows). */
export function assessmentScope(diagnosis: Diagnosis): { stage: string | null; form: ExportForm } {
  return { stage: diagnosis.stage, form: diagnosis.form };
}

/** One name per respondent: its own, else `respondent N`; a repeated name is numbered, so each respondent is one value. */
export function respondentNames(respondents: readonly Respondent[]): string[] {
  const seen = new Map<string, number>();
  return respondents.map((r, i) => {
    const name = r.name ?? `respondent ${i + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

function itemAxisCells(item: ItemScore): ItemAxisCells[] {
  const common = {
    item_id: item.id,
    item_kind: item.kind,
    area: item.kind === 'interlock' ? 'interlock' : item.area.id,
    weight: item.weight,
    target: item.target,
    // The giver owes an interlock item: it is the function that acts on a gap. Nobody owns a practice.
    recommended_owner: item.kind === 'interlock' ? item.from : item.kind === 'practice' ? null : item.owner.recommended,
    receiver: item.kind === 'interlock' ? item.to : null,
  };
  // What each kind is rated on, in the order its rows come (item-kinds.ts is its one home).
  return ITEM_KINDS[item.kind].rated.map((axis) => ({ ...common, axis }));
}

/** The area of the organization facts' rows. */
export const FACTS_AREA = 'facts';

const factCells = (fact: string): ItemAxisCells => ({
  item_id: fact,
  item_kind: 'fact',
  area: FACTS_AREA,
  axis: 'fact',
  weight: null,
  target: null,
  recommended_owner: null,
  receiver: null,
});

function cell(
  answer: ItemAnswer | 'n/a' | undefined,
  axis: RatedField,
): { value: number | string | null; status: ExportStatus } {
  if (answer === undefined) return { value: null, status: 'unanswered' };
  if (answer === 'n/a') return { value: null, status: 'n/a' };
  const value = answer[axis];
  if (value === undefined) return { value: null, status: 'unanswered' };
  if (value === 'unknown') return { value: null, status: 'unknown' };
  return { value, status: 'answered' };
}

/** Whether the respondents name more than one organization, compared as the team selection compares them. */
function severalOrganizations(respondents: readonly Respondent[]): boolean {
  let first: string | undefined;
  let last: string | undefined;
  for (const { organization } of respondents) {
    // An export's rows share their organization's text: each is compared once.
    if (!organization || organization === last) continue;
    last = organization;
    const name = normalizedName(organization);
    if (first === undefined) first = name;
    else if (name !== first) return true;
  }
  return false;
}

/**
 * Every row of the export: one per respondent × item × axis, in the order the respondents were
 * given and the bank's order; an item a respondent's form did not ask (`asked`) has no rows of theirs.
 * Bank v3: first one row per organization fact the respondent gave (`facts`: the bank's, in its order).
 */
export function* exportRows(
  diagnosis: Diagnosis,
  respondents: readonly Respondent[],
  asked: (respondent: Respondent, itemId: string) => boolean = () => true,
  facts: readonly string[] = [],
): Generator<ExportRow> {
  const { stage, form } = assessmentScope(diagnosis);
  const names = respondentNames(respondents);
  const items = diagnosis.items.map((item) => ({ id: item.id, axes: itemAxisCells(item) }));
  const factColumns = facts.map((fact) => [fact, factCells(fact)] as const);
  // A respondent who names no organization is of the assessment's only when the others name just that one.
  const assessmentOrganization = severalOrganizations(respondents) ? null : (diagnosis.organization ?? null);
  for (let r = 0; r < respondents.length; r++) {
    const respondent = respondents[r]!;
    const who: RespondentCells = {
      organization: respondent.organization ?? assessmentOrganization,
      // Each respondent's own stage and form when the file names them: organizations differ.
      stage: respondent.stage ?? stage,
      form: respondent.form ?? form,
      bank_id: diagnosis.bank.id,
      bank_version: diagnosis.bank.version,
      respondent: names[r]!,
      role: respondent.role ?? null,
    };
    // Only the facts the respondent gave: a fact is no question of the assessment's coverage.
    for (const [fact, what] of factColumns) {
      const value = respondent.facts?.[fact];
      if (value !== undefined) yield { who, what, value, status: 'answered' };
    }
    for (const item of items) {
      if (!asked(respondent, item.id)) continue;
      const answer = respondent.answers.get(item.id);
      for (const what of item.axes) {
        const { value, status } = cell(answer, what.axis as RatedField);
        yield { who, what, value, status };
      }
    }
  }
}
