import {
  factQuestion,
  formQuestion,
  itemLevels,
  metaQuestion,
  owesLine,
  ownLevels,
  META_QUESTIONS,
} from '../core/answers/choices.js';
import { csvColumns } from '../core/answers/csv.js';
import { factIdOf, splitItemColumn } from '../core/answers/form-columns.js';
import { OWNERS, ROLES } from '../core/answers/schema.js';
import { axesOf, fieldsOf, type AnswerField, type Axis } from '../core/bank/item-kinds.js';
import { bankItems, itemsById, scaleOf, type BankItem } from '../core/bank/items.js';
import { loadBank } from '../io/bank-files.js';
import type { Bank, Form } from '../core/bank/schema.js';
import { csvCell } from '../core/csv-cells.js';
import { emit } from '../io/output.js';
import { renderFormGuide } from '../core/render/form-guide.js';
import { defaultStage, itemsInScope, stageIds } from '../core/answers/scope.js';
import { safeLine } from '../core/text.js';
import { checkStage, parseForm } from './options.js';
import { resolveFormat } from '../core/render/formats.js';
import { guardTemplateOut } from './template-guard.js';
import { UsageError } from '../core/errors.js';
import { parseDocumentText } from '../core/document/document.js';
import { readReportForCharter, renderCharterTemplate } from '../core/charter/template.js';
import { readSourceText } from '../io/read.js';

export const ANSWERS_SCHEMA_FILE = 'pm-diag-answers.schema.json';

function scaleLine(bank: Bank, scale: Axis): string {
  const levels = (['1', '2', '3', '4', '5'] as const).map((n) => `${n} ${safeLine(scaleOf(bank, scale)[n].label)}`);
  return `${levels.join(', ')}, or unknown`;
}

/** The item's own statement for each level (bank v3 anchors), on each axis it has them for. */
function anchorLines(bank: Bank, item: BankItem): string[] {
  return axesOf(item.kind)
    .filter((axis) => ownLevels(item, axis) !== undefined)
    .flatMap((axis) =>
      itemLevels(bank, item, axis).map(
        (level, i) => `  #   ${axis} ${i + 1} ${safeLine(level.label)}: ${safeLine(level.description)}`,
      ),
    );
}

function itemLines(bank: Bank, item: BankItem): string[] {
  // The recommended owner is left out: shown right above `owner:`, it primes the answer (pm-diag roles shows it).
  const about = item.kind === 'interlock' ? `${safeLine(owesLine(bank, item))}, ` : '';
  const fields = fieldsOf(item.kind)
    .map((field) => `${field}: `)
    .join(', ');
  const evidence =
    item.evidence === undefined ? [] : [`  # Evidence (for a level of 3 or more): ${safeLine(item.evidence)}`];
  return [
    `  # ${safeLine(item.title)} (${about}weight ${item.weight})`,
    `  # ${safeLine(item.question)}`,
    ...anchorLines(bank, item),
    ...evidence,
    `  ${item.id}: { ${fields}}`,
  ];
}

/** The answers file's `stage:` and `form:` lines, with the choices. */
function scopeLines(bank: Bank, stage: string | undefined, form: Form): string[] {
  const stages = stageIds(bank);
  const lines: string[] = [];
  if (stages.length > 0) {
    lines.push(
      `# stage: the company's stage, one of: ${stages.map((s) => `${s} (${safeLine(bank.stages![s]!.title)})`).join(', ')}`,
    );
    lines.push(`stage: ${stage ?? ''}`);
  }
  lines.push(`form: ${form}   # rapid (only the items marked rapid) or full`);
  return lines;
}

/** Bank v3: the organization facts, each with its question and what it takes; each may stay empty. */
function factLines(bank: Bank): string[] {
  const facts = Object.entries(bank.facts ?? {});
  if (facts.length === 0) return [];
  const lines = ['# About the organization (each optional: leave a value empty to skip it)', 'facts:'];
  for (const [id, fact] of facts) {
    const takes = fact.options
      ? `one of: ${Object.entries(fact.options)
          .map(([code, label]) => `${code} (${safeLine(label)})`)
          .join(', ')}`
      : 'a whole number';
    lines.push(`  # ${safeLine(fact.question)} ${takes}`, `  ${id}: `);
  }
  return lines;
}

export function renderTemplate(bank: Bank, scope: { stage?: string; form?: Form } = {}): string {
  const form = scope.form ?? 'full';
  const asked = itemsInScope(bankItems(bank), { stage: scope.stage ?? null, form });
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
    ...(bank.scales.frequency
      ? [
          '# Each practice (how the teams work) takes:',
          `#   frequency   how often it happens: ${scaleLine(bank, 'frequency')}`,
        ]
      : []),
    '# Each interlock item (what one function owes another) takes:',
    `#   delivery    ${scaleLine(bank, 'delivery')}`,
    '# An item with statements of its own for each level shows them above it: they say what each level means there.',
    '# Write n/a instead of { ... } for an item that does not apply; leave a value empty until you know it.',
    `bank: ${bank.id}`,
    `bank-version: ${bank.version}`,
    'organization: ',
    ...scopeLines(bank, scope.stage, form),
    `respondent: { name: , role: }   # role: ${ROLES.join(', ')}`,
    ...factLines(bank),
    'answers:',
  ];
  for (const area of bank.areas) {
    const items = asked.filter((i) => i.kind !== 'interlock' && i.area.id === area.id);
    if (items.length === 0) continue;
    lines.push('', `  # == ${safeLine(area.title).toUpperCase()} ==`);
    for (const item of items) lines.push(...itemLines(bank, item));
  }
  const interlock = asked.filter((i) => i.kind === 'interlock');
  if (interlock.length > 0) lines.push('', '  # == INTERLOCK: WHAT EACH FUNCTION OWES ANOTHER ==');
  for (const item of interlock) lines.push(...itemLines(bank, item));
  return lines.join('\n') + '\n';
}

/** The header row for a form tool: each column's question, then the tag `report` finds it by (`Pricing: Who owns it today? [pricing.owner]`). */
export function csvTemplate(bank: Bank, items: readonly BankItem[]): string {
  const byId = itemsById(bank);
  const header = (column: string) => {
    if (Object.hasOwn(META_QUESTIONS, column)) return metaQuestion(column as keyof typeof META_QUESTIONS);
    const fact = factIdOf(column);
    if (fact !== undefined) return factQuestion(bank.facts![fact]!, fact);
    const { id, field } = splitItemColumn(column)!;
    return formQuestion(byId.get(id)!, field as AnswerField);
  };
  return csvColumns(bank, items)
    .map((column) => csvCell(header(column)))
    .join(',');
}

/** `template --format charter --from report.json`: the charter file pre-filled from a JSON report. */
async function charterTemplate(opts: { bank?: string; out?: string; force?: boolean; from?: string }): Promise<void> {
  if (opts.from === undefined)
    throw new UsageError(
      '--format charter: name the JSON report to start from with --from (pm-diag report ... --format json --out report.json)',
    );
  const bank = loadBank(opts.bank);
  guardTemplateOut(opts.out, 'yaml', opts.force === true);
  const doc = parseDocumentText(await readSourceText(opts.from), { allowAliases: false });
  const today = new Date().toISOString().slice(0, 10);
  emit(renderCharterTemplate(readReportForCharter(doc, bank), bank, today), opts.out);
}

export function run(opts: {
  bank?: string;
  format?: string;
  out?: string;
  force?: boolean;
  stage?: string;
  form?: string;
  from?: string;
}): Promise<void> | void {
  const format = resolveFormat('template', opts.format, opts.out);
  if (opts.from !== undefined && format !== 'charter')
    throw new UsageError('--from: a JSON report pre-fills a charter: add --format charter');
  if (format === 'charter') return charterTemplate(opts);
  const form = parseForm(opts.form);
  const bank = loadBank(opts.bank);
  // The guide is no answers file, but the file it would replace may be one.
  guardTemplateOut(opts.out, format === 'csv' ? 'csv' : 'yaml', opts.force === true);
  const stage = checkStage(bank, opts.stage);
  if (format === 'yaml') return emit(renderTemplate(bank, { stage, form }), opts.out);
  // A form tool's form is one stage's: the bank's default unless --stage names another, so that the
  // rapid form stays as short as that stage's.
  const formStage = stage ?? defaultStage(bank) ?? undefined;
  const items = itemsInScope(bankItems(bank), { stage: formStage ?? null, form: form ?? 'full' });
  if (format === 'csv') emit(csvTemplate(bank, items), opts.out);
  else emit(renderFormGuide(bank, items, { stage: formStage, form: form ?? 'full' }), opts.out);
}
