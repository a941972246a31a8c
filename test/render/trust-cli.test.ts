import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// Through the built binary, what a reader of each format reads: why a value is missing ("don't
// know", n/a, a dash), every note with who wrote it, and who answered only some areas. The bank and
// answers are this test's own (test/fixtures/trust), so the built-in bank can change under it.

const BANK = 'test/fixtures/trust/bank.yaml';
const TEAM = 'test/fixtures/trust/team';
const MATURE = 'examples/mature.yaml';
const FORMATS = ['terminal', 'markdown', 'html'] as const;
type Shown = (typeof FORMATS)[number];

const dir = mkdtempSync(join(tmpdir(), 'pm-diag-trust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function report(format: Shown | 'json', args: string[] = [TEAM, '--bank', BANK]): string {
  const result = runCli(['report', ...args, '--format', format]);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).not.toMatch(/\u001b\[/);
  return result.stdout;
}

/** The text a reader sees, escapes undone and runs of white space (a wrap, an indent) made one space. */
function readable(format: Shown, text: string): string {
  const unescaped =
    format === 'markdown'
      ? text.replace(/(?<!\\)\*\*/g, '').replace(/\\([\\`*_[\]()#!~|])/g, '$1')
      : format === 'html'
        ? text
            .replace(/<\/dt><dd>/g, ': ')
            .replace(/<\/?(strong|span|em)\b[^>]*>/g, '')
            .replace(/<[^>]*>/g, ' ')
            .replace(/&#39;/g, "'")
            .replace(/&quot;/g, '"')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&amp;/g, '&')
        : text;
  const decoded =
    format === 'markdown' ? unescaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : unescaped;
  return decoded.replace(/\s+/g, ' ');
}

/** The notes section of a report, from its heading to the next section's. */
function notesSection(format: Shown, text: string): string {
  const bounds: Record<Shown, [string, string]> = {
    terminal: ['\nNOTES\n', '\nHOW THIS IS SCORED'],
    markdown: ['\n## Notes\n', '\n## How this is scored'],
    html: ['<section id="notes"', '</section>'],
  };
  const [start, end] = bounds[format];
  const from = text.indexOf(start);
  expect(from, `${format}: no notes section`).toBeGreaterThan(-1);
  return text.slice(from, text.indexOf(end, from + start.length));
}

interface JsonNote {
  respondent: string;
  role: string | null;
  note: string;
}
interface JsonItem {
  id: string;
  title: string;
  delivery?: number | null;
  answered: number;
  notApplicable: number;
  unknown: { axis: string; count: number }[];
  notes: JsonNote[];
}

const ROLE_LABELS: Record<string, string> = {
  pm: 'PM',
  pmm: 'PMM',
  sales: 'Sales',
  leadership: 'Leadership',
  marketing: 'Marketing',
  engineering: 'Engineering',
  other: 'Other',
};

describe('a missing value says why: "don’t know", n/a, or a dash for unanswered', () => {
  it('the interlock table, the summary and the map, in the terminal, markdown and HTML', () => {
    const terminal = report('terminal');
    const line = (title: string) =>
      terminal.split('\n').find((l) => l.trimStart().startsWith(title) && l.includes('delivery'))!;
    // Every answer on win/loss was "don't know"; launch cadence was n/a; nobody answered the roadmap preview.
    expect(line('Win/loss feedback')).toMatch(/delivery +\? +·+ +\?$/);
    expect(line('Launch cadence')).toMatch(/delivery +n\/a +·+ +n\/a$/);
    expect(line('Roadmap preview')).toMatch(/delivery +— +·+ +—$/);
    // "?" is the short form in a narrow column, and a legend under the table says so.
    expect(readable('terminal', terminal)).toContain(
      'Where a value is missing: ? = no level given, only “don’t know”; n/a = not applicable; — = not answered.',
    );
    expect(terminal).toMatch(/\n {2}Interlock +·+ +\?\n/);
    expect(readable('terminal', terminal)).toContain('Positioning (don’t know, 3.00), Pricing (n/a, n/a)');
    expect(readable('terminal', terminal)).toContain(
      'Insight · capability don’t know · capacity 3.00 · target 4 · not rated',
    );

    const markdown = report('markdown');
    expect(markdown).toContain(
      '| Product Marketing → Product Management | Win/loss feedback | 2 | don’t know | don’t know |',
    );
    expect(markdown).toContain('| Product Management → Product Marketing | Launch cadence | 1 | n/a | n/a |');
    expect(markdown).toContain('| Product Management → Product Marketing | Roadmap preview | 1 | — | — |');
    expect(markdown).toContain('| Interlock | don’t know |');
    expect(markdown).toContain('Positioning (don’t know, 3.00), Pricing (n/a, n/a).');

    const html = report('html');
    expect(html).toContain(
      '<tr><td>Win/loss feedback</td><td class="num">2</td><td class="num">don’t know</td><td class="num">don’t know</td></tr>',
    );
    expect(html).toContain(
      '<tr><td>Launch cadence</td><td class="num">1</td><td class="num">n/a</td><td class="num">n/a</td></tr>',
    );
    expect(html).toContain(
      '<tr><td>Roadmap preview</td><td class="num">1</td><td class="num">—</td><td class="num">—</td></tr>',
    );
    expect(html).toContain('Positioning (don’t know, 3.00), Pricing (n/a, n/a).');

    // Nowhere does a "don't know" read as not applicable.
    for (const format of FORMATS) {
      const text = { terminal, markdown, html }[format];
      const winLoss = text.split('\n').filter((l) => l.includes('Win/loss feedback') && /delivery|<td|\|/.test(l));
      expect(winLoss.length, format).toBeGreaterThan(0);
      for (const l of winLoss) expect(l, format).not.toContain('n/a');
    }
  });

  it('the JSON keeps the facts behind the words: unknown counts, n/a counts, nulls', () => {
    const items: JsonItem[] = JSON.parse(report('json')).items;
    const item = (id: string) => items.find((i) => i.id === id)!;
    expect(item('win-loss-feedback')).toMatchObject({
      delivery: null,
      unknown: [{ axis: 'delivery', count: 2 }],
      notApplicable: 0,
    });
    expect(item('launch-cadence')).toMatchObject({ delivery: null, unknown: [], notApplicable: 2 });
    expect(item('roadmap-preview')).toMatchObject({ delivery: null, unknown: [], notApplicable: 0, answered: 0 });
  });

  it('compare says a value went to "don’t know" or n/a, not that it is unanswered', () => {
    const before = join(dir, 'before.yaml');
    const ana = readFileSync(join(TEAM, 'ana.yaml'), 'utf8');
    const rated = ana
      .replace('win-loss-feedback: { delivery: unknown,', 'win-loss-feedback: { delivery: 2,')
      .replace('launch-cadence: n/a', 'launch-cadence: { delivery: 3 }');
    expect(rated).not.toBe(ana);
    writeFileSync(before, rated);
    const compare = (format: string) => {
      const result = runCli(['compare', before, join(TEAM, 'ana.yaml'), '--bank', BANK, '--format', format]);
      expect(result.code, result.stderr).toBe(0);
      return result.stdout;
    };
    const terminal = compare('terminal');
    expect(terminal).toMatch(/Win\/loss feedback +health +25\.0 → \?/);
    expect(terminal).toContain('delivery 2.00 → don’t know');
    expect(terminal).toContain('delivery 3.00 → n/a');
    expect(readable('terminal', terminal)).toContain('? = no level given, only “don’t know”');
    const markdown = compare('markdown');
    expect(markdown).toContain('| Win/loss feedback (interlock) | 25.0 → don’t know | delivery 2.00 → don’t know;');
    expect(markdown).toContain('| Launch cadence (interlock) | 50.0 → n/a | delivery 3.00 → n/a;');
    expect(compare('html')).toContain('25.0 → don’t know');
  });
});

describe('every note, by item, with who wrote it', () => {
  it('the fixture team: each note under its item, with name and role, in every format', () => {
    const items: JsonItem[] = JSON.parse(report('json')).items;
    const notes = items.flatMap((i) => i.notes.map((n) => ({ item: i, ...n })));
    // Four respondents' files hold five notes; one is the only thing Cy wrote on positioning.
    expect(notes.map((n) => `${n.item.id}: ${n.respondent} (${n.role})`)).toEqual([
      'market-problems: Ana Lima (pm)',
      'positioning: Ben Ode (pmm)',
      'positioning: Cy Park (sales)',
      'launch-plan: Cy Park (sales)',
      'win-loss-feedback: Ana Lima (pm)',
    ]);
    for (const format of FORMATS) {
      const section = readable(format, notesSection(format, report(format)));
      for (const n of notes) expect(section, format).toContain(`${n.respondent} (${ROLE_LABELS[n.role!]}): ${n.note}`);
      // Grouped: both positioning notes follow its heading, before the next item's.
      const heading = section.indexOf('Positioning (positioning)');
      expect(heading, format).toBeGreaterThan(-1);
      expect(section.indexOf('Ben Ode (PMM)'), format).toBeGreaterThan(heading);
      expect(section.indexOf('Cy Park (Sales): Cy: only a note'), format).toBeLessThan(
        section.indexOf('Launch plan (launch-plan)'),
      );
    }
  });

  it(`${MATURE}: every note in its file appears in every format`, () => {
    const answers = parse(readFileSync(MATURE, 'utf8')).answers as Record<string, { note?: string } | string>;
    const written = Object.entries(answers).flatMap(([id, a]) =>
      typeof a === 'object' && a?.note ? [{ id, note: a.note }] : [],
    );
    expect(written.length).toBeGreaterThanOrEqual(7);
    const json = JSON.parse(runCli(['assess', '--answers', MATURE, '--format', 'json']).stdout);
    const carried: { id: string; title: string; note: JsonNote }[] = json.items.flatMap((i: JsonItem) =>
      i.notes.map((note) => ({ id: i.id, title: i.title, note })),
    );
    expect(carried.map((c) => ({ id: c.id, note: c.note.note }))).toEqual(written);
    for (const c of carried) expect(c.note.role).toBe(json.respondentList[0].role);
    for (const format of FORMATS) {
      const result = runCli(['assess', '--answers', MATURE, '--format', format]);
      expect(result.code).toBe(0);
      const section = readable(format, notesSection(format, result.stdout));
      for (const c of carried) {
        expect(section, format).toContain(`${c.title} (${c.id})`);
        expect(section, format).toContain(`${c.note.respondent} (${ROLE_LABELS[c.note.role!]}): ${c.note.note}`);
      }
    }
  });

  it('a report without notes says so', () => {
    const quiet = join(dir, 'quiet.yaml');
    writeFileSync(
      quiet,
      'respondent: { name: Q, role: pm }\nanswers:\n  market-problems: { owner: pm, capability: 3, capacity: 3 }\n',
    );
    expect(readable('terminal', notesSection('terminal', report('terminal', [quiet, '--bank', BANK])))).toContain(
      'None: no respondent wrote a note.',
    );
  });
});

describe('respondents who answered only some areas', () => {
  const expected = '1 of 3 respondents answered only some areas: Ben Ode (PMM): Insight; not Go-to-market, Interlock';

  it('are named in the header of every format, and listed with their areas in the JSON', () => {
    for (const format of FORMATS) {
      const text = report(format);
      const header = readable(
        format,
        text.slice(
          0,
          text.search(format === 'terminal' ? /\nSUMMARY/ : format === 'markdown' ? /\n## Summary/ : /<nav/),
        ),
      );
      expect(header, format).toContain(`Partial answers: ${expected}`);
    }
    const json = JSON.parse(report('json'));
    expect(
      json.respondentList.map((r: { name: string; answeredAreas: string[] }) => [r.name, r.answeredAreas]),
    ).toEqual([
      ['Ana Lima', ['insight', 'go-to-market', 'interlock']],
      ['Ben Ode', ['insight']],
      ['Cy Park', ['insight', 'go-to-market', 'interlock']],
    ]);
  });

  it('nothing is said when everyone answered something in every area', () => {
    for (const format of FORMATS)
      expect(report(format, [join(TEAM, 'ana.yaml'), join(TEAM, 'cy.yaml'), '--bank', BANK]), format).not.toContain(
        'Partial answers',
      );
  });
});

describe('coverage counts answers, not notes', () => {
  it('a note without a rating leaves the item unanswered, and the note is still shown', () => {
    const json = JSON.parse(report('json'));
    const positioning = json.items.find((i: JsonItem) => i.id === 'positioning');
    // Ana and Ben rated it ("don't know" counts as an answer); Cy only wrote a note.
    expect(positioning.answered).toBe(2);
    expect(json.knowledgeGaps.unanswered).toContainEqual({ id: 'positioning', respondents: 1 });
    const cy = json.respondentList.find((r: { name: string }) => r.name === 'Cy Park');
    const items = json.items.length;
    expect(cy.coverage).toBe(Math.round((1000 * 5) / items) / 10);
    expect(positioning.notes.map((n: JsonNote) => n.respondent)).toContain('Cy Park');
  });
});
