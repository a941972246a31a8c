import type { FactValue, Role } from '../../core/answers/schema.js';
import { ITEM_KINDS, type RatedField } from '../../core/bank/item-kinds.js';
import { bankItems, type BankItem } from '../../core/bank/items.js';
import type { Bank, Form } from '../../core/bank/schema.js';
import { inScope, type Scope } from '../../core/answers/scope.js';
import { INTERLOCK_SECTION } from '../../core/score/answered.js';
import { UsageError } from '../../core/errors.js';
import type { Answer, ItemAnswer } from '../../core/answers/respondent.js';
import { closest } from '../../core/text.js';

// What the interactive flow asks, in order, and which of it is answered: one place for "where are we".

// `--area interlock` selects the interlock items, which come after the areas.
export { INTERLOCK_SECTION } from '../../core/score/answered.js';

export type Field = RatedField;

/** An area, or the interlock: what "Area k of n" counts. */
export interface Section {
  id: string;
  title: string;
  description?: string;
  /** 1-based, among the selected sections. */
  index: number;
  items: BankItem[];
}

export type Step =
  | { kind: 'organization' | 'name' | 'role' }
  | {
      kind: 'item';
      section: Section;
      item: BankItem;
      field: Field;
      /** 1-based within the section. */ position: number;
      first: boolean;
    };
export type ItemStep = Extract<Step, { kind: 'item' }>;

/** The session's answers. `null`: asked and left empty on purpose (skipped); absent: not asked yet. */
export interface Draft {
  /** The company's stage and the form chosen at the start. */
  stage?: string;
  form?: Form;
  organization?: string | null;
  name?: string | null;
  role?: Role | null;
  email?: string;
  /** Bank v3: the organization facts asked first; null: asked and skipped. */
  facts?: Record<string, FactValue | null>;
  /** This submission's random id, given once when the file is first written and kept on resume. */
  response?: string;
  /** When an answer last changed (ISO 8601), and the answers then saved: an unchanged save keeps it. */
  answeredAt?: string;
  savedAnswers?: string;
  answers: Map<string, Answer | null>;
}

/** What the flow asks of an item: what its kind is rated on (a note is offered separately). */
export function fieldsOf(item: BankItem): readonly Field[] {
  return ITEM_KINDS[item.kind].rated;
}

/** The selected sections, in bank order; an unknown `--area` id is a usage error with a suggestion. */
export function selectSections(bank: Bank, areaIds: string[] | undefined): Section[] {
  const all: Omit<Section, 'index'>[] = bank.areas.map((area) => ({
    id: area.id,
    title: area.title,
    description: area.description,
    // An area's responsibilities, then its practices (bank order).
    items: bankItems(bank).filter((i) => i.kind !== 'interlock' && i.area.id === area.id),
  }));
  if (bank.interlock.length > 0) {
    all.push({
      id: INTERLOCK_SECTION,
      title: 'What each function owes another',
      description: 'The hand-offs between the teams: how reliably each one arrives.',
      items: bankItems(bank).filter((i) => i.kind === 'interlock'),
    });
  }
  const wanted = new Set(areaIds ?? []);
  for (const id of wanted) {
    if (all.some((s) => s.id === id)) continue;
    const suggestion = closest(
      id,
      all.map((s) => s.id),
    );
    throw new UsageError(
      `--area: no area "${id}" in the bank${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; the areas are ${all.map((s) => s.id).join(', ')}`,
    );
  }
  return all.filter((s) => wanted.size === 0 || wanted.has(s.id)).map((s, i) => ({ ...s, index: i + 1 }));
}

/** The sections with only the items asked at this stage and in this form; a section left empty is dropped. */
export function scopedSections(sections: Section[], scope: Pick<Scope, 'stage' | 'form'>): Section[] {
  return sections
    .map((section) => ({ ...section, items: section.items.filter((item) => inScope(item, scope)) }))
    .filter((section) => section.items.length > 0)
    .map((section, i) => ({ ...section, index: i + 1 }));
}

export function buildSteps(sections: Section[]): Step[] {
  const steps: Step[] = [{ kind: 'organization' }, { kind: 'name' }, { kind: 'role' }];
  for (const section of sections) {
    section.items.forEach((item, i) => {
      fieldsOf(item).forEach((field, f) =>
        steps.push({ kind: 'item', section, item, field, position: i + 1, first: f === 0 }),
      );
    });
  }
  return steps;
}

export function itemAnswerOf(draft: Draft, id: string): ItemAnswer | undefined {
  const answer = draft.answers.get(id);
  return answer === undefined || answer === null || answer === 'n/a' ? undefined : answer;
}

/** Answered, n/a, or in a skipped item: nothing more to ask here. */
export function isSettled(step: Step, draft: Draft): boolean {
  if (step.kind !== 'item') return draft[step.kind] !== undefined;
  const answer = draft.answers.get(step.item.id);
  return answer === null || answer === 'n/a' || (answer !== undefined && answer[step.field] !== undefined);
}

/** Whether walking forward should stop here: not for the rest of an n/a item, nor a skipped one. */
export function isOpen(step: Step, draft: Draft): boolean {
  if (step.kind !== 'item') return true;
  const answer = draft.answers.get(step.item.id);
  return answer !== null && (answer !== 'n/a' || step.first);
}

/** The first step from `from` still to answer, or `steps.length` when everything is settled. */
export function firstUnsettled(steps: Step[], draft: Draft, from = 0): number {
  const i = steps.findIndex((step, j) => j >= from && !isSettled(step, draft));
  return i === -1 ? steps.length : i;
}

export function nextOpen(steps: Step[], draft: Draft, from: number): number {
  let i = from;
  while (i < steps.length && !isOpen(steps[i]!, draft)) i++;
  return i;
}

/** The question before `from` that holds an answer the person could change, or -1. */
export function previousAnswered(steps: Step[], draft: Draft, from: number): number {
  for (let i = from - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (isOpen(step, draft) && isSettled(step, draft)) return i;
  }
  return -1;
}

export function isComplete(item: BankItem, answer: Answer | null | undefined): boolean {
  if (answer === 'n/a') return true;
  if (answer === undefined || answer === null) return false;
  return fieldsOf(item).every((f) => answer[f] !== undefined);
}

export interface Tally {
  items: number;
  answered: number;
  /** Answered items with at least one "don't know". */
  unknown: number;
  notApplicable: number;
  skipped: number;
  unanswered: number;
  /** Questions (fields), for "12 of 40 answered": answered (n/a answers them all), and skipped. */
  questions: number;
  questionsAnswered: number;
  questionsSkipped: number;
}

/** Counts over the items of the selected sections. */
export function tally(sections: Section[], draft: Draft): Tally {
  const t: Tally = {
    items: 0,
    answered: 0,
    unknown: 0,
    notApplicable: 0,
    skipped: 0,
    unanswered: 0,
    questions: 0,
    questionsAnswered: 0,
    questionsSkipped: 0,
  };
  for (const item of sections.flatMap((s) => s.items)) {
    const answer = draft.answers.get(item.id);
    const fields = fieldsOf(item);
    t.items++;
    t.questions += fields.length;
    if (answer === null) t.skipped++;
    else if (answer === 'n/a') t.notApplicable++;
    else if (isComplete(item, answer)) {
      t.answered++;
      if (fields.some((f) => answer?.[f] === 'unknown')) t.unknown++;
    } else t.unanswered++;
    if (answer === null) t.questionsSkipped += fields.length;
    else if (answer === 'n/a') t.questionsAnswered += fields.length;
    else if (answer) t.questionsAnswered += fields.filter((f) => answer[f] !== undefined).length;
  }
  return t;
}
