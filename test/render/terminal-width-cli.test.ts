import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { openTerminal } from '../helpers/tmux.js';
import { displayWidth } from '../../src/core/text.js';

// The terminal report fills the terminal it runs in, 60 to 120 columns, and 80 when its output is
// not a terminal. A real terminal of each width is a tmux window (.ci/run installs tmux): the report
// is printed into it and read back with wrapped lines joined, so a line too long shows as one.

const MATURE = join(ROOT, 'examples', 'mature.yaml');
const TEAM = join(ROOT, 'examples', 'team');
const LAUNCH = join(ROOT, 'examples', 'launch-orphaned.yaml');
const dir = mkdtempSync(join(tmpdir(), 'pm-diag-width-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The report as printed on a terminal `columns` wide. */
async function onTerminal(columns: number, args: string[]): Promise<string[]> {
  const terminal = openTerminal(dir);
  try {
    terminal.start(args, { size: [columns, 50] });
    expect(await terminal.exitCode()).toBe('EXIT=0');
    return terminal.screen(true).replace(/\n+$/, '').split('\n');
  } finally {
    terminal.close();
  }
}

const widest = (lines: string[]) => Math.max(...lines.map(displayWidth));

/** The rows of the functions-and-areas table: they line up when every row is as wide as the others. */
const tableRows = (lines: string[]) => {
  const start = lines.findIndex((l) => l.startsWith('FUNCTIONS AND AREAS'));
  const end = lines.findIndex((l, i) => i > start && l.includes('Interlock health by direction'));
  return lines.slice(start + 1, end).filter((l) => l !== '');
};

describe('the terminal report follows the terminal’s width', () => {
  it.each([60, 100, 120])('fills %i columns and no line runs past them', async (columns) => {
    for (const args of [
      ['assess', '--answers', MATURE],
      ['report', TEAM],
    ]) {
      const lines = await onTerminal(columns, args);
      expect(lines.length).toBeGreaterThan(100);
      expect(widest(lines), args.join(' ')).toBeLessThanOrEqual(columns);
      // Wrapped text uses the room: some line is longer than 80 columns on a wider terminal.
      if (columns > 80) expect(widest(lines), args.join(' ')).toBeGreaterThan(80);
      else expect(widest(lines)).toBeGreaterThan(columns - 5);
      const rows = tableRows(lines);
      expect(rows.length).toBeGreaterThan(3);
      const widths = new Set(rows.map(displayWidth));
      expect(widths.size, rows.join('\n')).toBe(1);
      expect(lines.some((l) => /^Gap report: /.test(l))).toBe(true);
    }
  });

  it.each([60, 120])('compare fills %i columns too', async (columns) => {
    const lines = await onTerminal(columns, ['compare', LAUNCH, MATURE]);
    expect(lines.some((l) => l.startsWith('pm-diag compare'))).toBe(true);
    expect(widest(lines)).toBeLessThanOrEqual(columns);
    expect(widest(lines)).toBeGreaterThan(columns - 10);
  });

  it('keeps to 60 columns on a narrower terminal, and to 120 on a wider one', async () => {
    expect(widest(await onTerminal(45, ['assess', '--answers', MATURE]))).toBeLessThanOrEqual(60);
    const wide = await onTerminal(200, ['assess', '--answers', MATURE]);
    expect(widest(wide)).toBeLessThanOrEqual(120);
    expect(widest(wide)).toBeGreaterThan(100);
  });

  it('is 80 columns when the output is not a terminal: a pipe, or a file', () => {
    const piped = runCli(['assess', '--answers', MATURE]);
    expect(piped.code).toBe(0);
    const lines = piped.stdout.split('\n');
    expect(widest(lines)).toBeLessThanOrEqual(80);
    expect(widest(lines)).toBeGreaterThan(75);
    const out = join(dir, 'report.txt');
    expect(runCli(['assess', '--answers', MATURE, '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(piped.stdout);
  });
});
