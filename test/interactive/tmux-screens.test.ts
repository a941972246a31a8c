import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadBank } from '../../src/io/bank-files.js';
import type { Bank } from '../../src/core/bank/schema.js';
import { scopedSections, selectSections, type Section } from '../../src/app/interactive/steps.js';
import { BIN, ROOT } from '../helpers/cli.js';
import { openTerminal, type StartOptions, type Terminal } from '../helpers/tmux.js';
import { tempDir } from './helpers.js';

// What a person reads in `pm-diag assess` at 80×24 and 120×40 (tmux): the keys of Back, Skip and
// Note, the level descriptions, a skipped area that stays skipped, the answers given before a resume,
// and the command to continue as the person ran it. The bank is a fixture, its ids read from it.

const FIXTURE = join(ROOT, 'test/fixtures/banks/v2-minimal.yaml');
/** Level descriptions as long as a real bank's (one or two lines each at 120 columns). */
const LONG = (scale: string, n: number) =>
  `The ${scale} of level ${n}: the people who rely on the result act on it as it is, without filling gaps or redoing it, and would say so when asked.`;

const OWNER = /^\? Who owns it today\?/m;
const CAPABILITY = /^\? Capability: how well is it done\?/m;
const CAPACITY = /^\? Capacity: is there the time and people for it\?/m;
const SCOPE = ['--stage', 'growth', '--form', 'full'];

let dir: string;
let cleanup: () => void;
let term: Terminal;
let bank: Bank;
/** The sections asked with SCOPE, as the flow builds them. */
let sections: Section[];

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  term = openTerminal(dir);
  const doc = parse(readFileSync(FIXTURE, 'utf8')) as {
    scales: Record<string, Record<number, { description: string }>>;
  };
  for (const [scale, levels] of Object.entries(doc.scales))
    for (const [n, level] of Object.entries(levels)) level.description = LONG(scale, Number(n));
  writeFileSync(join(dir, 'bank.yaml'), stringify(doc));
  bank = loadBank(join(dir, 'bank.yaml'));
  sections = scopedSections(selectSections(bank, undefined), { stage: 'growth', form: 'full' });
});
afterEach(() => {
  term.close();
  cleanup();
});

const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Starts a session on the fixture bank and answers the profile; waits for the first owner question. */
async function startAtFirstItem(options: StartOptions = {}, extra: string[] = []): Promise<void> {
  term.start(['assess', '--bank', 'bank.yaml', '--save', 'a.yaml', ...SCOPE, ...extra], options);
  await term.waitFor(/^\? Organization/m);
  term.keys('Enter');
  await term.waitFor(/^\? Your name/m);
  term.keys('Enter');
  await term.choose(/^\? Your role\?/m, '1', /❯ Product Management/);
  await term.waitFor(OWNER);
}

describe('pm-diag assess, read on the screen', () => {
  it.each([
    [[120, 40] as [number, number], 'every level with its description at once'],
    [[80, 24] as [number, number], "the highlighted level's description"],
  ])('at %j shows %s, and the whole question fits', async (size) => {
    await startAtFirstItem({ size });
    await term.choose(OWNER, '2', /❯ Product Marketing/);
    await term.waitFor(CAPABILITY);
    await term.waitFor(/b back/);
    const screen = term.screen();
    const levels = bank.scales.capability;
    // The item's title, the question and the key hints are all on the screen with the list.
    expect(screen).toContain(sections[0]!.items[0]!.title);
    expect(screen).toMatch(/⏎ choose • n note • b back • s skip the area/);
    for (const n of [1, 2, 3, 4, 5] as const) expect(screen).toContain(`${n}  ${levels[n].label}`);
    const shown = ([1, 2, 3, 4, 5] as const).filter((n) => flat(screen).includes(levels[n].description));
    if (size[1] >= 40) {
      expect(shown).toEqual([1, 2, 3, 4, 5]);
    } else {
      // Too short for all of them: only the highlighted level's, which follows the cursor.
      expect(shown).toEqual([1]);
      term.keys('3');
      await term.waitFor(() => flat(term.screen()).includes(levels[3].description), "level 3's description");
      expect(flat(term.screen())).not.toContain(levels[1].description);
    }
  });

  it('takes Note, Back and Skip by their keys, and the list wraps to them', async () => {
    await startAtFirstItem({ size: [80, 24] });
    await term.choose(OWNER, '2', /❯ Product Marketing/);
    await term.waitFor(CAPABILITY);
    // Up from the first level wraps round to the last choice, and down comes back.
    term.keys('Up');
    await term.waitFor(/❯ Skip the rest of this area/);
    term.keys('Down');
    await term.waitFor(/❯ 1 {2}/);
    term.keys('n');
    await term.waitFor(/^\? Note:/m);
    term.keys('Checked with sales', 'Enter');
    await term.waitFor(CAPABILITY);
    term.keys('b');
    // Back at the owner question, on the answer given.
    await term.waitFor(/^\? Who owns it today\?\n(?:.*\n)*❯ Product Marketing/m);
    term.keys('Enter');
    await term.waitFor(CAPABILITY);
    term.keys('s');
    await term.waitFor(new RegExp(`Area 2 of 2 · ${sections[1]!.title}`));
    term.keys('C-c');
    expect(await term.exitCode()).toBe('EXIT=130');
    // Skipping drops what the half-answered item had, its note too: the area is left unanswered.
    const saved = readFileSync(join(dir, 'a.yaml'), 'utf8');
    for (const item of sections[0]!.items) expect(saved).toMatch(new RegExp(`^ {2}${item.id}: null$`, 'm'));
  });

  it('keeps a skipped area skipped after Ctrl-C: resuming starts at the next area, showing what a half-answered item has', async () => {
    const [first, second] = sections[0]!.items;
    await startAtFirstItem();
    await term.choose(OWNER, '1', /❯ Product Management/);
    // Levels under the bank's evidence prompt, so that none is asked.
    await term.choose(CAPABILITY, '2', /❯ 2 {2}/);
    await term.choose(CAPACITY, '1', /❯ 1 {2}/);
    // The second item: its owner, then "skip the rest of this area" by its key.
    await term.waitFor(new RegExp(`^${second!.title}$`, 'm'));
    await term.choose(OWNER, '2', /❯ Product Marketing/);
    await term.waitFor(CAPABILITY);
    term.keys('s');
    await term.waitFor(new RegExp(`Area 2 of 2 · ${sections[1]!.title}`));
    term.keys('C-c');

    expect(await term.exitCode()).toBe('EXIT=130');
    const stopped = term.screen();
    expect(stopped).toContain('Stopped (Ctrl-C).');
    expect(stopped).not.toMatch(/^\s+at /m);
    const saved = readFileSync(join(dir, 'a.yaml'), 'utf8');
    expect(saved).toMatch(new RegExp(`^ {2}${first!.id}: \\{ owner: pm, capability: 2, capacity: 1 \\}$`, 'm'));
    for (const item of sections[0]!.items.slice(1)) expect(saved).toMatch(new RegExp(`^ {2}${item.id}: null$`, 'm'));

    term.start(['assess', '--bank', 'bank.yaml', '--save', 'a.yaml', '--resume']);
    await term.waitFor(/^\? Delivery/m);
    const resumed = term.screen();
    expect(resumed).toContain(`Area 2 of 2 · Question 1 of ${sections[1]!.items.length}`);
    expect(resumed).toContain(sections[1]!.items[0]!.title);
    expect(resumed).not.toContain('Area 1 of 2');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(saved);
  });

  it('shows the owner already given when resuming a half-answered item, and preselects it', async () => {
    await startAtFirstItem();
    await term.choose(OWNER, '2', /❯ Product Marketing/);
    await term.waitFor(CAPABILITY);
    term.keys('C-c');
    expect(await term.exitCode()).toBe('EXIT=130');

    term.start(['assess', '--bank', 'bank.yaml', '--save', 'a.yaml', '--resume']);
    await term.waitFor(CAPABILITY);
    const screen = term.screen();
    const given = screen.indexOf(`Answered before: owner ${bank.functions.pmm.name}`);
    expect(given).toBeGreaterThan(screen.indexOf(sections[0]!.items[0]!.question));
    expect(given).toBeLessThan(screen.search(CAPABILITY));
    term.keys('b');
    await term.waitFor(/❯ Product Marketing/);
  });
});

describe('the command to continue, as the person ran pm-diag', () => {
  /** Stops at the first question and returns the line after "Continue where you left off:". */
  async function continueLine(options: StartOptions): Promise<string> {
    await startAtFirstItem(options, ['--area', sections[0]!.id]);
    term.keys('C-c');
    expect(await term.exitCode()).toBe('EXIT=130');
    const lines = term.screen().split('\n');
    return lines[lines.indexOf('Continue where you left off:') + 1]!.trim();
  }
  const rest = () => `assess --resume --save a.yaml --bank bank.yaml --area ${sections[0]!.id}`;

  it('./bin/pm-diag.js when run by its path', async () => {
    symlinkSync(dirname(BIN), join(dir, 'bin'));
    expect(await continueLine({ command: './bin/pm-diag.js' })).toBe(`./bin/pm-diag.js ${rest()}`);
  });

  it('pm-diag when found on PATH', async () => {
    mkdirSync(join(dir, 'tools'));
    symlinkSync(BIN, join(dir, 'tools', 'pm-diag'));
    expect(await continueLine({ command: 'pm-diag', path: [join(dir, 'tools')] })).toBe(`pm-diag ${rest()}`);
  });

  it('npx pm-diag when run through npx', async () => {
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "name": "facilitator", "version": "1.0.0" }\n');
    symlinkSync(BIN, join(dir, 'node_modules', '.bin', 'pm-diag'));
    expect(await continueLine({ command: 'npx --offline pm-diag' })).toBe(`npx pm-diag ${rest()}`);
  });
});
