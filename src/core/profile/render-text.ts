import { makeColors, type Colors } from '../render/colors.js';
import { padEnd, wrap } from '../render/layout.js';
import { safeLine } from '../text.js';
import type { ProfileBank } from './schema.js';
import { isConclusive, type ProfileResult } from './score.js';
import { miniStrip, textStrip } from './strip.js';
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
  memberMark,
  memberTendency,
  overallAdvice,
  raterText,
  reasonText,
  shortReason,
  respondentLabel,
  styleLean,
  teamMarkers,
  unreadTendency,
} from './view.js';

// The profile and the team view for a terminal: 80 columns, colour only when asked for.

const WIDTH = 80;
const TITLE_WIDTH = 34;

function heading(c: Colors, title: string): string[] {
  return ['', c.bold(title)];
}

function paragraph(text: string, indent = '  '): string[] {
  return wrap(text, WIDTH, indent, indent);
}

/** A labelled line whose text wraps under itself: `  Consistency  73 (13 of 15 …`. */
function field(name: string, text: string, c?: Colors): string[] {
  const lead = `  ${padEnd(name, 12)} `;
  const lines = wrap(text, WIDTH, ' '.repeat(lead.length), lead);
  return c ? [c.bold(lines[0]!), ...lines.slice(1)] : lines;
}

function dimensionLines(c: Colors, bank: ProfileBank, result: ProfileResult): string[] {
  return result.dimensions.flatMap((d) => {
    const advice = dimensionAdvice(bank, d);
    return [
      `  ${padEnd(d.title, TITLE_WIDTH)} ${miniStrip(d.tendency, 15)} ${fmtTendency(d.tendency).padStart(6)}  ${labelText(d.label)}`,
      ...wrap(`${answeredText(d)}.`, WIDTH, '      ', '      ').map((l) => c.dim(l)),
      ...(advice
        ? [
            ...wrap(`Good at: ${advice.goodAt}`, WIDTH, '        ', '      '),
            ...wrap(`Pair with: ${advice.pairWith}`, WIDTH, '        ', '      '),
          ]
        : []),
    ];
  });
}

function styleLines(c: Colors, result: ProfileResult): string[] {
  return result.styles.flatMap((s) => [
    `  ${padEnd(s.title, TITLE_WIDTH)} ${miniStrip(s.score, 15)} ${fmtTendency(s.score).padStart(6)}  ${styleLean(s)}`,
    ...wrap(`${s.left} (left) or ${s.right} (right); ${answeredText(s)}.`, WIDTH, '      ', '      ').map((l) =>
      c.dim(l),
    ),
  ]);
}

export function renderProfileTerminal(bank: ProfileBank, result: ProfileResult, color: boolean): string {
  const c = makeColors(color);
  const conclusive = isConclusive(result);
  const advice = overallAdvice(bank, result.label);
  const why = reasonText(result);
  const lines = [
    c.bold(`PROFILE · ${safeLine(respondentLabel(result))}`),
    ...wrap(`${bank.title} (${bank.id} v${bank.version}); ${raterText(result)}`, WIDTH, '  ', '  ').map((l) =>
      c.dim(l),
    ),
    '',
    ...paragraph(CAVEAT),
    '',
    conclusive
      ? `  Tendency     ${c.bold(fmtTendency(result.tendency))}  ${c.bold(labelText(result.label))}`
      : `  Tendency     ${c.bold('inconclusive')}  (${unreadTendency(result)})`,
    ...field('Consistency', consistencyText(result)),
    ...field('Answered', answeredTotalText(result)),
    ...(why ? ['', ...paragraph(why)] : []),
    '',
    ...(result.tendency === null
      ? ['  (no answers yet: nothing to place on the strip)']
      : conclusive
        ? textStrip([{ tendency: result.tendency, mark: '●' }])
        : ['  (inconclusive: not placed on the strip)']),
    ...heading(c, 'BY DIMENSION'),
    ...paragraph(DIMENSIONS_NOTE).map((l) => c.dim(l)),
    ...dimensionLines(c, bank, result),
    ...(result.styles.length
      ? [
          ...heading(c, 'OTHER SIDES OF WORKING STYLE'),
          ...paragraph(STYLES_NOTE).map((l) => c.dim(l)),
          ...styleLines(c, result),
        ]
      : []),
    ...(advice
      ? [
          ...heading(c, `WHAT THIS TENDENCY IS GOOD AT (${advice.name.toUpperCase()})`),
          ...paragraph(`${advice.summary} ${advice.goodAt}`),
          ...heading(c, 'WHAT TO PAIR IT WITH'),
          ...paragraph(advice.pairWith),
        ]
      : []),
    ...heading(c, 'HOW THIS IS SCORED'),
    ...paragraph(SCORING_NOTE).map((l) => c.dim(l)),
  ];
  return `${lines.join('\n')}\n`;
}

export function renderTeamTerminal(team: TeamResult, color: boolean): string {
  const c = makeColors(color);
  const placed = teamMarkers(team);
  const lines = [
    c.bold(`TEAM PROFILE · ${team.members.length} ${team.members.length === 1 ? 'person' : 'people'}`),
    '',
    ...paragraph(CAVEAT),
    '',
    `  Balance     ${c.bold(fmtTendency(team.balance))}  ${c.bold(labelText(team.label))} (${BALANCE_MARK}: the mean of the conclusive tendencies)`,
    ...paragraph(team.countSentence),
    '',
    ...(placed.length ? textStrip(placed) : ['  (nobody has a conclusive profile: nothing to place on the strip)']),
    ...heading(c, 'PEOPLE'),
    `  ${' '.repeat(2)}  ${padEnd('', 24)} ${'tendency'.padStart(8)}  ${padEnd('result', 17)} ${'consistency'.padStart(11)} ${'answered'.padStart(8)}`.trimEnd(),
    ...team.members.flatMap((m, i) => [
      `  ${memberMark(i).padStart(2)}  ${padEnd(respondentLabel(m), 24)} ${memberTendency(m).padStart(8)}  ${padEnd(isConclusive(m) ? labelText(m.label) : 'inconclusive', 17)} ${consistencyCell(m).padStart(11)} ${fmtConfidence(m.confidence).padStart(8)}`,
      ...(isConclusive(m)
        ? []
        : wrap(`left out: ${shortReason(m)}`, WIDTH, '        ', '        ').map((l) => c.dim(l))),
    ]),
    ...(team.capacity
      ? [
          ...heading(c, 'CAPACITY GAPS BY ACCOUNTABLE OWNER'),
          ...paragraph("Σ weight × max(0, target − capacity) over each owner's responsibilities in the diagnosis.").map(
            (l) => c.dim(l),
          ),
          ...Object.entries(team.capacity.byOwner).map(
            ([owner, value]) => `  ${padEnd(owner, 10)} ${fmtWeight(value).padStart(8)}`,
          ),
        ]
      : []),
    ...heading(c, 'THE NEXT HIRE'),
    ...paragraph(team.sentence),
  ];
  return `${lines.join('\n')}\n`;
}
