import { Command, CommanderError, Option } from 'commander';
import { OUTPUT_FORMATS, type OutputKind } from './core/render/formats.js';
import { safeText } from './core/text.js';
import { VERSION } from './core/version.js';
import { stdoutIsFile, stdoutStream, writeStdout, writeStdoutDirectly } from './io/stdout.js';

// Thin on purpose: each action parses its options, then imports the code that does the work, so
// `--version` and `--help` load nothing but commander.

/** `--format`, offering what this kind of output can be written as (render/formats.ts). */
const formatOption = (kind: OutputKind, description: string) =>
  new Option('--format <format>', description).choices(OUTPUT_FORMATS[kind]);

/** `--map FILE`, for every command that reads form exports. */
const MAP_OPTION = [
  '--map <file>',
  'a YAML file naming the headers and choice labels of a form export (CSV, XLSX) that carry no [<id>.<field>] tag',
] as const;
const ORGANIZATION_OPTION = [
  '--organization <name>',
  'keep only the respondents of this organization (when the files name several)',
] as const;
const LATEST_OPTION = [
  '--latest',
  "one who answered more than once: keep their latest (by answered-at or timestamp, else the file's time)",
] as const;

const STAGE_OPTION = [
  '--stage <stage>',
  "the company's stage, one of the bank's stages (default: the answers', else the bank's default)",
] as const;
const FORM_OPTION = [
  '--form <form>',
  'rapid (only the items marked rapid) or full (default: rapid when every answers file says so)',
] as const;

const reportOptions = (cmd: Command): Command =>
  cmd
    .option('--bank <file>', 'a question bank to use instead of the built-in one')
    .addOption(formatOption('report', 'report format (default: from --out, else terminal)'))
    .option('--out <file>', 'write the report to a file (written atomically) instead of stdout')
    .option(...STAGE_OPTION)
    .option(...FORM_OPTION)
    .option(
      '--target <level>',
      "target level 1-5 for every item without its own (default: the stage's, else the bank's)",
    )
    .option('--top <n>', 'how many gaps to list', '10')
    .option('--fail-under <score>', 'exit 1 when readiness is below this score (0-100), after writing the report')
    .option('--strict', 'unanswered items are errors, not warnings')
    .option(
      '--charter <file>',
      "the organization's charter (pm-diag template --format charter): its decided owners and its actions",
    )
    .option('--no-color', 'no colour in the terminal report');

/** A command's argument: its name, description and default value, as commander's `argument()` takes them. */
type ArgumentSpec = readonly [name: string, description: string, defaultValue?: string];

/**
 * A command: what the program's help lists (its summary and arguments), and the rest of it (its
 * description, options, examples and action), added only where the command may run or show its help.
 */
interface CommandSpec {
  readonly summary: string;
  readonly arguments?: readonly ArgumentSpec[];
  readonly define: (cmd: Command, program: Command) => Command;
}

const COMMANDS: Record<string, CommandSpec> = {
  roles: {
    summary: 'the role map: who should own what, and what each owes the other',
    define: (cmd) =>
      cmd
        .description(
          'the role map: responsibilities by area with who is accountable (A) and who contributes (C), and what each function owes the other',
        )
        .option('--bank <file>', 'a question bank to use instead of the built-in one')
        .addOption(formatOption('roles', 'output format (default: from --out, else terminal)'))
        .option('--out <file>', 'write to a file instead of stdout')
        .option('--no-color', 'no colour')
        .addHelpText('after', '\nExamples:\n  pm-diag roles\n  pm-diag roles --format markdown --out ROLES.md')
        .action(async (opts) => (await import('./commands/roles.js')).run(opts)),
  },
  assess: {
    summary: 'assess your organization (interactive, or --answers FILE)',
    define: (cmd) =>
      reportOptions(
        cmd
          .description('assess your organization: interactively in a terminal, or from an answers file (--answers)')
          .option('--answers <file>', 'read answers from a YAML or JSON file ("-" for stdin) instead of asking')
          .option('--save <file>', 'interactive: where answers are saved after every question', 'pm-diag-answers.yaml')
          .option('--resume', 'interactive: resume the saved file without asking')
          .option('--fresh', 'interactive: start over (the old file is kept as a backup)')
          .option(
            '--area <id...>',
            'interactive: assess only these areas (repeatable; "interlock" for what each function owes the other)',
          ),
      )
        .addHelpText(
          'after',
          '\nExamples:\n  pm-diag assess                                  # interactive, saves to pm-diag-answers.yaml\n  pm-diag assess --answers answers.yaml           # print the gap report\n  pm-diag assess --answers answers.yaml --out report.md --fail-under 60',
        )
        .action(async (opts) => (await import('./commands/assess.js')).run(opts)),
  },
  report: {
    summary: 'one report over several respondents (files, folders, CSV or XLSX exports)',
    arguments: [['<files...>', 'answers files (YAML or JSON), folders, or .csv / .xlsx exports']],
    define: (cmd) =>
      reportOptions(
        cmd
          .description(
            "one report over several respondents: answers files, folders of them, or a form tool's export (CSV or XLSX)",
          )
          .option(...ORGANIZATION_OPTION)
          .option(...LATEST_OPTION)
          .option(...MAP_OPTION),
      )
        .addHelpText(
          'after',
          '\nExamples:\n  pm-diag report answers/\n  pm-diag report dana.yaml lee.yaml --format markdown --out report.md\n  pm-diag report survey-export.csv\n  pm-diag report "Form responses.xlsx" --map form-map.yaml',
        )
        .action(async (files, opts) => (await import('./commands/report.js')).run(files, opts)),
  },
  form: {
    summary: 'the questionnaire as one offline HTML file to send to respondents',
    define: (cmd) =>
      cmd
        .description(
          'the questionnaire as one HTML file that works offline: each respondent answers in a browser and downloads an answers file for pm-diag report',
        )
        .option('--bank <file>', 'a question bank to use instead of the built-in one')
        .option('--form <form>', 'rapid (only the items marked rapid) or full', 'full')
        .option('--stage <stage>', "the company's stage, one of the bank's stages (default: the bank's default)")
        .option('--organization <name>', 'the organization, written into every answers file')
        .addOption(formatOption('form', 'html, the one format of the questionnaire'))
        .requiredOption('--out <file>', 'where to write the questionnaire (.html; "-" for stdout)')
        .addHelpText(
          'after',
          '\nExamples:\n  pm-diag form --out questionnaire.html\n  pm-diag form --form rapid --stage startup --organization "Acme Corp" --out acme.html\n\nSend the file; each person opens it, answers, and sends back NAME-answers.yaml. Then: pm-diag report answers/',
        )
        .action(async (opts) => (await import('./commands/form.js')).run(opts)),
  },
  kit: {
    summary: "the facilitator's kit: the questionnaire and a page that turns the answers into the report",
    define: (cmd) =>
      cmd
        .description(
          "the facilitator's kit, two offline HTML files: questionnaire.html to send to each respondent, and facilitator.html, where the answers files and form exports are dropped and the report is made, in any browser, with no install",
        )
        .option('--bank <file>', 'a question bank to use instead of the built-in one')
        .option('--form <form>', "the questionnaire's form: rapid (only the items marked rapid) or full", 'full')
        .option('--stage <stage>', "the questionnaire's stage, one of the bank's stages (default: the bank's default)")
        .option('--organization <name>', 'the organization, written into every answers file')
        .requiredOption(
          '--out <dir>',
          'the folder to write questionnaire.html and facilitator.html in (made if needed)',
        )
        .addHelpText(
          'after',
          '\nExamples:\n  pm-diag kit --out kit\n  pm-diag kit --form rapid --organization "Acme Corp" --out acme-kit\n\nSend questionnaire.html; each person answers and sends back NAME-answers.yaml.\nOpen facilitator.html in a browser and drop the answers files (or the form tool\'s\nCSV or XLSX export) on it: the report appears in the page.',
        )
        .action(async (opts) => (await import('./commands/kit.js')).run(opts)),
  },
  compare: {
    summary: 'what changed between two assessments',
    arguments: [
      ['<before>', 'the earlier assessment'],
      ['<after>', 'the later assessment'],
    ],
    define: (cmd) =>
      cmd
        .description(
          'what changed between two assessments (answers files, folders, CSV or XLSX exports or JSON reports)',
        )
        .option('--bank <file>', 'a question bank to use instead of the built-in one')
        .option(...MAP_OPTION)
        .option(...ORGANIZATION_OPTION)
        .option(...STAGE_OPTION)
        .option(...FORM_OPTION)
        .addOption(formatOption('comparison', 'output format (default: from --out, else terminal)'))
        .option('--out <file>', 'write to a file instead of stdout')
        .option('--target <level>', 'target level 1-5 for every item without its own')
        .option('--fail-on-regression', 'exit 1 when the readiness of any item, or the summary, went down')
        .option(
          '--charter <file>',
          "the organization's charter: did its decisions take, and did its actions' items improve",
        )
        .option(...LATEST_OPTION)
        .option('--no-color', 'no colour')
        .addHelpText(
          'after',
          '\nExamples:\n  pm-diag compare q1.yaml q2.yaml\n  pm-diag compare last-report.json answers.yaml --fail-on-regression',
        )
        .action(async (before, after, opts) => (await import('./commands/compare.js')).run(before, after, opts)),
  },
  template: {
    summary: 'a blank answers file, a CSV header for a form, or a guide to build the form',
    define: (cmd) =>
      cmd
        .description(
          'a blank answers file with every item id and its question as a comment; a CSV header row whose columns carry [<id>.<field>] tags (--format csv); or a markdown guide to build the questionnaire in a form tool (--format form-guide)',
        )
        .option('--bank <file>', 'a question bank to use instead of the built-in one')
        .addOption(formatOption('template', 'yaml, csv or form-guide (default: from --out, else yaml)'))
        .option('--stage <stage>', 'only the items that apply at this stage of the bank, and the stage filled in')
        .option('--form <form>', 'rapid (only the items marked rapid) or full', 'full')
        .option('--out <file>', 'write to a file instead of stdout')
        .option('--force', 'replace an --out file that holds answers (the old one is kept as FILE.bak-<timestamp>)')
        .option('--from <report>', '--format charter: the JSON report whose role charter and action plan pre-fill it')
        .addHelpText(
          'after',
          '\nExamples:\n  pm-diag template --out answers.yaml\n  pm-diag template --format csv > form-columns.csv\n  pm-diag template --format form-guide --form rapid --out form-guide.md\n  pm-diag template --format charter --from report.json --out charter.yaml',
        )
        .action(async (opts) => (await import('./commands/template.js')).run(opts)),
  },
  validate: {
    summary: 'check question banks, answers files and form exports',
    arguments: [['<files...>', 'banks and answers files (YAML or JSON), folders, .csv or .xlsx exports']],
    define: (cmd) =>
      cmd
        .description(
          'check question banks, answers files, folders of them and form exports (CSV, XLSX); ' +
            'every problem is listed, then what report would count',
        )
        .option('--bank <file>', 'the bank to check answers files against (default: built-in)')
        .option(...MAP_OPTION)
        .option('--stage <stage>', 'the stage report would score at (default: as report chooses it)')
        .option('--form <form>', 'rapid or full: the form report would score (default: as report chooses it)')
        .option(...ORGANIZATION_OPTION)
        .option(...LATEST_OPTION)
        .option('--strict', 'unanswered items are errors, not warnings')
        .addHelpText(
          'after',
          '\nExamples:\n  pm-diag validate answers.yaml\n' +
            '  pm-diag validate my-bank.yaml answers/*.yaml --bank my-bank.yaml\n' +
            '  pm-diag validate "Form responses.xlsx"\n  pm-diag validate answers/ --latest',
        )
        .action(async (files, opts) => (await import('./commands/validate.js')).run(files, opts)),
  },
  profile: {
    summary: 'does a person lean inbound (PM) or outbound (PMM)? interview guide, team view',
    define: (cmd, program) => {
      // `profile` and its subcommands share option names (--format, --out): each must read only its own,
      // which commander does only when every level stops at the next command's name. The program's own
      // options (--debug, --version) then go before the command, or are repeated on it (--debug).
      program.enablePositionalOptions();
      const profileOutput = (cmd: Command): Command =>
        cmd
          // The program's --debug, which positional options keep from reaching this far.
          .addOption(new Option('--debug').hideHelp())
          .option('--profile <file>', 'a profile bank to use instead of the built-in one')
          .addOption(formatOption('profile', 'output format (default: from --out, else terminal)'))
          .option('--out <file>', 'write to a file (written atomically) instead of stdout')
          .option('--no-color', 'no colour in the terminal output');
      const profile = profileOutput(
        cmd
          .description(
            "one person's inbound (product management) or outbound (product marketing) tendency, self-reported in 39 forced choices: interactively in a terminal, or from an answers file (--answers); inconclusive when too little is answered or the answers are not consistent",
          )
          .option('--answers <file>', 'read the answers from a YAML or JSON file ("-" for stdin) instead of asking')
          .option('--save <file>', 'interactive: where answers are saved after every question', 'pm-diag-profile.yaml')
          .option('--resume', 'interactive: resume the saved file without asking')
          .option('--fresh', 'interactive: start over (the old file is kept as a backup)'),
      )
        .addHelpText(
          'after',
          '\nExamples:\n  pm-diag profile                                  # interactive, saves to pm-diag-profile.yaml\n  pm-diag profile --answers examples/profile/sam-ortiz.yaml\n  pm-diag profile --answers sam.yaml --out sam.html\n  pm-diag profile interview --dimension setbacks --format markdown\n  pm-diag profile team examples/profile-team --diagnosis report.json\n\nA conversation starter with no population norms, not a test to hire or reject on: for a hiring decision, use pm-diag profile interview.',
        )
        .enablePositionalOptions()
        .action(async (opts) => (await import('./commands/profile.js')).run(opts));
      profile
        .command('interview')
        .description(
          'the interview guide, the tool for a hiring decision: per dimension, behavioural questions, what each tendency sounds like, follow-ups, and a scoring sheet',
        )
        .option('--profile <file>', 'a profile bank to use instead of the built-in one')
        .option('--dimension <id...>', 'only these dimensions (repeatable)')
        .addOption(formatOption('interview', 'output format (default: from --out, else terminal)'))
        .option('--out <file>', 'write the guide to a file instead of stdout')
        .option('--sheet <file>', 'also write the scoring sheet on its own, ready to fill in')
        .option('--force', 'let --sheet replace an existing file')
        .option('--no-color', 'no colour')
        .addOption(new Option('--debug').hideHelp())
        .addHelpText(
          'after',
          '\nExamples:\n  pm-diag profile interview --format markdown --out guide.md --sheet candidate.yaml\n  pm-diag profile interview --dimension setbacks --dimension writing\n  pm-diag profile --answers candidate.yaml          # once the sheet is filled in',
        )
        .exitOverride()
        .action(async (opts) => (await import('./commands/profile.js')).runInterview(opts));
      profileOutput(
        profile
          .command('team')
          .description(
            "everyone's conclusive tendency on one strip and the team's balance (inconclusive profiles are listed and left out); with --diagnosis, which tendency the next hire should have",
          )
          .argument('<paths...>', 'a folder of profile answers files, or the files themselves')
          .option(
            '--diagnosis <report.json>',
            "the JSON report of pm-diag report --format json: weighs each function's capacity gaps",
          ),
      )
        .addHelpText(
          'after',
          '\nExamples:\n  pm-diag profile team examples/profile-team\n  pm-diag report answers/ --format json --out report.json && pm-diag profile team team/ --diagnosis report.json',
        )
        .exitOverride()
        .action(async (paths, opts) => (await import('./commands/profile.js')).runTeam(paths, opts));
      return profile;
    },
  },
  export: {
    summary: 'tidy data for analysis tools (CSV, NDJSON, Parquet)',
    arguments: [['<files...>', 'answers files (YAML or JSON), folders, or .csv / .xlsx exports']],
    define: (cmd) =>
      cmd
        .description(
          'one row per respondent × item × axis (CSV, NDJSON or Parquet), for DuckDB, a warehouse or a spreadsheet',
        )
        .option('--bank <file>', 'a question bank to use instead of the built-in one')
        .option(...MAP_OPTION)
        .addOption(formatOption('export', 'output format (default: from --out, else csv)'))
        .option('--out <file>', 'write to a file (written atomically) instead of stdout')
        .option('--target <level>', "target level 1-5 for every item without its own (default: the bank's)")
        .option('--organization <name>', 'keep only the respondents of this organization')
        .option(...LATEST_OPTION)
        .option('--strict', 'unanswered items are errors, not warnings')
        .addHelpText(
          'after',
          '\nExamples:\n  pm-diag export answers/ --out team.csv\n  pm-diag export answers/ --out team.parquet\n  pm-diag export survey-export.csv --format ndjson > team.ndjson',
        )
        .action(async (files, opts) => (await import('./commands/export.js')).run(files, opts)),
  },
  schema: {
    summary: 'JSON Schema of a bank, answers file or profile, for editors',
    arguments: [
      [
        '[kind]',
        'bank, answers, charter, profile (the profile bank), profile-answers or export (one row of pm-diag export)',
        'answers',
      ],
    ],
    define: (cmd) =>
      cmd
        .description('the JSON Schema (draft-07) of a question bank or an answers file, for editors')
        .option('--out <file>', 'write to a file instead of stdout')
        .addHelpText(
          'after',
          '\nExamples:\n  pm-diag schema answers --out pm-diag-answers.schema.json\n  pm-diag schema bank --out pm-diag-bank.schema.json\n  pm-diag schema profile --out pm-diag-profile.schema.json',
        )
        .action(async (kind, opts) => (await import('./commands/schema.js')).run(kind, opts)),
  },
};

/** `--version` (or `-v`) first: the version is printed before any command is looked at. */
const asksVersion = (argv: readonly string[]): boolean => argv[0] === '--version' || argv[0] === '-v';

/** The program with the commands a run needs: the one it names first, none for `--version`, and every one for help and errors. */
function createProgram(argv: readonly string[]): Command {
  const program = new Command('pm-diag');
  const commanderOutput = program.configureOutput();
  program
    .description(
      'A functional rapid diagnostic for Product Management and Product Marketing:\nwho owns what, how capable each function is, whether it has the capacity, and what each owes the other.',
    )
    .version(VERSION, '-v, --version')
    .option('--debug', 'show stack traces for internal errors')
    .showHelpAfterError('(run with --help for usage)')
    // Commander echoes argv in its errors (an unknown option may be a hostile file name from a glob):
    // everything it writes to stderr goes through the one sanitizer.
    .configureOutput({
      writeOut: writeStdout,
      writeErr: (text) => process.stderr.write(safeText(text)),
      outputError: (text, write) => write(text),
      // A file has no width and no colours; asking would make Node's stream (io/stdout.ts).
      // Commander takes no width as its default one, though its types say a number.
      getOutHelpWidth: (() => (stdoutIsFile() ? undefined : commanderOutput.getOutHelpWidth?.())) as () => number,
      getOutHasColors: () => !stdoutIsFile() && commanderOutput.getOutHasColors?.() === true,
    })
    .configureHelp({ sortSubcommands: false })
    .addHelpText(
      'after',
      "\nStart here:\n  pm-diag roles                        who should own what\n  pm-diag assess                       answer the questions in this terminal\n  pm-diag assess --answers FILE        the gap report from an answers file\n\nRun pm-diag <command> --help for a command's options and examples.",
    );
  const first = argv[0] ?? '';
  if (Object.hasOwn(COMMANDS, first)) addCommand(program, first, 'whole');
  // One short line, written without Node's stdout stream, whose loading would cost more than the rest of the run.
  else if (asksVersion(argv)) program.configureOutput({ writeOut: writeStdoutDirectly });
  else {
    // The program's own help, and its errors (an unknown command is told the names), need only the list.
    const part = argv.some((arg) => Object.hasOwn(COMMANDS, arg)) ? 'whole' : 'listed';
    for (const name of Object.keys(COMMANDS)) addCommand(program, name, part);
  }
  return program;
}

/** Adds the command `name` to the program: whole, or only what the program's help lists of it. */
function addCommand(program: Command, name: string, part: 'whole' | 'listed'): void {
  const spec = COMMANDS[name]!;
  const cmd = program.command(name).summary(spec.summary);
  for (const argument of spec.arguments ?? []) cmd.argument(...argument);
  if (part === 'whole') spec.define(cmd, program);
}

/** Runs the program; returns the exit code rather than exiting, so tests can call it. */
export async function main(argv: string[]): Promise<number> {
  const program = createProgram(argv);
  // Made before the command runs, so that a reader that stops early is handled wherever output is written.
  if (!asksVersion(argv) && !stdoutIsFile()) stdoutStream();
  // Subcommands copy the parent's settings when they are created, so each needs its own override:
  // without it, an unknown option on a command exited 1 instead of 2.
  for (const cmd of [program, ...program.commands]) cmd.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    const { exitCodeFor } = await import('./io/exit.js');
    return exitCodeFor(err, argv.includes('--debug'));
  }
}
