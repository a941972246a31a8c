import { join } from 'node:path';
import { fieldsOf, ITEM_KINDS } from '../../src/core/bank/item-kinds.js';
import { bankItems, type BankItem } from '../../src/core/bank/items.js';
import { loadBankFile } from '../../src/io/bank-files.js';
import type { Bank } from '../../src/core/bank/schema.js';
import { defaultStage, itemsInScope } from '../../src/core/answers/scope.js';
import { ROOT, runCli } from '../helpers/cli.js';

/** The bank with a rapid form. The one place to change when the built-in bank has rapid items. */
export const RAPID_BANK = 'questions/pm-pmm.yaml';
export const RAPID_BANK_PATH = join(ROOT, RAPID_BANK);

/** The rapid form of a bank at its default stage: what `pm-diag form --form rapid` asks. */
export function rapidForm(path = RAPID_BANK_PATH): { bank: Bank; stage: string | null; items: BankItem[] } {
  const bank = loadBankFile(path);
  const stage = defaultStage(bank);
  return { bank, stage, items: itemsInScope(bankItems(bank), { stage, form: 'rapid' }) };
}

/** The control names an item's answers go under: `<id>.<field>`, from what its kind is rated on. */
export const controlNames = (item: BankItem): { rated: string[]; text: string[] } => ({
  rated: ITEM_KINDS[item.kind].rated.map((field) => `${item.id}.${field}`),
  text: fieldsOf(item.kind)
    .filter((field) => !(ITEM_KINDS[item.kind].rated as readonly string[]).includes(field))
    .map((field) => `${item.id}.${field}`),
});

/** Writes the questionnaire with the binary; throws with its stderr when it fails. */
export function writeForm(out: string, args: string[]): string {
  const r = runCli(['form', ...args, '--out', out]);
  if (r.code !== 0 || r.stderr !== '') throw new Error(`pm-diag form ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return out;
}
