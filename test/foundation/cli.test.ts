import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { lint } from 'markdownlint/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ITEM_KINDS, type ItemKind } from '../../src/core/bank/item-kinds.js';
import { bankItems } from '../../src/core/bank/items.js';
import { loadBankFile } from '../../src/io/bank-files.js';
import { defaultStage, itemsInScope } from '../../src/core/answers/scope.js';
import { BIN, ROOT, runCli, type CliResult } from '../helpers/cli.js';
import { ANSWERS, BANKS, BUILTIN_BANK, MINIMAL_BANK } from './helpers.js';
import { checkJsonSchema } from './json-schema.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const COMMANDS = ['roles', 'assess', 'report', 'compare', 'template', 'validate', 'schema', 'form', 'kit'];
const bank = loadBankFile(BUILTIN_BANK);
const items = bankItems(bank);
/** What an answers file without a stage or form is asked: the full form at the bank's default stage. */
const asked = itemsInScope(items, { stage: defaultStage(bank), form: 'full' }).length;
const count = (kind: ItemKind) => items.filter((i) => i.kind === kind).length;
/** What a form tool's columns ask of an item: its rated fields (the owner first). */
const ratedAxes = (kind: ItemKind) => ITEM_KINDS[kind].rated;
const rel = (path: string) => relative(ROOT, path);

const dir = mkdtempSync(join(tmpdir(), 'pm-diag-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An input error as docs/design.md wants it: exit 2, nothing on stdout, no stack trace. */
function expectInputError(result: CliResult): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toContain('internal error');
}

function markdownProblems(markdown: string): string[] {
  // Table rows hold whole questions: line length (MD013) cannot apply to them.
  const results = lint({ strings: { doc: markdown }, config: { default: true, MD013: false } });
  return (results.doc ?? []).map(
    (e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription} ${e.errorDetail ?? ''}`,
  );
}

/** The template with every item answered: responsibilities and interlock items alike. */
function filledTemplate(template: string): string {
  let responsibilities = 0;
  let practices = 0;
  let interlock = 0;
  const filled = template
    .replace('respondent: { name: , role: }', 'respondent: { name: Dana Lee, role: pmm }')
    .replace('organization: ', 'organization: Acme Corp')
    .replace(
      /\{ owner: , capability: , capacity: , evidence: , note: \}/g,
      () => `{ owner: pm, capability: ${(responsibilities++ % 5) + 1}, capacity: 3, evidence: , note: ok }`,
    )
    .replace(
      /\{ frequency: , evidence: , note: \}/g,
      () => `{ frequency: ${(practices++ % 5) + 1}, evidence: , note: }`,
    )
    .replace(
      /\{ delivery: , evidence: , note: \}/g,
      () => `{ delivery: ${(interlock++ % 5) + 1}, evidence: a report, note: }`,
    );
  expect(responsibilities + practices + interlock).toBe(items.length);
  return filled;
}

describe('--version and --help', () => {
  it('prints the version of the program', () => {
    for (const flag of ['--version', '-v']) {
      const result = runCli([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${VERSION}\n`);
    }
  });

  it('prints the program help listing every command', () => {
    const result = runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pm-diag \[options\] \[command\]/);
    for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    // Each command is listed with its arguments.
    for (const term of ['report <files...>', 'compare <before> <after>', 'schema [kind]'])
      expect(result.stdout).toContain(`\n  ${term} `);
  });

  it("builds the whole command wherever one is named: its help, and after the program's options", () => {
    const help = runCli(['help', 'report']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pm-diag report \[options\] <files\.\.\.>/);
    expect(help.stdout).toContain('--latest');
    expect(help.stdout).toContain('Examples:');
    const afterDebug = runCli(['--debug', 'assess', '--answers', 'examples/launch-orphaned.yaml', '--format', 'json']);
    expect(afterDebug.code, afterDebug.stderr).toBe(0);
    expect(JSON.parse(afterDebug.stdout)).toHaveProperty('organization', 'Northwind Analytics');
  });

  it.each(COMMANDS)('%s --help and --version exit 0', (command) => {
    const help = runCli([command, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^Usage: pm-diag ${command} `));
    expect(help.stdout).toContain('Examples:');
    expect(help.stderr).toBe('');
    const version = runCli([command, '--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toBe(`${VERSION}\n`);
  });
});

describe('bad usage', () => {
  it('an unknown command exits 2 without a stack trace', () => {
    const result = runCli(['nope']);
    expectInputError(result);
    expect(result.stderr).toContain("unknown command 'nope'");
  });

  it.each([
    [['--bogus']],
    [['roles', '--bogus']],
    [['validate', '--bogus', 'x.yaml']],
    [['template', '--format', 'xml']],
  ])('%j exits 2 without a stack trace', (args) => {
    const result = runCli(args);
    expectInputError(result);
    expect(result.stderr).toMatch(
      /error: (unknown option '--bogus'|option '--format <format>' argument 'xml' is invalid)/,
    );
  });

  it('a missing argument exits 2', () => {
    expectInputError(runCli(['validate']));
  });

  it.each([['--help'], ['--version'], ['roles']])(
    '%s into a reader that has gone (| head) exits 0 without a stack trace',
    async (arg) => {
      const child = spawn(process.execPath, [BIN, arg], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1' },
      });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).toBe('');
      expect(code).toBe(0);
    },
  );
});

describe('roles', () => {
  it('prints the role map for a terminal: within 80 columns, every area and both interlock directions, no colour with NO_COLOR', () => {
    const result = runCli(['roles']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
    const lower = result.stdout.toLowerCase();
    for (const area of bank.areas) expect(lower).toContain(area.title.toLowerCase());
    expect(result.stdout).toContain('Product Marketing owes Product Management');
    expect(result.stdout).toContain('Product Management owes Product Marketing');
    // A long title wraps in its column: read the map with its line breaks as spaces.
    const flat = result.stdout.replace(/\s+/g, ' ');
    for (const item of items) expect(flat, item.id).toContain(item.title);
    expect(result.stdout).not.toContain('\u001b');
  });

  it('is coloured with FORCE_COLOR, and not with --no-color', () => {
    expect(runCli(['roles'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(runCli(['roles', '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).not.toContain(
      '\u001b',
    );
  });

  it('prints markdown that passes markdownlint, with a section per area and no colour even when forced', () => {
    const result = runCli(['roles', '--format', 'markdown'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(markdownProblems(result.stdout)).toEqual([]);
    for (const area of bank.areas) expect(result.stdout).toContain(`\n## ${area.title}\n`);
    expect(result.stdout).toContain('## Interlock');
    expect(result.stdout).not.toContain('\u001b');
  });

  it('takes the format from --out, writing the file', () => {
    const out = join(dir, 'ROLES.md');
    const result = runCli(['roles', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^# .*: the role map\n/);
  });

  it('uses another bank with --bank', () => {
    const result = runCli(['roles', '--bank', rel(MINIMAL_BANK)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Minimal bank\n/);
    expect(result.stdout).toContain('INSIGHT');
    expect(result.stdout).toContain('Win/loss feedback');
  });

  it('refuses an --out whose extension names no format it writes, writing nothing; --format or no extension writes', () => {
    const pdf = join(dir, 'ROLES.pdf');
    const refused = runCli(['roles', '--out', pdf]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--out: pm-diag does not write ".pdf" files; expected a file ending in .txt, .md');
    expect(existsSync(pdf)).toBe(false);
    expect(runCli(['roles', '--out', pdf, '--format', 'markdown']).code).toBe(0);
    expect(readFileSync(pdf, 'utf8')).toMatch(/^# /);
    const bare = join(dir, 'ROLES');
    expect(runCli(['roles', '--out', bare]).code).toBe(0);
    expect(readFileSync(bare, 'utf8')).not.toMatch(/^# /);
  });

  it('exits 2 on an invalid bank, naming file:line:column of every problem', () => {
    const path = rel(join(BANKS, 'invalid', 'three-errors.yaml'));
    const result = runCli(['roles', '--bank', path]);
    expectInputError(result);
    expect(result.stderr.trim().split('\n')).toEqual([
      `pm-diag: ${path}:23:5: scales.delivery.3: missing (expected a level: { label, description })`,
      `pm-diag: ${path}:32:16: areas.0.responsibilities.0.owner: invalid value (found "nobody", expected pm, pmm, shared, leadership, marketing, cs, sales)`,
      `pm-diag: ${path}:57:13: interlock.1.weight: invalid value (found 0, expected a weight of 1, 2 or 3)`,
    ]);
  });

  it('keeps escape sequences and control characters in bank text off the terminal and out of markdown', () => {
    const hostile = rel(join(BANKS, 'hostile-text.yaml'));
    for (const args of [['roles'], ['roles', '--format', 'markdown']]) {
      const result = runCli([...args, '--bank', hostile], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
      expect(result.code).toBe(0);
      const withoutColour = result.stdout.replace(/\u001b\[[0-9;]*m/g, '');
      expect(withoutColour).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(withoutColour).not.toContain('<script>');
    }
  });
});

describe('validate', () => {
  it('accepts the built-in bank and a valid answers file', () => {
    const result = runCli(['validate', rel(BUILTIN_BANK), rel(join(ANSWERS, 'partial.yaml'))]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `ok   questions/pm-pmm.yaml: question bank "pm-pmm-diagnostic" v${bank.version}: ` +
        `${bank.areas.length} areas, ${count('responsibility')} responsibilities, ${count('practice')} practices, ${count('interlock')} interlock items\n` +
        `ok   test/fixtures/answers/partial.yaml: answers for "pm-pmm-diagnostic", 3 of ${asked} items answered\n` +
        'ok   report: would count 1 respondent (0 answered the rapid form, 1 the full), ' +
        'scored on the full form at the growth stage\n',
    );
    expect(result.stderr).toContain(
      `pm-diag: test/fixtures/answers/partial.yaml:5:3: warning: answers: ${asked - 3} of ${asked} items unanswered`,
    );
  });

  it('checks answers against a bank given in the same run, and against --bank; YAML and JSON alike', () => {
    // One person's answers in two formats: report would refuse them together (validate says so), so one by one.
    const files = [rel(join(ANSWERS, 'minimal-complete.yaml')), rel(join(ANSWERS, 'minimal-complete.json'))];
    for (const answers of files) {
      for (const args of [
        [rel(MINIMAL_BANK), answers],
        ['--bank', rel(MINIMAL_BANK), answers],
      ]) {
        const result = runCli(['validate', '--strict', ...args]);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toBe('');
        expect(result.stdout).toContain(`ok   ${answers}: answers for "mini-bank", 4 of 4 items answered`);
      }
    }
    const both = runCli(['validate', rel(MINIMAL_BANK), ...files]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('FAIL report: would refuse these answers');
  });

  it('exits 2 listing every problem of every file, and which files failed', () => {
    const weight = rel(join(BANKS, 'invalid', 'weight-4.yaml'));
    const typo = rel(join(BANKS, 'invalid', 'typo-key.yaml'));
    const answers = rel(join(ANSWERS, 'invalid-several.yaml'));
    const result = runCli(['validate', weight, rel(BUILTIN_BANK), typo, answers]);
    expectInputError(result);
    const errors = result.stderr.split('\n').filter((l) => l.startsWith('pm-diag: '));
    expect(errors).toEqual([
      `pm-diag: ${weight}:36:17: areas.0.responsibilities.0.weight: invalid value (found 4, expected a weight of 1, 2 or 3)`,
      `pm-diag: ${typo}:32:9: areas.0.responsibilities.0.question: missing (expected text)`,
      `pm-diag: ${typo}:35:9: areas.0.responsibilities.0.questoin: unknown key "questoin" (did you mean "question"?)`,
      `pm-diag: ${answers}:4:51: answers.competitive-analysis.capability: invalid value (found 6, expected an integer from 1 to 5, or "unknown")`,
      `pm-diag: ${answers}:5:3: answers.positioning-and-messagin: unknown item id "positioning-and-messagin" (did you mean "positioning-and-messaging"?) (expected an id from the bank "pm-pmm-diagnostic" (pm-diag template lists them))`,
      // A value that fails the schema does not hide the rule problems of the rest of the file.
      `pm-diag: ${answers}:6:49: answers.win-loss-feedback.capability: "win-loss-feedback" is an interlock item, rated on delivery only (found capability, expected delivery (and evidence and a note))`,
    ]);
    expect(result.stderr).toContain(`FAIL ${weight}`);
    expect(result.stderr).toContain(`FAIL ${answers}`);
    expect(result.stderr).toContain('ok   questions/pm-pmm.yaml');
  });

  it('exits 2 for a missing file, naming it', () => {
    const result = runCli(['validate', 'no-such-file.yaml']);
    expectInputError(result);
    expect(result.stderr).toContain('pm-diag: no-such-file.yaml: no such file');
  });

  it('refuses a custom tag without a Node warning on stderr', () => {
    const path = rel(join(BANKS, 'invalid', 'custom-tag.yaml'));
    const result = runCli(['validate', path]);
    expectInputError(result);
    expect(result.stderr).toBe(
      `FAIL ${path}\npm-diag: ${path}:50:15: Unresolved tag: !include: custom tags are not allowed\n`,
    );
  });

  it('makes missing answers errors with --strict', () => {
    const result = runCli(['validate', '--strict', rel(join(ANSWERS, 'partial.yaml'))]);
    expectInputError(result);
    expect(result.stderr).toContain(`${asked - 3} of ${asked} items unanswered`);
    expect(result.stderr).toContain('(expected every item answered (--strict))');
  });
});

describe('template', () => {
  const template = runCli(['template']);

  it('lists every item id with its question, under the yaml-language-server line', () => {
    expect(template.code).toBe(0);
    expect(template.stdout.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+\.json$/);
    for (const item of items) {
      expect(template.stdout, item.id).toMatch(new RegExp(`^  ${item.id}: \\{ `, 'm'));
      expect(template.stdout, item.id).toContain(`# ${item.question}`);
    }
    expect(template.stdout).toContain(`bank: ${bank.id}\n`);
  });

  it('is accepted unfilled by validate, with a warning only', () => {
    const path = join(dir, 'blank.yaml');
    writeFileSync(path, template.stdout);
    const result = runCli(['validate', path]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`0 of ${asked} items answered`);
    expect(result.stderr).toContain(`warning: answers: ${asked} of ${asked} items unanswered`);
  });

  it('is accepted filled in, even with --strict, with no warning', () => {
    const path = join(dir, 'filled.yaml');
    writeFileSync(path, filledTemplate(template.stdout));
    const result = runCli(['validate', '--strict', path]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const [line] = result.stdout.split('\n');
    expect(line).toBe(`ok   ${path}: answers for "${bank.id}", ${asked} of ${asked} items answered`);
  });

  it('gives the CSV header row for a form with --format csv: the default stage’s items, the facts first', () => {
    const result = runCli(['template', '--format', 'csv']);
    expect(result.code).toBe(0);
    const expected = ['respondent', 'role', ...Object.keys(bank.facts ?? {}).map((fact) => `facts.${fact}`)];
    for (const item of itemsInScope(items, { stage: defaultStage(bank), form: 'full' })) {
      const axes = ratedAxes(item.kind);
      for (const axis of [...axes, 'evidence', 'note']) expected.push(`${item.id}.${axis}`);
    }
    // Each column is a readable question ending in its tag (test/formtool has the rest).
    expect(result.stdout.split('\n')).toHaveLength(2);
    expect(result.stdout.match(/\[[^\]]+\](?="?(?:,|\n))/g)?.map((tag) => tag.slice(1, -1))).toEqual(expected);
    expect(expected.filter((c) => !c.startsWith('facts.')).slice(0, 7)).toEqual([
      'respondent',
      'role',
      `${items[0]!.id}.owner`,
      `${items[0]!.id}.capability`,
      `${items[0]!.id}.capacity`,
      `${items[0]!.id}.evidence`,
      `${items[0]!.id}.note`,
    ]);
  });

  it('writes --out atomically: the whole file, replacing an old one, no temp files left', () => {
    const folder = mkdtempSync(join(dir, 'out-'));
    const out = join(folder, 'answers.yaml');
    writeFileSync(out, 'old\n');
    const result = runCli(['template', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(template.stdout);
    expect(readdirSync(folder)).toEqual(['answers.yaml']);
    const csv = runCli(['template', '--out', join(folder, 'columns.csv')]);
    expect(csv.code).toBe(0);
    expect(readFileSync(join(folder, 'columns.csv'), 'utf8')).toMatch(/^Your name \[respondent\],Your role \[role\],/);
  });

  it('exits 2 when --out cannot be written', () => {
    const result = runCli(['template', '--out', join(dir, 'missing', 'answers.yaml')]);
    expectInputError(result);
    expect(result.stderr).toContain('cannot write the file: the folder does not exist');
  });

  it('uses another bank with --bank', () => {
    const result = runCli(['template', '--bank', rel(MINIMAL_BANK)]);
    expect(result.stdout).toContain('bank: mini-bank\n');
    expect(result.stdout.match(/^ {2}[a-z-]+: \{/gm)).toEqual([
      '  market-problems: {',
      '  positioning: {',
      '  win-loss-feedback: {',
      '  launch-cadence: {',
    ]);
  });
});

describe('schema', () => {
  const schemaOf = (kind: string) => {
    const result = runCli(['schema', kind]);
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };
  const bankSchema = schemaOf('bank');
  const answersSchema = schemaOf('answers');

  it('prints draft-07 JSON Schemas that are strict about keys', () => {
    for (const schema of [bankSchema, answersSchema]) {
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties).toBe(false);
      expect(typeof schema.title).toBe('string');
    }
    expect(bankSchema.required).toEqual([
      'id',
      'version',
      'title',
      'target',
      'functions',
      'scales',
      'areas',
      'interlock',
    ]);
    expect(answersSchema.required).toEqual(['answers']);
    expect(Object.keys(answersSchema.properties as object)).toEqual([
      '$schema',
      'bank',
      'bank-version',
      'bank-hash',
      'organization',
      'stage',
      'form',
      'respondent',
      'response',
      'answered-at',
      'facts',
      'answers',
    ]);
    const bankProperties = Object.keys(bankSchema.properties as object);
    for (const key of ['default-stage', 'stages', 'facts', 'migrations']) expect(bankProperties).toContain(key);
  });

  it('defaults to the answers schema', () => {
    expect(JSON.parse(runCli(['schema']).stdout)).toEqual(answersSchema);
  });

  it('accepts the built-in bank, and refuses a broken one', () => {
    const data = parseYaml(readFileSync(BUILTIN_BANK, 'utf8')) as {
      areas: { responsibilities: { weight: number; extra?: string }[] }[];
    };
    expect(checkJsonSchema(bankSchema, data)).toEqual([]);
    data.areas[0]!.responsibilities[0]!.weight = 4;
    data.areas[0]!.responsibilities[0]!.extra = 'x';
    expect(checkJsonSchema(bankSchema, data)).toEqual([
      '$.areas[0].responsibilities[0].weight: matches none of anyOf ($.areas[0].responsibilities[0].weight: expected 1 | $.areas[0].responsibilities[0].weight: expected 2 | $.areas[0].responsibilities[0].weight: expected 3)',
      '$.areas[0].responsibilities[0]: unknown key "extra"',
    ]);
  });

  it('accepts a filled-in template, and refuses an out-of-range level', () => {
    const template = runCli(['template']).stdout;
    const data = parseYaml(filledTemplate(template)) as { answers: Record<string, { capability?: number }> };
    expect(checkJsonSchema(answersSchema, data)).toEqual([]);
    expect(checkJsonSchema(answersSchema, parseYaml(template))).toEqual([]);
    data.answers[items[0]!.id]!.capability = 6;
    expect(checkJsonSchema(answersSchema, data)).toHaveLength(1);
  });

  it('writes --out', () => {
    const out = join(dir, 'answers.schema.json');
    expect(runCli(['schema', 'answers', '--out', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(answersSchema);
  });

  it('exits 2 for an unknown kind', () => {
    const result = runCli(['schema', 'nope']);
    expectInputError(result);
    expect(result.stderr).toBe(
      'pm-diag: schema: found "nope", expected bank, answers, charter, profile, profile-answers or export\n',
    );
  });
});

describe('what respondents fill in does not prime the answer', () => {
  it('the template names no recommended owner (roles shows it)', () => {
    const result = runCli(['template']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'market-problem-discovery: { owner: , capability: , capacity: , evidence: , note: }',
    );
    expect(result.stdout).not.toMatch(/recommended|owner: pm\b|\(pm[,)]/i);
    expect(runCli(['roles']).stdout).toMatch(/Finding the market/);
  });

  it('--area with --answers is refused rather than silently ignored', () => {
    const result = runCli(['assess', '--answers', 'examples/mature.yaml', '--area', 'launch']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--area chooses what the interactive assessment asks');
  });
});
