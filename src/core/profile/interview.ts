import { makeColors } from '../render/colors.js';
import { wrap } from '../render/layout.js';
import { mdText } from '../render/markdown-escape.js';
import { safeLine } from '../text.js';
import { serializeProfileAnswers } from './serialize.js';
import type { Dimension, ProfileBank } from './schema.js';
import { GUIDE_NOTE } from './view.js';

// `profile interview`: for each dimension, behavioural questions, what an inbound and an outbound
// answer sound like, follow-ups that tell a real tendency from a rehearsed one, and what each side
// is good at; then a scoring sheet, a profile answers file (`rater: interviewer`) the interviewer
// fills in. This guide, not the self-report, is the part of the profile meant for a hiring loop.

const HOW_TO =
  'Ask every candidate each dimension\'s questions and let them tell a real story; use the follow-ups when an answer sounds rehearsed or general. Listen for which way the story leans, not for the words "product" or "marketing": both sides use evidence, and both sides talk to customers. Afterwards, fill in the scoring sheet: for each pair, a or b for the statement the stories clearly showed, and leave it empty when it never came up or the stories showed both alike.';

export function sheetHeader(bank: ProfileBank, file = 'sheet.yaml'): string[] {
  return [
    `Scoring sheet for the profile "${bank.id}" (pm-diag profile interview).`,
    "Fill in each pair with a or b, the statement the candidate's stories showed;",
    'leave it empty when it did not come up or both showed alike.',
    `Then: pm-diag profile --answers ${file}`,
  ];
}

/** The scoring sheet for these dimensions: an interviewer's answers file, every pair empty, its prompt and statements as comments. */
export function scoringSheet(bank: ProfileBank, dimensions: readonly Dimension[], file?: string): string {
  return serializeProfileAnswers(bank, { name: null, answers: new Map() }, sheetHeader(bank, file), {
    rater: 'interviewer',
    dimensions: dimensions.map((d) => d.id),
  });
}

interface Section {
  title: string;
  lines: string[];
}

function sections(d: Dimension): Section[] {
  return [
    { title: 'Ask', lines: d.interview.questions },
    { title: 'An inbound answer sounds like', lines: d.interview['inbound-sounds-like'] },
    { title: 'An outbound answer sounds like', lines: d.interview['outbound-sounds-like'] },
    { title: 'Follow-ups that separate a real tendency from a rehearsed answer', lines: d.interview['follow-ups'] },
    {
      title: 'What each is good at, and what to pair it with',
      lines: [
        `Inbound: ${d.inbound['good-at']} Pair with: ${d.inbound['pair-with']}`,
        `Outbound: ${d.outbound['good-at']} Pair with: ${d.outbound['pair-with']}`,
      ],
    },
  ];
}

export function renderInterviewTerminal(bank: ProfileBank, dimensions: readonly Dimension[], color: boolean): string {
  const c = makeColors(color);
  const width = 80;
  const lines = [
    ...wrap(`INTERVIEW GUIDE · ${bank.title}`, width).map((l) => c.bold(l)),
    ...wrap(HOW_TO, width, '  ', '  '),
    '',
    ...wrap(GUIDE_NOTE, width, '  ', '  ').map((l) => c.bold(l)),
  ];
  dimensions.forEach((d, i) => {
    lines.push(
      '',
      c.bold(
        `── ${i + 1}. ${safeLine(d.title)} (${d.id}) ${'─'.repeat(Math.max(2, 70 - d.title.length - d.id.length))}`,
      ),
    );
    if (d.description) lines.push(...wrap(d.description, width, '  ', '  '));
    for (const s of sections(d)) {
      lines.push('', `  ${c.bold(s.title)}`);
      for (const line of s.lines) lines.push(...wrap(line, width, '      ', '    • '));
    }
  });
  lines.push(
    '',
    c.bold('SCORING SHEET'),
    ...wrap(
      'Save it as sheet.yaml (or write it with --sheet FILE), fill it in, then: pm-diag profile --answers sheet.yaml',
      width,
      '  ',
      '  ',
    ),
    '',
    scoringSheet(bank, dimensions).trimEnd(),
  );
  return `${lines.join('\n')}\n`;
}

export function renderInterviewMarkdown(bank: ProfileBank, dimensions: readonly Dimension[]): string {
  const sheet = scoringSheet(bank, dimensions).trimEnd();
  // A fence longer than any run of backticks in the sheet, so no bank text can close it.
  const fence = '`'.repeat(Math.max(3, ...[...sheet.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  const blocks = [`# Interview guide: ${mdText(bank.title)}`, mdText(HOW_TO), `> **${mdText(GUIDE_NOTE)}**`];
  dimensions.forEach((d, i) => {
    blocks.push(`## ${i + 1}. ${mdText(d.title)}`);
    if (d.description) blocks.push(mdText(d.description));
    for (const s of sections(d)) blocks.push(`**${s.title}:**`, s.lines.map((line) => `- ${mdText(line)}`).join('\n'));
  });
  blocks.push(
    '## Scoring sheet',
    'Save it as `sheet.yaml`, fill it in, then run `pm-diag profile --answers sheet.yaml`.',
    `${fence}yaml\n${sheet}\n${fence}`,
  );
  return `${blocks.join('\n\n')}\n`;
}
