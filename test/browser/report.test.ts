/// <reference lib="dom" />
// Functions passed to page.evaluate run in the page: the DOM types are theirs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXE, axeViolations, browserAvailable, launchBrowser, watchedPage } from '../helpers/browser.js';
import { ROOT, runCli } from '../helpers/cli.js';

// The HTML report in a real browser (Debian's chromium through playwright-core): it loads with no
// error and no request, no script from the data runs, every chart has its table, axe-core finds no
// serious or critical violation, and it prints: the summary on its own first page, no chart taller
// than a page. Skipped without chromium, unless PM_DIAG_REQUIRE_BROWSER=1 (CI), which fails instead.

const available = browserAvailable();
const scratch = mkdtempSync(join(tmpdir(), 'pm-diag-browser-'));
const EXAMPLE = join(ROOT, 'examples', 'launch-orphaned.yaml');

/** Text a bank or answers file could use to break out of the page, or into a script. */
const ATTACKS = [
  '<script>window.__pwned = 1</script>',
  '"><img src=x onerror="window.__pwned = 2">',
  '</svg></figure><script>window.__pwned = 3</script>',
  '</title></style><iframe src="https://example.com"></iframe>',
  "\u202Egnp.exe \u2066bidi\u2069 “quotes” 'single' & ampersand",
];

/** The built-in bank with every title, area and function name replaced by an attack, and an answers file to match. */
function hostileInputs(): { bank: string; answers: string } {
  const bank = parse(readFileSync(join(ROOT, 'questions', 'pm-pmm.yaml'), 'utf8'));
  let n = 0;
  const attack = () => `${ATTACKS[n++ % ATTACKS.length]} ${n}`;
  bank.title = attack();
  for (const f of Object.values(bank.functions) as { name: string }[]) f.name = attack();
  for (const area of bank.areas) {
    area.title = attack();
    for (const r of area.responsibilities) r.title = attack();
  }
  for (const i of bank.interlock) i.title = attack();
  const answers = parse(readFileSync(EXAMPLE, 'utf8'));
  answers.organization = attack();
  answers.respondent.name = attack();
  for (const a of Object.values(answers.answers) as { note?: string }[])
    if (typeof a === 'object' && a !== null) a.note = attack();
  const dir = join(scratch, 'hostile');
  mkdirSync(dir);
  writeFileSync(join(dir, 'bank.yaml'), stringify(bank));
  writeFileSync(join(dir, 'answers.yaml'), stringify(answers));
  return { bank: join(dir, 'bank.yaml'), answers: join(dir, 'answers.yaml') };
}

function report(name: string, args: string[]): string {
  const out = join(scratch, `${name}.html`);
  const r = runCli([...args, '--out', out]);
  if (r.code !== 0) throw new Error(`pm-diag ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return out;
}

const pages: Record<string, () => string> = {
  'one respondent': () => report('one', ['assess', '--answers', EXAMPLE]),
  'twelve respondents': () => {
    const dir = join(scratch, 'team');
    const g = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts', 'gen-respondents.mjs'), '--count', '12', '--out', dir],
      { encoding: 'utf8' },
    );
    if (g.status !== 0) throw new Error(g.stderr);
    return report('team', ['report', dir]);
  },
  'a hostile bank': () => {
    const { bank, answers } = hostileInputs();
    return report('hostile', ['assess', '--answers', answers, '--bank', bank]);
  },
};

let browser: Browser;
beforeAll(async () => {
  if (available) browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Pages in a PDF: one `/Type /Page` object each. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/** The other HTML pages: the role map and a comparison. */
const otherPages: Record<string, () => string> = {
  'the role map': () => report('roles', ['roles']),
  'a comparison': () => report('compare', ['compare', EXAMPLE, join(ROOT, 'examples', 'mature.yaml')]),
};

describe.skipIf(!available).each(Object.entries(otherPages))('the HTML page in chromium: %s', (_, make) => {
  let file: string;
  beforeAll(() => {
    file = make();
  }, 60_000);

  it('loads with no console error and no request, and has no accessibility violation that matters', async () => {
    const w = await watchedPage(browser);
    await w.open(file);
    const scripts = await w.page.evaluate(() => document.scripts.length);
    await w.context.close();
    expect({ errors: w.errors, requests: w.requests, scripts }).toEqual({ errors: [], requests: [], scripts: 0 });
    const a = await watchedPage(browser, { bypassCSP: true, colorScheme: 'dark' });
    await a.open(file);
    await a.page.addScriptTag({ path: AXE });
    const violations = await axeViolations(a.page);
    await a.context.close();
    expect(violations).toEqual([]);
  }, 120_000);
});

describe.skipIf(!available).each(Object.entries(pages))('the HTML report in chromium: %s', (_, make) => {
  let file: string;
  beforeAll(() => {
    file = make();
  }, 60_000);

  it('loads with no console error, no request, and no script from the data', async () => {
    const w = await watchedPage(browser);
    await w.open(file);
    const state = await w.page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      scripts: document.scripts.length,
      frames: document.querySelectorAll('iframe, img, object, embed').length,
      text: document.body.textContent ?? '',
    }));
    await w.context.close();
    expect(w.errors).toEqual([]);
    expect(w.requests).toEqual([]);
    expect(state.pwned).toBeUndefined();
    expect(state.scripts).toBe(0);
    expect(state.frames).toBe(0);
    if (file.endsWith('hostile.html')) expect(state.text).toContain('<script>window.__pwned = 1</script>');
  });

  it('gives every chart a title and its table', async () => {
    const w = await watchedPage(browser);
    await w.open(file);
    const charts = await w.page.$$eval('svg', (svgs) =>
      svgs.map((svg) => ({
        role: svg.getAttribute('role'),
        title: svg.querySelector(':scope > title')?.textContent ?? '',
        tables: svg.closest('figure')?.querySelectorAll('table').length ?? 0,
      })),
    );
    await w.context.close();
    expect(charts.length).toBeGreaterThanOrEqual(3);
    for (const c of charts) {
      expect(c.role).toBe('img');
      expect(c.title.length).toBeGreaterThan(0);
      expect(c.tables).toBeGreaterThan(0);
    }
  });

  it('has no serious or critical accessibility violation, in the light theme and the dark', async () => {
    // axe is a script: this page alone lets it past the report's CSP.
    const w = await watchedPage(browser, { bypassCSP: true, colorScheme: 'light' });
    await w.open(file);
    await w.page.addScriptTag({ path: AXE });
    const light = await axeViolations(w.page);
    await w.page.emulateMedia({ colorScheme: 'dark' });
    const dark = await axeViolations(w.page);
    await w.context.close();
    expect({ light, dark }).toEqual({ light: [], dark: [] });
  }, 120_000);

  it('draws no chart label over another', async () => {
    const w = await watchedPage(browser);
    await w.open(file);
    // Every chart's text boxes, as laid out in the page, compared pair by pair within the chart.
    const overlaps = await w.page.$$eval('svg.chart', (svgs) =>
      svgs.flatMap((svg) => {
        const boxes = Array.from(svg.querySelectorAll('text')).map((t) => ({
          text: t.textContent ?? '',
          box: t.getBoundingClientRect(),
        }));
        const found: string[] = [];
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.box;
            const b = boxes[j]!.box;
            // Half a pixel of slack: glyph boxes of neighbouring lines may touch.
            if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
              found.push(`${svg.id || svg.getAttribute('aria-labelledby')}: "${boxes[i]!.text}" / "${boxes[j]!.text}"`);
          }
        }
        return found;
      }),
    );
    await w.context.close();
    expect(overlaps).toEqual([]);
  });

  it('fits a 390 px phone: nothing scrolls the page sideways, and chart text stays legible', async () => {
    const w = await watchedPage(browser, { viewport: { width: 390, height: 844 } });
    await w.open(file);
    const layout = await w.page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      smallest: Math.min(
        ...Array.from(document.querySelectorAll('svg.chart text'))
          .map((t) => t.getBoundingClientRect().height)
          .filter((h) => h > 0),
      ),
    }));
    await w.context.close();
    expect(layout.width).toBeLessThanOrEqual(390);
    // Chart text is drawn at 13 px and may scale down to fit; below about 8 px nobody can read it.
    expect(layout.smallest).toBeGreaterThanOrEqual(8);
    // The boxes that scroll in place of the page can be reached and scrolled with a keyboard.
    const a = await watchedPage(browser, { viewport: { width: 390, height: 844 }, bypassCSP: true });
    await a.open(file);
    await a.page.addScriptTag({ path: AXE });
    const violations = await axeViolations(a.page);
    await a.context.close();
    expect(violations).toEqual([]);
  }, 60_000);

  it.each(['A4', 'Letter'] as const)(
    'prints on %s: the agenda starts on the first or second page',
    async (format) => {
      const w = await watchedPage(browser);
      await w.open(file);
      await w.page.emulateMedia({ media: 'print' });
      // Everything after the agenda's first item is left out: the pages left say where it starts.
      await w.page.addStyleTag({ content: '#agenda ~ section, #agenda li + li { display: none !important }' });
      const upToAgenda = pdfPages(await w.page.pdf({ format }));
      await w.context.close();
      expect(upToAgenda).toBeLessThanOrEqual(2);
    },
    60_000,
  );

  it.each(['A4', 'Letter'] as const)(
    'prints on %s: the summary alone on the first page, no chart taller than a page',
    async (format) => {
      const w = await watchedPage(browser);
      await w.open(file);
      const all = pdfPages(await w.page.pdf({ format }));
      await w.page.emulateMedia({ media: 'print' });
      // Printable height: the page less the 14 mm margins, in CSS pixels (96 per inch).
      const pageHeight = ((format === 'A4' ? 297 : 279.4) - 28) * (96 / 25.4);
      const tallest = await w.page.$$eval('svg', (svgs) =>
        Math.max(...svgs.map((s) => s.getBoundingClientRect().height)),
      );
      await w.page.addStyleTag({ content: 'main > section:not(#summary) { display: none !important }' });
      const summaryOnly = pdfPages(await w.page.pdf({ format }));
      await w.context.close();
      expect(all).toBeGreaterThan(1);
      expect(summaryOnly).toBe(1);
      expect(tallest).toBeLessThanOrEqual(pageHeight);
    },
    60_000,
  );
});
