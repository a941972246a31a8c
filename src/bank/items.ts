import type { Bank, InterlockItem, Responsibility } from './schema.js';

export type BankItem = (Responsibility & { kind: 'responsibility'; area: { id: string; title: string } }) | (InterlockItem & { kind: 'interlock' });

/** Every item in bank order: the responsibilities area by area, then the interlock. */
export function bankItems(bank: Bank): BankItem[] {
  const items: BankItem[] = [];
  for (const area of bank.areas) {
    for (const item of area.responsibilities) items.push({ ...item, kind: 'responsibility', area: { id: area.id, title: area.title } });
  }
  for (const item of bank.interlock) items.push({ ...item, kind: 'interlock' });
  return items;
}

const itemsCache = new WeakMap<Bank, Map<string, BankItem>>();

export function itemsById(bank: Bank): Map<string, BankItem> {
  let map = itemsCache.get(bank);
  if (!map) {
    map = new Map(bankItems(bank).map((item) => [item.id, item]));
    itemsCache.set(bank, map);
  }
  return map;
}
