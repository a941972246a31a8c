import { bankItems } from '../core/bank/items.js';
import type { Bank } from '../core/bank/schema.js';
import { loadBank } from '../io/bank-files.js';
import { UsageError } from '../core/errors.js';
import { emit } from '../io/output.js';
import { renderQuestionnaire } from '../core/render/questionnaire/page.js';
import { askedScope, itemsInScope } from '../core/answers/scope.js';
import { checkStage, parseForm } from './options.js';
import { resolveFormat } from '../core/render/formats.js';

export interface FormOptions {
  bank?: string;
  form?: string;
  stage?: string;
  organization?: string;
  format?: string;
  out: string;
}

/** `pm-diag form`: the offline HTML questionnaire for the items of one stage and form. */
export function run(opts: FormOptions): void {
  resolveFormat('form', opts.format, opts.out);
  parseForm(opts.form); // a typo costs nothing: checked before the bank is read
  emit(questionnaireHtml(loadBank(opts.bank), opts), opts.out);
}

/** The questionnaire `form` writes (and `kit` puts in its folder), for a bank and the options as given. */
export function questionnaireHtml(bank: Bank, opts: Pick<FormOptions, 'form' | 'stage' | 'organization'>): string {
  // The stage the answers will say: --stage, else the bank's default, so the report asks what was asked.
  const scope = askedScope(bank, { stage: checkStage(bank, opts.stage), form: parseForm(opts.form) });
  const { stage, form } = scope;
  if (itemsInScope(bankItems(bank), scope).length === 0) {
    const where = stage === null ? '' : ` at the ${stage} stage`;
    throw new UsageError(
      `--form ${form}: the bank "${bank.id}" asks no item in the ${form} form${where}; expected a bank that marks items rapid: true, or --form full`,
    );
  }
  const organization = opts.organization?.trim() || undefined;
  return renderQuestionnaire(bank, { ...scope, organization });
}
