import { styleText } from 'node:util';
import { Separator, input, select } from '@inquirer/prompts';

// The seam between the flow and @inquirer/prompts: the flow only knows `Prompter`, so tests drive it
// with scripted answers and nothing else in pm-diag imports the prompt library.

export interface SelectChoice<T> {
  value: T;
  name: string;
  /** Shown under the list while the choice is highlighted. */
  description?: string;
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
  /** Key hints under the list. */
  keys?: [key: string, action: string][];
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

function keysHelpTip(keys: [string, string][]): string {
  return keys.map(([key, action]) => `${styleText('bold', key)} ${styleText('dim', action)}`).join(styleText('dim', ' • '));
}

/** The real prompts, drawn on `output`; `signal` aborts whichever prompt is open. */
export function inquirerPrompter(options: { signal: AbortSignal; output: NodeJS.WritableStream }): Prompter {
  const context = { signal: options.signal, output: options.output };
  return {
    select<T>(question: SelectQuestion<T>) {
      const choices = question.choices.map((c) => (isSeparator(c) ? new Separator(c.separator) : c));
      return select<T>(
        {
          message: question.message,
          choices,
          default: question.default,
          // Every choice on one page: the actions at the bottom must not scroll out of sight.
          pageSize: choices.length,
          loop: false,
          theme: question.keys ? { style: { keysHelpTip: () => keysHelpTip(question.keys!) } } : undefined,
        },
        context,
      );
    },
    input(question: InputQuestion) {
      return input({ message: question.message, default: question.default }, context);
    },
  };
}
