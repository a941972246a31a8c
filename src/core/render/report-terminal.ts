import type { Diagnosis, ItemScore, Quadrant, ResponsibilityScore } from '../score/model.js';
import { DECISIONS_TITLE, actionRows, charterSummary, decisionRows, decisionsIntro } from './charter-view.js';
import { makeColors, type Colors } from './colors.js';
import { WIDTH, bar, fmtIndex, fmtMean, fmtSigned, padEnd, padStart, truncate, wrap, wrapParts } from './layout.js';
import {
  EVIDENCE_INTRO,
  EVIDENCE_NONE,
  HANDOFF_INTRO,
  HANDOFF_NONE,
  evidenceRows,
  handoffRows,
} from './report-scope.js';
import { marksLegend, whyMissing, type Missing } from './marks.js';
import { receiversJudge } from '../score/diagnose.js';
import {
  perceptionLine,
  CHARTER_INTRO,
  CHARTER_TITLE,
  charterRows,
  decisionText,
  definitions,
  groupCells,
  itemMean,
  noteAuthor,
  noteGroups,
  NONE,
  shownFunctions,
  noGapsText,
  NOT_RATED,
  reportSections,
  type SectionId,
  tone,
  PLAN_INTRO,
  SUMMARY_COUNT,
  actionPlan,
  problemText,
  worstOwnership,
  QUADRANTS,
  scoring,
  LISTED_RESPONDENTS,
  PRACTICES_INTRO,
  deliveryText,
  practiceAreas,
  receiversRated,
  answersText,
  axisText,
  moreInJson,
  topDisagreements,
  directions,
  groupName,
  header,
  isTeam,
  itemFacts,
  itemTitle,
  label,
  ownerText,
  priorityFormula,
  quadrantItems,
  respondentName,
  summary,
  topGaps,
} from './report-view.js';

// The gap report for a terminal as wide as the terminal (60 to 120 columns; the command decides),
// bars coloured by how far a score is from the target. Every piece of text from the diagnosis goes
// through layout.ts, which makes it safe to print. Columns keep their 80-column widths from 80 on
// and narrow below it; the bars give way first, then the names.

const UNRATED_NAMED = 8;

interface Context {
  d: Diagnosis;
  c: Colors;
  top: number;
  /** Columns to fill: 60 to 120. */
  width: number;
  /** Below 80 columns: shorter bars and names. */
  narrow: boolean;
}

/** A bar and its value, coloured against the target's own score: green at it, yellow within a level, else red. A missing value shows why, in short. */
function meter(ctx: Context, value: number | null, width: number, missing: Missing = 'unanswered'): string {
  return `${tintOf(ctx, value)(bar(value, width))} ${padStart(fmtIndex(value, missing, true), 5)}`;
}

/** The legend for the short marks, under a table that shows "?" for "don't know". */
const legend = (ctx: Context, shown: readonly Missing[]): string[] =>
  shown.includes('unknown') ? wrap(marksLegend(true), ctx.width, '  ', '  ').map((l) => ctx.c.dim(l)) : [];

/** The reasons behind the values of a table that are missing. */
const missingShown = (cells: readonly { value: number | null; missing: Missing }[]): Missing[] =>
  cells.filter((c) => c.value === null).map((c) => c.missing);

function heading(ctx: Context, title: string): string[] {
  return ['', ...wrap(title, ctx.width, '  ', '').map((l) => ctx.c.bold(l))];
}

function headerLines({ d, c, width }: Context): string[] {
  const [bank, ...facts] = header(d);
  return [
    ...wrap(`Gap report: ${bank![1]}`, width).map((l) => c.bold(l)),
    ...wrapParts(
      facts.map(([name, value]) => `${name}: ${value}`),
      width,
    ),
  ];
}

function summaryLines(ctx: Context): string[] {
  const { d, c } = ctx;
  const list = (title: string, lines: string[], none: string) => [
    '',
    c.bold(`  ${title}`),
    ...(lines.length === 0
      ? wrap(none, ctx.width, '      ', '    ')
      : lines.flatMap((line) => wrap(line, ctx.width, '       ', '    '))),
  ];
  return [
    ...heading(ctx, 'SUMMARY (0–100)'),
    ...summary(d).map(
      ([name, value, missing]) => `  ${padEnd(name, 14)}${meter(ctx, value, Math.min(40, ctx.width - 22), missing)}`,
    ),
    ...legend(ctx, missingShown(summary(d).map(([, value, missing]) => ({ value, missing })))),
    ...list(
      'Top gaps',
      topGaps(d, Math.min(SUMMARY_COUNT, ctx.top)).map((item, i) => `${i + 1}. ${item.title}: ${problemText(d, item)}`),
      noGapsText(d),
    ),
    ...list(
      'Worst ownership problems',
      worstOwnership(d, SUMMARY_COUNT).map((item) => `${item.title}: ${ownerText(item)}`),
      NONE.ownership,
    ),
    ...(isTeam(d)
      ? list(
          'Widest disagreements',
          topDisagreements(d, Math.min(SUMMARY_COUNT, ctx.top)).map((x) => `${itemTitle(d, x.id)}: ${axisText(x)}`),
          NONE.disagreements,
        )
      : []),
    ...(perceptionLine(d) === undefined ? [] : list('Widest self-vs-others gap', [perceptionLine(d)!], '')),
    ...(charterSummary(d) === undefined ? [] : list('Our charter', [charterSummary(d)!], '')),
  ];
}

function functionLines(ctx: Context): string[] {
  const { d, c, width, narrow } = ctx;
  const barWidth = narrow ? 6 : 10;
  const name = Math.min(40, width - 7 - 3 * (barWidth + 6) - (narrow ? 0 : 3));
  const column = barWidth + 8;
  const columns = `${padEnd('FUNCTIONS AND AREAS', name + 3)}${padEnd('capability', column)}${padEnd('capacity', column)}readiness`;
  const missing: Missing[] = [];
  const row = (title: string, group: Parameters<typeof groupCells>[1], values: Parameters<typeof groupCells>[2]) => {
    const shown = groupCells(d, group, values, true);
    missing.push(...shown.flatMap((cell) => cell.missing ?? []));
    const meters = (['capability', 'capacity', 'readiness'] as const).map(
      (m, i) => `${tintOf(ctx, values[m])(bar(values[m], barWidth))} ${padStart(shown[i]!.text, 5)}`,
    );
    return `  ${padEnd(title, name)} ${meters.join('  ')}`;
  };
  const out = ['', c.bold(columns)];
  for (const f of shownFunctions(d)) out.push(row(groupName(d, f.id), { function: f.id }, f));
  out.push('');
  for (const a of d.areas) out.push(row(a.title, { area: a.id }, a));
  out.push(...legend(ctx, missing));
  const healthBar = narrow ? 10 : 16;
  out.push('', c.bold('  Interlock health by direction'));
  for (const dir of directions(d))
    out.push(
      `  ${padEnd(dir.name, Math.min(70, width - 4 - (healthBar + 6)))} ${meter(ctx, dir.health, healthBar, dir.missing)}`,
    );
  // Bank v3: each area's practices, after the table of functions and areas they count in.
  out.push(...practiceLines(ctx));
  return out;
}

/** Each area's practices with how often they hold (bank v3). */
function practiceLines(ctx: Context): string[] {
  const { c, width, narrow } = ctx;
  const areas = practiceAreas(ctx.d);
  if (areas.length === 0) return [];
  const barWidth = narrow ? 6 : 10;
  const out = [
    '',
    c.bold('  Practices by area (frequency, readiness)'),
    ...wrap(PRACTICES_INTRO, width, '  ', '  ').map((l) => c.dim(l)),
  ];
  for (const area of areas) {
    out.push(`  ${truncate(area.title, width - 2)}`);
    for (const item of area.items)
      out.push(
        `    ${padEnd(item.title, Math.min(56, width - 24 - barWidth))} ${padStart(itemMean(item, 'frequency', true), 4)}  ${meter(ctx, item.readiness, barWidth, whyMissing([item], 'readiness'))}`,
      );
  }
  return out;
}

const tintOf = ({ d, c }: Context, value: number | null) =>
  ({ good: c.green, near: c.yellow, low: c.red, none: c.dim })[tone(value, d.target)];

const CELL_LINES = 6;

/** A quadrant's width: half the line, at most 50 columns. */
const cellWidth = (ctx: Context) => Math.min(50, Math.floor((ctx.width - 3) / 2));

function cell(items: ResponsibilityScore[], width: number): string[] {
  if (items.length === 0) return ['  (none)'];
  const shown = items.length > CELL_LINES ? items.slice(0, CELL_LINES - 1) : items;
  const lines = shown.map((i) => `• ${truncate(i.title, width - 2)}`);
  if (shown.length < items.length) lines.push(`  +${items.length - shown.length} more`);
  return lines;
}

/** The capability × capacity map as a 2×2 grid: capability rises upward, capacity to the right. */
function mapLines(ctx: Context): string[] {
  const { d, c } = ctx;
  const byQuadrant = quadrantItems(d);
  const quadrant = (id: Quadrant) => QUADRANTS.find((q) => q.id === id)!;
  const tint: Record<Quadrant, (s: string) => string> = {
    strength: c.green,
    stretched: c.yellow,
    underskilled: c.yellow,
    critical: c.red,
  };
  const CELL = cellWidth(ctx);
  const row = (left: Quadrant, right: Quadrant): string[] => {
    const title = (id: Quadrant) => `${quadrant(id).name.toUpperCase()}: ${quadrant(id).meaning}`;
    const lefts = cell(byQuadrant.get(left)!, CELL);
    const rights = cell(byQuadrant.get(right)!, CELL);
    const lines = [`${tint[left](padEnd(title(left), CELL))} │ ${tint[right](truncate(title(right), CELL))}`];
    for (let i = 0; i < Math.max(lefts.length, rights.length); i++)
      lines.push(`${padEnd(lefts[i] ?? '', CELL)} │ ${rights[i] ?? ''}`.trimEnd());
    return lines;
  };
  const out = [
    ...heading(ctx, 'CAPABILITY × CAPACITY MAP'),
    ...wrap('Top row: capability at target. Right column: capacity at target.', ctx.width, '  ', '  ').map((l) =>
      c.dim(l),
    ),
    '',
  ];
  out.push(
    ...row('stretched', 'strength'),
    `${'─'.repeat(CELL)}─┼─${'─'.repeat(CELL)}`,
    ...row('critical', 'underskilled'),
  );
  const unrated = byQuadrant.get(null)!;
  if (unrated.length > 0) {
    // A partial run (one area) leaves most items unrated: name a few, the knowledge gaps list them all.
    const named = unrated
      .slice(0, UNRATED_NAMED)
      .map(
        (i) =>
          `${truncate(i.title, Math.min(60, ctx.width - 30))} (${itemMean(i, 'capability')}, ${itemMean(i, 'capacity')})`,
      );
    const rest = unrated.length - named.length;
    out.push(
      '',
      ...wrap(
        `${NOT_RATED.name} (${NOT_RATED.meaning}; capability, capacity): ${named.join(', ')}${rest > 0 ? ` and ${rest} more (see knowledge gaps)` : ''}`,
        ctx.width,
        '  ',
      ),
    );
  }
  return out;
}

function gapLines(ctx: Context, item: ItemScore, rank: number): string[] {
  const { d, c } = ctx;
  const W = ctx.width;
  const out = [
    `${c.bold(`${padStart(String(rank), 2)}. ${padEnd(item.title, Math.min(80, W - 22))}`)} priority ${padStart(fmtMean(item.priority), 5)}`,
  ];
  out.push(...wrap(priorityFormula(d, item), W, '      ', '    ').map((l) => c.dim(l)));
  out.push(...wrapParts(itemFacts(d, item), W, '    '));
  if (item.kind === 'responsibility') out.push(...wrap(`Owner: ${ownerText(item)}`, W, '      ', '    '));
  out.push(...wrap(`Decision: ${decisionText(d, item)}`, W, '      ', '    ').map((l) => c.bold(l)));
  for (const prompt of item.discussion) out.push(...wrap(prompt, W, '      ', '    • '));
  for (const n of item.notes)
    out.push(...wrap(`Note from ${noteAuthor(n)}: ${n.note}`, W, '      ', '    ').map((l) => c.italic(l)));
  return out;
}

/** A section that lists `items`, or says `none` when there are none. */
function listSection<T>(
  ctx: Context,
  title: string,
  items: T[],
  none: string,
  lines: (item: T, index: number) => string[],
  intro?: string,
): string[] {
  const explained = intro === undefined ? [] : wrap(intro, ctx.width, '  ', '  ').map((l) => ctx.c.dim(l));
  return [
    ...heading(ctx, title),
    ...explained,
    ...(items.length === 0 ? wrap(none, ctx.width, '    ', '  ') : items.flatMap(lines)),
  ];
}

function gapsLines(ctx: Context): string[] {
  const gaps = topGaps(ctx.d, ctx.top);
  const title = `TOP GAPS: THE AGENDA (${gaps.length} of ${ctx.d.gaps.length}, most urgent first)`;
  return listSection(ctx, title, gaps, noGapsText(ctx.d), (item, i) => [
    ...(i > 0 ? [''] : []),
    ...gapLines(ctx, item, i + 1),
  ]);
}

const BLANK = '_'.repeat(14);

function planLines(ctx: Context): string[] {
  const W = ctx.width;
  const lines = listSection(ctx, 'ACTION PLAN', actionPlan(ctx.d, ctx.top), noGapsText(ctx.d), (row) => [
    '',
    `${padStart(String(row.rank), 4)}. ${truncate(row.title, W - 6)}`,
    ...wrap(row.problem, W, '      '),
    ...wrap(`Decision: ${row.decision}`, W, '      '),
    ...wrapParts([`Owner: ${BLANK}`, `Next step: ${BLANK}`, `Due: ${BLANK.slice(0, 8)}`], W, '      ', '      ', '  '),
  ]);
  return lines.length > 3 ? [...lines.slice(0, 2), ...wrap(PLAN_INTRO, W, '  '), ...lines.slice(2)] : lines;
}

function charterLines(ctx: Context): string[] {
  const W = ctx.width;
  const rows = charterRows(ctx.d);
  const intro = CHARTER_INTRO(ctx.d);
  return listSection(
    ctx,
    CHARTER_TITLE.toUpperCase(),
    rows,
    NONE.ownership,
    (row, i) => [
      ...(i > 0 ? [''] : []),
      `  ${truncate(row.item.title, W - 2)}`,
      ...wrapParts(
        [`recommended ${row.recommended}`, `contributors ${row.contributors}`, `answers ${row.answers}`, row.status],
        W,
        '    ',
      ),
      ...wrap(`Decision: ${row.decision}`, W, '      ', '    '),
    ],
    intro,
  );
}

function decisionsLines(ctx: Context): string[] {
  const W = ctx.width;
  const c = ctx.d.charter!;
  const decisions = listSection(
    ctx,
    DECISIONS_TITLE.toUpperCase(),
    decisionRows(ctx.d),
    'No decision over an item in this report.',
    (row, i) => [
      ...(i > 0 ? [''] : []),
      `  ${truncate(row.title, W - 2)}`,
      ...wrapParts(
        [`decided ${row.decided}`, `contributors ${row.contributors}`, `recommended ${row.recommended}`],
        W,
        '    ',
      ),
      ...wrap(`answers ${row.answers}; follows the charter: ${row.follows}`, W, '      ', '    '),
      ...(row.note ? wrap(`Note: ${row.note}`, W, '      ', '    ') : []),
    ],
    decisionsIntro(c),
  );
  const actions = actionRows(ctx.d).flatMap((a) => [
    '',
    ...wrap(`${a.overdue ? ctx.c.bold(a.status) : a.status}: ${a.action}`, W, '      ', '  '),
    ...wrapParts([`item ${a.item}`, `owner ${a.owner}`, `due ${a.due}`], W, '      ', '      ', '  '),
  ]);
  return [...decisions, '', '  Actions (overdue first)', ...(actions.length === 0 ? ['    None.'] : actions)];
}

function definitionLines(ctx: Context): string[] {
  return [
    ...heading(ctx, 'DEFINITIONS'),
    ...definitions(ctx.d).flatMap(([term, meaning]) => wrap(`${term}: ${meaning}`, ctx.width, '      ', '    ')),
  ];
}

function interlockLines(ctx: Context): string[] {
  const { width, narrow } = ctx;
  const directionBar = narrow ? 9 : 15;
  const itemBar = narrow ? 6 : 10;
  // Bank v3 marks a delivery rated by the receivers: "2.50 (recv.)".
  const deliveryWidth = receiversJudge(ctx.d.bank) ? 12 : 4;
  const lines = listSection(ctx, 'INTERLOCK DELIVERY', directions(ctx.d), NONE.interlock, (dir) => [
    `  ${padEnd(dir.name, Math.min(80, width - 3 - (directionBar + 6)))} ${meter(ctx, dir.health, directionBar, dir.missing)}`,
    ...dir.items.map(
      (item) =>
        `    ${padEnd(item.title, Math.min(70, width - 18 - deliveryWidth - (itemBar + 6)))} delivery ${padStart(deliveryText(ctx.d, item, true), deliveryWidth)}  ${meter(ctx, item.health, itemBar, whyMissing([item], 'health'))}`,
    ),
  ]);
  const received = ctx.d.items.some((i) => i.kind === 'interlock' && receiversRated(ctx.d, i));
  return [
    ...lines,
    ...(received
      ? wrap(
          '(recv.) = the receivers’ rating: the delivery as the receiving function rates it.',
          width,
          '  ',
          '  ',
        ).map((l) => ctx.c.dim(l))
      : []),
    ...legend(
      ctx,
      missingShown(
        ctx.d.items.flatMap((i) =>
          i.kind === 'interlock' ? [{ value: i.delivery, missing: whyMissing([i], 'delivery') }] : [],
        ),
      ),
    ),
  ];
}

function respondentLines(ctx: Context): string[] {
  const row = (name: string, role: string, coverage: string) =>
    `  ${padEnd(name, Math.min(44, ctx.width - 26))} ${padEnd(role, 14)} ${padStart(coverage, 8)}`;
  const listed = ctx.d.respondents.slice(0, LISTED_RESPONDENTS);
  const more = moreInJson(listed.length, ctx.d.respondents.length, 'respondents');
  return [
    ...heading(ctx, 'RESPONDENTS'),
    row('Name', 'Role', 'Coverage'),
    ...listed.map((r) => row(respondentName(r), label(r.role), fmtIndex(r.coverage))),
    ...(more ? wrap(more, ctx.width, '  ', '  ') : []),
  ];
}

function disagreementLines(ctx: Context): string[] {
  const { d } = ctx;
  const shown = topDisagreements(d, ctx.top);
  const more = moreInJson(shown.length, d.disagreements.length, 'disagreements');
  const lines = listSection(
    ctx,
    'DISAGREEMENTS (answers 2 or more levels apart, contested owners)',
    shown,
    NONE.disagreements,
    (item) => [
      ...wrap(`${itemTitle(d, item.id)} · ${axisText(item)}`, ctx.width, '    ', '  '),
      ...answersText(item).flatMap((group) => wrap(group, ctx.width, '       ', '    ')),
    ],
  );
  return more ? [...lines, ...wrap(more, ctx.width, '  ', '  ')] : lines;
}

function perceptionLines(ctx: Context): string[] {
  const { d } = ctx;
  return listSection(
    ctx,
    'PERCEPTION GAPS (capability: the function rating itself vs everyone else)',
    d.perception,
    NONE.perception,
    (p) => [
      `  ${padEnd(d.functionNames[p.function], Math.min(30, ctx.width - 41))} self ${padStart(fmtIndex(p.self), 5)}   others ${padStart(fmtIndex(p.others), 5)}   gap ${padStart(fmtSigned(p.gap, fmtIndex), 6)}`,
      ...p.items.map(
        (i) =>
          `    ${padEnd(itemTitle(d, i.id), Math.min(36, ctx.width - 37))} self ${fmtMean(i.self)}   others ${fmtMean(i.others)}   ${padStart(fmtSigned(i.difference, fmtMean), 6)}`,
      ),
    ],
  );
}

function handoffLines(ctx: Context): string[] {
  return listSection(
    ctx,
    'HANDOFF PERCEPTION (delivery: giver vs receiver)',
    handoffRows(ctx.d),
    HANDOFF_NONE,
    ([title, direction, giver, receiver, difference]) => [
      ...wrap(`${title} · ${direction}`, ctx.width, '    ', '  '),
      `    giver ${giver}   receiver ${receiver}   difference ${difference}`,
    ],
    HANDOFF_INTRO,
  );
}

function evidenceLines(ctx: Context): string[] {
  const row = ([title, share, who]: [string, string, string]) => [
    `  ${padEnd(title, Math.min(56, ctx.width - 21))} ${padStart(share, 6)} unevidenced`,
    ...wrap(who, ctx.width, '      ', '    '),
  ];
  return listSection(
    ctx,
    'CLAIMS WITHOUT EVIDENCE (capability 3 or more)',
    evidenceRows(ctx.d),
    EVIDENCE_NONE,
    row,
    EVIDENCE_INTRO,
  );
}

function knowledgeLines(ctx: Context): string[] {
  const { d } = ctx;
  const { unknown, unanswered } = d.knowledgeGaps;
  const of = (count: number) => `by ${count} of ${d.respondents.length}`;
  const lines = [
    ...(unknown.length > 0 ? ['  Don’t know (item, axis, respondents):'] : []),
    ...unknown.map(
      (u) => `    ${padEnd(itemTitle(d, u.id), Math.min(50, ctx.width - 30))} ${padEnd(u.axis, 11)} ${of(u.count)}`,
    ),
    ...(unanswered.length > 0 ? ['  Unanswered (item, respondents):'] : []),
    ...unanswered.map((u) => `    ${padEnd(itemTitle(d, u.id), Math.min(62, ctx.width - 18))} ${of(u.respondents)}`),
  ];
  return listSection(ctx, 'KNOWLEDGE GAPS', lines, NONE.knowledge, (line) => [line]);
}

/** Every note, by item: the title and id, then each note with who wrote it. */
function notesLines(ctx: Context): string[] {
  return listSection(ctx, 'NOTES', noteGroups(ctx.d), NONE.notes, (group, i) => [
    ...(i > 0 ? [''] : []),
    ...wrap(`${group.title} (${group.id})`, ctx.width, '    ', '  '),
    ...group.notes.flatMap((n) => wrap(`${n.author}: ${n.note}`, ctx.width, '      ', '    ')),
  ]);
}

function scoringLines(ctx: Context): string[] {
  return [
    ...heading(ctx, 'HOW THIS IS SCORED'),
    ...scoring(ctx.d).flatMap((line) => wrap(line, ctx.width, '    ', '  • ').map((l) => ctx.c.dim(l))),
  ];
}

export function renderReportTerminal(d: Diagnosis, opts: { color: boolean; top: number; width?: number }): string {
  const width = opts.width ?? WIDTH;
  const ctx: Context = { d, c: makeColors(opts.color), top: opts.top, width, narrow: width < WIDTH };
  const sections: Record<SectionId, () => string[]> = {
    summary: () => summaryLines(ctx),
    groups: () => functionLines(ctx),
    map: () => mapLines(ctx),
    agenda: () => gapsLines(ctx),
    plan: () => planLines(ctx),
    charter: () => charterLines(ctx),
    decisions: () => decisionsLines(ctx),
    definitions: () => definitionLines(ctx),
    interlock: () => interlockLines(ctx),
    respondents: () => respondentLines(ctx),
    disagreements: () => disagreementLines(ctx),
    // The spread of answers is drawn in the HTML report; the terminal lists the disagreements.
    answers: () => [],
    handoff: () => handoffLines(ctx),
    perception: () => perceptionLines(ctx),
    evidence: () => evidenceLines(ctx),
    knowledge: () => knowledgeLines(ctx),
    notes: () => notesLines(ctx),
    scoring: () => scoringLines(ctx),
  };
  return `${[headerLines(ctx), ...reportSections(d).map((id) => sections[id]())].flat().join('\n')}\n`;
}
