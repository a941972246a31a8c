import { loadBank } from '../io/bank-files.js';
import { emit } from '../io/output.js';
import { renderRolesMarkdown, renderRolesTerminal } from '../core/render/roles.js';
import { colorWanted } from '../io/terminal.js';
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
    format === 'html' ? (await import('../core/render/roles-html.js')).renderRolesHtml(bank) : format === 'markdown' ? renderRolesMarkdown(bank) : renderRolesTerminal(bank, !opts.out && colorWanted(opts.color));
  emit(text, opts.out);
}
