import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { lint } from 'markdownlint/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { ANSWERS, BANKS } from '../foundation/helpers.js';

// Through the built binary: --stage and --form on assess, report and template; the report's stage,
// form, out-of-scope count, handoff perception and claims without evidence in every format; the
// role map's accountable and contributors.

const V2 = relative(ROOT, join(BANKS, 'v2-minimal.yaml'));
const MINIMAL = relative(ROOT, join(BANKS, 'minimal.yaml'));
const dir = mkdtempSync(join(tmpdir(), 'pm-diag-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const dana = write(
  'dana.yaml',
  'stage: startup\nform: rapid\nrespondent: { name: Dana, role: pmm }\nanswers:\n  market-problems: { owner: combined, capability: 4, capacity: 2 }\n  positioning: { owner: pmm, capability: 3, capacity: 3, evidence: message house v2 }\n  operating-model: { owner: leadership, capability: 2, capacity: 2 }\n  win-loss-feedback: { delivery: 4 }\n',
);
const sam = write(
  'sam.yaml',
  'stage: startup\nform: rapid\nrespondent: { name: Sam, role: pm }\nanswers:\n  market-problems: { owner: combined, capability: 3, capacity: 2, evidence: interview notes }\n  positioning: { owner: pmm, capability: 2, capacity: 3 }\n  operating-model: { owner: leadership, capability: 2, capacity: 2 }\n  win-loss-feedback: { delivery: 2 }\n',
);

const json = (args: string[]) => {
  const result = runCli([...args, '--bank', V2, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};

describe('report and assess on a version-2 bank', () => {
  it('scores an all-rapid set at the answers’ stage: JSON with stage, form, out of scope, contributors, sides and evidence', () => {
    const report = json(['report', dana, sam]);
    expect(report).toMatchObject({
      schemaVersion: 1,
      bank: { id: 'mini-bank', version: 2 },
      stage: 'startup',
      form: 'rapid',
      respondents: 2,
      target: 3,
      outOfScope: 2,
    });
    expect(Object.keys(report.summary)).toEqual([
      'readiness',
      'capability',
      'capacity',
      'alignment',
      'interlock',
      'practices',
      'coverage',
    ]);
    expect(report.functions.map((f: { id: string }) => f.id)).toEqual(['pm', 'pmm', 'shared', 'leadership']);
    expect(report.items.map((i: { id: string }) => i.id)).toEqual([
      'market-problems',
      'positioning',
      'operating-model',
      'win-loss-feedback',
    ]);
    const market = report.items[0];
    expect(market).toMatchObject({
      target: 2,
      unevidenced: 1,
      owner: {
        recommended: 'pm',
        contributors: ['pmm', 'sales'],
        consensus: 'combined',
        status: 'aligned',
        contested: false,
      },
    });
    expect(report.items[3]).toMatchObject({ delivery: 3, deliveryBySide: { giver: 4, receiver: 2 } });
    expect(report.handoffPerception).toEqual([
      { id: 'win-loss-feedback', from: 'pmm', to: 'pm', giver: 4, receiver: 2, difference: 2 },
    ]);
    expect(report.unevidenced).toEqual([{ id: 'market-problems', claims: 2, unevidenced: 1, respondents: ['Dana'] }]);
  });

  it('--stage and --form override the answers: combined is blurred at growth, and the full form brings pricing back', () => {
    const growth = json(['report', dana, sam, '--stage', 'growth']);
    expect(growth).toMatchObject({ stage: 'growth', form: 'rapid', target: 4 });
    expect(growth.items[0].owner.status).toBe('blurred');
    const full = json(['report', dana, sam, '--stage', 'growth', '--form', 'full']);
    expect(full).toMatchObject({ form: 'full', outOfScope: 1 });
    expect(full.items.map((i: { id: string }) => i.id)).toContain('pricing');
    // Both answered the rapid form: pricing was not asked of them, so it is in no one's coverage.
    expect(full.forms).toEqual({ rapid: 2, full: 0 });
    expect(full.summary.coverage).toBe(100);
  });

  it('shows stage, form, the out-of-scope count, handoff perception and claims without evidence in the terminal and markdown reports', () => {
    const terminal = runCli(['report', dana, sam, '--bank', V2, '--no-color']);
    expect(terminal.code).toBe(0);
    expect(terminal.stdout).toMatch(/Stage: Startup \(startup\)/);
    expect(terminal.stdout).toContain('Form: rapid');
    expect(terminal.stdout.match(/Out of scope: 2 items/g)).toHaveLength(1);
    expect(terminal.stdout).toContain('HANDOFF PERCEPTION');
    expect(terminal.stdout).toContain('giver 4.00   receiver 2.00   difference +2.00');
    expect(terminal.stdout).toMatch(/CLAIMS WITHOUT EVIDENCE[\s\S]*Market problems +1 of 2 unevidenced\n +Dana\n/);
    expect(terminal.stdout).toContain('Owner: recommended Leadership (contributors PM, PMM), consensus Leadership');
    const markdown = runCli(['report', dana, sam, '--bank', V2, '--format', 'markdown']);
    expect(markdown.stdout).toContain('- **Stage:** Startup \\(startup\\)');
    expect(markdown.stdout).toContain('- **Form:** rapid');
    expect(markdown.stdout).toContain(
      '| Win/loss feedback | Product Marketing → Product Management | 4.00 | 2.00 | +2.00 |',
    );
    expect(markdown.stdout).toContain('## Claims without evidence');
    expect(markdown.stdout).toContain('| Market problems | 1 of 2 | Dana |');
    // Table rows hold whole questions: line length (MD013) cannot apply to them.
    expect(lint({ strings: { doc: markdown.stdout }, config: { default: true, MD013: false } }).doc).toEqual([]);
  });

  it('warns once when the answers name different stages, and reports the most frequent', () => {
    const other = write(
      'lee.yaml',
      'stage: enterprise\nanswers:\n  market-problems: { owner: pm, capability: 3, capacity: 3 }\n',
    );
    const result = runCli(['report', dana, sam, other, '--bank', V2, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'pm-diag: warning: the answers name different stages (startup, enterprise); the report is for the most frequent, startup',
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ stage: 'startup', form: 'full' });
  });

  it('loads a version-1 answers file with a warning naming what moved', () => {
    const result = runCli([
      'assess',
      '--answers',
      relative(ROOT, join(ANSWERS, 'v1-for-v2.yaml')),
      '--bank',
      V2,
      '--format',
      'json',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('moved market-discovery → market-problems (renamed)');
    expect(result.stderr).toContain('old-survey (removed)');
    expect(JSON.parse(result.stdout).items[0]).toMatchObject({ id: 'market-problems', capability: 3 });
  });

  it('refuses an unknown --stage listing the bank’s stages, a bad --form, and --stage with a bank without stages (exit 2)', () => {
    const unknown = runCli(['assess', '--answers', dana, '--bank', V2, '--stage', 'seed']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain(
      '--stage: found "seed", expected one of the bank\'s stages: startup, growth, enterprise',
    );
    const form = runCli(['report', dana, '--bank', V2, '--form', 'quick']);
    expect(form.code).toBe(2);
    expect(form.stderr).toContain('--form: found "quick", expected rapid or full');
    const none = runCli(['template', '--bank', MINIMAL, '--stage', 'growth']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('the bank "mini-bank" declares no stages');
    for (const r of [unknown, form, none]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an unknown stage in an answers file with its position', () => {
    const bad = write('bad.yaml', 'stage: seed\nanswers: {}\n');
    const result = runCli(['assess', '--answers', bad, '--bank', V2]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${bad}:1:8: stage: unknown stage "seed" (expected one of the bank's stages: startup, growth, enterprise)`,
    );
  });
});

describe('template with --form and --stage', () => {
  const ids = (text: string) => [...text.matchAll(/^ {2}([a-z-]+): \{/gm)].map((m) => m[1]);

  it('--form rapid writes only the rapid items, with form: rapid, and shows the stage choices', () => {
    const result = runCli(['template', '--bank', V2, '--form', 'rapid']);
    expect(result.code).toBe(0);
    expect(ids(result.stdout)).toEqual(['market-problems', 'positioning', 'operating-model', 'win-loss-feedback']);
    expect(result.stdout).toContain('form: rapid');
    expect(result.stdout).toContain(
      "# stage: the company's stage, one of: startup (Startup), growth (Growth), enterprise (Enterprise)",
    );
    expect(result.stdout).toContain('# Evidence (for a level of 3 or more): Interview notes from the last quarter.');
  });

  it('--stage fills in the stage and leaves out what does not apply there; the full template has every item', () => {
    const startup = runCli(['template', '--bank', V2, '--stage', 'startup']);
    expect(startup.stdout).toContain('\nstage: startup\n');
    expect(ids(startup.stdout)).toEqual(['market-problems', 'positioning', 'operating-model', 'win-loss-feedback']);
    expect(ids(runCli(['template', '--bank', V2]).stdout)).toHaveLength(6);
    const csv = runCli(['template', '--bank', V2, '--form', 'rapid', '--format', 'csv']);
    expect(csv.stdout).toContain('[market-problems.evidence]');
    expect(csv.stdout).not.toContain('pricing.');
  });

  it('a filled rapid template is read back as a rapid file', () => {
    const template = runCli(['template', '--bank', V2, '--form', 'rapid', '--stage', 'startup']).stdout;
    const filled = template
      .replace(
        /\{ owner: , capability: , capacity: , evidence: , note: \}/g,
        '{ owner: pm, capability: 4, capacity: 4, evidence: a doc, note: }',
      )
      .replace(/\{ delivery: , evidence: , note: \}/g, '{ delivery: 4, evidence: , note: }');
    const result = runCli([
      'assess',
      '--answers',
      write('filled.yaml', filled),
      '--bank',
      V2,
      '--format',
      'json',
      '--strict',
    ]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ stage: 'startup', form: 'rapid', outOfScope: 2, gaps: [] });
  });
});

describe('roles: accountable and contributors', () => {
  it('prints a RACI-style table in the terminal (80 columns) and in markdown', () => {
    const terminal = runCli(['roles', '--bank', V2]);
    expect(terminal.code).toBe(0);
    for (const line of terminal.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(terminal.stdout).toMatch(/^ {2}PM {4}PMM {3}LEAD {2}SALES$/m);
    expect(terminal.stdout).toMatch(/^ {2}A {5}C {5}· {5}C {5}●●● {2}Market problems$/m);
    expect(terminal.stdout).toMatch(/^ {2}A {5}A {5}· {5}· {5}●●○ {2}Pricing$/m);
    expect(terminal.stdout).toMatch(/^ {2}C {5}C {5}A {5}· {5}●○○ {2}Operating model$/m);
    const markdown = runCli(['roles', '--bank', V2, '--format', 'markdown']);
    expect(markdown.stdout).toContain('| Responsibility | PM | PMM | LEAD | SALES | Weight | Question |');
    expect(markdown.stdout).toContain('| Market problems | A | C |  | C | 3 | How well are market problems found? |');
    expect(markdown.stdout).toContain('Accountable: PM 1, PMM 1, Shared 1, Leadership 1.');
    expect(lint({ strings: { doc: markdown.stdout }, config: { default: true, MD013: false } }).doc).toEqual([]);
  });
});
