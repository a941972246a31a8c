import { makeColors, type Colors } from '../render/colors.js';
import { padEnd, wrap } from '../render/layout.js';
import { safeLine } from '../text.js';
import type { ProfileBank } from './schema.js';
import type { ProfileResult } from './score.js';
import { miniStrip, textStrip } from './strip.js';
import type { TeamResult } from './team.js';
import { BALANCE_MARK, CAVEAT, confidenceText, SCORING_NOTE, answeredText, dimensionAdvice, fmtConfidence, fmtTendency, fmtWeight, labelText, memberMark, overallAdvice, respondentLabel, teamMarkers } from './view.js';

// The profile and the team view for a terminal: 80 columns, colour only when asked for.

const WIDTH = 80;
const TITLE_WIDTH = 34;

function heading(c: Colors, title: string): string[] {
  return ['', c.bold(title)];
}

function paragraph(text: string, indent = '  '): string[] {
  return wrap(text, WIDTH, indent, indent);
}

function dimensionLines(c: Colors, bank: ProfileBank, result: ProfileResult): string[] {
  return result.dimensions.flatMap((d) => {
    const advice = dimensionAdvice(bank, d);
    return [
      `  ${padEnd(d.title, TITLE_WIDTH)} ${miniStrip(d.tendency, 15)} ${fmtTendency(d.tendency).padStart(6)}  ${labelText(d.label)}`,
      ...wrap(`${answeredText(d)}.`, WIDTH, '      ', '      ').map((l) => c.dim(l)),
      ...(advice ? [...wrap(`Good at: ${advice.goodAt}`, WIDTH, '        ', '      '), ...wrap(`Pair with: ${advice.pairWith}`, WIDTH, '        ', '      ')] : []),
    ];
  });
}

export function renderProfileTerminal(bank: ProfileBank, result: ProfileResult, color: boolean): string {
  const c = makeColors(color);
  const advice = overallAdvice(bank, result.label);
  const lines = [
    c.bold(`PROFILE · ${safeLine(respondentLabel(result))}`),
    ...wrap(`${bank.title} (${bank.id} v${bank.version})`, WIDTH, '  ', '  ').map((l) => c.dim(l)),
    '',
    ...paragraph(CAVEAT),
    '',
    `  Tendency    ${c.bold(fmtTendency(result.tendency))}  ${c.bold(labelText(result.label))}`,
    `  Confidence  ${confidenceText(result)}`,
    '',
    ...(result.tendency === null ? ['  (no answers yet: nothing to place on the strip)'] : textStrip([{ tendency: result.tendency, mark: '●' }])),
    ...heading(c, 'BY DIMENSION'),
    ...dimensionLines(c, bank, result),
    ...(advice
      ? [...heading(c, `WHAT THIS TENDENCY IS GOOD AT (${advice.name.toUpperCase()})`), ...paragraph(`${advice.summary} ${advice.goodAt}`), ...heading(c, 'WHAT TO PAIR IT WITH'), ...paragraph(advice.pairWith)]
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
    `  Balance     ${c.bold(fmtTendency(team.balance))}  ${c.bold(labelText(team.label))} (${BALANCE_MARK}: the mean of everyone's tendency)`,
    '',
    ...(placed.length ? textStrip(placed) : ['  (nobody has answered yet)']),
    ...heading(c, 'PEOPLE'),
    ...team.members.map((m, i) => `  ${memberMark(i).padStart(2)}  ${padEnd(respondentLabel(m), 28)} ${fmtTendency(m.tendency).padStart(6)}  ${padEnd(labelText(m.label), 18)} confidence ${fmtConfidence(m.confidence)}`),
    ...(team.capacity
      ? [
          ...heading(c, 'CAPACITY GAPS BY ACCOUNTABLE OWNER'),
          ...paragraph('Σ weight × max(0, target − capacity) over each owner\'s responsibilities in the diagnosis.').map((l) => c.dim(l)),
          ...Object.entries(team.capacity.byOwner).map(([owner, value]) => `  ${padEnd(owner, 10)} ${fmtWeight(value).padStart(8)}`),
        ]
      : []),
    ...heading(c, 'THE NEXT HIRE'),
    ...paragraph(team.sentence),
  ];
  return `${lines.join('\n')}\n`;
}
