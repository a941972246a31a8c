import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

// The built-in bank (version 2) is read with a plain YAML parse, so these tests check its content
// against DESIGN.md's format independently of the loader; test/foundation checks the loader.

/** Version 1, kept as a fixture to prove that answers made with it still load. */
export const V1_BANK_FILE = join(ROOT, 'test', 'fixtures', 'banks', 'pm-pmm.v1.yaml');
/** The built-in bank, version 2. */
export const V2_BANK_FILE = join(ROOT, 'questions', 'pm-pmm.yaml');
export const V2_EXAMPLES = join(ROOT, 'examples');
/** Answers files made with version 1 (the examples of that time), kept to prove they migrate. */
export const V1_EXAMPLES = join(ROOT, 'test', 'fixtures', 'answers', 'v1');
export const COVERAGE_DOC = join(ROOT, 'docs', 'bank-coverage.md');
export const SEEDS = join(ROOT, '..', 'shared', 'seeds');

export const STAGES = ['startup', 'growth', 'enterprise'] as const;
export type Stage = (typeof STAGES)[number];
export const ACCOUNTABLE_OWNERS = ['pm', 'pmm', 'shared', 'leadership'];
/** The owner codes an answers file accepts, less `combined`, `none` and `unclear`, which describe a state rather than a function. */
export const CONTRIBUTOR_CODES = ['pm', 'pmm', 'shared', 'sales', 'engineering', 'leadership', 'other'];
export const ANSWER_OWNERS = [
  'pm',
  'pmm',
  'shared',
  'combined',
  'marketing',
  'cs',
  'sales',
  'engineering',
  'leadership',
  'other',
  'none',
  'unclear',
];
export const RESPONDENT_ROLES = ['pm', 'pmm', 'sales', 'marketing', 'cs', 'engineering', 'leadership', 'other'];
export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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
  discussion: string[];
  sources?: string[];
}
export interface Responsibility extends ItemFields {
  owner: string;
  contributors?: string[];
}
export interface InterlockItem extends ItemFields {
  from: string;
  to: string;
}
export interface Area {
  id: string;
  title: string;
  description?: string;
  responsibilities: Responsibility[];
}
type Scale = Record<string, { label: string; description: string }>;
export interface BankV2 {
  id: string;
  version: number;
  title: string;
  description?: string;
  target: number;
  'default-stage': string;
  functions: Record<string, { name: string; mandate: string }>;
  scales: Record<string, Scale>;
  stages: Record<string, { title: string; description: string; target: number; combined: boolean }>;
  areas: Area[];
  interlock: InterlockItem[];
  migrations: Record<string, { renamed?: Record<string, string>; merged?: Record<string, string>; removed?: string[] }>;
}
export interface BankV1 {
  areas: { responsibilities: { id: string; question: string }[] }[];
  interlock: { id: string; question: string }[];
}

export type Kind = 'responsibility' | 'interlock';
export type AnyItem =
  (Responsibility & { kind: 'responsibility'; area: string }) | (InterlockItem & { kind: 'interlock' });

export const readYaml = <T>(file: string): T => parse(readFileSync(file, 'utf8')) as T;
export const loadV2 = (): BankV2 => readYaml<BankV2>(V2_BANK_FILE);

/** Every item of a version 2 bank, responsibilities first (in bank order), then the interlock. */
export function itemsOf(bank: BankV2): AnyItem[] {
  return [
    ...bank.areas.flatMap((area) =>
      area.responsibilities.map((r) => ({ ...r, kind: 'responsibility' as const, area: area.id })),
    ),
    ...bank.interlock.map((i) => ({ ...i, kind: 'interlock' as const })),
  ];
}

export const appliesAt = (item: { stages?: string[] }, stage: string): boolean =>
  !item.stages || item.stages.includes(stage);

/** Questions a form asks about one item: a responsibility asks owner, capability and capacity; a hand-off asks delivery. */
export const questionsFor = (item: AnyItem): number => (item.kind === 'responsibility' ? 3 : 1);

/** The items of a form at a stage, as DESIGN.md scopes them. */
export function formItems(bank: BankV2, form: 'rapid' | 'full', stage: string): AnyItem[] {
  return itemsOf(bank).filter((item) => appliesAt(item, stage) && (form === 'full' || item.rapid === true));
}

export const questionCount = (items: AnyItem[]): number => items.reduce((sum, item) => sum + questionsFor(item), 0);

/** Version 1's items by id: kind and question. */
export function v1Items(): Map<string, { kind: Kind; question: string }> {
  const v1 = readYaml<BankV1>(V1_BANK_FILE);
  const items = new Map<string, { kind: Kind; question: string }>();
  for (const area of v1.areas)
    for (const r of area.responsibilities) items.set(r.id, { kind: 'responsibility', question: r.question });
  for (const i of v1.interlock) items.set(i.id, { kind: 'interlock', question: i.question });
  return items;
}

/** Version 1's ids by kind. */
export const v1Ids = (): Map<string, Kind> => new Map([...v1Items()].map(([id, item]) => [id, item.kind]));

/** The answers files of examples/ and its two team folders. */
export function exampleFiles(): string[] {
  const yamlIn = (dir: string) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => join(dir, name));
  return [...yamlIn(V2_EXAMPLES), ...yamlIn(join(V2_EXAMPLES, 'team')), ...yamlIn(join(V2_EXAMPLES, 'team-rapid'))];
}

export const seedsPresent = (): boolean => existsSync(SEEDS);
