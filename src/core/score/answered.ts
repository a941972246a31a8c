import { ITEM_KINDS, type ItemKind } from '../bank/item-kinds.js';
import type { BankItem } from '../bank/items.js';
import type { Answer } from '../answers/respondent.js';

// docs/design.md, "Scoring" (coverage): an item is answered when the respondent said n/a or gave at
// least one of what the item is rated on (a level, "don't know", an owner). Evidence or a note alone
// is kept and shown, but leaves the item unanswered.

/** Whether `answer` answers an item of this kind (undefined: the respondent left it out). */
export function isAnswered(answer: Answer | undefined, kind: ItemKind): boolean {
  if (answer === undefined) return false;
  if (answer === 'n/a') return true;
  return ITEM_KINDS[kind].rated.some((field) => answer[field] !== undefined && answer[field] !== null);
}

/** Why an item, or a group of items, has no value: "don't know", not applicable, or no answer. */
export type Missing = 'unknown' | 'n/a' | 'unanswered';

/**
 * Why a value is missing, from the answers behind it: any "don't know" makes it a knowledge gap,
 * else any n/a makes it not applicable, else nobody rated it.
 */
export function missingOf(counts: readonly { unknown: number; notApplicable: number }[]): Missing {
  if (counts.some((c) => c.unknown > 0)) return 'unknown';
  return counts.some((c) => c.notApplicable > 0) ? 'n/a' : 'unanswered';
}

/** The section an item is asked in: its area, or the interlock (which `assess --area interlock` names so too). */
export const INTERLOCK_SECTION = 'interlock';
export const sectionOf = (item: BankItem): string => (item.kind === 'interlock' ? INTERLOCK_SECTION : item.area.id);
