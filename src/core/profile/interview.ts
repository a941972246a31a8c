import { makeColors } from '../render/colors.js';
import { wrap } from '../render/layout.js';
import { mdText } from '../render/markdown-escape.js';
import { safeLine } from '../text.js';
import { serializeProfileAnswers } from './serialize.js';
import type { Dimension, ProfileBank } from './schema.js';
import { CAVEAT } from './view.js';

// `profile interview`: for each dimension, behavioural questions, what an inbound and an outbound
// answer sound like, follow-ups that tell a real tendency from a rehearsed one, and what each side
// is good at; then a scoring sheet, a profile answers file the interviewer fills in.

const HOW_TO =
  'Ask each dimension\'s questions and let the candidate tell a real story; use the follow-ups when an answer sounds rehearsed or general. Listen for which way the story leans, not for the words "product" or "marketing". Afterwards, fill in the scoring sheet: for each item, inbound or outbound when the stories clearly showed one option, both when they showed both with equal weight, neither when neither fits, and leave it empty when it never came up.';

export function sheetHeader(bank: ProfileBank, file = 'sheet.yaml'): string[] {
  return [
    `Scoring sheet for the profile "${bank.id}" (pm-diag profile interview).`,
    'Fill in each item with inbound, outbound, both or neither;',
    'leave it empty when it did not come up.',
    `Then: pm-diag profile --answers ${file}`,
  ];
}

/** The scoring sheet for these dimensions: every item empty, its question and options as comments. */
export function scoringSheet(bank: ProfileBank, dimensions: readonly Dimension[], file?: string): string {
  return serializeProfileAnswers(bank, { name: null, answers: new Map() }, sheetHeader(bank, file), [...dimensions]);
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
    { title: 'What each is good at, and what to pair it with', lines: [`Inbound: ${d.inbound['good-at']} Pair with: ${d.inbound['pair-with']}`, `Outbound: ${d.outbound['good-at']} Pair with: ${d.outbound['pair-with']}`] },
  ];
}

export function renderInterviewTerminal(bank: ProfileBank, dimensions: readonly Dimension[], color: boolean): string {
  const c = makeColors(color);
  const width = 80;
  const lines = [
    ...wrap(`INTERVIEW GUIDE · ${bank.title}`, width).map((l) => c.bold(l)),
    ...wrap(HOW_TO, width, '  ', '  '),
    '',
    ...wrap(CAVEAT, width, '  ', '  ').map((l) => c.bold(l)),
  ];
  dimensions.forEach((d, i) => {
    lines.push('', c.bold(`── ${i + 1}. ${safeLine(d.title)} (${d.id}) ${'─'.repeat(Math.max(2, 70 - d.title.length - d.id.length))}`));
    if (d.description) lines.push(...wrap(d.description, width, '  ', '  '));
    for (const s of sections(d)) {
      lines.push('', `  ${c.bold(s.title)}`);
      for (const line of s.lines) lines.push(...wrap(line, width, '      ', '    • '));
    }
  });
  lines.push('', c.bold('SCORING SHEET'), ...wrap('Save it as sheet.yaml (or write it with --sheet FILE), fill it in, then: pm-diag profile --answers sheet.yaml', width, '  ', '  '), '', scoringSheet(bank, dimensions).trimEnd());
  return `${lines.join('\n')}\n`;
}

export function renderInterviewMarkdown(bank: ProfileBank, dimensions: readonly Dimension[]): string {
  const sheet = scoringSheet(bank, dimensions).trimEnd();
  // A fence longer than any run of backticks in the sheet, so no bank text can close it.
  const fence = '`'.repeat(Math.max(3, ...[...sheet.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  const blocks = [`# Interview guide: ${mdText(bank.title)}`, mdText(HOW_TO), `> **${mdText(CAVEAT)}**`];
  dimensions.forEach((d, i) => {
    blocks.push(`## ${i + 1}. ${mdText(d.title)}`);
    if (d.description) blocks.push(mdText(d.description));
    for (const s of sections(d)) blocks.push(`**${s.title}:**`, s.lines.map((line) => `- ${mdText(line)}`).join('\n'));
  });
  blocks.push('## Scoring sheet', 'Save it as `sheet.yaml`, fill it in, then run `pm-diag profile --answers sheet.yaml`.', `${fence}yaml\n${sheet}\n${fence}`);
  return `${blocks.join('\n\n')}\n`;
}
