import { loadBank } from '../bank/load.js';
import { emit } from '../io/output.js';
import { renderRolesMarkdown, renderRolesTerminal } from '../render/roles.js';
import { colorWanted } from '../render/color-choice.js';
import { resolveFormat } from './options.js';

export interface RolesOptions {
  bank?: string;
  format?: string;
  out?: string;
  color?: boolean;
}

export async function run(opts: RolesOptions): Promise<void> {
  const format = resolveFormat('roles', opts.format, opts.out);
  const bank = loadBank(opts.bank);
  const text =
    format === 'html' ? (await import('../render/roles-html.js')).renderRolesHtml(bank) : format === 'markdown' ? renderRolesMarkdown(bank) : renderRolesTerminal(bank, !opts.out && colorWanted(opts.color));
  emit(text, opts.out);
}
