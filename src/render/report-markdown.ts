import type { Diagnosis, ItemScore } from '../model.js';
import { fmtIndex, fmtMean, fmtSigned } from './layout.js';
import { mdCell, mdTable, mdText, mermaidLabel } from './markdown-escape.js';
import { EVIDENCE_INTRO, EVIDENCE_NONE, HANDOFF_INTRO, HANDOFF_NONE, evidenceRows, handoffRows } from './report-scope.js';
import { NONE, NOT_RATED, QUADRANTS, SCORING, LISTED_RESPONDENTS, answersText, axisText, moreInJson, topDisagreements, directions, groupName, header, isTeam, itemFacts, itemTitle, label, ownershipProblems, ownerText, priorityFormula, quadrantItems, respondentName, statusText, summary, topGaps, votesText } from './report-view.js';

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
  return ['# Gap report', header(d).map(([name, value]) => `- **${name}:** ${mdText(value)}`).join('\n')];
}

function summaryBlock(d: Diagnosis): Block {
  return section(
    'Summary',
    'Scores run from 0 to 100; "How this is scored" at the end explains each.',
    table(['Measure', 'Score'], summary(d).map(([name, value]) => [name, fmtIndex(value)]), [1]),
  );
}

function functionsBlock(d: Diagnosis): Block {
  return section(
    'Functions',
    table(['Function', 'Capability', 'Capacity', 'Readiness'], d.functions.map((f) => [mdCell(groupName(d, f.id)), fmtIndex(f.capability), fmtIndex(f.capacity), fmtIndex(f.readiness)]), [1, 2, 3]),
    table(['Interlock direction', 'Health'], directions(d).map((dir) => [mdCell(dir.name), fmtIndex(dir.health)]), [1]),
  );
}

/**
 * Where a value sits on the chart's axis. Mermaid always splits the chart in the middle, so the
 * item's own target is put there: the quadrant a point is drawn in is the quadrant it is in.
 * Values below the target fill 0–0.45 and values at or above it 0.55–1, keeping points off the line.
 */
export function chartPosition(value: number, target: number): string {
  const below = target > 1 ? (0.45 * (value - 1)) / (target - 1) : 0;
  const above = target < 5 ? 0.55 + (0.45 * (value - target)) / (5 - target) : 1;
  const position = Math.max(0, Math.min(1, value < target ? below : above)).toFixed(2);
  // Mermaid's grammar reads a coordinate as `1` or `0.dd`: "1.00" would not parse.
  return position === '1.00' ? '1' : position;
}

function mermaidChart(d: Diagnosis): string {
  const points = d.items.flatMap((item, i) => {
    if (item.kind !== 'responsibility' || item.capability === null || item.capacity === null) return [];
    const name = mermaidLabel(item.title) || `Item ${i + 1}`;
    return [`    "${name}": [${chartPosition(item.capacity, item.target)}, ${chartPosition(item.capability, item.target)}]`];
  });
  const lines = [
    '```mermaid',
    'quadrantChart',
    '    title Capability and capacity against the target',
    '    x-axis Capacity below target --> Capacity at target',
    '    y-axis Capability below target --> Capability at target',
    '    quadrant-1 Strength',
    '    quadrant-2 Stretched',
    '    quadrant-3 Critical',
    '    quadrant-4 Underskilled',
    ...points,
    '```',
  ];
  return lines.join('\n');
}

function mapBlock(d: Diagnosis): Block {
  const byQuadrant = quadrantItems(d);
  const names = (id: (typeof QUADRANTS)[number]['id'] | null) =>
    byQuadrant
      .get(id)!
      .map((i) => `${mdCell(i.title)} (${fmtMean(i.capability)}, ${fmtMean(i.capacity)})`)
      .join(', ') || 'none';
  const rows = [...QUADRANTS.map((q) => [q.name, q.meaning, names(q.id)]), [NOT_RATED.name, NOT_RATED.meaning, names(null)]];
  return section(
    'Capability × capacity map',
    mermaidChart(d),
    'The middle lines stand for each item’s target, so a point is drawn in its own quadrant. The same map as a table, with (capability, capacity) means:',
    table(['Quadrant', 'Meaning', 'Responsibilities'], rows),
  );
}

function gapItem(d: Diagnosis, item: ItemScore, rank: number): string {
  const marker = `${rank}. `;
  const indent = ' '.repeat(marker.length);
  const lines = [`${marker}**${mdText(item.title.trim()) || mdText(item.id)}**, priority ${fmtMean(item.priority)}: ${priorityFormula(item)}`, `${indent}- ${mdText(itemFacts(d, item).join(' · '))}`];
  if (item.kind === 'responsibility') {
    lines.push(`${indent}- Owner: ${mdText(ownerText(item))}`);
  }
  if (item.discussion.length > 0) lines.push(`${indent}- Discuss:`, ...item.discussion.map((p) => `${indent}  - ${mdText(p)}`));
  lines.push(...item.notes.map((n) => `${indent}- Note from ${mdText(n.respondent)}: ${mdText(n.note)}`));
  return lines.join('\n');
}

function gapsBlock(d: Diagnosis, top: number): Block {
  const gaps = topGaps(d, top);
  if (d.gaps.length === 0) return section('Top gaps: the agenda', NONE.gaps);
  return section('Top gaps: the agenda', `The ${gaps.length} most urgent of ${d.gaps.length} gaps, with the numbers behind each priority and prompts for the conversation.`, ...(gaps.length > 0 ? [gaps.map((item, i) => gapItem(d, item, i + 1)).join('\n')] : []));
}

function ownershipBlock(d: Diagnosis): Block {
  const problems = ownershipProblems(d);
  if (problems.length === 0) return section('Ownership problems', NONE.ownership);
  const rows = problems.map((i) => [i.title, label(i.owner.recommended), label(i.owner.consensus), statusText(i.owner), votesText(i.owner.votes)].map(mdCell));
  return section('Ownership problems', table(['Responsibility', 'Recommended', 'Consensus', 'Status', 'Votes'], rows));
}

function interlockBlock(d: Diagnosis): Block {
  const rows = directions(d).flatMap((dir) => dir.items.map((i) => [mdCell(dir.name), mdCell(i.title), String(i.weight), fmtMean(i.delivery), fmtIndex(i.health)]));
  return section('Interlock delivery', rows.length === 0 ? NONE.interlock : table(['Direction', 'Deliverable', 'Weight', 'Delivery', 'Health'], rows, [2, 3, 4]));
}

function teamBlocks(d: Diagnosis, top: number): Block {
  const listed = d.respondents.slice(0, LISTED_RESPONDENTS);
  const respondents = [
    table(['Respondent', 'Role', 'Coverage'], listed.map((r) => [mdCell(respondentName(r)), mdCell(label(r.role)), fmtIndex(r.coverage)]), [2]),
    moreInJson(listed.length, d.respondents.length, 'respondents'),
  ].filter((x): x is string => x !== undefined);
  const shown = topDisagreements(d, top);
  const disagreements = [
    d.disagreements.length === 0
      ? NONE.disagreements
      : table(['Item', 'Axis', 'Who said what'], shown.map((item) => [mdCell(itemTitle(d, item.id)), axisText(item), mdCell(answersText(item).join('; '))])),
    moreInJson(shown.length, d.disagreements.length, 'disagreements'),
  ].filter((x): x is string => x !== undefined);
  const perception =
    d.perception.length === 0
      ? [NONE.perception]
      : [
          table(['Function', 'Self', 'Others', 'Gap'], d.perception.map((p) => [mdCell(d.functionNames[p.function]), fmtIndex(p.self), fmtIndex(p.others), fmtSigned(p.gap, fmtIndex)]), [1, 2, 3]),
          table(
            ['Function', 'Item', 'Self', 'Others', 'Difference'],
            d.perception.flatMap((p) => p.items.map((i) => [mdCell(d.functionNames[p.function]), mdCell(itemTitle(d, i.id)), fmtMean(i.self), fmtMean(i.others), fmtSigned(i.difference, fmtMean)])),
            [2, 3, 4],
          ),
        ];
  return [
    ...section('Respondents', ...respondents),
    ...section('Disagreements', 'Answers 2 or more levels apart on one axis, and contested owners; the widest spreads first.', ...disagreements),
    ...section('Perception gaps', 'Capability of each function’s items as rated by that function itself, against everyone else.', ...perception),
  ];
}

function handoffBlock(d: Diagnosis): Block {
  const rows = handoffRows(d).map((row) => row.map(mdCell));
  return section('Handoff perception', HANDOFF_INTRO, rows.length === 0 ? HANDOFF_NONE : table(['Handoff', 'Direction', 'Giver', 'Receiver', 'Difference'], rows, [2, 3, 4]));
}

function evidenceBlock(d: Diagnosis): Block {
  const rows = evidenceRows(d).map((row) => row.map(mdCell));
  return section('Claims without evidence', EVIDENCE_INTRO, rows.length === 0 ? EVIDENCE_NONE : table(['Responsibility', 'Unevidenced', 'Respondents'], rows, [1]));
}

function knowledgeBlock(d: Diagnosis): Block {
  const { unknown, unanswered } = d.knowledgeGaps;
  if (unknown.length === 0 && unanswered.length === 0) return section('Knowledge gaps', NONE.knowledge);
  const rows = [
    ...unknown.map((u) => [mdCell(itemTitle(d, u.id)), `"don’t know" on ${u.axis}`, String(u.count)]),
    ...unanswered.map((u) => [mdCell(itemTitle(d, u.id)), 'unanswered', String(u.respondents)]),
  ];
  return section('Knowledge gaps', table(['Item', 'What is missing', 'Respondents'], rows, [2]));
}

const scoringBlock = (): Block => section('How this is scored', SCORING.map((line) => `- ${line}`).join('\n'));

export function renderReportMarkdown(d: Diagnosis, opts: { top: number }): string {
  const blocks = [
    headerBlock(d),
    summaryBlock(d),
    functionsBlock(d),
    mapBlock(d),
    gapsBlock(d, opts.top),
    ownershipBlock(d),
    interlockBlock(d),
    ...(isTeam(d) ? [handoffBlock(d), teamBlocks(d, opts.top)] : []),
    evidenceBlock(d),
    knowledgeBlock(d),
    scoringBlock(),
  ];
  // One blank line between blocks: markdownlint wants headings, tables, lists and fences set apart.
  return `${blocks.flat().join('\n\n')}\n`;
}
