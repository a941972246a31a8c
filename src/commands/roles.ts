import { loadBank } from '../bank/load.js';
import { emit } from '../io/output.js';
import { renderRolesMarkdown, renderRolesTerminal } from '../render/roles.js';
import { colorWanted } from '../render/color-choice.js';
import { resolveFormat } from './options.js';
import type { OUTPUT_FORMATS } from '../render/formats.js';

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
    html: async () => (await import('../render/roles-html.js')).renderRolesHtml(bank),
  };
  emit(await renderers[format](), opts.out);
}
