import type { RatedField, TextField } from '../bank/item-kinds.js';
import type { Bank } from '../bank/schema.js';
import { OWNERS, ROLES, type Owner, type Role } from './schema.js';

// What a person answering sees for each code: the questions a field asks, the owner and role
// choices, "don't know" and "not applicable". The terminal flow and the HTML questionnaire both
// show these words; the codes themselves are in schema.ts.

export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

export const FIELD_QUESTIONS: Record<RatedField, string> = {
  owner: 'Who owns it today?',
  capability: 'Capability: how well is it done?',
  capacity: 'Capacity: is there the time and people for it?',
  delivery: 'Delivery: how reliably does it arrive?',
};

export const TEXT_FIELD_LABELS: Record<TextField, string> = {
  evidence: 'Evidence (optional): what shows it, such as a document or a meeting',
  note: 'Note (optional): anything the others should know',
};

export const UNKNOWN_CHOICE = { name: "Don't know", description: 'Kept out of the scores and listed as a knowledge gap.' };
export const NOT_APPLICABLE_CHOICE = { name: 'Not applicable', description: 'This item does not apply here: it is left out of every score.' };

const OTHER_OWNERS: Record<Exclude<Owner, 'pm' | 'pmm'>, [string, string]> = {
  shared: ['Shared by PM and PMM', 'Both functions own it together.'],
  combined: ['One person or team does both', 'A combined PM and PMM role owns it.'],
  sales: ['Sales', 'The sales team does it.'],
  engineering: ['Engineering', 'Engineering or development does it.'],
  leadership: ['Leadership', 'Executives or a general manager do it themselves.'],
  other: ['Another team', 'Some other team does it (say which in a note).'],
  none: ['Nobody', 'It is not done, or nobody is responsible for it.'],
  unclear: ['Unclear / don\'t know', 'Nobody could say who owns it.'],
};

const ROLE_NAMES: Record<Exclude<Role, 'pm' | 'pmm'>, string> = {
  sales: 'Sales',
  marketing: 'Marketing (other than product marketing)',
  engineering: 'Engineering',
  leadership: 'Leadership',
  other: 'Something else',
};

/** Who may own an item today, in code order; PM and PMM named as the bank names them. The text is the bank's, not yet made safe for any output. */
export function ownerChoices(bank: Bank): Choice<Owner>[] {
  return OWNERS.map((o) => {
    const [name, description] = o === 'pm' || o === 'pmm' ? [bank.functions[o].name, `${bank.functions[o].name} owns it.`] : OTHER_OWNERS[o];
    return { value: o, name, description };
  });
}

/** The respondent's role, in code order; PM and PMM named as the bank names them. */
export function roleChoices(bank: Bank): Choice<Role>[] {
  return ROLES.map((r) => ({ value: r, name: r === 'pm' || r === 'pmm' ? bank.functions[r].name : ROLE_NAMES[r] }));
}
