import {
  ACTION_COLUMNS,
  DECISIONS_TITLE,
  DECISION_COLUMNS,
  actionRows,
  charterSummary,
  decisionRows,
  decisionsIntro,
} from './charter-view.js';
import { pushAll } from '../lists.js';
import type { Diagnosis, ItemScore, Quadrant } from '../score/model.js';
import { fmtIndex, fmtMean, fmtSigned } from './layout.js';
import { mdCell, mdTable, mdText } from './markdown-escape.js';
import {
  perceptionLine,
  CHARTER_COLUMNS,
  CHARTER_INTRO,
  CHARTER_TITLE,
  QUADRANTS,
  charterRows,
  decisionText,
  definitions,
  mapQuadrants,
  knowledgeRows,
  groupCells,
  itemIndex,
  itemMean,
  noteAuthor,
  noteGroups,
  INTRO,
  NONE,
  shownFunctions,
  noGapsText,
  NOT_RATED,
  reportSections,
  type SectionId,
  mapPoints,
  PLAN_COLUMNS,
  PLAN_INTRO,
  SUMMARY_COUNT,
  actionPlan,
  problemText,
  worstOwnership,
  scoring,
  LISTED_RESPONDENTS,
  PRACTICES_INTRO,
  deliveryText,
  practiceAreas,
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
import {
  EVIDENCE_INTRO,
  EVIDENCE_NONE,
  HANDOFF_INTRO,
  HANDOFF_NONE,
  evidenceRows,
  handoffRows,
} from './report-scope.js';

// The gap report as GitHub-flavoured markdown, for a PR comment or a wiki page. Untrusted text goes
// through mdText (running text) or mdCell (table cells); headings carry only our own words, so a
// title cannot turn into a heading or break markdownlint's heading rules.

type Block = string[];

const section = (title: string, ...blocks: string[]): Block => [`## ${title}`, ...blocks];
const table = (header: string[], rows: string[][], numeric: number[] = []): string =>
  mdTable(
    header,
    rows,
    header.map((_, i) => (numeric.includes(i) ? 'right' : 'left')),
  );

function headerBlock(d: Diagnosis): Block {
  return [
    '# Gap report',
    header(d)
      .map(([name, value]) => `- **${name}:** ${mdText(value)}`)
      .join('\n'),
  ];
}

const shortList = (title: string, lines: string[], none: string, ordered = false): string =>
  `**${title}:**\n\n${lines.length === 0 ? none : lines.map((line, i) => `${ordered ? `${i + 1}.` : '-'} ${line}`).join('\n')}`;

function summaryBlock(d: Diagnosis, top: number): Block {
  const count = Math.min(SUMMARY_COUNT, top);
  const gaps = topGaps(d, count).map((item) => `${mdText(item.title)}: ${mdText(problemText(d, item))}`);
  const owners = worstOwnership(d, SUMMARY_COUNT).map((item) => `${mdText(item.title)}: ${mdText(ownerText(item))}`);
  const disagreements = topDisagreements(d, count).map((x) => `${mdText(itemTitle(d, x.id))}: ${mdText(axisText(x))}`);
  return section(
    'Summary',
    INTRO.scores,
    table(
      ['Measure', 'Score'],
      summary(d).map(([name, value, missing]) => [name, fmtIndex(value, missing)]),
      [1],
    ),
    shortList('Top gaps', gaps, noGapsText(d), true),
    shortList('Worst ownership problems', owners, NONE.ownership),
    ...(isTeam(d) ? [shortList('Widest disagreements', disagreements, NONE.disagreements)] : []),
    ...(perceptionLine(d) === undefined ? [] : [`**Widest self-vs-others gap:** ${mdText(perceptionLine(d)!)}`]),
    ...(charterSummary(d) === undefined ? [] : [`**Our charter:** ${mdText(charterSummary(d)!)}`]),
  );
}

function functionsBlock(d: Diagnosis): Block {
  const cells = (group: Parameters<typeof groupCells>[1], values: Parameters<typeof groupCells>[2]) =>
    groupCells(d, group, values).map((c) => c.text);
  return section(
    'Functions and areas',
    table(
      ['Function', 'Capability', 'Capacity', 'Readiness'],
      shownFunctions(d).map((f) => [mdCell(groupName(d, f.id)), ...cells({ function: f.id }, f)]),
      [1, 2, 3],
    ),
    table(
      ['Area', 'Capability', 'Capacity', 'Readiness'],
      d.areas.map((a) => [mdCell(a.title), ...cells({ area: a.id }, a)]),
      [1, 2, 3],
    ),
    ...practicesTable(d),
    table(
      ['Interlock direction', 'Health'],
      directions(d).map((dir) => [mdCell(dir.name), fmtIndex(dir.health, dir.missing)]),
      [1],
    ),
  );
}

/** Each area's practices with how often they hold (bank v3), or nothing. */
function practicesTable(d: Diagnosis): string[] {
  const rows = practiceAreas(d).flatMap((a) =>
    a.items.map((i) => [
      mdCell(a.title),
      mdCell(i.title),
      String(i.weight),
      mdCell(itemMean(i, 'frequency')),
      mdCell(itemIndex(i)),
    ]),
  );
  if (rows.length === 0) return [];
  return [PRACTICES_INTRO, table(['Area', 'Practice', 'Weight', 'Frequency', 'Readiness'], rows, [2, 3, 4])];
}

/** The capability × capacity map as a 2×2 table of names: no label can overlap another. */
function mapBlock(d: Diagnosis): Block {
  const byQuadrant = mapQuadrants(d);
  const unrated = quadrantItems(d).get(null)!;
  const cell = (q: Quadrant) => {
    const names = byQuadrant
      .get(q)!
      .map((p) => `${p.number}. ${mdCell(p.item.title)} (${fmtMean(p.item.capability)}, ${fmtMean(p.item.capacity)})`);
    const { name, meaning } = QUADRANTS.find((x) => x.id === q)!;
    // One line per cell: markdownlint allows no inline HTML, so no <br> between names.
    return `**${name}** (${meaning}): ${names.length === 0 ? 'none' : names.join(' · ')}`;
  };
  const rated = mapPoints(d).length > 0;
  return section(
    'Capability × capacity map',
    rated ? INTRO.mapTable : INTRO.noMap,
    ...(rated
      ? [
          table(
            ['', 'Capacity below target', 'Capacity at target'],
            [
              ['**Capability at target**', cell('stretched'), cell('strength')],
              ['**Capability below target**', cell('critical'), cell('underskilled')],
            ],
          ),
        ]
      : []),
    ...(unrated.length > 0
      ? [
          `${NOT_RATED.name} (${NOT_RATED.meaning}; capability, capacity): ${unrated.map((i) => `${mdText(i.title)} (${mdText(itemMean(i, 'capability'))}, ${mdText(itemMean(i, 'capacity'))})`).join(', ')}.`,
        ]
      : []),
  );
}

function gapItem(d: Diagnosis, item: ItemScore, rank: number): string {
  const marker = `${rank}. `;
  const indent = ' '.repeat(marker.length);
  const lines = [
    `${marker}**${mdText(item.title.trim()) || mdText(item.id)}**, priority ${fmtMean(item.priority)}: ${priorityFormula(d, item)}`,
    `${indent}- ${mdText(itemFacts(d, item).join(' · '))}`,
  ];
  if (item.kind === 'responsibility') {
    lines.push(`${indent}- Owner: ${mdText(ownerText(item))}`);
  }
  lines.push(`${indent}- **Decision:** ${mdText(decisionText(d, item))}`);
  if (item.discussion.length > 0)
    lines.push(`${indent}- Discuss:`, ...item.discussion.map((p) => `${indent}  - ${mdText(p)}`));
  pushAll(
    lines,
    item.notes.map((n) => `${indent}- Note from ${mdText(noteAuthor(n))}: ${mdText(n.note)}`),
  );
  return lines.join('\n');
}

function gapsBlock(d: Diagnosis, top: number): Block {
  const gaps = topGaps(d, top);
  if (gaps.length === 0) return section('Top gaps: the agenda', noGapsText(d));
  return section(
    'Top gaps: the agenda',
    INTRO.agenda(gaps.length, d.gaps.length),
    gaps.map((item, i) => gapItem(d, item, i + 1)).join('\n'),
  );
}

function planBlock(d: Diagnosis, top: number): Block {
  const rows = actionPlan(d, top);
  if (rows.length === 0) return section('Action plan', noGapsText(d));
  return section(
    'Action plan',
    PLAN_INTRO,
    table(
      PLAN_COLUMNS,
      rows.map((r) => [String(r.rank), mdCell(r.title), mdCell(r.problem), mdCell(r.decision), '', '', '']),
      [0],
    ),
  );
}

function charterBlock(d: Diagnosis): Block {
  const rows = charterRows(d);
  if (rows.length === 0) return section(CHARTER_TITLE, NONE.ownership);
  return section(
    CHARTER_TITLE,
    CHARTER_INTRO(d),
    table(
      CHARTER_COLUMNS,
      rows.map((r) => [r.item.title, r.recommended, r.contributors, r.answers, r.status, r.decision].map(mdCell)),
    ),
  );
}

function decisionsBlock(d: Diagnosis): Block {
  const decisions = decisionRows(d);
  const actions = actionRows(d);
  return section(
    DECISIONS_TITLE,
    mdText(decisionsIntro(d.charter!)),
    decisions.length === 0
      ? 'No decision over an item in this report.'
      : table(
          DECISION_COLUMNS,
          decisions.map((r) =>
            [
              r.title,
              r.decided,
              r.contributors,
              r.recommended,
              r.answers,
              r.follows + (r.note ? ` (note: ${r.note})` : ''),
            ].map(mdCell),
          ),
        ),
    '**Actions**, overdue first:',
    actions.length === 0
      ? 'None.'
      : table(
          ACTION_COLUMNS,
          actions.map((a) =>
            [a.item, a.action, a.owner, a.due, a.overdue ? `**${mdCell(a.status)}**` : mdCell(a.status)].map((v, i) =>
              i === 4 ? v : mdCell(v),
            ),
          ),
        ),
  );
}

const definitionsBlock = (d: Diagnosis): Block =>
  section(
    'Definitions',
    definitions(d)
      .map(([term, meaning]) => `- **${mdText(term)}**: ${mdText(meaning)}`)
      .join('\n'),
  );

function interlockBlock(d: Diagnosis): Block {
  const rows = directions(d).flatMap((dir) =>
    dir.items.map((i) => [
      mdCell(dir.name),
      mdCell(i.title),
      String(i.weight),
      mdCell(deliveryText(d, i)),
      mdCell(itemIndex(i)),
    ]),
  );
  return section(
    'Interlock delivery',
    rows.length === 0
      ? NONE.interlock
      : table(['Direction', 'Deliverable', 'Weight', 'Delivery', 'Health'], rows, [2, 3, 4]),
  );
}

function respondentsBlock(d: Diagnosis): Block {
  const listed = d.respondents.slice(0, LISTED_RESPONDENTS);
  const more = moreInJson(listed.length, d.respondents.length, 'respondents');
  return section(
    'Respondents',
    table(
      ['Respondent', 'Role', 'Coverage'],
      listed.map((r) => [mdCell(respondentName(r)), mdCell(label(r.role)), fmtIndex(r.coverage)]),
      [2],
    ),
    ...(more ? [more] : []),
  );
}

function disagreementsBlock(d: Diagnosis, top: number): Block {
  const shown = topDisagreements(d, top);
  const more = moreInJson(shown.length, d.disagreements.length, 'disagreements');
  const list =
    d.disagreements.length === 0
      ? NONE.disagreements
      : table(
          ['Item', 'Axis', 'Who said what'],
          shown.map((item) => [mdCell(itemTitle(d, item.id)), axisText(item), mdCell(answersText(item).join('; '))]),
        );
  return section('Disagreements', INTRO.disagreements, list, ...(more ? [more] : []));
}

function perceptionBlock(d: Diagnosis): Block {
  if (d.perception.length === 0) return section('Perception gaps', INTRO.perception, NONE.perception);
  return section(
    'Perception gaps',
    INTRO.perception,
    table(
      ['Function', 'Self', 'Others', 'Gap'],
      d.perception.map((p) => [
        mdCell(d.functionNames[p.function]),
        fmtIndex(p.self),
        fmtIndex(p.others),
        fmtSigned(p.gap, fmtIndex),
      ]),
      [1, 2, 3],
    ),
    table(
      ['Function', 'Item', 'Self', 'Others', 'Difference'],
      d.perception.flatMap((p) =>
        p.items.map((i) => [
          mdCell(d.functionNames[p.function]),
          mdCell(itemTitle(d, i.id)),
          fmtMean(i.self),
          fmtMean(i.others),
          fmtSigned(i.difference, fmtMean),
        ]),
      ),
      [2, 3, 4],
    ),
  );
}

function handoffBlock(d: Diagnosis): Block {
  const rows = handoffRows(d).map((row) => row.map(mdCell));
  return section(
    'Handoff perception',
    HANDOFF_INTRO,
    rows.length === 0
      ? HANDOFF_NONE
      : table(['Handoff', 'Direction', 'Giver', 'Receiver', 'Difference'], rows, [2, 3, 4]),
  );
}

function evidenceBlock(d: Diagnosis): Block {
  const rows = evidenceRows(d).map((row) => row.map(mdCell));
  return section(
    'Claims without evidence',
    EVIDENCE_INTRO,
    rows.length === 0 ? EVIDENCE_NONE : table(['Responsibility', 'Unevidenced', 'Respondents'], rows, [1]),
  );
}

function knowledgeBlock(d: Diagnosis): Block {
  const rows = knowledgeRows(d).map((row) => row.map(mdCell));
  if (rows.length === 0) return section('Knowledge gaps', NONE.knowledge);
  return section('Knowledge gaps', table(['Item', 'What is missing', 'Respondents'], rows, [2]));
}

/** Every note, by item, each with who wrote it. */
function notesBlock(d: Diagnosis): Block {
  const groups = noteGroups(d);
  if (groups.length === 0) return section('Notes', NONE.notes);
  return section(
    'Notes',
    ...groups.map(
      (g) =>
        `**${mdText(g.title)}** (${mdText(g.id)})\n\n${g.notes.map((n) => `- ${mdText(n.author)}: ${mdText(n.note)}`).join('\n')}`,
    ),
  );
}

const scoringBlock = (d: Diagnosis): Block =>
  section(
    'How this is scored',
    scoring(d)
      .map((line) => `- ${line}`)
      .join('\n'),
  );

export function renderReportMarkdown(d: Diagnosis, opts: { top: number }): string {
  const blocks: Record<SectionId, () => Block> = {
    summary: () => summaryBlock(d, opts.top),
    groups: () => functionsBlock(d),
    map: () => mapBlock(d),
    agenda: () => gapsBlock(d, opts.top),
    plan: () => planBlock(d, opts.top),
    charter: () => charterBlock(d),
    decisions: () => decisionsBlock(d),
    definitions: () => definitionsBlock(d),
    interlock: () => interlockBlock(d),
    respondents: () => respondentsBlock(d),
    disagreements: () => disagreementsBlock(d, opts.top),
    // The spread of answers is drawn in the HTML report; the markdown has the disagreements.
    answers: () => [],
    handoff: () => handoffBlock(d),
    perception: () => perceptionBlock(d),
    evidence: () => evidenceBlock(d),
    knowledge: () => knowledgeBlock(d),
    notes: () => notesBlock(d),
    scoring: () => scoringBlock(d),
  };
  // One blank line between blocks: markdownlint wants headings, tables, lists and fences set apart.
  return `${[headerBlock(d), ...reportSections(d).map((id) => blocks[id]())].flat().join('\n\n')}\n`;
}
