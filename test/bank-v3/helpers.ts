import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { formLength } from '../../src/app/interactive/screens.js';
import type { Section } from '../../src/app/interactive/steps.js';
import { ITEM_KINDS, type ItemKind } from '../../src/core/bank/item-kinds.js';
import { ROOT } from '../helpers/cli.js';

// The built-in bank (version 3) is read with a plain YAML parse, so these tests check its content
// against DESIGN.md's format independently of the loader; test/foundation checks the loader. The
// vocabulary (item kinds and what each is rated on, owner codes) is the model's own.

/** Version 1 and version 2 of the built-in bank, kept as fixtures to prove that answers made with them still load. */
export const V1_BANK_FILE = join(ROOT, 'test', 'fixtures', 'banks', 'pm-pmm.v1.yaml');
export const V2_BANK_FILE = join(ROOT, 'test', 'fixtures', 'banks', 'pm-pmm.v2.yaml');
/** The built-in bank, version 3. */
export const V3_BANK_FILE = join(ROOT, 'questions', 'pm-pmm.yaml');
/** Answers files made with versions 1 and 2 (the examples of their time), kept to prove they migrate. */
export const V1_ANSWERS = join(ROOT, 'test', 'fixtures', 'answers', 'v1');
export const V2_ANSWERS = join(ROOT, 'test', 'fixtures', 'answers', 'v2');
export const EXAMPLES = join(ROOT, 'examples');
export const COVERAGE_DOC = join(ROOT, 'docs', 'bank-coverage.md');
export const RESPONSE_DOC = join(ROOT, 'docs', 'bank-v3-review-response.md');
export const README = join(ROOT, 'README.md');
export const SEEDS = join(ROOT, '..', 'shared', 'seeds');
export const REVIEW = join(ROOT, '..', 'shared', 'research', 'bank-review-v2.md');

export const STAGES = ['startup', 'growth', 'enterprise'] as const;
export type Stage = (typeof STAGES)[number];
export const FORMS = ['rapid', 'full'] as const;
export type Form = (typeof FORMS)[number];
export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type Anchors = Record<'1' | '2' | '3' | '4' | '5', string>;
interface ItemFields {
  id: string;
  title: string;
  question: string;
  evidence?: string;
  weight: number;
  target?: number;
  targets?: Record<string, number>;
  stages?: string[];
  rapid?: boolean;
  levels?: Record<string, Anchors>;
  decision?: string;
  discussion: string[];
  sources?: string[];
}
export interface Responsibility extends ItemFields {
  owner: string;
  contributors?: string[];
  owners?: Record<string, { owner: string; contributors?: string[] }>;
}
export type Practice = ItemFields;
export interface InterlockItem extends ItemFields {
  from: string;
  to: string;
}
export interface Area {
  id: string;
  title: string;
  description?: string;
  responsibilities?: Responsibility[];
  practices?: Practice[];
}
type Scale = Record<string, { label: string; description: string }>;
export interface Fact {
  question: string;
  options?: Record<string, string>;
  type?: string;
}
export interface Migration {
  renamed?: Record<string, string>;
  merged?: Record<string, string>;
  removed?: string[];
}
export interface Bank {
  id: string;
  version: number;
  title: string;
  description?: string;
  target: number;
  'default-stage': string;
  functions: Record<string, { name: string; mandate: string }>;
  scales: Record<string, Scale>;
  stages: Record<string, { title: string; description: string; target: number; combined: boolean; revenue?: string[] }>;
  areas: Area[];
  interlock: InterlockItem[];
  facts?: Record<string, Fact>;
  migrations?: Record<string, Migration>;
}

export type AnyItem =
  | (Responsibility & { kind: 'responsibility'; area: string })
  | (Practice & { kind: 'practice'; area: string })
  | (InterlockItem & { kind: 'interlock' });

export const readYaml = <T>(file: string): T => parse(readFileSync(file, 'utf8')) as T;
export const loadV3 = (): Bank => readYaml<Bank>(V3_BANK_FILE);

/** Every item of a bank of any version, in bank order: each area's responsibilities and practices, then the interlock. */
export function itemsOf(bank: Bank): AnyItem[] {
  return [
    ...bank.areas.flatMap((area) => [
      ...(area.responsibilities ?? []).map((r) => ({ ...r, kind: 'responsibility' as const, area: area.id })),
      ...(area.practices ?? []).map((p) => ({ ...p, kind: 'practice' as const, area: area.id })),
    ]),
    ...bank.interlock.map((i) => ({ ...i, kind: 'interlock' as const })),
  ];
}

/** Each id of a bank file with its kind. */
export const kindsOf = (file: string): Map<string, ItemKind> =>
  new Map(itemsOf(readYaml<Bank>(file)).map((i) => [i.id, i.kind]));

export const appliesAt = (item: { stages?: string[] }, stage: string): boolean =>
  !item.stages || item.stages.includes(stage);

/** The rated fields a form asks of one item (the form guide's count): from the model's one table of item kinds. */
export const fieldsFor = (item: AnyItem): number => ITEM_KINDS[item.kind].rated.length;

/** The items of a form at a stage, as DESIGN.md scopes them. */
export function formItems(bank: Bank, form: Form, stage: string): AnyItem[] {
  return itemsOf(bank).filter((item) => appliesAt(item, stage) && (form === 'full' || item.rapid === true));
}

export const fieldCount = (items: AnyItem[]): number => items.reduce((sum, item) => sum + fieldsFor(item), 0);

/** The accountable owner and contributors of a responsibility at a stage. */
export function ownerAt(r: Responsibility, stage: string): { owner: string; contributors: string[] } {
  const staged = r.owners?.[stage];
  return staged
    ? { owner: staged.owner, contributors: staged.contributors ?? [] }
    : { owner: r.owner, contributors: r.contributors ?? [] };
}

export type Fate = { fate: 'kept' | 'renamed' | 'merged'; to: string } | { fate: 'removed'; at: string };

/**
 * Where an id of `version` ends in `bank`, following each of its migrations from that version on,
 * oldest first, as src/core/answers/migrate.ts does: a move made once stays a move, and a merge
 * anywhere on the way makes it a merge.
 */
export function fateIn(bank: Bank, id: string, version: number): Fate {
  let current = id;
  let moved: 'renamed' | 'merged' | undefined;
  const steps = Object.entries(bank.migrations ?? {}).sort(([a], [b]) => Number(a) - Number(b));
  for (const [from, migration] of steps) {
    if (Number(from) < version) continue;
    if (migration.removed?.includes(current)) return { fate: 'removed', at: from };
    const renamed = migration.renamed?.[current];
    const merged = migration.merged?.[current];
    if (renamed !== undefined) [current, moved] = [renamed, moved === 'merged' ? 'merged' : 'renamed'];
    else if (merged !== undefined) [current, moved] = [merged, 'merged'];
  }
  return { fate: moved ?? 'kept', to: current };
}

// Responsibility stems that name a function where it is not the one doing the work, each
// checked by hand: the owner question must not be answered by the stem.
export const NAMED_NOT_AS_DOER: Record<string, string> = {
  pricing: '"new sales" are the deals counted',
  'requirements-and-prioritisation': 'engineering receives the ranked work',
  roadmap: 'an executive request is a reason the roadmap moves',
  'channel-fit': '"inside sales" is a way of selling',
  'launch-plan': 'sellers and support are who must be ready on the day',
  'advocacy-and-references': 'sales calls on the references',
  'sales-tools-and-battlecards': 'reps use the tools',
  'sales-training': 'reps are trained; the trainer is the owner question',
  'reporting-lines': 'the two functions are what the reporting lines place; leadership above them decides',
  'combined-role-coverage': 'the two jobs one person does',
  'shared-goals': 'the three heads whose targets are counted; leadership sets them',
};

/** Every text of the bank a respondent or the room sees, each with where it is; comments, ids and `sources` are not seen. */
export function visibleTexts(bank: Bank): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const add = (where: string, text: string | undefined) => {
    if (text !== undefined) out.push({ where, text });
  };
  add('title', bank.title);
  add('description', bank.description);
  for (const [id, f] of Object.entries(bank.functions)) {
    add(`functions.${id}.name`, f.name);
    add(`functions.${id}.mandate`, f.mandate);
  }
  for (const [name, scale] of Object.entries(bank.scales))
    for (const [level, anchor] of Object.entries(scale)) {
      add(`scales.${name}.${level}.label`, anchor.label);
      add(`scales.${name}.${level}.description`, anchor.description);
    }
  for (const [id, stage] of Object.entries(bank.stages)) {
    add(`stages.${id}.title`, stage.title);
    add(`stages.${id}.description`, stage.description);
  }
  for (const area of bank.areas) {
    add(`${area.id}.title`, area.title);
    add(`${area.id}.description`, area.description);
  }
  for (const item of itemsOf(bank)) {
    for (const field of ['title', 'question', 'evidence', 'decision'] as const) add(`${item.id}.${field}`, item[field]);
    item.discussion.forEach((prompt, n) => add(`${item.id}.discussion.${n + 1}`, prompt));
    for (const [axis, anchors] of Object.entries(item.levels ?? {}))
      for (const [level, text] of Object.entries(anchors)) add(`${item.id}.levels.${axis}.${level}`, text);
  }
  for (const [id, fact] of Object.entries(bank.facts ?? {})) {
    add(`facts.${id}.question`, fact.question);
    for (const [option, label] of Object.entries(fact.options ?? {})) add(`facts.${id}.${option}`, label);
  }
  return out;
}

/** The answers files under a folder and its sub-folders, sorted. */
export function answersFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? answersFiles(join(dir, entry.name))
        : entry.name.endsWith('.yaml')
          ? [join(dir, entry.name)]
          : [],
    )
    .sort();
}

/** The answers files of examples/ (the profile examples are another format). */
export const exampleFiles = (): string[] =>
  answersFiles(EXAMPLES).filter((file) => !/[\\/]profile(?:-team)?[\\/]/.test(file));

export const seedsPresent = (): boolean => existsSync(SEEDS);

/** The rows of the markdown table under a `## heading`, as trimmed cells (header and rule left out). */
export function tableRows(text: string, heading: string): string[][] {
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`no section "## ${heading}"`);
  const section = text.slice(start + 1).split('\n## ')[0]!;
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

export const idsIn = (cell: string): string[] => [...cell.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!);

/** How long a form takes by the questionnaire's own estimate (one home: formLength). */
export const minutesFor = (scope: AnyItem[]): number => formLength([{ items: scope } as unknown as Section]).minutes;

export const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
/** 8 → "eight", as the documents write small counts. */
export const inWords = (n: number): string => NUMBER_WORDS[n] ?? String(n);
export const capital = (word: string): string => word[0]!.toUpperCase() + word.slice(1);
