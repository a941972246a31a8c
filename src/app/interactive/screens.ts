import { owesLine, ratedQuestionCount } from '../../core/answers/choices.js';
import type { Axis, ItemKind } from '../../core/bank/item-kinds.js';
import { scaleOf } from '../../core/bank/items.js';
import type { Bank } from '../../core/bank/schema.js';
import { InterruptedError } from '../../core/errors.js';
import type { Colors } from '../../core/render/colors.js';
import { wrap } from '../../core/render/layout.js';
import { safeLine } from '../../core/text.js';
import type { ItemStep, Section, Tally } from './steps.js';

// What the person reads between the prompts. Bank text is untrusted: it only reaches the screen
// through `wrap` or `safeLine`.

export interface Look {
  colors: Colors;
  /** Columns to wrap text to. */
  width: number;
}

/** Columns the flow's text wraps to on `output`: the terminal's width up to a readable measure. */
export function lookWidth(output: { columns?: number }): number {
  return Math.min(output.columns || 80, 100) - 2;
}

/** A command line with each argument quoted for a POSIX shell when it needs it. */
export function commandLine(args: string[]): string {
  return args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/**
 * About how long one rated question takes once the scales are familiar: a responsibility's stem is
 * read once for its three questions, a hand-off's for its one (docs/bank-coverage.md shows the sums).
 */
export const SECONDS_PER_QUESTION = 9;
/** The introduction, the profile, the stage and form, and each scale's five levels read in full the first time. */
export const START_SECONDS = 240;

/** How many questions the sections ask (each rated field is one), and about how many minutes that takes. */
export function formLength(sections: Section[]): { questions: number; minutes: number } {
  const questions = ratedQuestionCount(sections.flatMap((s) => s.items));
  return { questions, minutes: Math.max(1, Math.round((START_SECONDS + questions * SECONDS_PER_QUESTION) / 60)) };
}

const minutes = (sections: Section[]): number => formLength(sections).minutes;

/** `sections` undefined: the stage and form are still to be chosen, and the form prompt gives each form's length. */
export function introScreen(bank: Bank, sections: Section[] | undefined, savePath: string, look: Look): string {
  const { colors: c, width } = look;
  const scale = (axis: Axis) => `from 1 ${scaleOf(bank, axis)[1].label} to 5 ${scaleOf(bank, axis)[5].label}`;
  const asks = (kind: ItemKind) => !sections || sections.some((s) => s.items.some((i) => i.kind === kind));
  const term = (word: string, text: string) => {
    // Wrapped plain, then made bold: escape codes must not count as columns.
    const [first = '', ...rest] = wrap(text, width, ' '.repeat(14), `  ${word.padEnd(12)}`);
    return [`  ${c.bold(word.padEnd(12))}${first.slice(14)}`, ...rest];
  };
  const length = sections
    ? `${sections.reduce((n, s) => n + s.items.length, 0)} items in ${sections.length} ${sections.length === 1 ? 'area' : 'areas'}, about ${minutes(sections)} minute${minutes(sections) === 1 ? '' : 's'}.`
    : `First ${bank.facts ? 'a few facts about the organization, then ' : ''}the company’s stage, then the rapid or the full form, with how long each takes.`;
  return [
    '',
    c.bold(safeLine(bank.title)),
    '',
    ...wrap('Two functions that often blur into each other:', width),
    ...term('PM', `${bank.functions.pm.name}. ${bank.functions.pm.mandate}`),
    ...term('PMM', `${bank.functions.pmm.name}. ${bank.functions.pmm.mandate}`),
    '',
    ...wrap('For each responsibility you say:', width),
    ...term('owner', 'who owns it today.'),
    ...term('capability', `how well the organization does it, ${scale('capability')}.`),
    ...term('capacity', `whether it has the time and people to do it, ${scale('capacity')}.`),
    ...(asks('practice') && bank.scales.frequency
      ? wrap(`For each way of working (a practice), how often it happens, ${scale('frequency')}.`, width)
      : []),
    ...(asks('interlock')
      ? wrap(`Then, for what each function owes another, how reliably it is delivered, ${scale('delivery')}.`, width)
      : []),
    ...wrap(
      'Where an item has statements of its own for the levels, they are shown instead of the general ones: choose the highest that is true.',
      width,
    ),
    '',
    ...wrap(
      `${length} "Don't know" and "Not applicable" are always there; you can add a note, go back, or skip the rest of an area.`,
      width,
    ),
    ...wrap(`Every answer is saved at once in ${savePath}: stop any time with Ctrl-C and continue later.`, width),
    '',
  ].join('\n');
}

/** "12 of 40 questions answered", and how many were skipped. */
export function progressText(t: Tally, noun = 'questions answered'): string {
  return `${t.questionsAnswered} of ${t.questions} ${noun}${t.questionsSkipped ? `, ${t.questionsSkipped} skipped` : ''}`;
}

export function sectionBanner(section: Section, total: number, look: Look): string {
  const title = `Area ${section.index} of ${total} · ${safeLine(section.title)}`;
  const rule = '─'.repeat(Math.max(0, Math.min(look.width, 80) - title.length - 4));
  return [
    '',
    look.colors.bold(`── ${title} ${rule}`),
    ...(section.description ? wrap(section.description, look.width) : []),
  ].join('\n');
}

export function itemHeader(step: ItemStep, total: number, answered: Tally, bank: Bank, look: Look): string {
  const { colors: c, width } = look;
  const { item, section } = step;
  const where = `Area ${section.index} of ${total} · Question ${step.position} of ${section.items.length}`;
  const done = progressText(answered, 'answered');
  const gap = Math.max(2, Math.min(width, 80) - where.length - done.length);
  const lines = ['', c.dim(`${where}${' '.repeat(gap)}${done}`), c.bold(safeLine(item.title))];
  if (item.kind === 'interlock') lines.push(c.dim(safeLine(owesLine(bank, item))));
  lines.push(...wrap(item.question, width));
  return lines.join('\n');
}

export function reviewScreen(t: Tally, sections: Section[], allSections: number, look: Look): string {
  const lines = ['', look.colors.bold('Review')];
  const unknown = t.unknown ? ` (${t.unknown} with a "don't know")` : '';
  lines.push(
    `  ${t.answered} of ${t.items} items answered${unknown}, ${t.notApplicable} not applicable, ${t.skipped} skipped, ${t.unanswered} unanswered.`,
  );
  if (sections.length < allSections) {
    lines.push(
      ...wrap(
        `Only these areas were assessed: ${sections.map((s) => s.id).join(', ')}. The report counts the others as unanswered.`,
        look.width,
        '  ',
        '  ',
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Where a session stands when it stops. */
export interface StopPoint {
  /** "12 of 40 questions answered". */
  progress: string;
  savePath: string;
  /** The command that continues the session. */
  resumeArgs: string[];
}

/**
 * The error a session ends with when a prompt stops: Ctrl-C in the prompt, a signal our handlers
 * aborted it with, or `endOfInput` (Ctrl-D). It says what is saved and the command to continue, on a
 * line of its own so that it can be copied whole.
 */
export function stopError(err: Error, endOfInput: string, at: StopPoint): InterruptedError {
  const signal = err.name === 'AbortPromptError' && typeof err.cause === 'string' ? err.cause : 'SIGINT';
  const how =
    signal === 'SIGINT'
      ? 'Stopped (Ctrl-C)'
      : signal === endOfInput
        ? 'Stopped (Ctrl-D: end of input)'
        : `Stopped (${signal})`;
  const lines = [
    '',
    `${how}. ${at.progress}; every answer is saved in ${safeLine(at.savePath)}.`,
    'Continue where you left off:',
    `  ${safeLine(commandLine(at.resumeArgs))}`,
  ];
  return new InterruptedError(lines.join('\n'), signal);
}
