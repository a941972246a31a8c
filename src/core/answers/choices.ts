import {
  AXES,
  ITEM_KINDS,
  type AnswerField,
  type Axis,
  type ItemKind,
  type RatedField,
  type TextField,
} from '../bank/item-kinds.js';
import { functionName, scaleOf, type BankItem } from '../bank/items.js';
import type { Bank, Fact, Party } from '../bank/schema.js';
import { stageIds } from './scope.js';
import { NOT_APPLICABLE, OWNERS, ROLES, UNKNOWN, type Owner, type Role } from './schema.js';

// The words a person picks from: the questions and choice labels the terminal flow asks, that the
// form guide tells a facilitator to paste into a form tool, and that a form tool's export is read
// back with. Codes are the answers file's (answers/schema.ts); level labels and function names come
// from the bank.

/** The question each rated field asks. */
export const FIELD_QUESTIONS: Record<RatedField, string> = {
  owner: 'Who owns it today?',
  capability: 'Capability: how well is it done?',
  capacity: 'Capacity: is there the time and people for it?',
  delivery: 'Delivery: how reliably does it arrive?',
  frequency: 'How often does it happen?',
};

/** How many rated questions a form asks of these items: one per rated field (evidence and notes are extra, optional). */
export const ratedQuestionCount = (items: readonly { kind: ItemKind }[]): number =>
  items.reduce((sum, item) => sum + ITEM_KINDS[item.kind].rated.length, 0);

/** What each free-text field asks for. */
export const TEXT_FIELD_QUESTIONS: Record<TextField, string> = {
  evidence: 'Evidence (optional): what shows it, such as a document or a meeting',
  note: 'Note (optional): anything the others should know',
};

/** What the respondent's columns ask. */
export const META_QUESTIONS = {
  respondent: 'Your name',
  role: 'Your role',
  organization: 'Your organization',
  stage: "The company's stage",
} as const;

/** `[pricing.owner]`: the tag that names a form question's column in its export. */
export const columnTag = (column: string): string => `[${column}]`;

/**
 * A form question's title: what to ask, then the tag. `template --format csv` writes these headers and
 * the form guide tells the facilitator to paste them, so an export's columns are found by their tags.
 */
export function formQuestion(item: BankItem, field: AnswerField): string {
  const ask = field === 'evidence' || field === 'note' ? TEXT_FIELD_QUESTIONS[field] : FIELD_QUESTIONS[field];
  return `${item.title}: ${ask} ${columnTag(`${item.id}.${field}`)}`;
}

/** `facts.revenue`: an organization fact's column (bank v3), as `template --format csv` names it. */
export const factColumn = (id: string): string => `facts.${id}`;

/** An organization fact's question title, with its tag (`[facts.revenue]`). */
export const factQuestion = (fact: Fact, id: string): string => `${fact.question} ${columnTag(factColumn(id))}`;

/** "What Product Marketing owes Sales": who hands a hand-off to whom, as the bank names them. */
export const owesLine = (bank: Bank, item: { from: Party; to: Party }): string =>
  `What ${functionName(bank, item.from)} owes ${functionName(bank, item.to)}`;

/** A respondent column's question title, with its tag. */
export const metaQuestion = (column: keyof typeof META_QUESTIONS): string =>
  `${META_QUESTIONS[column]} ${columnTag(column)}`;

const DONT_KNOW_OWNER_LABEL = "I don't know";
/** The owners other than the bank's two functions: a label and what choosing it means. */
const OTHER_OWNERS: Record<Exclude<Owner, 'pm' | 'pmm'>, [string, string]> = {
  shared: ['Shared by PM and PMM', 'Both functions own it together.'],
  combined: ['One person or team does both', 'A combined PM and PMM role owns it.'],
  marketing: ['Marketing', 'Marketing (other than product marketing) does it.'],
  cs: ['Customer success', 'Customer success does it.'],
  sales: ['Sales', 'The sales team does it.'],
  engineering: ['Engineering', 'Engineering or development does it.'],
  leadership: ['Leadership', 'Executives or a general manager do it themselves.'],
  other: ['Another team', 'Some other team does it (say which in a note).'],
  none: ['Nobody', 'It is not done, or nobody is responsible for it.'],
  unclear: ['Unclear or disputed', 'People disagree about who owns it, or nobody could say: a finding in itself.'],
  unknown: [
    DONT_KNOW_OWNER_LABEL,
    'You do not know who owns it: kept out of the consensus, listed as a knowledge gap.',
  ],
};
/**
 * Level labels earlier versions of the built-in bank showed, so that exports of their forms still
 * read: capability 4 was "Independent of one person" up to version 2.
 */
const FORMER_LEVEL_LABELS: Partial<Record<Axis, Partial<Record<(typeof LEVELS)[number], string>>>> = {
  capability: { '4': 'Independent of one person' },
};
/** What forms of earlier versions showed for `unclear`, so that their exports still read. */
const FORMER_UNCLEAR_LABEL = "Unclear / don't know";

/** The roles other than the bank's two functions. */
const ROLE_NAMES: Record<Exclude<Role, 'pm' | 'pmm'>, string> = {
  sales: 'Sales',
  marketing: 'Marketing (other than product marketing)',
  cs: 'Customer success',
  engineering: 'Engineering',
  leadership: 'Leadership',
  other: 'Something else',
};

export const DONT_KNOW_LABEL = "Don't know";
export const NOT_APPLICABLE_LABEL = 'Not applicable';

/** "Don't know" and "Not applicable" as a list of options shows them, with what choosing them means. */
export const UNKNOWN_CHOICE = {
  name: DONT_KNOW_LABEL,
  description: 'Kept out of the scores and listed as a knowledge gap.',
};
export const NOT_APPLICABLE_CHOICE = {
  name: NOT_APPLICABLE_LABEL,
  description: 'This item does not apply here: it is left out of every score.',
};

/** A choice as a list of options shows it (the terminal flow, the questionnaire): its code, name and what it means. */
export interface Option<T extends string> {
  value: T;
  name: string;
  description?: string;
}

/** Who may own an item today, in code order; PM and PMM named as the bank names them. The text is the bank's, not yet made safe for any output. */
export function ownerChoices(bank: Bank): Option<Owner>[] {
  return OWNERS.map((o) => {
    const [name, description] =
      o === 'pm' || o === 'pmm' ? [bank.functions[o].name, `${bank.functions[o].name} owns it.`] : OTHER_OWNERS[o];
    return { value: o, name, description };
  });
}

/** The respondent's role, in code order; PM and PMM named as the bank names them. */
export function roleChoices(bank: Bank): Option<Role>[] {
  return ROLES.map((r) => ({ value: r, name: r === 'pm' || r === 'pmm' ? bank.functions[r].name : ROLE_NAMES[r] }));
}

/** A field a form asks with choices: a rated field, or the respondent's role and the company's stage. */
export type ChoiceField = RatedField | 'role' | 'stage';

export interface Choice {
  code: string;
  /** What the form shows. */
  label: string;
}

const LEVELS = ['1', '2', '3', '4', '5'] as const;

/** One level of an axis as an item shows it: the scale's label, and what the level means for this item. */
export interface LevelText {
  label: string;
  description: string;
}

/** The axes the bank has a scale for, in field order (a bank before version 3 has no frequency scale). */
export const scaledAxes = (bank: Bank): Axis[] => AXES.filter((axis) => bank.scales[axis] !== undefined);

/** The item's own statement for each level of an axis (bank v3 `levels.<axis>`), if it has them. */
export const ownLevels = (item: BankItem, axis: Axis): Record<(typeof LEVELS)[number], string> | undefined =>
  (item.levels as Partial<Record<Axis, Record<(typeof LEVELS)[number], string>>> | undefined)?.[axis];

/**
 * The five levels of an axis for an item: the scale's labels, each with the item's own statement
 * (bank v3 `levels.<axis>`) where the item has them, else the scale's description.
 */
export function itemLevels(bank: Bank, item: BankItem | undefined, axis: Axis): LevelText[] {
  const scale = scaleOf(bank, axis);
  const anchors = item && ownLevels(item, axis);
  return LEVELS.map((level) => ({
    label: scale[level].label,
    description: anchors?.[level] ?? scale[level].description,
  }));
}

/** The options of a fact that has them, as a form offers them (a number fact has none). */
export const factChoices = (fact: Fact): Choice[] =>
  Object.entries(fact.options ?? {}).map(([code, label]) => ({ code, label }));

/**
 * What a fact's cell reads as: an option's code from its code or label (by choiceKey), a whole
 * number from its digits; any other text as written, for the rules to refuse.
 */
export function readFact(fact: Fact, text: string): string | number {
  if (fact.options === undefined) return /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;
  const key = choiceKey(text);
  return factChoices(fact).find((c) => choiceKey(c.code) === key || choiceKey(c.label) === key)?.code ?? text;
}

/** `4 - Managed`: a level as a form shows it. */
const levelLabel = (bank: Bank, axis: Axis, level: (typeof LEVELS)[number]) =>
  `${level} - ${scaleOf(bank, axis)[level].label}`;

/** The choices a form offers for a field, in the order to show them ("Not applicable" is offered for an item's fields). */
export function formChoices(bank: Bank, field: ChoiceField): Choice[] {
  switch (field) {
    case 'owner':
      return [
        ...ownerChoices(bank).map((o) => ({ code: o.value, label: o.name })),
        { code: NOT_APPLICABLE, label: NOT_APPLICABLE_LABEL },
      ];
    case 'role':
      return roleChoices(bank).map((r) => ({ code: r.value, label: r.name }));
    case 'stage':
      return stageIds(bank).map((code) => ({ code, label: bank.stages![code]!.title }));
    default:
      return [
        ...LEVELS.map((code) => ({ code, label: levelLabel(bank, field, code) })),
        { code: UNKNOWN, label: DONT_KNOW_LABEL },
        { code: NOT_APPLICABLE, label: NOT_APPLICABLE_LABEL },
      ];
  }
}

/** Text compared without case, spaces or typographic variants: `4 – Managed` and `4-managed` are the same choice. */
export function choiceKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '');
}

/**
 * Every text that reads as a code of this field, by choiceKey: the code, the label a form shows,
 * then aliases (a level's label without its number, "don't know" for an owner nobody could name).
 * An alias never takes a text from a code or label, and one two codes would claim reads as neither.
 */
export function choiceReader(bank: Bank, field: ChoiceField): Map<string, string> {
  const read = new Map<string, string>();
  const choices = formChoices(bank, field);
  for (const { code, label } of choices) {
    for (const text of [code, label]) if (!read.has(choiceKey(text))) read.set(choiceKey(text), code);
  }
  const aliases = new Map<string, string | undefined>();
  const alias = (text: string, code: string) => {
    const key = choiceKey(text);
    if (!read.has(key)) aliases.set(key, aliases.has(key) && aliases.get(key) !== code ? undefined : code);
  };
  if (field === 'owner') {
    alias(DONT_KNOW_LABEL, 'unknown');
    alias(FORMER_UNCLEAR_LABEL, 'unclear');
  }
  if (field === 'capability' || field === 'capacity' || field === 'delivery' || field === 'frequency') {
    for (const level of LEVELS) alias(scaleOf(bank, field)[level].label, level);
    for (const [level, label] of Object.entries(FORMER_LEVEL_LABELS[field] ?? {})) {
      alias(`${level} - ${label}`, level);
      alias(label, level);
    }
  }
  for (const [key, code] of aliases) if (code !== undefined) read.set(key, code);
  return read;
}
