import { round } from '../score/math.js';
import type { ProfileBank } from './schema.js';
import {
  isConclusive,
  LABELS,
  MIN_CONSISTENCY,
  sideOf,
  type DimensionResult,
  type Label,
  type ProfileResult,
  type ResultLabel,
  type StyleResult,
} from './score.js';
import type { TeamResult } from './team.js';

// What every format of the profile shows, decided once: how a tendency and a consistency are
// written, the strip's bands, which strengths and pairing advice apply, the reasons a result is
// inconclusive, and the caution. Renderers only lay these out.

export const CAVEAT =
  "A conversation starter, not a test: nobody should be hired or rejected on this result. It has no population norms: a score says which way this person's own answers lean, not how they compare with anyone else, and it has not been validated for selection. For a hiring decision, use the structured interview guide instead: pm-diag profile interview.";

/** The interview guide's own note: it is the part meant for a hiring loop. */
export const GUIDE_NOTE =
  'This guide, not the self-report profile, is the tool for a hiring decision: ask every candidate the same questions, listen for what they actually did, and rate each dimension on that. The self-report profile has no population norms and has not been validated for selection; use it, if at all, to choose what to ask about.';

export const SCORING_NOTE =
  "Each answer counts +1 toward outbound or −1 toward inbound, and a pair asked twice counts the mean of its two answers; tendency = 100 × sum / pairs answered, from −100 (all inbound) to +100 (all outbound). Only the inbound/outbound pairs count: the pairs on other sides of working style are scored the same way on their own scales and reported apart. Labels: −50 or less strongly inbound, under −15 leans inbound, up to +15 balanced, under +50 leans outbound, +50 or more strongly outbound. Consistency = 100 × (2 × same / compared − 1) over the pairs asked twice: 0 is what answering at random gives, 100 is the same answer every time. A label needs at least 70% of the questions answered and, for a person's own answers, a consistency of 60 or more; otherwise the result is inconclusive. Someone who knows which statements are inbound can still steer the result: the mixed-in pairs and the matched statements make that harder, not impossible.";

/** A tendency as text, to one decimal with its sign: `-20.8`, `+12.5`, `0.0`; `n/a` when nothing was answered. */
export function fmtTendency(value: number | null): string {
  const shown = round(value, 1);
  if (shown === null) return 'n/a';
  return `${shown > 0 ? '+' : ''}${shown.toFixed(1)}`;
}

/** A capacity weight (Σ w × shortfall) to two decimals, as the report prints priorities. */
export const fmtWeight = (value: number): string => (round(value, 2) ?? 0).toFixed(2);

export function fmtConfidence(confidence: number): string {
  return `${round(confidence * 100, 0)}%`;
}

/** A consistency as a whole number, rounded down: a value under 60 never prints as 60. */
export const fmtConsistency = (value: number): string => String(Math.floor(value + 1e-9));

export const labelText = (label: ResultLabel | null): string => label ?? 'no answers';

/** The result in a few words: `+39.1 leans outbound`, or `inconclusive`. */
export const resultText = (r: Pick<ProfileResult, 'tendency' | 'label' | 'reasons'>): string =>
  isConclusive(r) ? `${fmtTendency(r.tendency)} ${labelText(r.label)}` : 'inconclusive';

/** "Consistency" in full: its value and what it was measured on, or why there is none. */
export function consistencyText(r: ProfileResult): string {
  const c = r.consistency;
  if (c === null) return "not measured: an interviewer's scoring sheet asks nothing twice";
  if (c.value === null)
    return `not measured: ${c.compared} of the ${c.repeated} pairs asked twice were answered both times (${c.needed} needed)`;
  return `${fmtConsistency(c.value)} (${c.same} of ${c.compared} pairs asked twice got the same answer; ${MIN_CONSISTENCY} needed)`;
}

/** The consistency in a table cell. */
export const consistencyCell = (r: ProfileResult): string =>
  r.consistency === null ? 'n/a' : r.consistency.value === null ? 'not measured' : fmtConsistency(r.consistency.value);

/** "39 of 39 questions (100%; a result needs 28)" */
export const answeredTotalText = (r: ProfileResult): string =>
  `${r.answered} of ${r.items} questions (${fmtConfidence(r.confidence)}; a result needs ${r.answeredNeeded})`;

/** "Inconclusive: …." with every reason; undefined when the result is conclusive. */
export function reasonSentence(r: ProfileResult): string | undefined {
  if (isConclusive(r)) return undefined;
  return `Inconclusive: ${r.reasons.map((reason) => reason.text).join('; and ')}.`;
}

/** The reasons, and what to do with an inconclusive result, for a report; undefined when the result is conclusive. */
export function reasonText(r: ProfileResult): string | undefined {
  const sentence = reasonSentence(r);
  return (
    sentence &&
    `${sentence} The answers are shown below as given, but they do not say which way this person leans: talk it through, or use the interview guide.`
  );
}

/** Why, in a few words, for a table. */
export const shortReason = (r: ProfileResult): string => r.reasons.map((reason) => reason.short).join(', ');

/** The raw tendency beside an inconclusive result: shown, never read. */
export const unreadTendency = (r: ProfileResult): string =>
  `${fmtTendency(r.tendency)} on these answers, not read as a result`;

/** How the rater is named: a self-report or an interviewer's sheet. */
export const raterText = (r: ProfileResult): string =>
  r.rater === 'interviewer' ? "an interviewer's scoring sheet" : "the person's own answers";

/** The five bands of the strip, from −100 to +100, with the label each one carries. */
export const BANDS: { label: Label; from: number; to: number }[] = [
  { label: LABELS[0], from: -100, to: -50 },
  { label: LABELS[1], from: -50, to: -15 },
  { label: LABELS[2], from: -15, to: 15 },
  { label: LABELS[3], from: 15, to: 50 },
  { label: LABELS[4], from: 50, to: 100 },
];

/** Where a tendency sits along a strip of `cells` positions (0 … cells − 1). */
export function stripCell(tendency: number, cells: number): number {
  return Math.round(((Math.max(-100, Math.min(100, tendency)) + 100) / 200) * (cells - 1));
}

export interface Advice {
  /** The tendency's name: Inbound, Outbound or Balanced. */
  name: string;
  summary: string;
  goodAt: string;
  pairWith: string;
}

/** The strengths and pairing advice for a person's overall label; undefined with no answers or an inconclusive result. */
export function overallAdvice(bank: ProfileBank, label: ResultLabel | null): Advice | undefined {
  const side = sideOf(label);
  if (side === null) return undefined;
  const t = bank.tendencies[side];
  return { name: t.name, summary: t.summary, goodAt: t['good-at'], pairWith: t['pair-with'] };
}

/** A dimension's own strengths and pairing advice, when its answers lean one way (and the result is conclusive). */
export function dimensionAdvice(
  bank: ProfileBank,
  dimension: DimensionResult,
): { goodAt: string; pairWith: string } | undefined {
  const side = sideOf(dimension.label);
  if (side === null || side === 'balanced') return undefined;
  const lean = bank.dimensions.find((d) => d.id === dimension.id)?.[side];
  return lean && { goodAt: lean['good-at'], pairWith: lean['pair-with'] };
}

/** "3 of 3 pairs answered" */
export const answeredText = (r: { answered: number; items: number }): string =>
  `${r.answered} of ${r.items} pair${r.items === 1 ? '' : 's'} answered`;

/** A style's lean in words: "leans Quick", "between the two", "no answers". */
export function styleLean(s: StyleResult): string {
  if (s.score === null || s.leans === null) return 'no answers';
  return s.leans === 'neither' ? 'between the two' : `leans ${s.leans}`;
}

export const DIMENSIONS_NOTE =
  'Each dimension rests on a few pairs: read it as a topic to ask about in the interview, not as a measurement of its own.';

export const STYLES_NOTE =
  'Other sides of working style, asked among the inbound/outbound pairs. They are reported for the conversation and do not count toward the tendency.';

/** The person's name, else their file's name (a long path would be cut off in a column). */
export const respondentLabel = (r: ProfileResult): string =>
  r.respondent.name ?? r.source?.split(/[\\/]/).pop() ?? 'respondent';

/** A team member's marker on the strip: 1–9, then A–Z, then `*`. */
export function memberMark(i: number): string {
  if (i < 9) return String(i + 1);
  return i < 35 ? String.fromCharCode(65 + i - 9) : '*';
}

/** The mark of the team's balance on the strip. */
export const BALANCE_MARK = 'Σ';

/** Everyone with a conclusive tendency as a numbered marker on the strip, then the team's balance. */
export function teamMarkers(team: TeamResult): { tendency: number; mark: string; name: string }[] {
  const people = team.members.flatMap((m, i) =>
    m.tendency === null || !isConclusive(m)
      ? []
      : [{ tendency: m.tendency, mark: memberMark(i), name: respondentLabel(m) }],
  );
  return team.balance === null
    ? people
    : [...people, { tendency: team.balance, mark: BALANCE_MARK, name: "the team's balance" }];
}

/** A member's result in a table: `-70.8 strongly inbound`-like cells, or `inconclusive (reason)`. */
export const memberLabel = (m: ProfileResult): string =>
  isConclusive(m) ? labelText(m.label) : `inconclusive (${shortReason(m)})`;
export const memberTendency = (m: ProfileResult): string => (isConclusive(m) ? fmtTendency(m.tendency) : '—');
