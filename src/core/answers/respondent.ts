import type { Form } from '../bank/schema.js';
import type { FactValue, LevelAnswer, Owner, Role } from './schema.js';

/** One respondent's answer to one item. Absent fields were not answered. */
export interface ItemAnswer {
  owner?: Owner;
  capability?: LevelAnswer;
  capacity?: LevelAnswer;
  delivery?: LevelAnswer;
  frequency?: LevelAnswer;
  /** What shows the level: an artifact or a fact. */
  evidence?: string;
  note?: string;
}

export type Answer = ItemAnswer | 'n/a';

/** A respondent's answers after loading, whatever the file format. */
export interface Respondent {
  /** Where the answers came from: a path, `<stdin>`, or `export.csv row 3`. */
  source: string;
  name?: string;
  role?: Role;
  organization?: string;
  /** The stage and form the answers file says it was made for. */
  stage?: string;
  form?: Form;
  /** Bank v3: the organization facts the respondent gave (revenue band, headcounts, …). */
  facts?: Record<string, FactValue>;
  /** Only answered items: an item that is missing here is unanswered. */
  answers: ReadonlyMap<string, Answer>;
  /** The e-mail the file or export row gives, if any: with the name, who this is (DESIGN "Collecting answers"). */
  email?: string;
  /** A random id per submission (questionnaire, interactive flow, form-tool row): the same id twice is one submission. */
  response?: string;
  /**
   * The response id names the submission within its form only, as a form tool numbers each form's
   * responses (Microsoft Forms 1, 2, 3): true for a form export's row, whose id is no other form's.
   */
  readonly responseWithinForm?: boolean;
  /**
   * When the answers were last changed (ISO 8601) and where that time was read from, e.g. `answered-at` or a
   * form tool's timestamp column. `dayFirst`: the other reading of a date that could be day/month or
   * month/day (`time` is then month first). No `time`: the tool's column has a cell for the row that cannot be
   * read, and `source` says why.
   */
  answeredAt?: { time?: string; dayFirst?: string; source: string };
}

/**
 * A form export's row as a respondent: its source (`export.csv row 3`) is made when it is shown, not
 * kept for each of a million rows.
 */
export class RowRespondent implements Respondent {
  declare name?: string;
  declare role?: Role;
  declare organization?: string;
  declare stage?: string;
  declare form?: Form;
  declare facts?: Record<string, FactValue>;
  declare email?: string;
  declare response?: string;
  declare answeredAt?: { time: string; source: string };

  constructor(
    private readonly file: string,
    private readonly row: number,
    readonly answers: ReadonlyMap<string, Answer>,
  ) {}

  get source(): string {
    return `${this.file} row ${this.row}`;
  }

  get responseWithinForm(): boolean {
    return true;
  }
}
