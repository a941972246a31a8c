import { input } from '@inquirer/prompts';
import { choicePrompt } from './choice-prompt.js';
import { lookWidth } from './screens.js';

// The seam between the flow and @inquirer/prompts: the flow only knows `Prompter`, so tests drive it
// with scripted answers and nothing else in pm-diag imports the prompt library.

export interface SelectChoice<T> {
  value: T;
  name: string;
  /** Shown under the list while the choice is highlighted. */
  description?: string;
  /** Shown under the choice's name at all times when the terminal is tall enough, else like `description`. */
  detail?: string;
  /** A key that takes the choice at once, and the word for it in the key hints. */
  shortcut?: { key: string; hint: string };
  /** Shown after the question once answered; defaults to `name`. */
  short?: string;
  /** A reason the choice cannot be taken now. */
  disabled?: string;
}

export type Choice<T> = SelectChoice<T> | { separator: string };

export interface SelectQuestion<T> {
  message: string;
  choices: Choice<T>[];
  /** The choice the cursor starts on (the current answer, when changing one). */
  default?: T;
  /** Key hints under the list (the choices' shortcuts are added after them). */
  keys?: [key: string, action: string][];
  /** Lines printed just above the question that should stay on screen with it. */
  above?: number;
}

export interface InputQuestion {
  message: string;
  default?: string;
}

export interface Prompter {
  select<T>(question: SelectQuestion<T>): Promise<T>;
  input(question: InputQuestion): Promise<string>;
}

export function isSeparator<T>(choice: Choice<T>): choice is { separator: string } {
  return 'separator' in choice;
}

/**
 * The prompt library's way of saying the person stopped: `ExitPromptError` on Ctrl-C,
 * `AbortPromptError` when our signal handlers abort. Matched by name: the classes are not exported.
 */
export function isPromptStop(err: unknown): err is Error {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError');
}

/** The real prompts, drawn on `output`; `signal` aborts whichever prompt is open. */
export function inquirerPrompter(options: {
  signal: AbortSignal;
  output: NodeJS.WritableStream & { rows?: number; columns?: number };
}): Prompter {
  const context = { signal: options.signal, output: options.output };
  return {
    select<T>(question: SelectQuestion<T>) {
      return choicePrompt<T>(
        { ...question, width: lookWidth(options.output), rows: () => options.output.rows },
        context,
      ) as Promise<T>;
    },
    input(question: InputQuestion) {
      return input({ message: question.message, default: question.default }, context);
    },
  };
}
