import { bankItems, type BankItem } from '../bank/items.js';
import type { Bank, Form } from '../bank/schema.js';
import type { Respondent } from './respondent.js';
import { safeLine } from '../text.js';

// Which items are asked and scored (docs/design.md "Scoring", Scope and Mixed forms): the stage and
// the form of a report, of one respondent and of a form or template, and the target each item is
// held to at that stage. Every other module asks here.

/** How the stage was chosen: `--stage`, the answers files, their revenue band (bank v3), or the bank's default. */
export type StageSource = 'option' | 'answers' | 'revenue' | 'default';

export interface Scope {
  /** null when the bank declares no stages: one implicit stage, no combined role. */
  stage: string | null;
  /** null when the bank declares no stages. */
  stageSource: StageSource | null;
  form: Form;
  /** What the reader should be told about how the stage was chosen. */
  notices: string[];
  /** How many respondents answered each form (a rapid respondent is scored over the rapid items). */
  forms: Record<Form, number>;
}

type AskedScope = Pick<Scope, 'stage' | 'form'>;

/** The bank's stage ids in the order it declares them. */
export const stageIds = (bank: Bank): string[] => Object.keys(bank.stages ?? {});

/** The bank's `default-stage`, else its first stage; null when it declares none. */
export function defaultStage(bank: Bank): string | null {
  return bank['default-stage'] ?? stageIds(bank)[0] ?? null;
}

/** The value given most often (a tie: the one given first), and every value given, in the order first given. */
export function mostFrequent<T, V>(items: Iterable<T>, valueOf: (item: T) => V | undefined): { value?: V; named: V[] } {
  const counts = new Map<V, number>();
  for (const item of items) {
    const v = valueOf(item);
    if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let value: V | undefined;
  for (const [v, n] of counts) if (value === undefined || n > counts.get(value)!) value = v;
  return { value, named: [...counts.keys()] };
}

/** The revenue fact that suggests a stage (docs/design.md "Scoring", Scope). */
export const REVENUE_FACT = 'revenue';

/** The stage whose revenue bands hold `band`, if any. */
export const stageOfBand = (bank: Bank, band: unknown): string | undefined =>
  stageIds(bank).find((s) => bank.stages![s]!.revenue?.includes(String(band)));

/** The stage whose revenue bands hold the respondents' most frequent revenue band, if any. */
function revenueStage(bank: Bank, respondents: Respondent[]): string | undefined {
  const band = mostFrequent(respondents, (r) => r.facts?.[REVENUE_FACT]).value;
  return band === undefined ? undefined : stageOfBand(bank, band);
}

/** What is wrong with a `--stage` for this bank (the stages it has), or undefined when it is one of them. */
export function stageOptionProblem(bank: Bank, stage: string | undefined): string | undefined {
  const stages = stageIds(bank);
  if (stage === undefined || stages.includes(stage)) return undefined;
  const expected =
    stages.length > 0
      ? `one of the bank's stages: ${stages.join(', ')}`
      : `no --stage: the bank "${bank.id}" declares no stages`;
  return `--stage: found "${safeLine(stage)}", expected ${expected}`;
}

/**
 * What one set of answers is asked: the stage and form it names (a form, a template, an answers
 * file, a terminal session), else the bank's default stage and the full form. A stage the bank
 * does not have is left to the caller's checks and taken as the default here.
 */
export function askedScope(
  bank: Bank,
  named: { stage?: string | null; form?: Form | null; facts?: Record<string, unknown> | null },
): AskedScope {
  const known = named.stage != null && stageIds(bank).includes(named.stage);
  const band = named.facts?.[REVENUE_FACT];
  const stage = known ? named.stage! : ((band == null ? undefined : stageOfBand(bank, band)) ?? defaultStage(bank));
  return { stage, form: named.form ?? 'full' };
}

/** The form a respondent is scored in: the report's when it is rapid, else their own (none named: full). */
export const respondentForm = (respondent: Respondent, scope: Pick<Scope, 'form'>): Form =>
  scope.form === 'rapid' ? 'rapid' : (respondent.form ?? 'full');

/** Whether a form asks an item of the report's scope (the rapid form: the rapid items). */
export const formAsks = (form: Form, item: BankItem): boolean => item.rapid === true || form === 'full';

/** Whether the respondent was asked an item of the report's scope (a rapid respondent: the rapid items). */
export const askedOf = (respondent: Respondent, item: BankItem, scope: Pick<Scope, 'form'>): boolean =>
  formAsks(respondentForm(respondent, scope), item);

/**
 * `--stage`, else the answers' most frequent stage, else the stage their most frequent revenue band
 * suggests, else the bank's default stage (else its first).
 */
export function resolveScope(bank: Bank, respondents: Respondent[], options: { stage?: string; form?: Form }): Scope {
  const notices: string[] = [];
  const stages = stageIds(bank);
  let stage: string | null = null;
  let stageSource: StageSource | null = null;
  if (stages.length > 0) {
    const fromAnswers = mostFrequent(respondents, (r) => r.stage);
    const fromRevenue = revenueStage(bank, respondents);
    if (options.stage !== undefined) [stage, stageSource] = [options.stage, 'option'];
    else if (fromAnswers.value !== undefined) {
      [stage, stageSource] = [fromAnswers.value, 'answers'];
      if (fromAnswers.named.length > 1)
        notices.push(
          `the answers name different stages (${fromAnswers.named.join(', ')}); the report is for the most frequent, ${stage} (--stage chooses another)`,
        );
    } else if (fromRevenue !== undefined) [stage, stageSource] = [fromRevenue, 'revenue'];
    else [stage, stageSource] = [defaultStage(bank), 'default'];
  }
  const allRapid = respondents.length > 0 && respondents.every((r) => r.form === 'rapid');
  const form = options.form ?? (allRapid ? 'rapid' : 'full');
  const forms: Record<Form, number> = { rapid: 0, full: 0 };
  for (const r of respondents) forms[respondentForm(r, { form })]++;
  return { stage, stageSource, form, notices, forms };
}

/** Whether an item applies at the scope's stage and is asked in its form. */
export function inScope(item: BankItem, scope: Pick<Scope, 'stage' | 'form'>): boolean {
  const atStage = scope.stage === null || item.stages === undefined || item.stages.includes(scope.stage);
  return atStage && (scope.form === 'full' || item.rapid === true);
}

/** The items of the bank in scope, in bank order. */
export function itemsInScope(items: readonly BankItem[], scope: Pick<Scope, 'stage' | 'form'>): BankItem[] {
  return items.filter((item) => inScope(item, scope));
}

const askedCache = new WeakMap<Bank, Map<string, readonly BankItem[]>>();

/** The bank's items in scope, worked out once per stage and form: a thousand answers files ask for the same few lists. */
export function bankItemsInScope(bank: Bank, scope: Pick<Scope, 'stage' | 'form'>): readonly BankItem[] {
  let byScope = askedCache.get(bank);
  if (!byScope) askedCache.set(bank, (byScope = new Map()));
  const key = `${scope.stage ?? ''}/${scope.form}`;
  let items = byScope.get(key);
  if (!items) byScope.set(key, (items = itemsInScope(bankItems(bank), scope)));
  return items;
}

/** The target for every item without its own: `--target`, else the stage's, else the bank's. */
export function defaultTarget(bank: Bank, stage: string | null, target?: number): number {
  return target ?? (stage === null ? undefined : bank.stages?.[stage]?.target) ?? bank.target;
}

/** T = targets[s] ?? target ?? the default target. */
export function itemTarget(item: BankItem, stage: string | null, fallback: number): number {
  return (stage === null ? undefined : item.targets?.[stage]) ?? item.target ?? fallback;
}

/** Whether the stage expects one person or team to do both PM and PMM work. */
export const combinedExpected = (bank: Bank, stage: string | null): boolean =>
  stage !== null && bank.stages?.[stage]?.combined === true;
