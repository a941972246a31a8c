import { mdCell, mdTable, mdText } from '../render/markdown-escape.js';
import type { ProfileBank } from './schema.js';
import { isConclusive, type ProfileResult } from './score.js';
import { textStrip } from './strip.js';
import type { TeamResult } from './team.js';
import {
  BALANCE_MARK,
  CAVEAT,
  DIMENSIONS_NOTE,
  SCORING_NOTE,
  STYLES_NOTE,
  answeredText,
  answeredTotalText,
  consistencyCell,
  consistencyText,
  dimensionAdvice,
  fmtConfidence,
  fmtTendency,
  fmtWeight,
  labelText,
  memberLabel,
  memberMark,
  memberTendency,
  overallAdvice,
  raterText,
  reasonText,
  respondentLabel,
  styleLean,
  teamMarkers,
  unreadTendency,
} from './view.js';

// The profile and the team view as GitHub-flavoured markdown. The strip is a code block holding only
// our own characters (markers are digits, letters and Σ); every name and bank text is escaped.

const fence = (lines: string[]) => ['```text', ...lines, '```'].join('\n');

export function renderProfileMarkdown(bank: ProfileBank, r: ProfileResult): string {
  const conclusive = isConclusive(r);
  const advice = overallAdvice(bank, r.label);
  const why = reasonText(r);
  const blocks = [
    `# Profile: ${mdText(respondentLabel(r))}`,
    `> **${mdText(CAVEAT)}**`,
    [
      conclusive
        ? `- **Tendency:** ${fmtTendency(r.tendency)} (${labelText(r.label)})`
        : `- **Tendency:** inconclusive (${unreadTendency(r)})`,
      `- **Consistency:** ${mdText(consistencyText(r))}`,
      `- **Answered:** ${answeredTotalText(r)}`,
      `- **Profile:** ${mdText(bank.title)} (\`${bank.id}\` v${bank.version}), ${mdText(raterText(r))}`,
    ].join('\n'),
    ...(why ? [`**${mdText(why)}**`] : []),
    r.tendency === null
      ? 'No answers yet: nothing to place on the strip.'
      : conclusive
        ? fence(textStrip([{ tendency: r.tendency, mark: '●' }], 61, ''))
        : 'Inconclusive: not placed on the strip.',
    '## By dimension',
    mdText(DIMENSIONS_NOTE),
    mdTable(
      ['Dimension', 'Tendency', 'Label', 'Answered', 'Good at', 'Pair with'],
      r.dimensions.map((d) => {
        const lean = dimensionAdvice(bank, d);
        return [
          mdCell(d.title),
          fmtTendency(d.tendency),
          labelText(d.label),
          answeredText(d),
          lean ? mdCell(lean.goodAt) : '',
          lean ? mdCell(lean.pairWith) : '',
        ];
      }),
      ['left', 'right', 'left', 'right', 'left', 'left'],
    ),
    ...(r.styles.length
      ? [
          '## Other sides of working style',
          mdText(STYLES_NOTE),
          mdTable(
            ['Style', 'Left', 'Right', 'Score', 'Leans', 'Answered'],
            r.styles.map((s) => [
              mdCell(s.title),
              mdCell(s.left),
              mdCell(s.right),
              fmtTendency(s.score),
              mdCell(styleLean(s)),
              answeredText(s),
            ]),
            ['left', 'left', 'left', 'right', 'left', 'right'],
          ),
        ]
      : []),
    ...(advice
      ? [
          `## What this tendency is good at (${mdText(advice.name)})`,
          `${mdText(advice.summary)} ${mdText(advice.goodAt)}`,
          '## What to pair it with',
          mdText(advice.pairWith),
        ]
      : []),
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
    [
      `- **Balance:** ${fmtTendency(team.balance)} (${labelText(team.label)}), the mean of the conclusive tendencies (${BALANCE_MARK} on the strip)`,
      `- **Counted:** ${mdText(team.countSentence)}`,
    ].join('\n'),
    placed.length
      ? fence(textStrip(placed, 61, ''))
      : 'Nobody has a conclusive profile: nothing to place on the strip.',
    mdTable(
      ['#', 'Person', 'Tendency', 'Result', 'Consistency', 'Answered'],
      team.members.map((m, i) => [
        memberMark(i),
        mdCell(respondentLabel(m)),
        memberTendency(m),
        mdCell(isConclusive(m) ? labelText(m.label) : memberLabel(m)),
        consistencyCell(m),
        fmtConfidence(m.confidence),
      ]),
      ['right', 'left', 'right', 'left', 'right', 'right'],
    ),
    ...(team.capacity
      ? [
          '## Capacity gaps by accountable owner',
          "Σ weight × max(0, target − capacity) over each owner's responsibilities in the diagnosis.",
          mdTable(
            ['Owner', 'Capacity gaps'],
            Object.entries(team.capacity.byOwner).map(([owner, value]) => [mdCell(owner), fmtWeight(value)]),
            ['left', 'right'],
          ),
        ]
      : []),
    '## The next hire',
    mdText(team.sentence),
  ];
  return `${blocks.join('\n\n')}\n`;
}
