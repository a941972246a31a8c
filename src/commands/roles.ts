import { loadBank } from '../io/bank-files.js';
import { emit } from '../io/output.js';
import { renderRolesMarkdown, renderRolesTerminal } from '../core/render/roles.js';
import { colorWanted } from '../io/terminal.js';
import { resolveFormat } from '../core/render/formats.js';
import type { OUTPUT_FORMATS } from '../core/render/formats.js';

type RolesFormat = (typeof OUTPUT_FORMATS.roles)[number];

export interface RolesOptions {
  bank?: string;
  format?: string;
  out?: string;
  color?: boolean;
}

export async function run(opts: RolesOptions): Promise<void> {
  const format = resolveFormat('roles', opts.format, opts.out);
  const bank = loadBank(opts.bank);
  const renderers: Record<RolesFormat, () => Promise<string>> = {
    terminal: async () => renderRolesTerminal(bank, !opts.out && colorWanted(opts.color)),
    markdown: async () => renderRolesMarkdown(bank),
    html: async () => (await import('../core/render/roles-html.js')).renderRolesHtml(bank),
  };
  emit(await renderers[format](), opts.out);
}
