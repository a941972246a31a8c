// What each kind of item is rated on: the one home of that fact. Loading, the CSV reader, the
// template, the interactive flow, scoring, compare and the renderers all derive theirs from here, so
// a new field is one edit.

export type ItemKind = 'responsibility' | 'practice' | 'interlock';
/** The numeric answers (levels 1-5 or "unknown"). */
export type Axis = 'capability' | 'capacity' | 'delivery' | 'frequency';
/** What a respondent rates: who owns it today, and the levels. */
export type RatedField = 'owner' | Axis;
/** Free text that goes with a rating. */
export type TextField = 'evidence' | 'note';
export type AnswerField = RatedField | TextField;

interface ItemKindFacts {
  /** "a responsibility", for messages. */
  noun: string;
  /** What a respondent rates, in the order it is asked and written. */
  rated: readonly RatedField[];
}

export const ITEM_KINDS: Record<ItemKind, ItemKindFacts> = {
  responsibility: { noun: 'a responsibility', rated: ['owner', 'capability', 'capacity'] },
  // Bank v3: a behaviour nobody owns, rated on how often it holds.
  practice: { noun: 'a practice', rated: ['frequency'] },
  interlock: { noun: 'an interlock item', rated: ['delivery'] },
};

export const AXES: readonly Axis[] = ['capability', 'capacity', 'delivery', 'frequency'];
export const TEXT_FIELDS: readonly TextField[] = ['evidence', 'note'];
/** Every field of an item's answer, in the order an answers file lists them. */
export const ANSWER_FIELDS: readonly AnswerField[] = ['owner', ...AXES, ...TEXT_FIELDS];

const isAxis = (field: AnswerField): field is Axis => (AXES as readonly string[]).includes(field);

/** The levels an item of this kind is rated on. */
export function axesOf(kind: ItemKind): readonly Axis[] {
  return ITEM_KINDS[kind].rated.filter(isAxis);
}

/** Whether respondents name who owns an item of this kind today. */
export function asksOwner(kind: ItemKind): boolean {
  return ITEM_KINDS[kind].rated.includes('owner');
}

/** The fields an answer to an item of this kind may hold, rated ones first. */
export function fieldsOf(kind: ItemKind): readonly AnswerField[] {
  return [...ITEM_KINDS[kind].rated, ...TEXT_FIELDS];
}

/** "owner, capability and capacity" */
function listed(fields: readonly string[], last = 'and'): string {
  return fields.length <= 1
    ? (fields[0] ?? '')
    : `${fields.slice(0, -1).join(', ')} ${last} ${fields[fields.length - 1]}`;
}

/** For messages: `"an interlock item, rated on delivery only"`. */
export function ratedOn(kind: ItemKind): string {
  const rated = ITEM_KINDS[kind].rated;
  return `${ITEM_KINDS[kind].noun}, rated on ${listed(rated)}${rated.length === 1 ? ' only' : ''}`;
}

/** For messages: `"owner, capability, capacity (and evidence and a note)"`. */
export function expectedFields(kind: ItemKind): string {
  return `${ITEM_KINDS[kind].rated.join(', ')} (and evidence and a note)`;
}
