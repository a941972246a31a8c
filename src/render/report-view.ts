import type { Owner, Role } from '../answers/schema.js';
import type { FunctionId } from '../bank/schema.js';
import type { Diagnosis, Disagreement, FunctionGroup, InterlockScore, ItemScore, OwnershipStatus, Quadrant, ResponsibilityScore } from '../model.js';
import { byText } from '../text.js';
import { fmtIndex, fmtMean, fmtNumber } from './layout.js';
import { scopeHeader } from './report-scope.js';

export { itemTitle } from './report-scope.js';

// What the terminal and markdown gap reports say, as plain unescaped words and numbers rounded for
// reading. Each renderer only escapes and lays out, so the two formats cannot drift apart.

const LABEL: Record<Owner | Role, string> = {
  pm: 'PM',
  pmm: 'PMM',
  shared: 'Shared',
  combined: 'Combined PM/PMM',
  sales: 'Sales',
  marketing: 'Marketing',
  engineering: 'Engineering',
  leadership: 'Leadership',
  other: 'Other',
  none: 'None',
  unclear: 'Unclear',
};

/** An owner or role for people; the value comes from a file, so an unexpected one shows as it is. */
export function label(value: string | null | undefined): string {
  if (value === null || value === undefined) return 'n/a';
  return Object.hasOwn(LABEL, value) ? LABEL[value as Owner | Role] : value;
}

/** Several respondents: the sections about who said what are shown. */
export const isTeam = (d: Diagnosis): boolean => d.respondents.length > 1;

export const respondentName = (r: { name?: string; source: string }): string => r.name ?? r.source;

export function header(d: Diagnosis): [string, string][] {
  return [
    ['Bank', `${d.bank.title} (${d.bank.id} v${d.bank.version})`],
    ['Organization', d.organization ?? 'n/a'],
    ...scopeHeader(d),
    ['Date', d.date],
    ['Respondents', String(d.respondents.length)],
    ['Target', fmtNumber(d.target)],
  ];
}

export function summary(d: Diagnosis): [string, number | null][] {
  const s = d.summary;
  return [
    ['Readiness', s.readiness],
    ['Capability', s.capability],
    ['Capacity', s.capacity],
    ['Alignment', s.alignment],
    ['Interlock', s.interlock],
    ['Coverage', s.coverage],
  ];
}

/** A function's name, or "Shared" for the items both own, "Leadership" for those it keeps. */
export const functionName = (group: FunctionGroup, names: Record<FunctionId, string>): string => (group === 'pm' || group === 'pmm' ? names[group] : label(group));

export const groupName = (d: Diagnosis, group: FunctionGroup): string => functionName(group, d.functionNames);

export const directionName = (d: Diagnosis, from: FunctionId, to: FunctionId): string => `${d.functionNames[from]} → ${d.functionNames[to]}`;

const responsibilities = (d: Diagnosis) => d.items.filter((i): i is ResponsibilityScore => i.kind === 'responsibility');

/** Each interlock direction with its health and its deliverables. */
export function directions(d: Diagnosis): { name: string; health: number | null; items: InterlockScore[] }[] {
  return d.interlock.map((dir) => ({
    name: directionName(d, dir.from, dir.to),
    health: dir.health,
    items: d.items.filter((i): i is InterlockScore => i.kind === 'interlock' && i.from === dir.from && i.to === dir.to),
  }));
}

export const QUADRANTS: { id: Quadrant; name: string; meaning: string }[] = [
  { id: 'strength', name: 'Strength', meaning: 'capable and resourced' },
  { id: 'stretched', name: 'Stretched', meaning: 'capable, not resourced' },
  { id: 'underskilled', name: 'Underskilled', meaning: 'resourced, not capable' },
  { id: 'critical', name: 'Critical', meaning: 'not capable, not resourced' },
];
export const NOT_RATED = { name: 'Not rated', meaning: 'no capability or capacity rating' };

/** The responsibilities in each quadrant, and those without one (`null`). */
export function quadrantItems(d: Diagnosis): Map<Quadrant | null, ResponsibilityScore[]> {
  const map = new Map<Quadrant | null, ResponsibilityScore[]>([...QUADRANTS.map((q) => [q.id, []] as [Quadrant, ResponsibilityScore[]]), [null, []]]);
  for (const item of responsibilities(d)) map.get(item.quadrant)?.push(item);
  return map;
}

/** The first `top` gaps, resolved to their items. */
/** The most spread-out disagreements (the scorer lists them widest first): as many as gaps are shown. */
export const topDisagreements = (d: Diagnosis, top: number): Disagreement[] => d.disagreements.slice(0, Math.max(0, top));

/** At most this many respondents are listed by name in the terminal and markdown reports. */
export const LISTED_RESPONDENTS = 50;

/** What a list cut for the wall report says about the rest, which the JSON report keeps whole. */
export const moreInJson = (shown: number, total: number, what: string): string | undefined =>
  total > shown ? `Listed ${shown} of ${total} ${what}; the JSON report (--format json) has them all.` : undefined;

export function topGaps(d: Diagnosis, top: number): ItemScore[] {
  const byId = new Map(d.items.map((i) => [i.id, i]));
  return d.gaps.slice(0, Math.max(0, top)).flatMap((id) => byId.get(id) ?? []);
}


// A term of the priority: what is missing to reach the target, 0 when nothing is (or nothing was rated).
const shortfall = (target: number, value: number | null) => (value === null || value >= target ? '0' : `(${fmtNumber(target)} − ${fmtMean(value)})`);

/** The priority with the numbers that make it, e.g. "weight 3 × ((4 − 2.00) + (4 − 3.00)) = 9.00". */
export function priorityFormula(item: ItemScore): string {
  const terms = item.kind === 'responsibility' ? `(${shortfall(item.target, item.capability)} + ${shortfall(item.target, item.capacity)})` : shortfall(item.target, item.delivery);
  return `weight ${item.weight} × ${terms} = ${fmtMean(item.priority)}`;
}

/** The facts behind an item's priority, to be joined with " · ". */
export function itemFacts(d: Diagnosis, item: ItemScore): string[] {
  const target = `target ${fmtNumber(item.target)}`;
  if (item.kind === 'interlock') {
    return [directionName(d, item.from, item.to), `delivery ${fmtMean(item.delivery)}`, target, `health ${fmtIndex(item.health)}`];
  }
  const quadrant = QUADRANTS.find((q) => q.id === item.quadrant)?.name.toLowerCase() ?? 'not rated';
  return [item.area.title, `capability ${fmtMean(item.capability)}`, `capacity ${fmtMean(item.capacity)}`, target, quadrant];
}

export const statusText = (owner: { status: OwnershipStatus; contested: boolean }): string => `${owner.status}${owner.contested ? ', contested' : ''}`;

export const ownerText = (item: ResponsibilityScore): string =>
  `recommended ${label(item.owner.recommended)}${contributorsText(item)}, consensus ${item.owner.consensus === null ? 'none given' : label(item.owner.consensus)}: ${statusText(item.owner)}`;

/** " (contributors Sales, PM)", or nothing when the bank names none. */
const contributorsText = (item: ResponsibilityScore): string => (item.owner.contributors.length === 0 ? '' : ` (contributors ${item.owner.contributors.map(label).join(', ')})`);

/** "PMM 2, PM 1": most votes first. */
export function votesText(votes: Partial<Record<Owner, number>>): string {
  const entries = Object.entries(votes).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0);
  entries.sort((a, b) => b[1] - a[1] || byText(label(a[0]), label(b[0])));
  return entries.length === 0 ? 'none' : entries.map(([owner, n]) => `${label(owner)} ${n}`).join(', ');
}

const PROBLEM_STATUSES: OwnershipStatus[] = ['orphaned', 'blurred', 'partial', 'misassigned'];

/** Responsibilities whose consensus owner is not the recommended one, or is contested. */
export const ownershipProblems = (d: Diagnosis): ResponsibilityScore[] => responsibilities(d).filter((i) => PROBLEM_STATUSES.includes(i.owner.status) || i.owner.contested);

export const axisText = (item: Disagreement): string => (item.axis === 'owner' ? 'owner' : `${item.axis}, spread ${fmtNumber(item.spread)}`);

/** Who said what, grouped by answer from low to high: "1: Dana Lee (PMM)", "4: Sam Ortiz (PM) and 12 more". */
export function answersText(item: Disagreement): string[] {
  return item.groups.map((g) => {
    const value = item.axis === 'owner' ? label(g.value) : g.value;
    const names = g.respondents.map((r) => `${r.name}${r.role ? ` (${label(r.role)})` : ''}`).join(', ');
    const more = g.count - g.respondents.length;
    return `${value}: ${names}${more > 0 ? ` and ${more} more` : ''}`;
  });
}

/** What a section says when it has nothing to list. */
export const NONE = {
  gaps: 'None: every rated item meets its target.',
  ownership: 'None: every answered responsibility has its recommended owner.',
  interlock: 'No interlock items.',
  disagreements: 'None.',
  perception: 'None: no respondent has the role PM or PMM, or no one else rated their items.',
  knowledge: 'None: every item was answered without "don’t know".',
};

export const SCORING: string[] = [
  'Levels 1–5 become 0–100 with pct(x) = 25 × (x − 1); an item’s value is the mean of its numeric answers ("don’t know" and n/a left out).',
  'Readiness of a responsibility = pct of its weaker axis, pct(min(capability, capacity)): it is only as ready as the weaker one.',
  'Priority = weight × ((target − capability) + (target − capacity)); for interlock, weight × (target − delivery). A term at or above target counts 0.',
  'Quadrants compare both axes with the target: strength (both met), stretched (capable, not resourced), underskilled (resourced, not capable), critical (neither).',
  'Indexes are weighted means, Σ weight × value / Σ weight, over the items that have a value; functions group items by recommended owner.',
  'Interlock = the weighted mean of pct(delivery), overall and by direction.',
  'Alignment = the share of weight whose consensus owner is the recommended one; contested = under 2/3 of owner answers agree. A shared item held by PM or PMM alone is partial; a combined PM/PMM owner is aligned only at a stage that expects one.',
  'Each item is held to its target at the report’s stage; items that do not apply at that stage, or are not in the rapid form, are in no score.',
  'Claims without evidence (capability 3 or more with no evidence given) and the handoff perception (giver against receiver, a level or more apart) change no score.',
  'Coverage = answered items / all items (n/a and "don’t know" count as answered).',
];
