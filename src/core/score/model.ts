import type { FactValue, Owner, Role } from '../answers/schema.js';
import type { Form, FunctionId, NamedFunction, Party, RecommendedOwner } from '../bank/schema.js';
import type { Charter, CharterAction, Decision } from '../charter/schema.js';

export type { Axis } from '../bank/item-kinds.js';
import type { Axis } from '../bank/item-kinds.js';
export type Quadrant = 'strength' | 'stretched' | 'underskilled' | 'critical';
/** docs/design.md "Ownership": what the consensus owner is against the accountable one. */
export const OWNERSHIP_STATUSES = ['aligned', 'orphaned', 'blurred', 'partial', 'misassigned', 'unanswered'] as const;
export type OwnershipStatus = (typeof OWNERSHIP_STATUSES)[number];
export type FunctionGroup = RecommendedOwner;
export type { StageSource } from '../answers/scope.js';
import type { StageSource } from '../answers/scope.js';

export interface ScoreOptions {
  /** `--target`: overrides the bank's and the stage's default target (an item's own target still wins). */
  target?: number;
  /** `--stage` (checked against the bank by the command): else the answers' stage, else the bank's default. */
  stage?: string;
  /** `--form`: else rapid when every respondent's file says rapid, else full. */
  form?: Form;
  /** The report's date (ISO yyyy-mm-dd); defaults to today. Fixed in tests. */
  date?: string;
  /** `--charter`: the organization's own accountable owners, where it decided them, and its actions. */
  charter?: Charter;
}

export interface UnknownCount {
  /** `owner`: respondents who said they do not know who owns it (bank v3). */
  axis: Axis | 'owner';
  count: number;
}

interface ItemScoreBase {
  id: string;
  title: string;
  question: string;
  weight: number;
  target: number;
  priority: number;
  discussion: string[];
  /** The bank's own wording of what the room must decide when this item is a gap, when it has one. */
  decision?: string;
  /** Respondents who answered this item (score/answered.ts: n/a and unknown included, a note alone not). */
  answered: number;
  notApplicable: number;
  unknown: UnknownCount[];
  /** Every note on the item, in respondent order, with who wrote it. */
  notes: { respondent: string; role?: Role; note: string }[];
  /** The numeric answers on each axis the item is rated on, in respondent order: the spread behind the mean. */
  levels: Partial<Record<Axis, number[]>>;
}

export interface ResponsibilityScore extends ItemScoreBase {
  kind: 'responsibility';
  area: { id: string; title: string };
  capability: number | null;
  capacity: number | null;
  /** pct(min(C, K)), 0–100, when both are defined. */
  readiness: number | null;
  quadrant: Quadrant | null;
  /** Respondents who rated capability 3 or more without evidence text. */
  unevidenced: number;
  owner: {
    /** The accountable owner the bank recommends at the report's stage. */
    recommended: RecommendedOwner;
    contributors: string[];
    /** The charter's decision, when it has one for this item: then the status is measured against it. */
    decided?: Decision;
    consensus: Owner | null;
    status: OwnershipStatus;
    contested: boolean;
    /** How many respondents named each owner. */
    votes: Partial<Record<Owner, number>>;
  };
}

/** Bank v3: a behaviour, rated on how often it holds; no owner, no capacity. */
export interface PracticeScore extends ItemScoreBase {
  kind: 'practice';
  area: { id: string; title: string };
  frequency: number | null;
  /** pct(F), 0–100. */
  readiness: number | null;
}

export interface InterlockScore extends ItemScoreBase {
  kind: 'interlock';
  from: Party;
  to: Party;
  /** Bank v3: the receivers' mean when a receiver answered, else everyone's. */
  delivery: number | null;
  /** pct(D), 0–100. */
  health: number | null;
  /** The mean delivery as rated by the giving function (role = from) and by the receiving one (role = to). */
  deliveryBySide: { giver: number | null; receiver: number | null };
}

export type ItemScore = ResponsibilityScore | PracticeScore | InterlockScore;

export interface Disagreement {
  id: string;
  axis: Axis | 'owner';
  spread: number | null;
  /**
   * Who said what, one group per answer from low to high. `count` is every respondent who gave
   * it; `respondents` names at most the first few, so a report over 1,000 people stays readable.
   */
  groups: { value: string; count: number; respondents: { name: string; role?: Role }[] }[];
}

export interface PerceptionGap {
  function: FunctionId;
  /** The capability index of f's items rated by respondents whose role is f. */
  self: number | null;
  /** The same index rated by everyone else. */
  others: number | null;
  /** self − others; null when either side has no ratings. */
  gap: number | null;
  /** The items that differ most: self mean − others mean of capability. */
  items: { id: string; self: number; others: number; difference: number }[];
}

export interface RespondentSummary {
  name?: string;
  role?: Role;
  source: string;
  coverage: number;
  /** The areas (and `interlock`) in scope in which this respondent answered at least one item, in bank order. */
  sections: string[];
  /** The areas (and `interlock`) in scope that this respondent's form asked, in bank order. */
  askedSections: string[];
}

/** An interlock item whose giver and receiver rate its delivery a level or more apart. */
export interface HandoffPerception {
  id: string;
  from: Party;
  to: Party;
  giver: number;
  receiver: number;
  /** giver − receiver. */
  difference: number;
}

/** A responsibility rated capable (3 or more) by respondents who gave no evidence. */
export interface UnevidencedClaim {
  id: string;
  /** Respondents who rated capability 3 or more. */
  claims: number;
  /** Of those, the ones without evidence text. */
  unevidenced: number;
  /** The first few of them by name; `unevidenced` counts them all. */
  respondents: string[];
}

/** A decision of the charter over a responsibility in scope, against the bank's recommendation. */
export interface CharterDecision extends Decision {
  id: string;
  recommended: RecommendedOwner;
  recommendedContributors: string[];
  /** The decided owner or contributors differ from the bank's recommendation at this stage. */
  departs: boolean;
  /** The ownership status against the decision: `aligned` means the team follows the charter. */
  status: OwnershipStatus;
  contested: boolean;
}

/** An action of the charter; overdue when still open and due before the report's date. */
export interface CharterActionStatus extends CharterAction {
  overdue: boolean;
}

/** What `--charter` adds to a report. */
export interface CharterOutcome {
  source: string;
  organization?: string;
  decided: string;
  /** The decisions over responsibilities in scope, in bank order. */
  decisions: CharterDecision[];
  /** Decisions over items out of scope at this stage or form: not scored. */
  outOfScope: number;
  /** Overdue first, then by due date, then file order. */
  actions: CharterActionStatus[];
}

export interface Diagnosis {
  bank: { id: string; version: number; title: string };
  organization?: string;
  /** The stage the report is for; null when the bank declares no stages. */
  stage: string | null;
  /** Its title, for people. */
  stageTitle: string | null;
  /** How the stage was chosen: `--stage`, the answers files, their revenue band, or the bank's default (absent: not known). */
  stageSource?: StageSource;
  /** Bank v3: the organization facts the respondents gave, the most frequent answer of each, in bank order. */
  facts: Record<string, FactValue>;
  /** Each of those facts' answer for people: the bank's label of the option, or the number (absent before bank v3). */
  factLabels?: Record<string, string>;
  form: Form;
  /** How many respondents answered each form; each is scored over the items of their own. */
  forms: Record<Form, number>;
  /** Items left out because they do not apply at this stage or are not in this form. */
  outOfScope: number;
  /** What the reader of the scope should be told (the answers named different stages). */
  notices: string[];
  date: string;
  target: number;
  respondents: RespondentSummary[];
  functionNames: Record<NamedFunction, string>;
  summary: {
    readiness: number | null;
    capability: number | null;
    capacity: number | null;
    alignment: number | null;
    interlock: number | null;
    /** Bank v3: the weighted mean readiness of the practices in scope. */
    practices: number | null;
    coverage: number;
  };
  functions: { id: FunctionGroup; capability: number | null; capacity: number | null; readiness: number | null }[];
  /** The same indexes per area of the bank, in bank order. */
  areas: { id: string; title: string; capability: number | null; capacity: number | null; readiness: number | null }[];
  /** Every (from, to) pair of the hand-offs in scope, in bank order. */
  interlock: { from: Party; to: Party; health: number | null }[];
  items: ItemScore[];
  /** Item ids with priority > 0, most urgent first. */
  gaps: string[];
  /** Several respondents only: spreads of 2 or more and contested owners. */
  disagreements: Disagreement[];
  /** Several respondents only, and only when some respondent's role is pm or pmm. */
  perception: PerceptionGap[];
  /** Several respondents only: each role's readiness per area (bank order), from that role's answers alone. */
  areaRoles: {
    role: Role;
    areas: { id: string; readiness: number | null; missing?: 'unknown' | 'n/a' | 'unanswered' }[];
  }[];
  /** Interlock items whose two sides differ by a level or more, the widest first. */
  handoffPerception: HandoffPerception[];
  /** Responsibilities with capability claims of 3 or more without evidence, in bank order. */
  unevidenced: UnevidencedClaim[];
  knowledgeGaps: {
    unknown: { id: string; axis: Axis | 'owner'; count: number }[];
    unanswered: { id: string; respondents: number }[];
  };
  /** With `--charter` only. */
  charter?: CharterOutcome;
}
