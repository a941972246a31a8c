import { describe, expect, it } from 'vitest';
import { CSP } from '../../src/core/render/html/page.js';
import { renderReportHtml } from '../../src/core/render/report-html.js';
import { renderReportMarkdown } from '../../src/core/render/report-markdown.js';
import { esc } from '../../src/core/render/svg/markup.js';
import { joined } from '../../src/core/render/html/page.js';
import { crowdedDiagnosis, HOSTILE, hostileDiagnosis, singleDiagnosis, teamDiagnosis } from './fixture.js';
import { expectGolden } from './golden.js';

const html = (d = singleDiagnosis(), top = 10) => renderReportHtml(d, { top });
const figures = (page: string) => [...page.matchAll(/<figure>([\s\S]*?)<\/figure>/g)].map((m) => m[1]!);

describe('HTML gap report', () => {
  it('matches the golden files', () => {
    expectGolden('report.html', html());
    expectGolden('report-team.html', html(teamDiagnosis()));
  });

  it('is one page that loads nothing: a CSP that allows nothing external, no URL, no script', () => {
    for (const page of [html(), html(teamDiagnosis()), html(hostileDiagnosis())]) {
      expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
      expect(CSP).toMatch(/^default-src 'none';/);
      expect(page).not.toMatch(/<script|<link|<img|<iframe|url\(|@import|https?:|\/\/[a-z]/i);
      expect(page.match(/ (?:src|href)="([^"]*)"/g)?.every((a) => /href="#[a-z0-9-]+"/.test(a))).toBe(true);
    }
  });

  it('escapes every text from a file once, and lets no control or bidi character through', () => {
    const page = html(hostileDiagnosis());
    expect(page).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;quote&quot;');
    expect(page).not.toContain('&amp;lt;');
    expect(esc(`<a href="x" onclick='y'>&</a>\u202e\u001b[2J`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(HOSTILE).toContain('<script>');
  });

  it('gives every chart a role, a title and its data as a table in a closed details below it', () => {
    for (const d of [singleDiagnosis(), teamDiagnosis()]) {
      const found = figures(html(d));
      expect(found.length).toBeGreaterThanOrEqual(3);
      for (const f of found) {
        expect(f).toMatch(
          /<svg [^>]*role="img" aria-labelledby="([a-z0-9-]+)-title \1-desc"[^>]*>\n<title id="\1-title">[^<]+<\/title>/,
        );
        expect(f).toMatch(
          /<\/svg><\/div><details class="data"><summary>[^<]+<\/summary><div class="scroll" role="region" tabindex="0" aria-label="[^"]+"><table>/,
        );
      }
    }
    // Several respondents: the answers spread and the perception dumbbells too.
    const team = html(teamDiagnosis());
    expect(team).toContain('How many respondents gave each level: Market insight');
    expect(team).toContain('Capability index: self against others');
    expect(team).toContain(
      '<tr><td>Launch and go-to-market</td><td class="num">75.0</td><td class="num">—</td><td class="num">62.5</td></tr>',
    );
    expect(html()).not.toContain('chart-area-roles');
  });

  it('says what the markdown report says: the same summary, plan and numbers', () => {
    for (const d of [singleDiagnosis(), teamDiagnosis()]) {
      const page = html(d);
      const md = renderReportMarkdown(d, { top: 10 });
      const summaryRows = [
        ...md.matchAll(/^\| (Readiness|Capability|Capacity|Alignment|Interlock|Coverage) \| ([\d.]+|n\/a) \|$/gm),
      ];
      expect(summaryRows).toHaveLength(6);
      for (const [, name, value] of summaryRows)
        expect(page).toMatch(new RegExp(`${name}(</span><span class="big">| <strong>)${value!.replace('.', '\\.')}<`));
      const planRows = [...md.matchAll(/^\| (\d+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| {2}\| {2}\| {2}\|$/gm)];
      expect(planRows.length).toBeGreaterThan(0);
      for (const row of planRows) {
        const cells = [row[2], row[3], row[4]].map((c) => c!.replace(/\\(.)/g, '$1').replaceAll("'", '&#39;'));
        expect(page).toContain(
          `<tr><td class="num">${row[1]}</td>${cells.map((c) => `<td>${c}</td>`).join('')}<td></td><td></td><td></td></tr>`,
        );
      }
    }
  });

  it('puts the summary, the agenda, the plan and the charter first, the details after', () => {
    const ids = [...html(teamDiagnosis()).matchAll(/<section id="([a-z]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'summary',
      'agenda',
      'plan',
      'charter',
      'interlock',
      'handoff',
      'perception',
      'disagreements',
      'groups',
      'map',
      'answers',
      'respondents',
      'evidence',
      'knowledge',
      'notes',
      'definitions',
      'scoring',
    ]);
  });
});

describe('the capability × capacity map', () => {
  it('names every rated responsibility once, in its own quadrant, with no drawn point', () => {
    const d = crowdedDiagnosis(40);
    const page = html(d);
    const start = page.indexOf('<section id="map"');
    const map = page.slice(start, page.indexOf('</section>', start));
    expect(map).not.toContain('<svg');
    const rated = d.items.filter((i) => i.kind === 'responsibility' && i.quadrant !== null);
    const numbers = [...map.matchAll(/<li value="(\d+)">/g)].map((m) => Number(m[1]));
    expect(numbers).toHaveLength(rated.length);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const item of rated) {
      if (item.kind !== 'responsibility') continue;
      const quadrant = map.slice(map.indexOf(`class="quad q-${item.quadrant}"`));
      expect(quadrant.slice(0, quadrant.indexOf('</ol>'))).toContain(`>${item.title} <span`);
    }
  });
});

describe('joined', () => {
  it('gives what join gives, for no part, one, several, and empty ones', () => {
    for (const parts of [
      [],
      ['a'],
      ['<p>a</p>', '', 'b→c', '<li>d</li>'],
      ['', ''],
      Array.from({ length: 500 }, (_, i) => `<td>${i}</td>`),
    ]) {
      for (const separator of ['', '\n', ' · ']) expect(joined(parts, separator)).toBe(parts.join(separator));
    }
  });
});
