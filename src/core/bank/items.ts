import type { Axis } from './item-kinds.js';
import {
  DEFAULT_FUNCTION_NAMES,
  type Scale,
  type Bank,
  type InterlockItem,
  type NamedFunction,
  type Practice,
  type Responsibility,
} from './schema.js';

type AreaRef = { area: { id: string; title: string } };
export type BankItem =
  | (Responsibility & { kind: 'responsibility' } & AreaRef)
  | (Practice & { kind: 'practice' } & AreaRef)
  | (InterlockItem & { kind: 'interlock' });
export type ResponsibilityItem = Extract<BankItem, { kind: 'responsibility' }>;
export type PracticeItem = Extract<BankItem, { kind: 'practice' }>;

/** A function's name as the bank gives it, else the usual one. */
export const functionName = (bank: Bank, code: NamedFunction): string =>
  bank.functions[code]?.name ?? DEFAULT_FUNCTION_NAMES[code];

/** The scale an axis is rated on (a bank with practices has a frequency scale: the rules see to it). */
export const scaleOf = (bank: Bank, axis: Axis): Scale => bank.scales[axis]!;

/** The accountable owner and contributors of a responsibility at a stage (bank v3 `owners`). */
export function ownerAt(item: Responsibility, stage: string | null): Pick<Responsibility, 'owner' | 'contributors'> {
  const atStage = stage === null ? undefined : item.owners?.[stage];
  return atStage ?? { owner: item.owner, contributors: item.contributors };
}

// Built once per bank: a run asks for the list several times (loading, scoring, rendering).
const listCache = new WeakMap<Bank, readonly BankItem[]>();
const itemsCache = new WeakMap<Bank, Map<string, BankItem>>();

/** Every item in bank order: area by area its responsibilities then its practices, then the interlock. */
export function bankItems(bank: Bank): readonly BankItem[] {
  let items = listCache.get(bank);
  if (!items) {
    const list: BankItem[] = [];
    for (const area of bank.areas) {
      const ref = { id: area.id, title: area.title };
      for (const item of area.responsibilities) list.push({ ...item, kind: 'responsibility', area: ref });
      for (const item of area.practices ?? []) list.push({ ...item, kind: 'practice', area: ref });
    }
    for (const item of bank.interlock) list.push({ ...item, kind: 'interlock' });
    items = list;
    listCache.set(bank, items);
  }
  return items;
}

export function itemsById(bank: Bank): Map<string, BankItem> {
  let map = itemsCache.get(bank);
  if (!map) {
    map = new Map(bankItems(bank).map((item) => [item.id, item]));
    itemsCache.set(bank, map);
  }
  return map;
}
