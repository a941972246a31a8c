// The export's columns (DESIGN.md, "Export"): one home for their names, order, types and meaning.
// The CSV header, the NDJSON keys, the Parquet schema, the JSON Schema and the README table all
// follow this list.

import { ANSWER_FIELDS, ITEM_KINDS, type ItemKind, type RatedField } from '../bank/item-kinds.js';

/** What a row is about: an item's rated field, or (bank v3) an organization fact (`fact`). */
export const EXPORT_AXES = [
  ...ANSWER_FIELDS.filter((f): f is RatedField => f !== 'evidence' && f !== 'note'),
  'fact',
] as const satisfies readonly (RatedField | 'fact')[];
/** The kinds of item, and `fact` for the organization facts' rows. */
export const EXPORT_KINDS = [...(Object.keys(ITEM_KINDS) as ItemKind[]), 'fact'] as const;
export const EXPORT_STATUSES = ['answered', 'unknown', 'n/a', 'unanswered'] as const;
export const EXPORT_FORMS = ['rapid', 'full'] as const;

export type ExportAxis = RatedField | 'fact';
export type ExportKind = ItemKind | 'fact';
export type ExportStatus = (typeof EXPORT_STATUSES)[number];
export type ExportForm = (typeof EXPORT_FORMS)[number];

/** How a column is typed: in NDJSON and the JSON Schema, and (through `parquet`) in Parquet. */
export type ColumnType = 'text' | 'integer' | 'number' | 'value';

export interface ExportColumn {
  name: string;
  type: ColumnType;
  nullable: boolean;
  /** The values it may take, when they are a fixed list. */
  values?: readonly string[];
  description: string;
}

export const EXPORT_COLUMNS = [
  {
    name: 'organization',
    type: 'text',
    nullable: true,
    description:
      "the respondent's `organization:`, else the one the other respondents name (null when they name several)",
  },
  {
    name: 'stage',
    type: 'text',
    nullable: true,
    description:
      'the company stage the assessment is scored for (`startup`, `growth`, `enterprise`); empty when the bank declares no stages',
  },
  {
    name: 'form',
    type: 'text',
    nullable: false,
    values: EXPORT_FORMS,
    description: 'the form answered: `rapid` or `full`',
  },
  { name: 'bank_id', type: 'text', nullable: false, description: 'the question bank' },
  { name: 'bank_version', type: 'integer', nullable: false, description: "the bank's version" },
  {
    name: 'respondent',
    type: 'text',
    nullable: false,
    description:
      "the respondent's name; without one `respondent N` (the position in the run, as the report names it); a name given by several respondents is numbered from the second on (`Dana (2)`), so each respondent is one value",
  },
  { name: 'role', type: 'text', nullable: true, description: "the respondent's role (`pm`, `pmm`, `sales`, ...)" },
  {
    name: 'item_id',
    type: 'text',
    nullable: false,
    description: 'the item (responsibility, practice or interlock item), or the organization fact',
  },
  {
    name: 'item_kind',
    type: 'text',
    nullable: false,
    values: EXPORT_KINDS,
    description:
      '`responsibility`, `practice`, `interlock`, or `fact` (bank v3: an organization fact the respondent gave)',
  },
  {
    name: 'area',
    type: 'text',
    nullable: false,
    description: "the responsibility's or practice's area id; `interlock` for interlock items; `facts` for facts",
  },
  {
    name: 'axis',
    type: 'text',
    nullable: false,
    values: EXPORT_AXES,
    description:
      '`owner`, `capability`, `capacity` (responsibilities), `frequency` (practices), `delivery` (interlock) or `fact`',
  },
  {
    name: 'value',
    type: 'value',
    nullable: true,
    description:
      'a level 1-5 on capability, capacity, frequency and delivery; the owner code on owner; the option id or number on a fact; empty unless `status` is `answered`',
  },
  {
    name: 'status',
    type: 'text',
    nullable: false,
    values: EXPORT_STATUSES,
    description: "`answered`, `unknown` (don't know), `n/a` (not applicable: the whole item) or `unanswered`",
  },
  { name: 'weight', type: 'integer', nullable: true, description: "the item's weight, 1-3; empty on a fact" },
  {
    name: 'target',
    type: 'number',
    nullable: true,
    description: "the item's effective target level (its own, else `--target`, else the bank's); empty on a fact",
  },
  {
    name: 'recommended_owner',
    type: 'text',
    nullable: true,
    description:
      'responsibilities: the accountable function at the stage (`pm`, `pmm`, `shared`, `leadership`, `marketing`, `cs`, `sales`); interlock: the giving function (`from`), which owes the item; empty on a practice (nobody owns it) and a fact',
  },
  {
    name: 'receiver',
    type: 'text',
    nullable: true,
    description:
      "interlock: the receiving function (`to`); from bank version 3 its respondents' ratings are the delivery when any of them answered; empty otherwise",
  },
] as const satisfies readonly ExportColumn[];

export type ColumnName = (typeof EXPORT_COLUMNS)[number]['name'];
