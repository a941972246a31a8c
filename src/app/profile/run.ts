import { existsSync, realpathSync, statSync } from 'node:fs';
import { resolveFormat } from '../../core/render/formats.js';
import { InputError, UsageError, valueOf, type Problem } from '../../core/errors.js';
import { emit } from '../../io/output.js';
import { readFileText, readSourceText } from '../../io/read.js';
import { writeFileAtomic } from '../../io/write.js';
import { colorWanted } from '../../io/terminal.js';
import type { OUTPUT_FORMATS } from '../../core/render/formats.js';
import type { ProfileBank } from '../../core/profile/schema.js';
import type { ProfileResult } from '../../core/profile/score.js';

type ProfileFormat = (typeof OUTPUT_FORMATS.profile)[number];

// The work of `pm-diag profile`, `profile interview` and `profile team` (src/commands/profile.ts
// hands each command here). Each loads the modules it needs when it runs: a run with --answers
// never loads the interactive flow, and a terminal run never loads the HTML renderer.

interface OutputOptions {
  profile?: string;
  format?: string;
  out?: string;
  color?: boolean;
}

export interface ProfileOptions extends OutputOptions {
  answers?: string;
  save: string;
  resume?: boolean;
  fresh?: boolean;
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** The output must never replace an input of the same run. */
function refuseOverwrite(out: string | undefined, inputs: (string | undefined)[]): void {
  if (out === undefined || out === '-') return;
  const input = inputs.find((path) => path !== undefined && path !== '-' && sameFile(out, path));
  if (input !== undefined) throw new UsageError(`--out ${out} is ${input}, an input of this run: choose another file`);
}

function settings(opts: OutputOptions) {
  const format = resolveFormat('profile', opts.format, opts.out);
  const out = opts.out === '-' ? undefined : opts.out;
  return { format, out, color: format === 'terminal' && !out && colorWanted(opts.color) };
}

async function renderProfile(
  bank: ProfileBank,
  result: ProfileResult,
  format: ProfileFormat,
  color: boolean,
): Promise<string> {
  switch (format) {
    case 'terminal':
      return (await import('../../core/profile/render-text.js')).renderProfileTerminal(bank, result, color);
    case 'markdown':
      return (await import('../../core/profile/render-markdown.js')).renderProfileMarkdown(bank, result);
    case 'json':
      return (await import('../../core/profile/render-json.js')).renderProfileJson(result);
    case 'html':
      return (await import('../../core/profile/render-html.js')).renderProfileHtml(bank, result);
  }
}

async function loadBank(path?: string): Promise<ProfileBank> {
  return (await import('../../io/profile-files.js')).loadProfileBank(path);
}

async function scoreFile(bank: ProfileBank, text: { source: string; text: string }): Promise<ProfileResult> {
  const [{ parseProfileAnswers }, { scoreProfile }] = await Promise.all([
    import('../../core/profile/answers.js'),
    import('../../core/profile/score.js'),
  ]);
  const answers = parseProfileAnswers(text, bank);
  return {
    ...scoreProfile(bank, answers.answers, { name: answers.name, rater: answers.rater }),
    source: answers.source,
  };
}

export async function run(opts: ProfileOptions): Promise<void> {
  const out = settings(opts);
  if (opts.answers === undefined) return runInteractive(opts, out);
  refuseOverwrite(opts.out, [opts.answers, opts.profile]);
  const bank = await loadBank(opts.profile);
  const result = await scoreFile(bank, await readSourceText(opts.answers));
  emit(await renderProfile(bank, result, out.format, out.color), out.out);
}

async function runInteractive(opts: ProfileOptions, out: ReturnType<typeof settings>): Promise<void> {
  const { noPromptReason, abortOnStop } = await import('../interactive/run.js');
  const why = noPromptReason(process.stdin, process.env);
  if (why) {
    throw new UsageError(
      `${why}, so there is no one to ask.\nRun pm-diag profile in a terminal to answer it yourself. An interviewer can instead write a scoring sheet with pm-diag profile interview --sheet FILE, fill it in, then run pm-diag profile --answers FILE`,
    );
  }
  if (opts.resume && opts.fresh)
    throw new UsageError('--resume and --fresh: choose one (resume the saved answers, or start over)');
  refuseOverwrite(opts.out, [opts.save, opts.profile]);
  const [
    { interactiveProfile, PROFILE_END_OF_INPUT },
    { inquirerPrompter },
    { makeColors },
    { commandLine, lookWidth },
    { thisCommand },
  ] = await Promise.all([
    import('../interactive/profile.js'),
    import('../interactive/prompts.js'),
    import('../../core/render/colors.js'),
    import('../interactive/screens.js'),
    import('../interactive/invocation.js'),
  ]);
  const bank = await loadBank(opts.profile);
  const command = thisCommand();
  const resumeArgs = [...command, 'profile', '--resume', '--save', opts.save];
  if (opts.profile !== undefined) resumeArgs.push('--profile', opts.profile);
  // Prompts and messages go to stderr, so stdout carries only the profile.
  const output = process.stderr;
  const controller = new AbortController();
  const removeHandlers = abortOnStop(controller, PROFILE_END_OF_INPUT);
  try {
    await interactiveProfile({
      bank,
      savePath: opts.save,
      start: opts.fresh ? 'fresh' : opts.resume ? 'resume' : 'ask',
      resumeArgs,
      prompter: inquirerPrompter({ signal: controller.signal, output }),
      look: { colors: makeColors(colorWanted(opts.color, output)), width: lookWidth(output) },
    });
  } finally {
    removeHandlers();
  }
  // The profile is printed from the saved file, exactly as `profile --answers` prints it.
  const result = await scoreFile(bank, readFileText(opts.save));
  emit(await renderProfile(bank, result, out.format, out.color), out.out);
  const { say } = await import('../../io/output.js');
  say(
    `\nYour answers are saved in ${opts.save}.\n  ${commandLine([...command, 'profile', '--answers', opts.save])}   prints this profile again`,
  );
}

export interface InterviewOptions {
  profile?: string;
  dimension?: string[];
  format?: string;
  out?: string;
  sheet?: string;
  force?: boolean;
  color?: boolean;
}

export async function runInterview(opts: InterviewOptions): Promise<void> {
  const format = resolveFormat('interview', opts.format, opts.out);
  const bank = await loadBank(opts.profile);
  const { closest } = await import('../../core/text.js');
  const wanted = opts.dimension ?? [];
  const unknown = wanted.filter((id) => !bank.dimensions.some((d) => d.id === id));
  if (unknown.length) {
    const ids = bank.dimensions.map((d) => d.id);
    throw new UsageError(
      unknown
        .map(
          (id) =>
            `--dimension: found "${id}"${closest(id, ids) ? ` (did you mean "${closest(id, ids)}"?)` : ''}, expected one of ${ids.join(', ')}`,
        )
        .join('\n'),
    );
  }
  const dimensions = wanted.length ? bank.dimensions.filter((d) => wanted.includes(d.id)) : bank.dimensions;
  if (opts.sheet !== undefined && existsSync(opts.sheet) && !opts.force) {
    throw new UsageError(
      `--sheet ${opts.sheet} already exists (it may hold an interviewer's answers): choose another file, or add --force to replace it`,
    );
  }
  const interview = await import('../../core/profile/interview.js');
  const out = opts.out === '-' ? undefined : opts.out;
  const text =
    format === 'markdown'
      ? interview.renderInterviewMarkdown(bank, dimensions)
      : interview.renderInterviewTerminal(bank, dimensions, !out && colorWanted(opts.color));
  if (opts.sheet !== undefined) writeFileAtomic(opts.sheet, interview.scoringSheet(bank, dimensions, opts.sheet));
  emit(text, out);
}

export interface TeamOptions extends OutputOptions {
  diagnosis?: string;
}

/** Folders become their answers files (sorted by name); files stay as given. */
async function teamFiles(paths: string[]): Promise<string[]> {
  const { folderFiles } = await import('../../io/collect.js');
  return paths.flatMap((path) => {
    try {
      if (statSync(path).isDirectory()) return valueOf(folderFiles(path));
    } catch {
      // Not there: reading it below says so, with the other problems.
    }
    return [path];
  });
}

export async function runTeam(paths: string[], opts: TeamOptions): Promise<void> {
  const out = settings(opts);
  const files = await teamFiles(paths);
  refuseOverwrite(opts.out, [...files, opts.diagnosis, opts.profile]);
  const bank = await loadBank(opts.profile);
  const problems: Problem[] = [];
  const members: ProfileResult[] = [];
  const attempt = async <T>(load: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await load();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
      return undefined;
    }
  };
  for (const file of files) {
    const member = await attempt(async () => scoreFile(bank, readFileText(file)));
    if (member) members.push(member);
  }
  const diagnosis =
    opts.diagnosis === undefined
      ? undefined
      : await attempt(async () =>
          (await import('../../core/profile/diagnosis.js')).parseDiagnosis(await readSourceText(opts.diagnosis!)),
        );
  if (problems.length) throw new InputError(problems);
  const { teamResult } = await import('../../core/profile/team.js');
  const team = teamResult(members, diagnosis);
  const render = {
    terminal: async () => (await import('../../core/profile/render-text.js')).renderTeamTerminal(team, out.color),
    markdown: async () => (await import('../../core/profile/render-markdown.js')).renderTeamMarkdown(team),
    json: async () => (await import('../../core/profile/render-json.js')).renderTeamJson(team),
    html: async () => (await import('../../core/profile/render-html.js')).renderTeamHtml(team),
  };
  emit(await render[out.format](), out.out);
}
