import { csvColumns } from '../answers/csv.js';
import { OWNERS, ROLES } from '../answers/schema.js';
import { fieldsOf } from '../bank/item-kinds.js';
import { bankItems, type BankItem } from '../bank/items.js';
import { loadBank } from '../bank/load.js';
import type { Bank, ScaleName } from '../bank/schema.js';
import { emit } from '../io/output.js';
import { safeLine } from '../text.js';
import { resolveFormat } from './options.js';
import { guardTemplateOut } from './template-guard.js';

export const ANSWERS_SCHEMA_FILE = 'pm-diag-answers.schema.json';

function scaleLine(bank: Bank, scale: ScaleName): string {
  const levels = (['1', '2', '3', '4', '5'] as const).map((n) => `${n} ${safeLine(bank.scales[scale][n].label)}`);
  return `${levels.join(', ')}, or unknown`;
}

function itemLines(item: BankItem): string[] {
  // The recommended owner is left out: shown right above `owner:`, it primes the answer (pm-diag roles shows it).
  const about = item.kind === 'interlock' ? `${item.from.toUpperCase()} owes ${item.to.toUpperCase()}, ` : '';
  const fields = fieldsOf(item.kind).map((field) => `${field}: `).join(', ');
  return [`  # ${safeLine(item.title)} (${about}weight ${item.weight})`, `  # ${safeLine(item.question)}`, `  ${item.id}: { ${fields}}`];
}

export function renderTemplate(bank: Bank): string {
  const lines = [
    `# yaml-language-server: $schema=./${ANSWERS_SCHEMA_FILE}`,
    `# pm-diag answers for "${safeLine(bank.title)}" (bank ${bank.id}, version ${bank.version}).`,
    `# Editor checking: pm-diag schema answers --out ${ANSWERS_SCHEMA_FILE}`,
    '# Then: pm-diag validate this-file.yaml, and pm-diag assess --answers this-file.yaml',
    '#',
    '# Each responsibility takes:',
    `#   owner       who owns it today: ${OWNERS.join(', ')}`,
    `#   capability  how well it is done: ${scaleLine(bank, 'capability')}`,
    `#   capacity    whether there is time for it: ${scaleLine(bank, 'capacity')}`,
    '# Each interlock item (what one function owes the other) takes:',
    `#   delivery    ${scaleLine(bank, 'delivery')}`,
    '# Write n/a instead of { ... } for an item that does not apply; leave a value empty until you know it.',
    `bank: ${bank.id}`,
    'organization: ',
    `respondent: { name: , role: }   # role: ${ROLES.join(', ')}`,
    'answers:',
  ];
  for (const area of bank.areas) {
    lines.push('', `  # == ${safeLine(area.title).toUpperCase()} ==`);
    for (const item of bankItems(bank).filter((i) => i.kind === 'responsibility' && i.area.id === area.id)) lines.push(...itemLines(item));
  }
  lines.push('', '  # == INTERLOCK: WHAT EACH FUNCTION OWES THE OTHER ==');
  for (const item of bankItems(bank).filter((i) => i.kind === 'interlock')) lines.push(...itemLines(item));
  return lines.join('\n') + '\n';
}

export function run(opts: { bank?: string; format?: string; out?: string; force?: boolean }): void {
  const format = resolveFormat('template', opts.format, opts.out);
  const bank = loadBank(opts.bank);
  guardTemplateOut(opts.out, format, opts.force === true);
  emit(format === 'csv' ? csvColumns(bank).join(',') : renderTemplate(bank), opts.out);
}
