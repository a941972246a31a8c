import type { Owner, Role } from '../answers/schema.js';
import type { NamedFunction, Party } from '../bank/schema.js';
import type {
  Axis,
  Diagnosis,
  Disagreement,
  FunctionGroup,
  InterlockScore,
  ItemScore,
  OwnershipStatus,
  PracticeScore,
  Quadrant,
  ResponsibilityScore,
} from '../score/model.js';
import { pct } from '../score/math.js';
import { handoffFactor, receiversJudge } from '../score/diagnose.js';
import { byText } from '../text.js';
import { fmtIndex, fmtMean, fmtNumber, fmtSigned } from './layout.js';
import { MARKS, groupItems, mark, marksLegend, whyMissing, type Missing } from './marks.js';
import { INTERLOCK_SECTION } from '../score/answered.js';
import { itemTitle, scopeHeader } from './report-scope.js';
import { CONTESTED, OWNERSHIP, STATUSES_BY_SEVERITY } from './ownership.js';

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
  cs: 'Customer success',
  engineering: 'Engineering',
  leadership: 'Leadership',
  other: 'Other',
  none: 'None',
  unclear: 'Unclear',
  // Bank v3: a respondent who does not know who owns it (a knowledge gap, not a vote).
  unknown: 'Don’t know',
};

/** An owner or role for people; the value comes from a file, so an unexpected one shows as it is. */
export function label(value: string | null | undefined): string {
  if (value === null || value === undefined) return mark('unanswered');
  return Object.hasOwn(LABEL, value) ? LABEL[value as Owner | Role] : value;
}

/** Several respondents: the sections about who said what are shown. */
export const isTeam = (d: Diagnosis): boolean => d.respondents.length > 1;

export const respondentName = (r: { name?: string; source: string }): string => r.name ?? r.source;

export function header(d: Diagnosis): [string, string][] {
  return [
    ['Bank', `${d.bank.title} (${d.bank.id} v${d.bank.version})`],
    ['Organization', d.organization ?? 'not given'],
    ...scopeHeader(d),
    ['Date', d.date],
    ['Respondents', String(d.respondents.length)],
    ['Target', fmtNumber(d.target)],
    ...factsHeader(d),
    ...partialAnswers(d),
  ];
}

// Words of a fact's id that are initials, written as such ("pm-people" is "PM people").
const INITIALS = new Set(['pm', 'pmm', 'cs', 'ceo', 'cpo', 'cto', 'cmo', 'cro', 'arr']);

/** A fact's name from its id: "pm-people" → "PM people", "sales-motion" → "Sales motion". */
export function factName(id: string): string {
  const words = id.split('-').map((w) => (INITIALS.has(w) ? w.toUpperCase() : w));
  const [first = '', ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
}

/** "Revenue: $10 to 50 million · PM people: 6": the organization facts the respondents gave (bank v3). */
export function factsText(d: Diagnosis): string | undefined {
  const facts = Object.entries(d.facts).map(([id, value]) => `${factName(id)}: ${d.factLabels?.[id] ?? String(value)}`);
  return facts.length === 0 ? undefined : facts.join(' · ');
}

const factsHeader = (d: Diagnosis): [string, string][] => {
  const text = factsText(d);
  return text === undefined ? [] : [['Organization facts', text]];
};

/** The sections of the report's items, in bank order: each area, then the interlock. */
export function reportAreas(d: Diagnosis): { id: string; title: string }[] {
  const areas = new Map<string, string>();
  for (const item of d.items) {
    if (item.kind === 'interlock') areas.set(INTERLOCK_SECTION, 'Interlock');
    else areas.set(item.area.id, item.area.title);
  }
  return [...areas].map(([id, title]) => ({ id, title }));
}

/** At most this many partial respondents are named in the header; the JSON lists each one's areas. */
export const NAMED_PARTIAL = 10;

/** "Partial answers: 1 of 3 respondents answered only some areas: Ben (PMM): Insight; not Launch, Interlock", or nothing. */
export function partialAnswers(d: Diagnosis): [string, string][] {
  const areas = reportAreas(d);
  // A respondent is partial against the areas their own form asked (a rapid form may skip an area).
  const asked = (r: Diagnosis['respondents'][number]) => areas.filter((a) => r.askedSections.includes(a.id));
  // Respondents who answered alike share their lists of sections: each pair of lists is judged once.
  const judged = new Map<string[], Map<string[], boolean>>();
  const isPartial = (r: Diagnosis['respondents'][number]) => {
    let bySections = judged.get(r.askedSections);
    if (!bySections) judged.set(r.askedSections, (bySections = new Map()));
    let partial = bySections.get(r.sections);
    if (partial === undefined) bySections.set(r.sections, (partial = asked(r).some((a) => !r.sections.includes(a.id))));
    return partial;
  };
  let partialCount = 0;
  const partial: Diagnosis['respondents'] = [];
  for (let i = 0; i < d.respondents.length; i++) {
    const r = d.respondents[i]!;
    if (!isPartial(r)) continue;
    if (partialCount++ < NAMED_PARTIAL) partial.push(r);
  }
  if (partialCount === 0) return [];
  const named = partial.map((r) => {
    const titles = (answered: boolean) =>
      asked(r)
        .filter((a) => r.sections.includes(a.id) === answered)
        .map((a) => a.title);
    const given = titles(true);
    return `${respondentText(r)}: ${given.length === 0 ? 'nothing' : given.join(', ')}; not ${titles(false).join(', ')}`;
  });
  const more = partialCount - named.length;
  const count = `${partialCount} of ${d.respondents.length} ${d.respondents.length === 1 ? 'respondent' : 'respondents'}`;
  return [
    [
      'Partial answers',
      `${count} answered only some areas: ${named.join(' · ')}${more > 0 ? ` and ${more} more (the JSON report lists them)` : ''}`,
    ],
  ];
}

/** A respondent as a reader knows them: "Dana Lee (PMM)". */
export const respondentText = (r: { name?: string; source: string; role?: string }): string =>
  `${respondentName(r)}${r.role ? ` (${label(r.role)})` : ''}`;

/** The knowledge gaps as rows: item title, what is missing ("don’t know" on an axis, or not answered), how many respondents. */
export function knowledgeRows(d: Diagnosis): [string, string, string][] {
  const { unknown, unanswered } = d.knowledgeGaps;
  return [
    ...unknown.map((u): [string, string, string] => [
      itemTitle(d, u.id),
      `“${mark('unknown')}” on ${u.axis}`,
      String(u.count),
    ]),
    ...unanswered.map((u): [string, string, string] => [
      itemTitle(d, u.id),
      MARKS.unanswered.meaning,
      String(u.respondents),
    ]),
  ];
}

/** Every note, grouped by item in bank order, each with who wrote it. */
export function noteGroups(d: Diagnosis): { id: string; title: string; notes: { author: string; note: string }[] }[] {
  return d.items
    .filter((i) => i.notes.length > 0)
    .map((i) => ({ id: i.id, title: i.title, notes: i.notes.map((n) => ({ author: noteAuthor(n), note: n.note })) }));
}

/** Who wrote a note: "Dana Lee (PMM)". */
export const noteAuthor = (n: { respondent: string; role?: string }): string =>
  // A respondent without a name is already labelled with the role ("respondent 3 (sales)").
  n.role && !n.respondent.endsWith(`(${n.role})`) ? `${n.respondent} (${label(n.role)})` : n.respondent;

/** The summary scores: name, value, and why a missing one is missing. */
export function summary(d: Diagnosis): [string, number | null, Missing][] {
  const s = d.summary;
  const rated = groupItems(d, 'summary');
  return [
    ['Readiness', s.readiness, whyMissing(rated, 'readiness')],
    ['Capability', s.capability, whyMissing(rated, 'capability')],
    ['Capacity', s.capacity, whyMissing(rated, 'capacity')],
    ['Alignment', s.alignment, 'unanswered'],
    ['Interlock', s.interlock, whyMissing(groupItems(d, 'interlock'), 'health')],
    ...practicesScore(d),
    ['Coverage', s.coverage, 'unanswered'],
  ];
}

/** The practices index, when the bank has practices in scope (bank v3). */
function practicesScore(d: Diagnosis): [string, number | null, Missing][] {
  const practices = groupItems(d, 'practices');
  return practices.length === 0 ? [] : [['Practices', d.summary.practices, whyMissing(practices, 'readiness')]];
}

/** The practices in scope, by area in bank order (bank v3): each sits in its area's part of the report. */
export function practiceAreas(d: Diagnosis): { id: string; title: string; items: PracticeScore[] }[] {
  return d.areas
    .map((a) => ({
      id: a.id,
      title: a.title,
      items: d.items.filter((i): i is PracticeScore => i.kind === 'practice' && i.area.id === a.id),
    }))
    .filter((a) => a.items.length > 0);
}

export const PRACTICES_INTRO =
  'Behaviours nobody owns, rated on how often they hold (1 never to 5 always); they count in their area’s readiness.';

/** Whether the report has practices in scope (bank v3): their terms are then defined and explained. */
export const hasPractices = (d: Diagnosis): boolean => d.items.some((i) => i.kind === 'practice');

type GroupIndexes = { capability: number | null; capacity: number | null; readiness: number | null };

/** A function's or an area's capability, capacity and readiness as shown, each missing one saying why (`missing` is set only then). */
export function groupCells(
  d: Diagnosis,
  group: { function: FunctionGroup } | { area: string },
  values: GroupIndexes,
  narrow = false,
): { text: string; missing?: Missing }[] {
  const items = groupItems(d, group);
  return (['capability', 'capacity', 'readiness'] as const).map((m) => {
    if (values[m] !== null) return { text: fmtIndex(values[m]) };
    const missing = whyMissing(items, m);
    return { text: fmtIndex(null, missing, narrow), missing };
  });
}

/** An item's mean on one axis (null when its kind is not rated on it), or why it has none. */
export function itemMean(item: ItemScore, axis: Axis, narrow = false): string {
  const value = axis in item ? (item as Partial<Record<Axis, number | null>>)[axis]! : null;
  return fmtMean(value, whyMissing([item], axis), narrow);
}

/** An item's readiness (a responsibility or a practice) or health (an interlock item), or why it has none. */
export const itemIndex = (item: ItemScore, narrow = false): string =>
  item.kind === 'interlock'
    ? fmtIndex(item.health, whyMissing([item], 'health'), narrow)
    : fmtIndex(item.readiness, whyMissing([item], 'readiness'), narrow);

/** A function's name as the bank gives it, or "Shared" for the items PM and PMM own together. */
export const functionName = (group: FunctionGroup, names: Partial<Record<NamedFunction, string>>): string =>
  group === 'shared' ? label(group) : (names[group] ?? label(group));

export const groupName = (d: Diagnosis, group: FunctionGroup): string => functionName(group, d.functionNames);

export const directionName = (d: Diagnosis, from: Party, to: Party): string =>
  `${functionName(from, d.functionNames)} → ${functionName(to, d.functionNames)}`;

// A party's name where a chart's label column is narrow.
const SHORT_PARTY: Record<Party, string> = { pm: 'PM', pmm: 'PMM', marketing: 'Mktg', sales: 'Sales', cs: 'CS' };

/** "PMM → Sales": a direction where the full names would be cut. */
export const shortDirection = (from: Party, to: Party): string => `${SHORT_PARTY[from]} → ${SHORT_PARTY[to]}`;

/** Bank v3 rates a hand-off by its receivers when any answered: the reader is told so wherever delivery shows. */
export const receiversRated = (d: Diagnosis, item: InterlockScore): boolean =>
  receiversJudge(d.bank) && item.deliveryBySide.receiver !== null;

/** "delivery 2.50 (receivers' rating)": an interlock item's delivery, saying whose rating it is. */
export const deliveryText = (d: Diagnosis, item: InterlockScore, narrow = false): string =>
  `${itemMean(item, 'delivery', narrow)}${receiversRated(d, item) ? (narrow ? ' (recv.)' : ' (receivers’ rating)') : ''}`;

const responsibilities = (d: Diagnosis) => d.items.filter((i): i is ResponsibilityScore => i.kind === 'responsibility');

/** Each interlock direction with its health and its deliverables. */
export function directions(
  d: Diagnosis,
): { name: string; short: string; health: number | null; missing: Missing; items: InterlockScore[] }[] {
  return d.interlock.map((dir) => {
    const items = d.items.filter(
      (i): i is InterlockScore => i.kind === 'interlock' && i.from === dir.from && i.to === dir.to,
    );
    // `short` ("PMM → PM") fits a chart's label column, where the full names would be cut.
    return {
      name: directionName(d, dir.from, dir.to),
      short: shortDirection(dir.from, dir.to),
      health: dir.health,
      missing: whyMissing(items, 'health'),
      items,
    };
  });
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
  const map = new Map<Quadrant | null, ResponsibilityScore[]>([
    ...QUADRANTS.map((q) => [q.id, []] as [Quadrant, ResponsibilityScore[]]),
    [null, []],
  ]);
  for (const item of responsibilities(d)) map.get(item.quadrant)?.push(item);
  return map;
}

/** The widest self-vs-others gap as a sentence, or nothing when no function rated itself against others. */
export function perceptionLine(d: Diagnosis): string | undefined {
  const [widest] = d.perception.filter((g) => g.gap !== null).sort((a, b) => Math.abs(b.gap!) - Math.abs(a.gap!));
  if (widest === undefined) return undefined;
  return `${d.functionNames[widest.function]} rates its own capability ${fmtIndex(widest.self)}; everyone else ${fmtIndex(widest.others)} (${fmtSigned(widest.gap, fmtIndex)}).`;
}

/** The most spread-out disagreements (the scorer lists them widest first): as many as gaps are shown. */
export const topDisagreements = (d: Diagnosis, top: number): Disagreement[] =>
  d.disagreements.slice(0, Math.max(0, top));

/** At most this many respondents are listed by name in the terminal and markdown reports. */
export const LISTED_RESPONDENTS = 50;

/** What a list cut for the wall report says about the rest, which the JSON report keeps whole. */
export const moreInJson = (shown: number, total: number, what: string): string | undefined =>
  total > shown ? `Listed ${shown} of ${total} ${what}; the JSON report (--format json) has them all.` : undefined;

/** The first `top` gaps, resolved to their items. */
export function topGaps(d: Diagnosis, top: number): ItemScore[] {
  const byId = new Map(d.items.map((i) => [i.id, i]));
  return d.gaps.slice(0, Math.max(0, top)).flatMap((id) => byId.get(id) ?? []);
}

// A term of the priority: what is missing to reach the target, 0 when nothing is (or nothing was rated).
const shortfall = (target: number, value: number | null) =>
  value === null || value >= target ? '0' : `(${fmtNumber(target)} − ${fmtMean(value)})`;

/**
 * The priority with the numbers that make it, e.g. "weight 3 × ((4 − 2.00) + (4 − 3.00)) = 9.00";
 * a v3 hand-off or practice "2 × weight 3 × (4 − 2.50) = 9.00".
 */
export function priorityFormula(d: Diagnosis, item: ItemScore): string {
  if (item.kind === 'responsibility') {
    const terms = `(${shortfall(item.target, item.capability)} + ${shortfall(item.target, item.capacity)})`;
    return `weight ${item.weight} × ${terms} = ${fmtMean(item.priority)}`;
  }
  const factor = handoffFactor(d.bank);
  const value = item.kind === 'interlock' ? item.delivery : item.frequency;
  return `${factor === 1 ? '' : `${factor} × `}weight ${item.weight} × ${shortfall(item.target, value)} = ${fmtMean(item.priority)}`;
}

/** The facts behind an item's priority, to be joined with " · ". */
export function itemFacts(d: Diagnosis, item: ItemScore): string[] {
  const target = `target ${fmtNumber(item.target)}`;
  if (item.kind === 'interlock') {
    return [
      directionName(d, item.from, item.to),
      `delivery ${deliveryText(d, item)}`,
      target,
      `health ${itemIndex(item)}`,
    ];
  }
  if (item.kind === 'practice') {
    return [
      item.area.title,
      'practice',
      `frequency ${itemMean(item, 'frequency')}`,
      target,
      `readiness ${itemIndex(item)}`,
    ];
  }
  const quadrant = QUADRANTS.find((q) => q.id === item.quadrant)?.name.toLowerCase() ?? 'not rated';
  return [
    item.area.title,
    `capability ${itemMean(item, 'capability')}`,
    `capacity ${itemMean(item, 'capacity')}`,
    target,
    quadrant,
  ];
}

export const statusText = (owner: { status: OwnershipStatus; contested: boolean }): string =>
  `${owner.status}${owner.contested ? ', contested' : ''}`;

export const ownerText = (item: ResponsibilityScore): string =>
  `${item.owner.decided ? 'decided' : 'recommended'} ${label(accountable(item))}${contributorsText(item)}, consensus ${item.owner.consensus === null ? 'none given' : label(item.owner.consensus)}: ${statusText(item.owner)}`;

/** The accountable owner an item's status is measured against: the charter's decision, else the bank's recommendation. */
export const accountable = (item: ResponsibilityScore): string => item.owner.decided?.owner ?? item.owner.recommended;
/** The contributors that go with it. */
export const accountableContributors = (item: ResponsibilityScore): string[] =>
  item.owner.decided?.contributors ?? item.owner.contributors;
/** The accountable owner for a reader, saying when the charter decided it. */
export const accountableText = (item: ResponsibilityScore): string =>
  `${label(accountable(item))}${item.owner.decided ? ' (decided in the charter)' : ''}`;

/** " (contributors Sales, PM)", or nothing when there are none. */
const contributorsText = (item: ResponsibilityScore): string =>
  accountableContributors(item).length === 0
    ? ''
    : ` (contributors ${accountableContributors(item).map(label).join(', ')})`;

/** "PMM 2, PM 1": most votes first. */
export function votesText(votes: Partial<Record<Owner, number>>): string {
  const entries = Object.entries(votes).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0);
  entries.sort((a, b) => b[1] - a[1] || byText(label(a[0]), label(b[0])));
  return entries.length === 0 ? 'none' : entries.map(([owner, n]) => `${label(owner)} ${n}`).join(', ');
}

/** Whether a responsibility's owner is a problem: its status is one, or the answers are contested. */
const hasOwnershipProblem = (item: ResponsibilityScore): boolean =>
  OWNERSHIP[item.owner.status].problem || item.owner.contested;

/** Responsibilities whose consensus owner is not the recommended one, or is contested. */
export const ownershipProblems = (d: Diagnosis): ResponsibilityScore[] =>
  responsibilities(d).filter(hasOwnershipProblem);

export const axisText = (item: Disagreement): string =>
  item.axis === 'owner' ? 'owner' : `${item.axis}, spread ${fmtNumber(item.spread)}`;

/** Who said what, grouped by answer from low to high: "1: Dana Lee (PMM)", "4: Sam Ortiz (PM) and 12 more". */
export function answersText(item: Disagreement): string[] {
  return item.groups.map((g) => {
    const value = item.axis === 'owner' ? label(g.value) : g.value;
    const names = g.respondents.map((r) => `${r.name}${r.role ? ` (${label(r.role)})` : ''}`).join(', ');
    const more = g.count - g.respondents.length;
    return `${value}: ${names}${more > 0 ? ` and ${more} more` : ''}`;
  });
}

/** The functions that own at least one responsibility in scope (the JSON lists all four, with nulls). */
export function shownFunctions(d: Diagnosis): Diagnosis['functions'] {
  const owners = new Set(d.items.flatMap((i) => (i.kind === 'responsibility' ? [i.owner.recommended] : [])));
  return d.functions.filter((f) => owners.has(f.id));
}

/** What a gap list says when it lists none: no gap at all, or gaps that `--top 0` asked not to list. */
export function noGapsText(d: Diagnosis): string {
  const n = d.gaps.length;
  return n === 0
    ? NONE.gaps
    : `${n} ${n === 1 ? 'gap' : 'gaps'}, none listed: --top 0 asks for none (the JSON report lists every gap).`;
}

/** What a section says when it has nothing to list. */
export const NONE = {
  gaps: 'None: every rated item meets its target.',
  ownership: 'None: every answered responsibility has its recommended owner.',
  interlock: 'No interlock items.',
  disagreements: 'None.',
  perception: 'None: no respondent has the role PM or PMM, or no one else rated their items.',
  knowledge: 'None: every item was answered without "don’t know".',
  notes: 'None: no respondent wrote a note.',
  answers: 'None: no item is on the agenda or among the disagreements.',
};

/** How the report's numbers are made, one line each; bank v3's hand-off, practice and owner rules when they apply. */
export function scoring(d: Diagnosis): string[] {
  const v3 = receiversJudge(d.bank);
  const practices = hasPractices(d);
  return [
    'Levels 1–5 become 0–100 with pct(x) = 25 × (x − 1); an item’s value is the mean of its numeric answers ("don’t know" and n/a left out).',
    'Readiness of a responsibility = pct of its weaker axis, pct(min(capability, capacity)): it is only as ready as the weaker one.',
    v3
      ? `Priority = weight × ((target − capability) + (target − capacity)); for a hand-off${practices ? ' or a practice' : ''}, 2 × weight × (target − ${practices ? 'delivery or frequency' : 'delivery'}), so that a failed hand-off${practices ? ' or behaviour' : ''} ranks on the same scale as a responsibility. A term at or above target counts 0.`
      : 'Priority = weight × ((target − capability) + (target − capacity)); for interlock, weight × (target − delivery). A term at or above target counts 0.',
    'Quadrants compare both axes with the target: strength (both met), stretched (capable, not resourced), underskilled (resourced, not capable), critical (neither).',
    'Indexes are weighted means, Σ weight × value / Σ weight, over the items that have a value; functions group items by recommended owner.',
    'Interlock = the weighted mean of pct(delivery), overall and by direction.',
    ...(v3
      ? [
          'A hand-off’s delivery is the receivers’ rating (respondents whose role is the function that receives it) when any receiver answered, else everyone’s: the side that gets the work judges it.',
        ]
      : []),
    ...(practices
      ? [
          'A practice (a behaviour nobody owns) is rated on how often it holds, 1 never to 5 always; its readiness = pct(frequency). Practices count in their area’s readiness and in the practices index, not in capability, capacity or the summary’s readiness.',
        ]
      : []),
    'Alignment = the share of weight whose consensus owner is the recommended one; contested = under 2/3 of owner answers agree. A shared item held by PM or PMM alone is partial; a combined PM/PMM owner is aligned only at a stage that expects one.',
    ...(v3
      ? [
          'Owner answers: “unclear” (it is disputed or nobody could say) is a vote, and a consensus of unclear makes the owner blurred; “don’t know” (the respondent does not know) is no vote, left out of the consensus and listed as a knowledge gap.',
        ]
      : []),
    'Each item is held to its target at the report’s stage; items that do not apply at that stage, or are not in the rapid form, are in no score.',
    'Claims without evidence (capability 3 or more with no evidence given) and the handoff perception (giver against receiver, a level or more apart) change no score.',
    'Coverage = answered items / all items (n/a and "don’t know" count as answered; evidence or a note alone does not).',
    marksLegend(),
  ];
}

/** How many gaps, ownership problems and disagreements the summary page names. */
export const SUMMARY_COUNT = 3;

/** The three scores the summary page leads with. */
export const headline = (d: Diagnosis): [string, number | null, Missing][] =>
  summary(d).filter(([name]) => HEADLINE.includes(name));
const HEADLINE = ['Readiness', 'Alignment', 'Interlock', 'Practices'];

/** The `count` worst ownership problems: by severity (ownership.ts), then weight, then bank order. */
export function worstOwnership(d: Diagnosis, count: number): ResponsibilityScore[] {
  const severity = (item: ResponsibilityScore) => OWNERSHIP[item.owner.status].severity;
  return ownershipProblems(d)
    .map((item, order) => ({ item, order }))
    .sort((a, b) => severity(a.item) - severity(b.item) || b.item.weight - a.item.weight || a.order - b.order)
    .map(({ item }) => item)
    .slice(0, count);
}

/** What is wrong with a gap, in a few words: the axes below target, and its owner when that is a problem too. */
export function problemText(d: Diagnosis, item: ItemScore): string {
  const target = fmtNumber(item.target);
  const below = (name: string, value: number | null) =>
    value !== null && value < item.target ? [`${name} ${fmtMean(value)}`] : [];
  const axes =
    item.kind === 'interlock'
      ? below(receiversRated(d, item) ? 'delivery (receivers’ rating)' : 'delivery', item.delivery)
      : item.kind === 'practice'
        ? below('frequency', item.frequency)
        : [...below('capability', item.capability), ...below('capacity', item.capacity)];
  const shortfalls = axes.length === 0 ? `at target ${target}` : `${axes.join(' and ')} below target ${target}`;
  if (item.kind !== 'responsibility' || !hasOwnershipProblem(item)) return shortfalls;
  return `${shortfalls}; owner ${statusText(item.owner)}`;
}

export interface PlanRow {
  rank: number;
  id: string;
  title: string;
  problem: string;
  decision: string;
}

/** The action plan: one row per gap on the agenda; the decision owner, next step and due date are left for the meeting. */
export const actionPlan = (d: Diagnosis, top: number): PlanRow[] =>
  topGaps(d, top).map((item, i) => ({
    rank: i + 1,
    id: item.id,
    title: item.title,
    problem: problemText(d, item),
    decision: decisionText(d, item),
  }));

export const PLAN_COLUMNS = ['#', 'Item', 'Problem', 'Decision to take', 'Owner', 'Next step', 'Due'];
export const PLAN_INTRO = 'One row per gap on the agenda. Fill in the last three columns during the meeting.';

/** What an ownership problem asks the room to decide. */
export function ownershipDecision(item: ResponsibilityScore): string {
  const { consensus, status } = item.owner;
  return OWNERSHIP[status].decision({
    recommended: accountableText(item),
    contributors: accountableContributors(item).map(label).join(', '),
    consensus: label(consensus),
    shared: accountable(item) === 'shared',
  });
}

/** What the room must decide about a gap: the bank's own wording, else one worded from what is wrong. */
export function decisionText(d: Diagnosis, item: ItemScore): string {
  if (item.decision !== undefined) return item.decision;
  if (item.kind === 'interlock') {
    return `Agree what ${functionName(item.from, d.functionNames)} hands to ${functionName(item.to, d.functionNames)}, in what form and by when, and who checks it arrived.`;
  }
  if (item.kind === 'practice') {
    return 'Agree what would make it happen every time: who sets the example, and how the team notices when it slips.';
  }
  const below = (value: number | null) => value !== null && value < item.target;
  const skill = below(item.capability);
  const time = below(item.capacity);
  const axes =
    skill && time
      ? 'Decide which comes first, the skill or the time, and who leads it.'
      : skill
        ? 'Decide how to build the skill: coaching, a hire, or outside help.'
        : time
          ? 'Free the time or people it needs, or decide what to stop doing.'
          : '';
  return [hasOwnershipProblem(item) ? ownershipDecision(item) : '', axes].filter((t) => t !== '').join(' ');
}

export interface CharterRow {
  item: ResponsibilityScore;
  recommended: string;
  contributors: string;
  answers: string;
  status: string;
  decision: string;
}

/** The role charter to decide: every ownership problem as a row, the worst first. */
export function charterRows(d: Diagnosis): CharterRow[] {
  return worstOwnership(d, Number.POSITIVE_INFINITY).map((item) => ({
    item,
    recommended: accountableText(item),
    contributors:
      accountableContributors(item).length === 0 ? 'none' : accountableContributors(item).map(label).join(', '),
    answers: votesText(item.owner.votes),
    status: statusText(item.owner),
    decision: ownershipDecision(item),
  }));
}

export const CHARTER_COLUMNS = [
  'Responsibility',
  'Recommended accountable',
  'Contributors',
  'How people answered',
  'Status',
  'Decision to take',
];
export const CHARTER_INTRO = (d: Diagnosis): string =>
  `Every responsibility whose owner is in doubt, the worst first, with the owner recommended${d.stageTitle ? ` at the ${d.stageTitle} stage` : ''}. Decide each row, then record it.`;

/** Functions and areas as rows of one table: name, capability, capacity, readiness. */
export function groupRows(d: Diagnosis): {
  kind: 'function' | 'area';
  name: string;
  capability: number | null;
  capacity: number | null;
  readiness: number | null;
}[] {
  return [
    ...shownFunctions(d).map((f) => ({ kind: 'function' as const, name: groupName(d, f.id), ...f })),
    ...d.areas.map((a) => ({ kind: 'area' as const, name: a.title, ...a })),
  ];
}

import type { Tone } from './svg/style.js';
export type { Tone };

/** The target level as a 0–100 score: where a bar's target mark goes. */
export const targetScore = (target: number): number => pct(target);

/** How a 0–100 score stands against the target's own score: at it, within one level of it, or further. */
export function tone(value: number | null, target: number): Tone {
  const goal = targetScore(target);
  return value === null ? 'none' : value >= goal ? 'good' : value >= goal - 25 ? 'near' : 'low';
}

export interface MapPoint {
  /** The gap rank; items that are no gap follow the last gap, in bank order. */
  number: number;
  item: ResponsibilityScore & { capability: number; capacity: number };
}

/** Every rated responsibility as a numbered entry of the capability × capacity map, by number. */
export function mapPoints(d: Diagnosis): MapPoint[] {
  const rank = new Map(d.gaps.map((id, i) => [id, i + 1]));
  let next = d.gaps.length;
  const points: MapPoint[] = [];
  for (const item of responsibilities(d)) {
    if (item.capability === null || item.capacity === null) continue;
    const rated = item as MapPoint['item'];
    points.push({ number: rank.get(item.id) ?? ++next, item: rated });
  }
  return points.sort((a, b) => a.number - b.number);
}

/** The map's points by quadrant, in number order. */
export function mapQuadrants(d: Diagnosis): Map<Quadrant, MapPoint[]> {
  const byQuadrant = new Map<Quadrant, MapPoint[]>(QUADRANTS.map((q) => [q.id, []]));
  for (const point of mapPoints(d)) byQuadrant.get(point.item.quadrant!)?.push(point);
  return byQuadrant;
}

export const CHARTER_TITLE = 'Role charter to decide';

export const quadrantName = (id: Quadrant | null): string => QUADRANTS.find((q) => q.id === id)?.name ?? NOT_RATED.name;

/** How many respondents gave each level 1–5. */
export function levelCounts(values: readonly number[] = []): number[] {
  const counts = [0, 0, 0, 0, 0];
  for (const v of values) if (Number.isInteger(v) && v >= 1 && v <= 5) counts[v - 1]!++;
  return counts;
}

/** The report's sections, in the order every format shows them (DESIGN.md, "The report"). */
export type SectionId =
  | 'summary'
  | 'agenda'
  | 'plan'
  | 'charter'
  | 'decisions'
  | 'interlock'
  | 'handoff'
  | 'perception'
  | 'disagreements'
  | 'groups'
  | 'map'
  | 'answers'
  | 'respondents'
  | 'evidence'
  | 'knowledge'
  | 'notes'
  | 'definitions'
  | 'scoring';
// What the room acts on first; the details that back it up after `DETAILS_START`.
const SECTIONS: SectionId[] = [
  'summary',
  'agenda',
  'plan',
  'charter',
  'decisions',
  'interlock',
  'handoff',
  'perception',
  'disagreements',
  'groups',
  'map',
  'answers',
  'respondents',
  'evidence',
  'knowledge',
  'notes',
  'definitions',
  'scoring',
];
/** The first section of the details, which a reader turns to only to check the decisions above. */
export const DETAILS_START: SectionId = 'groups';
const TEAM_SECTIONS: SectionId[] = ['handoff', 'respondents', 'disagreements', 'answers', 'perception'];

/** The sections this diagnosis has: those about who said what only with several respondents. */
export const reportSections = (d: Diagnosis): SectionId[] =>
  SECTIONS.filter(
    (id) => (isTeam(d) || !TEAM_SECTIONS.includes(id)) && (id !== 'decisions' || d.charter !== undefined),
  );

/** What a section says first, in every format. */
export const INTRO = {
  scores: 'Scores run from 0 to 100; "How this is scored" at the end explains each.',
  mapTable:
    'Each responsibility in its quadrant, numbered by its gap rank, with its capability and capacity; the target splits each axis.',
  map: 'Each point is a responsibility, numbered by its gap rank (items that are no gap come after the last gap). The middle lines stand for each item’s target, so a point is drawn in its own quadrant.',
  noMap: 'No responsibility has both a capability and a capacity rating.',
  agenda: (shown: number, total: number) =>
    `The ${shown} most urgent of ${total} gaps, with the numbers behind each priority and prompts for the conversation.`,
  disagreements: 'Answers 2 or more levels apart on one axis, and contested owners; the widest spreads first.',
  perception: 'Capability of each function’s items as rated by that function itself, against everyone else.',
  answers:
    'How many respondents gave each level, for each item on the agenda or among the disagreements listed: the spread behind each mean.',
};

/** Every term the report uses, with what it means; ownership statuses come from their one home. */
export function definitions(d: Diagnosis): [string, string][] {
  const stage = d.stageTitle ? `the ${d.stageTitle} stage` : 'the report’s stage';
  return [
    ['Capability', 'how well the organization does a responsibility today, rated 1–5 against anchored levels'],
    ['Capacity', 'whether it has the time and people to do it, rated 1–5'],
    [
      'Delivery',
      `how well one function hands a deliverable to another, rated 1–5 (interlock items)${receiversJudge(d.bank) ? '; the receivers’ rating when any receiver answered' : ''}`,
    ],
    ...(receiversJudge(d.bank)
      ? ([['Receivers’ rating', 'the delivery as rated by the function that receives the hand-off']] as [
          string,
          string,
        ][])
      : []),
    ...(hasPractices(d)
      ? ([
          ['Practice', 'a behaviour of the team (trust, customer contact, guard rails), owned by nobody'],
          ['Frequency', 'how often a practice holds, rated 1 (never) to 5 (always)'],
          ['Practices', 'the weighted mean readiness of the practices, 0–100'],
        ] as [string, string][])
      : []),
    [
      'Readiness',
      `a responsibility’s weaker axis on a 0–100 scale: only as ready as its weaker one${hasPractices(d) ? '; a practice’s frequency on the same scale' : ''}`,
    ],
    ['Alignment', 'the share of weight whose consensus owner is the recommended one'],
    ['Interlock', 'how well the functions hand work to each other, 0–100 (health, per direction)'],
    ['Health', 'an interlock deliverable’s delivery on a 0–100 scale'],
    ['Coverage', 'the share of questions answered; “don’t know” and n/a count as answered'],
    [
      'Stage',
      'the company’s stage (start-up, growth, enterprise): it sets the targets, the recommended owners and which items apply',
    ],
    ...(factsText(d) === undefined
      ? []
      : ([
          [
            'Organization facts',
            'what the respondents said about the organization (revenue, headcounts, …), the most frequent answer of each; in no score',
          ],
        ] as [string, string][])),
    ['Form', 'rapid (the key questions) or full (every question)'],
    ['Out of scope', 'items that do not apply at this stage or are not in this form: in no score'],
    ['Target', `the level each item should reach at ${stage}`],
    ['Weight', 'how much an item counts, 1–3'],
    ['Gap', 'an item below its target on any axis'],
    ['Priority', 'how far a gap is below target, times its weight: the agenda’s order'],
    ...QUADRANTS.map((q): [string, string] => [q.name, `${q.meaning}: ${QUADRANT_RULE[q.id]}`]),
    [NOT_RATED.name, NOT_RATED.meaning],
    ['Recommended accountable', `the function that should own a responsibility at ${stage}; one owner answers for it`],
    ['Contributors', 'functions that do part of the work without owning it'],
    ...(d.charter === undefined
      ? []
      : ([
          [
            'Decided accountable',
            'the owner the organization’s charter names for a responsibility; where it decided one, the status is measured against it',
          ],
          ['Overdue', 'an action of the charter still open after its due date (the report’s date)'],
        ] as [string, string][])),
    ['Consensus owner', 'the owner most respondents named (a tie: unclear)'],
    ...STATUSES_BY_SEVERITY.map((status): [string, string] => [status, OWNERSHIP[status].definition]),
    ['contested', CONTESTED],
    ['Shared', 'PM and PMM own it together'],
    ['Combined PM/PMM', 'one person or team does both PM and PMM work'],
    ['Unclear', 'an owner answer: it is disputed or nobody could say who owns it (a finding, counted)'],
    ...(receiversJudge(d.bank)
      ? ([
          [
            'Don’t know (owner)',
            'an owner answer: the respondent does not know who owns it (a knowledge gap, not counted as a vote)',
          ],
        ] as [string, string][])
      : []),
    ['Disagreement', 'answers on one item two or more levels apart (the spread), or a contested owner'],
    ['Perception gap', 'a function’s rating of its own capability minus everyone else’s'],
    ['Handoff perception', 'the giving function’s rating of a handoff against the receiving function’s'],
    ['Claim without evidence', 'capability rated 3 or more with no evidence given'],
    [
      'Knowledge gap',
      `an item answered “don’t know”${receiversJudge(d.bank) ? ' (on a level or on its owner)' : ''}, or not answered`,
    ],
    ...(['unknown', 'n/a', 'unanswered'] as const).map((m): [string, string] => [mark(m), MARKS[m].meaning]),
  ];
}

const QUADRANT_RULE: Record<Quadrant, string> = {
  strength: 'capability and capacity at or above target',
  stretched: 'capability at target, capacity below',
  underskilled: 'capacity at target, capability below',
  critical: 'both below target',
};
