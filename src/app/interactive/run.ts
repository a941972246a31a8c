import { UsageError } from '../../core/errors.js';
import type { ReportSettings } from '../pipeline.js';
import { stageOptionProblem } from '../../core/answers/scope.js';
import { colorWanted } from '../../io/terminal.js';
import { safeLine } from '../../core/text.js';
import { thisCommand } from './invocation.js';
import { commandLine } from './screens.js';

// `pm-diag assess` without --answers: refuse at once without a terminal, then run the flow with the
// real prompts, turning SIGTERM, SIGHUP and an outside SIGINT into an aborted prompt so that the
// flow can say where the progress is.

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Why no prompt may be shown here, or undefined when one may. */
export function noPromptReason(stdin: { isTTY?: boolean }, env: NodeJS.ProcessEnv): string | undefined {
  if (stdin.isTTY !== true) return 'standard input is not a terminal';
  if (env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false') return 'CI is set';
  return undefined;
}

/**
 * Turns SIGINT, SIGTERM, SIGHUP and the end of input into an aborted prompt (the signal, or
 * `endOfInputReason`, as the reason); returns the function that removes the handlers.
 */
export function abortOnStop(controller: AbortController, endOfInputReason: string): () => void {
  // `process.on`, not `once`: with no listener left, the prompt library re-raises the signal and the
  // process dies before the flow can say anything.
  const handlers = STOP_SIGNALS.map((signal) => {
    const handler = () => controller.abort(signal);
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  // Ctrl-D closes the prompt's input without settling it: nothing is left to run and Node would exit 0
  // in the middle of the session. An empty event loop while a prompt waits is the end of input.
  const endOfInput = () => controller.abort(endOfInputReason);
  process.on('beforeExit', endOfInput);
  handlers.push(() => process.off('beforeExit', endOfInput));
  return () => {
    for (const remove of handlers) remove();
  };
}

/** `assess` options that the interactive flow reads. */
export interface InteractiveOptions {
  bank?: string;
  color?: boolean;
  save: string;
  resume?: boolean;
  fresh?: boolean;
  area?: string[];
}

export async function runInteractive(opts: InteractiveOptions, settings: ReportSettings): Promise<void> {
  // Before anything slow: a prompt without a terminal would hang, or draw half a question and exit 0.
  const why = noPromptReason(process.stdin, process.env);
  if (why) {
    const command = safeLine(commandLine(thisCommand()));
    throw new UsageError(
      `${why}, so there is no one to ask.\nGive the answers in a file instead: ${command} template --out answers.yaml, fill it in, then ${command} assess --answers answers.yaml`,
    );
  }
  if (opts.resume && opts.fresh)
    throw new UsageError('--resume and --fresh: choose one (resume the saved answers, or start over)');

  const [
    { loadBank },
    { interactiveAssessment, END_OF_INPUT },
    { inquirerPrompter },
    { selectSections },
    { makeColors },
    { lookWidth },
  ] = await Promise.all([
    import('../../io/bank-files.js'),
    import('./flow.js'),
    import('./prompts.js'),
    import('./steps.js'),
    import('../../core/render/colors.js'),
    import('./screens.js'),
  ]);
  const bank = loadBank(opts.bank);
  const badStage = stageOptionProblem(bank, settings.stage);
  if (badStage !== undefined) throw new UsageError(badStage);
  const sections = selectSections(bank, opts.area);
  const allSections = selectSections(bank, undefined).length;
  const command = thisCommand();
  const resumeArgs = [...command, 'assess', '--resume', '--save', opts.save];
  if (opts.bank !== undefined) resumeArgs.push('--bank', opts.bank);
  for (const area of opts.area ?? []) resumeArgs.push('--area', area);

  // Prompts and messages go to stderr, so stdout carries only the report (`assess > report.txt` works).
  const output = process.stderr;
  const controller = new AbortController();
  const stopHandlers = abortOnStop(controller, END_OF_INPUT);
  try {
    await interactiveAssessment({
      bank,
      sections,
      allSections,
      savePath: opts.save,
      start: opts.fresh ? 'fresh' : opts.resume ? 'resume' : 'ask',
      command,
      resumeArgs,
      bankPath: opts.bank,
      prompter: inquirerPrompter({ signal: controller.signal, output }),
      settings,
      look: { colors: makeColors(colorWanted(opts.color, output)), width: lookWidth(output) },
    });
  } finally {
    stopHandlers();
  }
}
