import type { Bank, InterlockItem, Responsibility } from './schema.js';

export type BankItem =
  | (Responsibility & { kind: 'responsibility'; area: { id: string; title: string } })
  | (InterlockItem & { kind: 'interlock' });

// Built once per bank: a run asks for the list several times (loading, scoring, rendering).
const listCache = new WeakMap<Bank, readonly BankItem[]>();
const itemsCache = new WeakMap<Bank, Map<string, BankItem>>();

/** Every item in bank order: the responsibilities area by area, then the interlock. */
export function bankItems(bank: Bank): readonly BankItem[] {
  let items = listCache.get(bank);
  if (!items) {
    const list: BankItem[] = [];
    for (const area of bank.areas) {
      for (const item of area.responsibilities)
        list.push({ ...item, kind: 'responsibility', area: { id: area.id, title: area.title } });
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
