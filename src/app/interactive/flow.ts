import { existsSync } from 'node:fs';
import {
  FIELD_QUESTIONS,
  NOT_APPLICABLE_CHOICE,
  UNKNOWN_CHOICE,
  itemLevels,
  ownerChoices,
  roleChoices,
} from '../../core/answers/choices.js';
import { parseAnswers } from '../../core/answers/load.js';
import { NOT_APPLICABLE, UNKNOWN, type FactValue, type Owner, type Role } from '../../core/answers/schema.js';
import type { TextField } from '../../core/bank/item-kinds.js';
import type { BankItem } from '../../core/bank/items.js';
import type { Bank, Fact, Form } from '../../core/bank/schema.js';
import { EVIDENCED_LEVEL } from '../../core/score/diagnose.js';
import { REVENUE_FACT, askedScope, defaultStage, stageIds, stageOfBand } from '../../core/answers/scope.js';
import type { InterruptedError } from '../../core/errors.js';
import { say } from '../../io/output.js';
import { readFileText } from '../../io/read.js';
import type { ItemAnswer } from '../../core/answers/respondent.js';
import { publishReport, type ReportSettings } from '../pipeline.js';
import { wrap } from '../../core/render/layout.js';
import { safeLine } from '../../core/text.js';
import { isPromptStop, type Choice, type Prompter, type SelectChoice } from './prompts.js';
import {
  commandLine,
  formLength,
  introScreen,
  itemHeader,
  progressText,
  reviewScreen,
  sectionBanner,
  stopError,
  type Look,
} from './screens.js';
import { backupSession, readSession, saveSession } from './session.js';
import {
  buildSteps,
  fieldsOf,
  firstUnsettled,
  isComplete,
  scopedSections,
  itemAnswerOf,
  nextOpen,
  previousAnswered,
  tally,
  type Draft,
  type Field,
  type ItemStep,
  type Section,
  type Step,
} from './steps.js';

// The interactive assessment: open (or resume) the answers file, ask question by question saving
// after each answer, then review and print the report exactly as `assess --answers` does.

/** What a select returns besides an owner, a level ('1'–'5') or "unknown". Tests script these words. */
export const ACTIONS = { notApplicable: NOT_APPLICABLE, note: 'note', back: 'back', skip: 'skip' } as const;
const NO_ROLE = 'unsaid';
/** What a fact's list returns when the person leaves the fact out. */
const SKIP_FACT = 'skip';
const WHOLE_NUMBER = /^\d+$/;
const BACK_KEY = { key: 'b', hint: 'back' };
/** The abort reason for Ctrl-D (the input closed while a question waited). */
export const END_OF_INPUT = 'EOF';

export interface FlowContext {
  bank: Bank;
  /** The selected sections (`--area`), and how many the bank has. */
  sections: Section[];
  allSections: number;
  savePath: string;
  /** How the session starts: ask when a file exists (default), `--resume`, or `--fresh`. */
  start: 'ask' | 'resume' | 'fresh';
  /** How pm-diag was run (`./bin/pm-diag.js`, `npx pm-diag`…): every command the flow suggests starts so. */
  command: string[];
  /** The command that continues this session, for "how to resume" messages. */
  resumeArgs: string[];
  /** `--bank`, when the session uses a bank of its own: every command it suggests must name it too. */
  bankPath?: string;
  prompter: Prompter;
  settings: ReportSettings;
  look: Look;
}

/** An owner's name as the owner question lists it, and what it means. */
function ownerChoice(bank: Bank, owner: Owner): [name: string, description: string] {
  const choice = ownerChoices(bank).find((c) => c.value === owner)!;
  return [safeLine(choice.name), safeLine(choice.description ?? '')];
}

/** A level as the rating questions list it ("3  Defined"), or with one space once chosen. */
function levelName(bank: Bank, field: Exclude<Field, 'owner'>, level: number, gap = '  '): string {
  return `${level}${gap}${safeLine(itemLevels(bank, undefined, field)[level - 1]!.label)}`;
}

const keys = (numbers: string): [string, string][] => [
  ['↑↓', 'move'],
  [numbers, 'jump'],
  ['⏎', 'choose'],
];

class Session {
  /** The selected sections with only the items of the chosen stage and form, and their questions. */
  private sections: Section[];
  private steps: Step[];
  private draft: Draft = { answers: new Map() };
  private readonly history: number[] = [];
  /** The furthest step reached: walking forward re-asks answered questions only up to here. */
  private frontier = 0;
  private shownItem?: string;
  private shownSection?: string;
  /** Lines of the item header on screen above the question. */
  private headerHeight = 0;

  constructor(private readonly ctx: FlowContext) {
    this.sections = ctx.sections;
    this.steps = buildSteps(ctx.sections);
  }

  private get bankArgs(): string[] {
    return this.ctx.bankPath === undefined ? [] : ['--bank', this.ctx.bankPath];
  }

  private get header(): string[] {
    return [
      'pm-diag answers, saved after every answer by `pm-diag assess`.',
      `Continue: ${safeLine(commandLine(this.ctx.resumeArgs))}`,
      `Report:   ${safeLine(commandLine([...this.ctx.command, 'assess', '--answers', this.ctx.savePath, ...this.bankArgs]))}`,
      'An item set to null was skipped.',
    ];
  }

  private save(): void {
    saveSession(this.ctx.savePath, this.ctx.bank, this.draft, this.header);
  }

  private progress(): string {
    return progressText(tally(this.sections, this.draft));
  }

  /** Loads or starts the session; returns the step to begin with. */
  private async open(): Promise<number> {
    const { ctx } = this;
    const path = safeLine(ctx.savePath);
    const saved = ctx.start === 'fresh' ? undefined : readSession(ctx.savePath, ctx.bank);
    if (ctx.start === 'fresh') this.startOver();
    if (!saved) {
      if (ctx.start === 'resume') say(`pm-diag: no saved answers in ${path} yet: starting a new assessment.`);
      this.intro();
      return 0;
    }
    this.draft = saved.draft;
    this.rescope();
    if (saved.dropped.length) {
      const backup = backupSession(ctx.savePath, 'copy');
      say(
        wrap(
          `pm-diag: warning: ${path} was saved with an older question bank; ${saved.dropped.length} answer${saved.dropped.length === 1 ? ' is' : 's are'} for items it no longer has and ${saved.dropped.length === 1 ? 'was' : 'were'} dropped: ${saved.dropped.join(', ')}. The file as it was is kept in ${backup}.`,
          ctx.look.width,
        ).join('\n'),
      );
    }
    const first = firstUnsettled(this.steps, this.draft);
    const nothingYet = first === 0 && this.draft.answers.size === 0;
    if (ctx.start === 'resume' || nothingYet) {
      say(`Resuming ${path}: ${this.progress()}.`);
      return first;
    }
    return this.offer(first);
  }

  private async offer(first: number): Promise<number> {
    const { ctx } = this;
    const path = safeLine(ctx.savePath);
    const finished = first >= this.steps.length;
    const step = this.steps[first];
    const where = step?.kind === 'item' ? `Area ${step.section.index} · ${safeLine(step.item.title)}` : 'your details';
    const choices: SelectChoice<string>[] = [
      finished
        ? { value: 'report', name: 'Show the report', short: 'report', description: 'Every question is answered.' }
        : {
            value: 'resume',
            name: `Resume at ${where}`,
            short: 'resume',
            description: 'Continue with the first unanswered question.',
          },
      {
        value: 'review',
        name: 'Go through the questions from the start',
        short: 'from the start',
        description: 'Your answers are kept and preselected: change any of them.',
      },
      {
        value: 'fresh',
        name: 'Start over',
        short: 'start over',
        description: `A new, empty assessment. ${path} is kept as a backup.`,
      },
    ];
    const pick = await ctx.prompter.select({ message: `${path} has ${this.progress()}. What now?`, choices });
    if (pick === 'review') {
      this.frontier = this.steps.length;
      return 0;
    }
    if (pick === 'fresh') {
      this.startOver();
      this.intro();
      return 0;
    }
    return first;
  }

  /** The questions of the draft's stage and form (the bank's default stage and the full form until chosen). */
  private rescope(): void {
    this.sections = scopedSections(this.ctx.sections, askedScope(this.ctx.bank, this.draft));
    this.steps = buildSteps(this.sections);
  }

  /**
   * The stage first, then the form, each asked once and saved at once: --stage and --form answer
   * them, a bank without stages has nothing to ask, and the form is offered only when some items
   * of the stage are in the rapid form. Returns the step to begin with.
   */
  private async chooseScope(first: number): Promise<number> {
    const { bank, settings } = this.ctx;
    const before = `${this.draft.stage}/${this.draft.form}`;
    await this.askFacts();
    if (settings.stage !== undefined) this.draft.stage = settings.stage;
    else if (this.draft.stage === undefined && stageIds(bank).length > 0) {
      this.draft.stage = await this.askStage();
      this.save();
    }
    if (settings.form !== undefined) this.draft.form = settings.form;
    else if (this.draft.form === undefined) {
      const { stage } = askedScope(bank, this.draft);
      const rapid = scopedSections(this.ctx.sections, { stage, form: 'rapid' });
      if (rapid.length > 0) {
        this.draft.form = await this.askForm(rapid, scopedSections(this.ctx.sections, { stage, form: 'full' }));
        this.save();
      }
    }
    if (`${this.draft.stage}/${this.draft.form}` === before) return first;
    this.rescope();
    this.save();
    return firstUnsettled(this.steps, this.draft);
  }

  /**
   * Bank v3: the organization facts not asked yet, first of all (about a minute), each saved at once
   * and each skippable (saved as null, so that a resumed session does not ask it again).
   */
  private async askFacts(): Promise<void> {
    const facts = Object.entries(this.ctx.bank.facts ?? {});
    const draft = (this.draft.facts ??= {});
    const open = facts.filter(([id]) => !Object.hasOwn(draft, id));
    if (open.length === 0) return;
    if (open.length === facts.length)
      say(
        wrap(
          'First, a few facts about the organization: about a minute, and each one can be skipped.',
          this.ctx.look.width,
        ).join('\n'),
      );
    for (const [id, fact] of open) {
      draft[id] = await this.askFact(fact);
      this.save();
    }
  }

  /** One fact: an option from its list, or a whole number typed; null when skipped. */
  private async askFact(fact: Fact): Promise<FactValue | null> {
    const { prompter } = this.ctx;
    if (fact.options) {
      const value = await prompter.select<string>({
        message: safeLine(fact.question),
        choices: [
          ...Object.entries(fact.options).map(([code, label]) => ({ value: code, name: safeLine(label) })),
          { separator: ' ' },
          { value: SKIP_FACT, name: 'Skip this question', short: '(skipped)', shortcut: { key: 's', hint: 'skip' } },
        ],
      });
      return value === SKIP_FACT ? null : value;
    }
    for (;;) {
      const text = (await prompter.input({ message: `${safeLine(fact.question)} (Enter skips)` })).trim();
      if (text === '') return null;
      if (WHOLE_NUMBER.test(text)) return Number(text);
      say('  A whole number, 0 or more, please (or Enter to skip).');
    }
  }

  private async askStage(): Promise<string> {
    const { bank } = this.ctx;
    const stages = bank.stages ?? {};
    // A revenue band given and no stage yet: propose the stage the band suggests, for the person to confirm.
    const band = this.draft.facts?.[REVENUE_FACT];
    const suggested = band == null ? undefined : stageOfBand(bank, band);
    return this.ctx.prompter.select<string>({
      message:
        suggested === undefined
          ? 'Which stage is the company at? (it sets the targets and the items)'
          : `Which stage is the company at? The revenue you gave suggests ${safeLine(stages[suggested]!.title)}: confirm it or choose another`,
      default: suggested ?? defaultStage(bank) ?? undefined,
      // Each stage's description at once where it fits: a stage is chosen by comparing them.
      choices: stageIds(bank).map((id) => ({
        value: id,
        name: safeLine(stages[id]!.title),
        short: id,
        detail: safeLine(stages[id]!.description),
      })),
    });
  }

  private async askForm(rapid: Section[], full: Section[]): Promise<Form> {
    const choice = (form: Form, sections: Section[], what: string) => {
      const { questions, minutes } = formLength(sections);
      return {
        value: form,
        name: `${form === 'rapid' ? 'Rapid' : 'Full'}: ${questions} questions, about ${minutes} minute${minutes === 1 ? '' : 's'}`,
        short: form,
        description: what,
      };
    };
    return this.ctx.prompter.select<Form>({
      message: 'Which form?',
      default: 'rapid',
      choices: [
        choice('rapid', rapid, 'The items that matter most, for a first read of the gaps.'),
        choice('full', full, 'Every item that applies at this stage, for the whole picture.'),
      ],
    });
  }

  private startOver(): void {
    this.draft = { answers: new Map() };
    if (!existsSync(this.ctx.savePath)) return;
    const backup = backupSession(this.ctx.savePath, 'move');
    say(`Starting over; the previous answers are kept in ${safeLine(backup)}.`);
  }

  /** The introduction; its length is the chosen scope's, or left to the form prompt when the form is still to be chosen. */
  private intro(): void {
    const { bank, sections, settings } = this.ctx;
    const scope = askedScope(bank, settings);
    const rapid = scopedSections(sections, { ...scope, form: 'rapid' });
    const formAsked = settings.form === undefined && rapid.length > 0;
    const scoped = formAsked ? undefined : scopedSections(sections, scope);
    say(introScreen(bank, scoped, safeLine(this.ctx.savePath), this.ctx.look));
  }

  /** Asks until every question is settled; saves after each answer, before the next question. */
  async run(): Promise<void> {
    try {
      let i = await this.open();
      // Written before the first question: a path that cannot be written fails now, not at the end.
      this.save();
      i = await this.chooseScope(i);
      while (i < this.steps.length) i = await this.ask(i);
    } catch (err) {
      if (isPromptStop(err)) throw this.stopped(err);
      throw err;
    }
    await this.finish();
  }

  /** Asks step `i`; returns the step to ask next. */
  private async ask(i: number): Promise<number> {
    const step = this.steps[i]!;
    this.frontier = Math.max(this.frontier, i);
    if (step.kind !== 'item') return this.askProfile(i, step.kind);
    this.showHeader(step);
    const value = await this.ctx.prompter.select(this.fieldQuestion(step, i));
    const id = step.item.id;
    switch (value) {
      case ACTIONS.back:
        return this.back(i);
      case ACTIONS.note:
        await this.askNote(step.item);
        return i;
      case ACTIONS.skip:
        return this.skipSection(i, step);
      case ACTIONS.notApplicable:
        this.draft.answers.set(id, NOT_APPLICABLE);
        break;
      default: {
        if (this.draft.answers.get(id) === null) this.unskipFrom(step);
        const answer: ItemAnswer = { ...itemAnswerOf(this.draft, id) };
        Object.assign(answer, { [step.field]: step.field === 'owner' || value === UNKNOWN ? value : Number(value) });
        this.draft.answers.set(id, answer);
        if (
          step.field === 'capability' &&
          typeof answer.capability === 'number' &&
          answer.capability >= EVIDENCED_LEVEL
        ) {
          this.save();
          await this.askEvidence(step.item);
        }
      }
    }
    this.save();
    return this.forward(i);
  }

  private forward(i: number): number {
    this.history.push(i);
    return this.advance(i + 1);
  }

  /** The next step from `from`: each one while re-walking what the person went back over, then the next unanswered. */
  private advance(from: number): number {
    const next = nextOpen(this.steps, this.draft, from);
    return next < this.frontier ? next : firstUnsettled(this.steps, this.draft, next);
  }

  private back(i: number): number {
    const previous = this.history.pop() ?? previousAnswered(this.steps, this.draft, i);
    return previous === -1 ? i : previous;
  }

  private async askProfile(i: number, kind: 'organization' | 'name' | 'role'): Promise<number> {
    const { prompter } = this.ctx;
    if (kind === 'role') {
      const roles = roleChoices(this.ctx.bank);
      const role = await prompter.select<string>({
        message: 'Your role?',
        default: this.draft.role ?? undefined,
        keys: keys(`1-${Math.min(9, roles.length)}`),
        choices: [
          ...roles.map((r) => ({ value: r.value, name: safeLine(r.name) })),
          { separator: ' ' },
          { value: NO_ROLE, name: 'Prefer not to say' },
          { value: ACTIONS.back, name: 'Back', short: '(back)', shortcut: BACK_KEY },
        ],
      });
      if (role === ACTIONS.back) return this.back(i);
      this.draft.role = role === NO_ROLE ? null : (role as Role);
    } else {
      const message =
        kind === 'organization' ? 'Organization (optional):' : 'Your name (optional; it tells respondents apart):';
      const text = (await prompter.input({ message, default: this.draft[kind] ?? undefined })).trim();
      this.draft[kind] = text === '' ? null : text;
    }
    this.save();
    return this.forward(i);
  }

  private askNote(item: BankItem): Promise<void> {
    return this.askText(item, 'note', 'Note');
  }

  /** After a capability of 3 or more, when the bank says what would show it: optional, Enter skips. */
  private async askEvidence(item: BankItem): Promise<void> {
    if (item.evidence === undefined) return;
    say(wrap(`What would show it: ${item.evidence}`, this.ctx.look.width, '  ', '  ').join('\n'));
    return this.askText(item, 'evidence', 'Evidence (optional, Enter skips)');
  }

  /** A free-text field of the item's answer, saved at once: Enter keeps what is there, "-" removes it. */
  private async askText(item: BankItem, field: TextField, label: string): Promise<void> {
    const current = itemAnswerOf(this.draft, item.id)?.[field];
    const text = (
      await this.ctx.prompter.input({
        message: current ? `${label} (Enter keeps it, "-" removes it):` : `${label}:`,
        default: current === undefined ? undefined : safeLine(current),
      })
    ).trim();
    if (current !== undefined && text === safeLine(current)) return;
    const answer: ItemAnswer = { ...itemAnswerOf(this.draft, item.id) };
    if (text === '' || text === '-') delete answer[field];
    else answer[field] = text;
    if (Object.keys(answer).length) this.draft.answers.set(item.id, answer);
    else this.draft.answers.delete(item.id);
    this.save();
  }

  /**
   * Marks the unanswered items from here to the end of the area as skipped, this one too when it is
   * only half answered (a half answer would be asked again on resuming); moves to the next area.
   */
  private skipSection(i: number, step: ItemStep): number {
    const items = step.section.items;
    if (!isComplete(step.item, this.draft.answers.get(step.item.id))) this.draft.answers.set(step.item.id, null);
    for (const item of items.slice(step.position)) {
      if (!this.draft.answers.has(item.id)) this.draft.answers.set(item.id, null);
    }
    this.save();
    this.history.push(i);
    const next = this.steps.findIndex((s, j) => j > i && s.kind === 'item' && s.section !== step.section);
    return this.advance(next === -1 ? this.steps.length : next);
  }

  /** Answering a skipped item (after going back to it) reopens it and the rest of its area. */
  private unskipFrom(step: ItemStep): void {
    for (const item of step.section.items.slice(step.position - 1)) {
      if (this.draft.answers.get(item.id) === null) this.draft.answers.delete(item.id);
    }
  }

  private showHeader(step: ItemStep): void {
    const { ctx } = this;
    const total = this.sections.length;
    if (this.shownSection !== step.section.id) say(sectionBanner(step.section, total, ctx.look));
    if (this.shownItem !== step.item.id) {
      const header = [
        itemHeader(step, total, tally(this.sections, this.draft), ctx.bank, ctx.look),
        ...this.answeredBefore(step),
      ].join('\n');
      say(header);
      this.headerHeight = header.split('\n').length;
    }
    this.shownSection = step.section.id;
    this.shownItem = step.item.id;
  }

  /**
   * On arriving at an item past its first question (resuming a half-answered item), what it already
   * has: the answers above the question that the screen no longer shows.
   */
  private answeredBefore(step: ItemStep): string[] {
    const answer = itemAnswerOf(this.draft, step.item.id);
    const fields = fieldsOf(step.item);
    const given = fields.slice(0, fields.indexOf(step.field)).flatMap((field) => {
      const value = answer?.[field];
      if (value === undefined) return [];
      if (field === 'owner') return [`owner ${ownerChoice(this.ctx.bank, value as Owner)[0]}`];
      return [`${field} ${value === UNKNOWN ? "don't know" : levelName(this.ctx.bank, field, value as number, ' ')}`];
    });
    return given.length ? wrap(`Answered before: ${given.join(' · ')}`, this.ctx.look.width) : [];
  }

  private fieldQuestion(step: ItemStep, i: number) {
    const { bank, look } = this.ctx;
    const current = this.draft.answers.get(step.item.id);
    const answer = itemAnswerOf(this.draft, step.item.id);
    const describe = (text: string) => wrap(text, look.width - 2).join('\n');
    const values: SelectChoice<string>[] =
      step.field === 'owner'
        ? ownerChoices(bank).map((o) => ({
            value: o.value,
            name: safeLine(o.name),
            description: safeLine(o.description!),
          }))
        : ([1, 2, 3, 4, 5] as const).map((n) => {
            const field = step.field as Exclude<Field, 'owner'>;
            // The item's own statement for each level where it has them (bank v3), else the scale's.
            const levels = itemLevels(bank, step.item, field);
            // Every level's description under its label at once (when the terminal is tall enough): a
            // level is chosen by comparing them.
            return {
              value: String(n),
              name: levelName(bank, field, n),
              short: levelName(bank, field, n, ' '),
              detail: safeLine(levels[n - 1]!.description),
            };
          });
    if (step.field !== 'owner') values.push({ value: UNKNOWN, ...UNKNOWN_CHOICE, short: "don't know" });
    const left = step.section.items.length - step.position;
    const started = answer !== undefined && !isComplete(step.item, answer);
    const skipped =
      left > 0
        ? `Leave this and the ${left} following item${left === 1 ? '' : 's'} of this area unanswered`
        : 'Leave this item unanswered';
    const choices: Choice<string>[] = [
      ...values,
      { separator: ' ' },
      { value: ACTIONS.notApplicable, ...NOT_APPLICABLE_CHOICE },
      {
        value: ACTIONS.note,
        name: answer?.note ? 'Edit the note…' : 'Add a note…',
        short: '(note)',
        shortcut: { key: 'n', hint: 'note' },
        description: answer?.note
          ? describe(`Note: ${answer.note}`)
          : 'A remark kept with this answer and shown in the report.',
      },
      {
        value: ACTIONS.back,
        name: 'Back to the previous question',
        short: '(back)',
        shortcut: BACK_KEY,
        disabled:
          this.history.length === 0 && previousAnswered(this.steps, this.draft, i) === -1
            ? '(this is the first question)'
            : undefined,
      },
      {
        value: ACTIONS.skip,
        name: 'Skip the rest of this area',
        short: '(skipped the rest of the area)',
        shortcut: { key: 's', hint: 'skip the area' },
        description: `${skipped}${started ? '; what this item has so far is cleared' : ''}.`,
      },
    ];
    const selected = current === NOT_APPLICABLE ? NOT_APPLICABLE : answer?.[step.field];
    return {
      message: FIELD_QUESTIONS[step.field],
      choices,
      default: selected === undefined ? undefined : String(selected),
      keys: keys(step.field === 'owner' ? '1-9' : '1-6'),
      above: this.headerHeight + fieldsOf(step.item).indexOf(step.field),
    };
  }

  private stopped(err: Error): InterruptedError {
    const { ctx } = this;
    return stopError(err, END_OF_INPUT, {
      progress: this.progress(),
      savePath: ctx.savePath,
      resumeArgs: ctx.resumeArgs,
    });
  }

  private async finish(): Promise<void> {
    const { ctx } = this;
    say(reviewScreen(tally(this.sections, this.draft), ctx.sections, ctx.allSections, ctx.look));
    const { respondent } = parseAnswers(readFileText(ctx.savePath), ctx.bank, { strict: ctx.settings.strict });
    const path = safeLine(ctx.savePath);
    try {
      await publishReport(ctx.bank, [respondent], ctx.settings);
    } finally {
      const out = ctx.settings.out ? `The report is in ${safeLine(ctx.settings.out)}. ` : '';
      const again = (option: string) =>
        safeLine(commandLine([...ctx.command, 'assess', option, ctx.savePath, ...this.bankArgs]));
      say(
        [
          '',
          ...wrap(`${out}Your answers are saved in ${path}.`, ctx.look.width),
          `  ${again('--answers')}   prints this report again`,
          `  ${again('--save')}      lets you change the answers`,
        ].join('\n'),
      );
    }
  }
}

export function interactiveAssessment(ctx: FlowContext): Promise<void> {
  return new Session(ctx).run();
}
