import type { Diagnosis, ItemScore, Quadrant, ResponsibilityScore } from '../model.js';
import { makeColors, type Colors } from './colors.js';
import { WIDTH, bar, fmtIndex, fmtMean, fmtSigned, padEnd, padStart, truncate, wrap, wrapParts } from './layout.js';
import { EVIDENCE_INTRO, EVIDENCE_NONE, HANDOFF_INTRO, HANDOFF_NONE, evidenceRows, handoffRows } from './report-scope.js';
import { NONE, shownFunctions, noGapsText, NOT_RATED, reportSections, type SectionId, tone, PLAN_INTRO, SUMMARY_COUNT, actionPlan, problemText, worstOwnership, QUADRANTS, SCORING, LISTED_RESPONDENTS, answersText, axisText, moreInJson, topDisagreements, directions, groupName, header, isTeam, itemFacts, itemTitle, label, ownershipProblems, ownerText, priorityFormula, quadrantItems, respondentName, summary, topGaps, votesText } from './report-view.js';

// The gap report for a terminal: 80 columns, bars coloured by how far a score is from the target.
// Every piece of text from the diagnosis goes through layout.ts, which makes it safe to print.

const UNRATED_NAMED = 8;

interface Context {
  d: Diagnosis;
  c: Colors;
  top: number;
}

/** A bar and its value, coloured against the target's own score: green at it, yellow within a level, else red. */
function meter({ d, c }: Context, value: number | null, width: number): string {
  const tint = { good: c.green, near: c.yellow, low: c.red, none: c.dim }[tone(value, d.target)];
  return `${tint(bar(value, width))} ${padStart(fmtIndex(value), 5)}`;
}

function heading(ctx: Context, title: string): string[] {
  return ['', ctx.c.bold(title)];
}

function headerLines({ d, c }: Context): string[] {
  const [bank, ...facts] = header(d);
  return [...wrap(`Gap report: ${bank![1]}`).map((l) => c.bold(l)), ...wrapParts(facts.map(([name, value]) => `${name}: ${value}`))];
}

function summaryLines(ctx: Context): string[] {
  const { d, c } = ctx;
  const list = (title: string, lines: string[], none: string) => ['', c.bold(`  ${title}`), ...(lines.length === 0 ? [`    ${none}`] : lines.flatMap((line) => wrap(line, WIDTH, '       ', '    ')))];
  return [
    ...heading(ctx, 'SUMMARY (0–100)'),
    ...summary(d).map(([name, value]) => `  ${padEnd(name, 14)}${meter(ctx, value, 40)}`),
    ...list('Top gaps', topGaps(d, Math.min(SUMMARY_COUNT, ctx.top)).map((item, i) => `${i + 1}. ${item.title}: ${problemText(item)}`), noGapsText(d)),
    ...list('Worst ownership problems', worstOwnership(d, SUMMARY_COUNT).map((item) => `${item.title}: ${ownerText(item)}`), NONE.ownership),
    ...(isTeam(d) ? list('Widest disagreements', topDisagreements(d, Math.min(SUMMARY_COUNT, ctx.top)).map((x) => `${itemTitle(d, x.id)}: ${axisText(x)}`), NONE.disagreements) : []),
  ];
}

function functionLines(ctx: Context): string[] {
  const { d, c } = ctx;
  const columns = `${padEnd('FUNCTIONS AND AREAS', 25)}${padEnd('capability', 18)}${padEnd('capacity', 18)}readiness`;
  const out = ['', c.bold(columns)];
  for (const f of shownFunctions(d)) {
    out.push(`  ${padEnd(groupName(d, f.id), 22)} ${[f.capability, f.capacity, f.readiness].map((v) => meter(ctx, v, 10)).join('  ')}`);
  }
  out.push('');
  for (const a of d.areas) out.push(`  ${padEnd(a.title, 22)} ${[a.capability, a.capacity, a.readiness].map((v) => meter(ctx, v, 10)).join('  ')}`);
  out.push('', c.bold('  Interlock health by direction'));
  for (const dir of directions(d)) out.push(`  ${padEnd(dir.name, 54)} ${meter(ctx, dir.health, 16)}`);
  return out;
}

const CELL = 38;
const CELL_LINES = 6;

function cell(items: ResponsibilityScore[]): string[] {
  if (items.length === 0) return ['  (none)'];
  const shown = items.length > CELL_LINES ? items.slice(0, CELL_LINES - 1) : items;
  const lines = shown.map((i) => `• ${truncate(i.title, CELL - 2)}`);
  if (shown.length < items.length) lines.push(`  +${items.length - shown.length} more`);
  return lines;
}

/** The capability × capacity map as a 2×2 grid: capability rises upward, capacity to the right. */
function mapLines(ctx: Context): string[] {
  const { d, c } = ctx;
  const byQuadrant = quadrantItems(d);
  const quadrant = (id: Quadrant) => QUADRANTS.find((q) => q.id === id)!;
  const tint: Record<Quadrant, (s: string) => string> = { strength: c.green, stretched: c.yellow, underskilled: c.yellow, critical: c.red };
  const row = (left: Quadrant, right: Quadrant): string[] => {
    const title = (id: Quadrant) => `${quadrant(id).name.toUpperCase()}: ${quadrant(id).meaning}`;
    const lefts = cell(byQuadrant.get(left)!);
    const rights = cell(byQuadrant.get(right)!);
    const lines = [`${tint[left](padEnd(title(left), CELL))} │ ${tint[right](truncate(title(right), CELL))}`];
    for (let i = 0; i < Math.max(lefts.length, rights.length); i++) lines.push(`${padEnd(lefts[i] ?? '', CELL)} │ ${rights[i] ?? ''}`.trimEnd());
    return lines;
  };
  const out = [...heading(ctx, 'CAPABILITY × CAPACITY MAP'), c.dim('  Top row: capability at target. Right column: capacity at target.'), ''];
  out.push(...row('stretched', 'strength'), `${'─'.repeat(CELL)}─┼─${'─'.repeat(CELL)}`, ...row('critical', 'underskilled'));
  const unrated = byQuadrant.get(null)!;
  if (unrated.length > 0) {
    // A partial run (one area) leaves most items unrated: name a few, the knowledge gaps list them all.
    const named = unrated.slice(0, UNRATED_NAMED).map((i) => truncate(i.title, 60));
    const rest = unrated.length - named.length;
    out.push('', ...wrap(`${NOT_RATED.name} (${NOT_RATED.meaning}): ${named.join(', ')}${rest > 0 ? ` and ${rest} more (see knowledge gaps)` : ''}`, WIDTH, '  '));
  }
  return out;
}

function gapLines(ctx: Context, item: ItemScore, rank: number): string[] {
  const { d, c } = ctx;
  const out = [`${c.bold(`${padStart(String(rank), 2)}. ${padEnd(item.title, 58)}`)} priority ${padStart(fmtMean(item.priority), 5)}`];
  out.push(...wrap(priorityFormula(item), WIDTH, '      ', '    ').map((l) => c.dim(l)));
  out.push(...wrapParts(itemFacts(d, item), WIDTH, '    '));
  if (item.kind === 'responsibility') out.push(...wrap(`Owner: ${ownerText(item)}`, WIDTH, '      ', '    '));
  for (const prompt of item.discussion) out.push(...wrap(prompt, WIDTH, '      ', '    • '));
  for (const n of item.notes) out.push(...wrap(`Note from ${n.respondent}: ${n.note}`, WIDTH, '      ', '    ').map((l) => c.italic(l)));
  return out;
}

/** A section that lists `items`, or says `none` when there are none. */
function listSection<T>(ctx: Context, title: string, items: T[], none: string, lines: (item: T, index: number) => string[]): string[] {
  return [...heading(ctx, title), ...(items.length === 0 ? [`  ${none}`] : items.flatMap(lines))];
}

function gapsLines(ctx: Context): string[] {
  const gaps = topGaps(ctx.d, ctx.top);
  const title = `TOP GAPS: THE AGENDA (${gaps.length} of ${ctx.d.gaps.length}, most urgent first)`;
  return listSection(ctx, title, gaps, noGapsText(ctx.d), (item, i) => [...(i > 0 ? [''] : []), ...gapLines(ctx, item, i + 1)]);
}

const BLANK = '_'.repeat(14);

function planLines(ctx: Context): string[] {
  const lines = listSection(ctx, 'ACTION PLAN', actionPlan(ctx.d, ctx.top), noGapsText(ctx.d), (row) => [
    '',
    `${padStart(String(row.rank), 4)}. ${truncate(row.title, WIDTH - 6)}`,
    ...wrap(row.problem, WIDTH, '      '),
    `      Decision owner: ${BLANK}  Next step: ${BLANK}  Due: ${BLANK.slice(0, 8)}`,
  ]);
  return lines.length > 3 ? [...lines.slice(0, 2), ...wrap(PLAN_INTRO, WIDTH, '  '), ...lines.slice(2)] : lines;
}

function ownershipLines(ctx: Context): string[] {
  return listSection(ctx, 'OWNERSHIP PROBLEMS', ownershipProblems(ctx.d), NONE.ownership, (item) => [
    `  ${truncate(item.title, WIDTH - 2)}`,
    ...wrapParts([ownerText(item), `votes ${votesText(item.owner.votes)}`], WIDTH, '    '),
  ]);
}

function interlockLines(ctx: Context): string[] {
  return listSection(ctx, 'INTERLOCK DELIVERY', directions(ctx.d), NONE.interlock, (dir) => [
    `  ${padEnd(dir.name, 56)} ${meter(ctx, dir.health, 15)}`,
    ...dir.items.map((item) => `    ${padEnd(item.title, 42)} delivery ${padStart(fmtMean(item.delivery), 4)}  ${meter(ctx, item.health, 10)}`),
  ]);
}

function respondentLines(ctx: Context): string[] {
  const row = (name: string, role: string, coverage: string) => `  ${padEnd(name, 44)} ${padEnd(role, 14)} ${padStart(coverage, 8)}`;
  const listed = ctx.d.respondents.slice(0, LISTED_RESPONDENTS);
  const more = moreInJson(listed.length, ctx.d.respondents.length, 'respondents');
  return [...heading(ctx, 'RESPONDENTS'), row('Name', 'Role', 'Coverage'), ...listed.map((r) => row(respondentName(r), label(r.role), fmtIndex(r.coverage))), ...(more ? [`  ${more}`] : [])];
}

function disagreementLines(ctx: Context): string[] {
  const { d } = ctx;
  const shown = topDisagreements(d, ctx.top);
  const more = moreInJson(shown.length, d.disagreements.length, 'disagreements');
  const lines = listSection(ctx, 'DISAGREEMENTS (answers 2 or more levels apart, contested owners)', shown, NONE.disagreements, (item) => [
    ...wrap(`${itemTitle(d, item.id)} · ${axisText(item)}`, WIDTH, '    ', '  '),
    ...answersText(item).flatMap((group) => wrap(group, WIDTH, '       ', '    ')),
  ]);
  return more ? [...lines, `  ${more}`] : lines;
}

function perceptionLines(ctx: Context): string[] {
  const { d } = ctx;
  return listSection(ctx, 'PERCEPTION GAPS (capability: the function rating itself vs everyone else)', d.perception, NONE.perception, (p) => [
    `  ${padEnd(d.functionNames[p.function], 30)} self ${padStart(fmtIndex(p.self), 5)}   others ${padStart(fmtIndex(p.others), 5)}   gap ${padStart(fmtSigned(p.gap, fmtIndex), 6)}`,
    ...p.items.map((i) => `    ${padEnd(itemTitle(d, i.id), 36)} self ${fmtMean(i.self)}   others ${fmtMean(i.others)}   ${padStart(fmtSigned(i.difference, fmtMean), 6)}`),
  ]);
}

/** A list section with a dimmed line of explanation under its heading. */
function introduced(ctx: Context, intro: string, [blank = '', title = '', ...rest]: string[]): string[] {
  return [blank, title, ...wrap(intro, WIDTH, '  ', '  ').map((l) => ctx.c.dim(l)), ...rest];
}

function handoffLines(ctx: Context): string[] {
  const lines = listSection(ctx, 'HANDOFF PERCEPTION (delivery: giver vs receiver)', handoffRows(ctx.d), HANDOFF_NONE, ([title, direction, giver, receiver, difference]) => [
    ...wrap(`${title} · ${direction}`, WIDTH, '    ', '  '),
    `    giver ${giver}   receiver ${receiver}   difference ${difference}`,
  ]);
  return introduced(ctx, HANDOFF_INTRO, lines);
}

function evidenceLines(ctx: Context): string[] {
  const lines = listSection(ctx, 'CLAIMS WITHOUT EVIDENCE (capability 3 or more)', evidenceRows(ctx.d), EVIDENCE_NONE, ([title, share, who]) => [
    `  ${padEnd(title, 56)} ${padStart(share, 6)} unevidenced`,
    ...wrap(who, WIDTH, '      ', '    '),
  ]);
  return introduced(ctx, EVIDENCE_INTRO, lines);
}

function knowledgeLines(ctx: Context): string[] {
  const { d } = ctx;
  const { unknown, unanswered } = d.knowledgeGaps;
  const of = (count: number) => `by ${count} of ${d.respondents.length}`;
  const lines = [
    ...(unknown.length > 0 ? ['  Don’t know (item, axis, respondents):'] : []),
    ...unknown.map((u) => `    ${padEnd(itemTitle(d, u.id), 50)} ${padEnd(u.axis, 11)} ${of(u.count)}`),
    ...(unanswered.length > 0 ? ['  Unanswered (item, respondents):'] : []),
    ...unanswered.map((u) => `    ${padEnd(itemTitle(d, u.id), 62)} ${of(u.respondents)}`),
  ];
  return listSection(ctx, 'KNOWLEDGE GAPS', lines, NONE.knowledge, (line) => [line]);
}

function scoringLines(ctx: Context): string[] {
  return [...heading(ctx, 'HOW THIS IS SCORED'), ...SCORING.flatMap((line) => wrap(line, WIDTH, '    ', '  • ').map((l) => ctx.c.dim(l)))];
}

export function renderReportTerminal(d: Diagnosis, opts: { color: boolean; top: number }): string {
  const ctx: Context = { d, c: makeColors(opts.color), top: opts.top };
  const sections: Record<SectionId, () => string[]> = {
    summary: () => summaryLines(ctx),
    groups: () => functionLines(ctx),
    map: () => mapLines(ctx),
    agenda: () => gapsLines(ctx),
    plan: () => planLines(ctx),
    ownership: () => ownershipLines(ctx),
    interlock: () => interlockLines(ctx),
    respondents: () => respondentLines(ctx),
    disagreements: () => disagreementLines(ctx),
    // The spread of answers is drawn in the HTML report; the terminal lists the disagreements.
    answers: () => [],
    handoff: () => handoffLines(ctx),
    perception: () => perceptionLines(ctx),
    evidence: () => evidenceLines(ctx),
    knowledge: () => knowledgeLines(ctx),
    scoring: () => scoringLines(ctx),
  };
  return `${[headerLines(ctx), ...reportSections(d).map((id) => sections[id]())].flat().join('\n')}\n`;
}
