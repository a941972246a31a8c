import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { parseProfileAnswers } from '../../src/core/profile/answers.js';
import { renderInterviewMarkdown, renderInterviewTerminal } from '../../src/core/profile/interview.js';
import { loadProfileBank } from '../../src/io/profile-files.js';
import { renderProfileHtml, renderTeamHtml, stripSvg } from '../../src/core/profile/render-html.js';
import { renderProfileJson, renderTeamJson } from '../../src/core/profile/render-json.js';
import { renderProfileMarkdown, renderTeamMarkdown } from '../../src/core/profile/render-markdown.js';
import { renderProfileTerminal, renderTeamTerminal } from '../../src/core/profile/render-text.js';
import { scoreProfile } from '../../src/core/profile/score.js';
import { teamResult } from '../../src/core/profile/team.js';
import { ROOT } from '../helpers/cli.js';
import { answersFor, consistentAnswers, mix, syntheticBank } from './helpers.js';
import { randomAnswers } from './simulate.js';

const bank = loadProfileBank();
const load = (file: string) => {
  const answers = parseProfileAnswers({ source: file, text: readFileSync(join(ROOT, file), 'utf8') }, bank);
  return scoreProfile(bank, answers.answers, { name: answers.name, rater: answers.rater });
};
const sam = load('examples/profile/sam-ortiz.yaml');
const dee = load('examples/profile-team/dee-park.yaml');
const team = teamResult(
  ['ana-ruiz', 'ben-okafor', 'cy-lindqvist', 'dee-park'].map((name) => load(`examples/profile-team/${name}.yaml`)),
);
const random = scoreProfile(bank, randomAnswers(bank, 1), { name: 'Random' });

function lintErrors(text: string): string[] {
  const results = lint({ strings: { doc: text }, config: { default: true, MD013: false } });
  return (results.doc ?? []).map(
    (e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.ruleDescription} ${e.errorDetail ?? ''}`,
  );
}

/** The text as a reader sees it: markdown's escapes dropped, every run of white space one space. */
const flat = (text: string) =>
  text
    .replace(/\\(?=[()[\]*_#|<>`-])/g, '')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
const wide = (text: string) => text.split('\n').filter((line) => [...line].length > 80);

describe('the profile renderers', () => {
  it('fit 80 columns in the terminal (the scoring sheet aside, which is a file)', () => {
    expect(wide(renderProfileTerminal(bank, sam, false))).toEqual([]);
    expect(wide(renderProfileTerminal(bank, dee, false))).toEqual([]);
    expect(wide(renderTeamTerminal(team, false))).toEqual([]);
    const guide = renderInterviewTerminal(bank, bank.dimensions, false);
    expect(wide(guide.slice(0, guide.indexOf('SCORING SHEET')))).toEqual([]);
  });

  it('write markdown that passes markdownlint', () => {
    expect(lintErrors(renderProfileMarkdown(bank, sam))).toEqual([]);
    expect(lintErrors(renderProfileMarkdown(bank, dee))).toEqual([]);
    expect(lintErrors(renderTeamMarkdown(team))).toEqual([]);
    expect(lintErrors(renderInterviewMarkdown(bank, bank.dimensions))).toEqual([]);
  });

  it('carry no colour unless asked, and colour when asked', () => {
    expect(renderProfileTerminal(bank, sam, false)).not.toContain('\u001b');
    expect(renderProfileTerminal(bank, sam, true)).toContain('\u001b[1m');
  });

  it('escape hostile bank text in HTML and markdown, and keep it off the terminal', () => {
    const hostile = syntheticBank({ a: 2 });
    hostile.title = '<img src=x onerror=alert(1)> `code` \u001b]8;;http://evil\u0007link';
    hostile.dimensions[0]!.title = '</td><script>x</script> | cell';
    hostile.tendencies.inbound['good-at'] = '<b>bold</b>';
    const r = scoreProfile(hostile, consistentAnswers(hostile, new Map(answersFor('a', mix(2, 0)))), {
      name: '"><svg onload=alert(1)>',
    });
    const html = renderProfileHtml(hostile, r);
    expect(html).not.toMatch(/<(img|script|b|svg onload)[ >]/);
    expect(html).toContain('&lt;/td&gt;&lt;script&gt;');
    expect(html).not.toContain('http://evil');
    const md = renderProfileMarkdown(hostile, r);
    expect(md).not.toMatch(/<(img|script|b|svg)[ >]/);
    expect(
      md
        .split('\n')
        .filter((l) => l.startsWith('|'))
        .every((l) => l.split(/(?<!\\)\|/).length === 8),
    ).toBe(true);
    expect(renderProfileTerminal(hostile, r, false)).not.toContain('\u001b');
    // In the guide, the scoring sheet is a code block whose fence no bank text can close.
    hostile.dimensions[0]!.items[0]!.prompt = '````\n<script>y</script>';
    const guide = renderInterviewMarkdown(hostile, hostile.dimensions);
    const fence = /^(`{3,})yaml$/m.exec(guide)![1]!;
    expect(fence.length).toBeGreaterThan(4);
    const [outside, sheet] = guide.split(`${fence}yaml\n`);
    expect(outside).not.toContain('<script>');
    expect(sheet!.indexOf(`\n${fence}\n`)).toBe(sheet!.length - fence.length - 2);
  });

  it('makes a page that asks for nothing outside itself, with one SVG strip per view', () => {
    for (const html of [renderProfileHtml(bank, sam), renderTeamHtml(team)]) {
      expect(html).not.toMatch(/(src|href)\s*=|url\(|@import|https?:\/\//i);
      expect(html.match(/<svg role="img"/g)).toHaveLength(1);
      expect(html).toMatch(/<svg[^>]*><title id="strip-title">/);
      expect(html).toContain('not a test');
      expect(html).toContain('prefers-color-scheme: dark');
    }
    // Every person is a marker with a title saying who it is.
    expect(renderTeamHtml(team)).toContain('<title>Ana Ruiz: -83.3</title>');
  });

  it('never lets two markers of the SVG strip overlap', () => {
    const markers = Array.from({ length: 30 }, (_, i) => ({
      tendency: -20 + i * 1.3,
      mark: String(i % 10),
      name: `p${i}`,
    }));
    const circles = [...stripSvg(markers, 't').matchAll(/<circle class="marker" cx="([\d.]+)" cy="([\d.]+)"/g)].map(
      (m) => ({ x: Number(m[1]), y: Number(m[2]) }),
    );
    expect(circles).toHaveLength(30);
    for (const a of circles)
      for (const b of circles) if (a !== b && a.y === b.y) expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(20);
    expect(new Set(circles.map((c) => c.y)).size).toBeGreaterThan(1);
  });

  it('says the next hire, how many were left out, and the caveat in every team format', () => {
    for (const text of [
      renderTeamTerminal(team, false),
      renderTeamMarkdown(team),
      renderTeamHtml(team),
      renderTeamJson(team),
    ].map(flat)) {
      expect(text).toContain('someone who leans outbound would balance it');
      expect(text).toContain("1 inconclusive profile is left out of the team's balance");
      expect(text).toMatch(/not a test: nobody should be hired or rejected/);
      expect(text).toContain('no population norms');
    }
    for (const text of [renderTeamTerminal(team, false), renderTeamMarkdown(team), renderTeamHtml(team)].map(flat))
      expect(text).toContain('3 profiles count; 1 profile is inconclusive and left out');
  });

  it('show the consistency, the no-norms caution and the interview guide in every format, conclusive or not', () => {
    for (const r of [sam, dee, random]) {
      const formats = {
        terminal: renderProfileTerminal(bank, r, false),
        markdown: renderProfileMarkdown(bank, r),
        html: renderProfileHtml(bank, r),
        json: renderProfileJson(r),
      };
      for (const [format, shown] of Object.entries(formats)) {
        const text = flat(shown);
        const what = `${r.respondent.name} as ${format}`;
        expect(text, what).toContain('no population norms');
        expect(text, what).toContain('not a test: nobody should be hired or rejected');
        expect(text, what).toContain('pm-diag profile interview');
        expect(text, what).toMatch(
          format === 'json'
            ? /"consistency": \d/
            : /Consistency:?(\*\*|<\/strong>)? +\d+ \(\d+ of 15 pairs asked twice got the same answer; 60 needed\)/,
        );
      }
    }
  });

  it('never place an inconclusive result on the strip, and say why in every format', () => {
    for (const r of [dee, random]) {
      for (const shown of [
        renderProfileTerminal(bank, r, false),
        renderProfileMarkdown(bank, r),
        renderProfileHtml(bank, r),
      ]) {
        const text = flat(shown);
        expect(shown).not.toMatch(/├─+┼─+┼─+┼─+┼─+┤\n/);
        expect(text).toMatch(/Inconclusive: the consistency is \d+, under the 60 a result needs/);
        expect(text).toMatch(/[Ii]nconclusive: not placed on the strip/);
        expect(text).not.toContain('<svg');
        expect(text).not.toMatch(/good at \(/i);
      }
      const json = JSON.parse(renderProfileJson(r));
      expect(json).toMatchObject({ label: 'inconclusive', inconclusive: true, reasons: ['low-consistency'] });
    }
    // The team view lists them, off the strip.
    expect(renderTeamTerminal(team, false)).toMatch(
      / 4 {2}Dee Park +— {2}inconclusive +33 +100%\n +left out: consistency 33/,
    );
    expect(renderTeamHtml(team).match(/<circle /g)).toHaveLength(4);
  });
});
