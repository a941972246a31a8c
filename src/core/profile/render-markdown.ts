import { mdCell, mdTable, mdText } from '../render/markdown-escape.js';
import type { ProfileBank } from './schema.js';
import type { ProfileResult } from './score.js';
import { textStrip } from './strip.js';
import type { TeamResult } from './team.js';
import { BALANCE_MARK, CAVEAT, confidenceText, SCORING_NOTE, answeredText, dimensionAdvice, fmtConfidence, fmtTendency, fmtWeight, labelText, memberMark, overallAdvice, respondentLabel, teamMarkers } from './view.js';

// The profile and the team view as GitHub-flavoured markdown. The strip is a code block holding only
// our own characters (markers are digits, letters and Σ); every name and bank text is escaped.

const fence = (lines: string[]) => ['```text', ...lines, '```'].join('\n');

export function renderProfileMarkdown(bank: ProfileBank, r: ProfileResult): string {
  const advice = overallAdvice(bank, r.label);
  const blocks = [
    `# Profile: ${mdText(respondentLabel(r))}`,
    `> **${mdText(CAVEAT)}**`,
    [`- **Tendency:** ${fmtTendency(r.tendency)} (${labelText(r.label)})`, `- **Confidence:** ${confidenceText(r)}`, `- **Profile:** ${mdText(bank.title)} (\`${bank.id}\` v${bank.version})`].join('\n'),
    r.tendency === null ? 'No answers yet: nothing to place on the strip.' : fence(textStrip([{ tendency: r.tendency, mark: '●' }], 61, '')),
    '## By dimension',
    mdTable(
      ['Dimension', 'Tendency', 'Label', 'Answered', 'Good at', 'Pair with'],
      r.dimensions.map((d) => {
        const lean = dimensionAdvice(bank, d);
        return [mdCell(d.title), fmtTendency(d.tendency), labelText(d.label), answeredText(d), lean ? mdCell(lean.goodAt) : '', lean ? mdCell(lean.pairWith) : ''];
      }),
      ['left', 'right', 'left', 'right', 'left', 'left'],
    ),
    ...(advice ? [`## What this tendency is good at (${mdText(advice.name)})`, `${mdText(advice.summary)} ${mdText(advice.goodAt)}`, '## What to pair it with', mdText(advice.pairWith)] : []),
    '## How this is scored',
    mdText(SCORING_NOTE),
  ];
  return `${blocks.join('\n\n')}\n`;
}

export function renderTeamMarkdown(team: TeamResult): string {
  const placed = teamMarkers(team);
  const blocks = [
    `# Team profile: ${team.members.length} ${team.members.length === 1 ? 'person' : 'people'}`,
    `> **${mdText(CAVEAT)}**`,
    `- **Balance:** ${fmtTendency(team.balance)} (${labelText(team.label)}), the mean of everyone's tendency (${BALANCE_MARK} on the strip)`,
    placed.length ? fence(textStrip(placed, 61, '')) : 'Nobody has answered yet.',
    mdTable(
      ['#', 'Person', 'Tendency', 'Label', 'Confidence'],
      team.members.map((m, i) => [memberMark(i), mdCell(respondentLabel(m)), fmtTendency(m.tendency), labelText(m.label), fmtConfidence(m.confidence)]),
      ['right', 'left', 'right', 'left', 'right'],
    ),
    ...(team.capacity
      ? ['## Capacity gaps by accountable owner', 'Σ weight × max(0, target − capacity) over each owner\'s responsibilities in the diagnosis.', mdTable(['Owner', 'Capacity gaps'], Object.entries(team.capacity.byOwner).map(([owner, value]) => [mdCell(owner), fmtWeight(value)]), ['left', 'right'])]
      : []),
    '## The next hire',
    mdText(team.sentence),
  ];
  return `${blocks.join('\n\n')}\n`;
}
