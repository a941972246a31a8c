import { existsSync } from 'node:fs';
import { InputError, InterruptedError } from '../../core/errors.js';
import { say } from '../../io/output.js';
import { readFileText } from '../../io/read.js';
import { writeFileAtomic } from '../../io/write.js';
import { isPromptStop, type Prompter, type SelectChoice } from './prompts.js';
import { commandLine, stopError, type Look } from './screens.js';
import { backupSession } from './session.js';
import { wrap } from '../../core/render/layout.js';
import { safeLine } from '../../core/text.js';
import { parseProfileAnswers } from '../../core/profile/answers.js';
import { serializeProfileAnswers } from '../../core/profile/serialize.js';
import type { Choice, ProfileBank } from '../../core/profile/schema.js';
import { questions, type Question } from '../../core/profile/sequence.js';
import { CAVEAT } from '../../core/profile/view.js';

// `pm-diag profile` in a terminal: one forced choice between two statements at a time (no "both"),
// in the order of sequence.ts, the file written atomically after every answer, resumable, and
// stopped by Ctrl-C with everything kept. Nothing on screen names a dimension or a side.

/** The abort reason for Ctrl-D (the input closed while a question waited). */
export const PROFILE_END_OF_INPUT = 'EOF';
const BACK = 'back';

export interface ProfileFlowContext {
  bank: ProfileBank;
  savePath: string;
  /** Ask when a file exists (default), `--resume`, or `--fresh`. */
  start: 'ask' | 'resume' | 'fresh';
  /** The command that continues this session. */
  resumeArgs: string[];
  prompter: Prompter;
  look: Look;
}

interface Step {
  question: Question;
  /** 1-based, over the whole profile. */
  number: number;
}

const LEFT_UNTOUCHED =
  'this is the saved profile answers file, left untouched: fix it, or start over with --fresh (it is then kept as a backup), or save elsewhere with --save';

class ProfileSession {
  private readonly steps: Step[];
  private name: string | null = null;
  private answers = new Map<string, Choice>();

  constructor(private readonly ctx: ProfileFlowContext) {
    this.steps = questions(ctx.bank, 'self').map((question, i) => ({ question, number: i + 1 }));
  }

  private save(): void {
    const header = [
      'pm-diag profile answers, saved after every answer by `pm-diag profile`.',
      `Continue: ${commandLine(this.ctx.resumeArgs)}`,
      `Profile:  pm-diag profile --answers ${commandLine([this.ctx.savePath])}`,
    ];
    writeFileAtomic(
      this.ctx.savePath,
      serializeProfileAnswers(this.ctx.bank, { name: this.name, answers: this.answers }, header),
    );
  }

  private progress(): string {
    return `${this.answers.size} of ${this.steps.length} answered`;
  }

  private firstOpen(): number {
    const i = this.steps.findIndex((s) => !this.answers.has(s.question.key));
    return i === -1 ? this.steps.length : i;
  }

  /** Loads or starts the session; true when the name is still to be asked. */
  private async open(): Promise<boolean> {
    const { ctx } = this;
    const path = safeLine(ctx.savePath);
    if (!existsSync(ctx.savePath)) {
      if (ctx.start === 'resume') say(`pm-diag: no saved profile answers in ${path} yet: starting a new profile.`);
      return true;
    }
    if (ctx.start === 'fresh') return this.startOver();
    let saved;
    try {
      saved = parseProfileAnswers(readFileText(ctx.savePath), ctx.bank);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      throw new InputError([...err.problems, { source: path, message: LEFT_UNTOUCHED, severity: 'error' }]);
    }
    if (saved.rater !== 'self')
      throw new InputError([
        {
          source: path,
          message: `this is an interviewer's scoring sheet (rater: ${saved.rater}), not a person's own answers: ${LEFT_UNTOUCHED}`,
          severity: 'error',
        },
      ]);
    this.name = saved.name;
    this.answers = saved.answers;
    if (ctx.start === 'resume') {
      say(`Resuming ${path}: ${this.progress()}.`);
      return false;
    }
    const finished = this.firstOpen() >= this.steps.length;
    const choices: SelectChoice<string>[] = [
      finished
        ? { value: 'resume', name: 'Show the profile', short: 'profile', description: 'Every question is answered.' }
        : { value: 'resume', name: 'Resume at the first unanswered question', short: 'resume' },
      {
        value: 'fresh',
        name: 'Start over',
        short: 'start over',
        description: `A new, empty profile. ${path} is kept as a backup.`,
      },
    ];
    const pick = await ctx.prompter.select({ message: `${path} has ${this.progress()}. What now?`, choices });
    return pick === 'fresh' ? this.startOver() : false;
  }

  private startOver(): true {
    this.name = null;
    this.answers = new Map();
    if (existsSync(this.ctx.savePath))
      say(`Starting over; the previous answers are kept in ${safeLine(backupSession(this.ctx.savePath, 'move'))}.`);
    return true;
  }

  private intro(): void {
    const { bank, look } = this.ctx;
    say(
      [
        '',
        look.colors.bold(safeLine(bank.title)),
        ...(bank.description ? wrap(bank.description, look.width) : []),
        '',
        ...wrap(
          `${this.steps.length} choices between two statements. Both describe something good product people do: pick the one that is more like you, even when both are. Some pairs come back later the other way round; that is on purpose, so answer as you would, not as you remember. Every answer is saved at once in ${safeLine(this.ctx.savePath)}: stop any time with Ctrl-C and continue later.`,
          look.width,
        ),
        '',
        ...wrap(CAVEAT, look.width).map((l) => look.colors.dim(l)),
        '',
      ].join('\n'),
    );
  }

  /** The two statements in the order this question shows them, then Back. */
  private question(step: Step) {
    const { question } = step;
    return {
      message: safeLine(question.pair.prompt),
      default: this.answers.get(question.key),
      choices: [
        ...question.shown.map((letter): SelectChoice<string> => ({
          value: letter,
          name: safeLine(question.pair[letter]),
          short: safeLine(question.pair[letter]),
        })),
        { separator: ' ' },
        {
          value: BACK,
          name: 'Back to the previous question',
          short: '(back)',
          disabled: step.number === 1 ? '(this is the first question)' : undefined,
        },
      ],
    };
  }

  async run(): Promise<void> {
    try {
      const askName = await this.open();
      if (askName) {
        this.intro();
        // Written before the first question: a path that cannot be written fails now, not at the end.
        this.save();
        const name = (
          await this.ctx.prompter.input({ message: 'Your name (optional; it labels the profile and the team view):' })
        ).trim();
        this.name = name === '' ? null : name;
      }
      this.save();
      let i = this.firstOpen();
      // The furthest question reached: after going back, the questions up to it are asked again in turn.
      let frontier = i;
      while (i < this.steps.length) {
        frontier = Math.max(frontier, i);
        const step = this.steps[i]!;
        say(this.ctx.look.colors.dim(`\nQuestion ${step.number} of ${this.steps.length} · ${this.progress()}`));
        const value = await this.ctx.prompter.select<string>(this.question(step));
        if (value === BACK) {
          i = Math.max(0, i - 1);
          continue;
        }
        this.answers.set(step.question.key, value as Choice);
        this.save();
        i = i + 1 <= frontier ? i + 1 : this.firstOpen();
      }
    } catch (err) {
      if (isPromptStop(err)) throw this.stopped(err);
      throw err;
    }
  }

  private stopped(err: Error): InterruptedError {
    const { ctx } = this;
    return stopError(err, PROFILE_END_OF_INPUT, {
      progress: this.progress(),
      savePath: ctx.savePath,
      resumeArgs: ctx.resumeArgs,
    });
  }
}

/** Asks until every item is answered, saving after each; the caller then prints the profile from the file. */
export function interactiveProfile(ctx: ProfileFlowContext): Promise<void> {
  return new ProfileSession(ctx).run();
}
