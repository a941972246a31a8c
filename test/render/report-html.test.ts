import { describe, expect, it } from 'vitest';
import { CSP } from '../../src/core/render/html/page.js';
import { renderReportHtml } from '../../src/core/render/report-html.js';
import { renderReportMarkdown } from '../../src/core/render/report-markdown.js';
import { esc } from '../../src/core/render/svg/markup.js';
import { spread, type QuadrantDot } from '../../src/core/render/svg/quadrant.js';
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
    expect(esc(`<a href="x" onclick='y'>&</a>\u202e\u001b[2J`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(HOSTILE).toContain('<script>');
  });

  it('gives every chart a role, a title and its data as a table beside it', () => {
    for (const d of [singleDiagnosis(), teamDiagnosis()]) {
      const found = figures(html(d));
      expect(found.length).toBeGreaterThanOrEqual(4);
      for (const f of found) {
        expect(f).toMatch(/<svg [^>]*role="img" aria-labelledby="([a-z0-9-]+)-title \1-desc"[^>]*>\n<title id="\1-title">[^<]+<\/title>/);
        expect(f).toMatch(/<div class="data"><table>/);
      }
    }
    // Several respondents: the answers spread and the perception dumbbells too.
    const team = html(teamDiagnosis());
    expect(team).toContain('How many respondents gave each level: Market insight');
    expect(team).toContain('Capability index: self against others');
    expect(team).toContain('<tr><td>Launch and go-to-market</td><td class="num">75.0</td><td class="num">—</td><td class="num">62.5</td></tr>');
    expect(html()).not.toContain('chart-area-roles');
  });

  it('says what the markdown report says: the same summary, plan and numbers', () => {
    for (const d of [singleDiagnosis(), teamDiagnosis()]) {
      const page = html(d);
      const md = renderReportMarkdown(d, { top: 10 });
      const summaryRows = [...md.matchAll(/^\| (Readiness|Capability|Capacity|Alignment|Interlock|Coverage) \| ([\d.]+|n\/a) \|$/gm)];
      expect(summaryRows).toHaveLength(6);
      for (const [, name, value] of summaryRows) expect(page).toMatch(new RegExp(`${name}(</span><span class="big">| <strong>)${value!.replace('.', '\\.')}<`));
      for (const row of md.matchAll(/^\| (\d+) \| ([^|]+) \| ([^|]+) \| {2}\| {2}\| {2}\|$/gm)) {
        expect(page).toContain(`<tr><td class="num">${row[1]}</td><td>${row[2]}</td><td>${row[3]}</td><td></td><td></td><td></td></tr>`);
      }
    }
  });

  it('puts the summary first and the action plan right after the agenda', () => {
    const ids = [...html(teamDiagnosis()).matchAll(/<section id="([a-z]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['summary', 'groups', 'map', 'agenda', 'plan', 'ownership', 'interlock', 'handoff', 'respondents', 'disagreements', 'answers', 'perception', 'evidence', 'knowledge', 'notes', 'scoring']);
  });
});

describe('the quadrant chart spreads dots that would overlap', () => {
  const dots: QuadrantDot[] = [
    ...Array.from({ length: 12 }, (_, i) => ({ number: i + 1, x: 0.2, y: 0.2, quadrant: 'critical' as const })),
    ...Array.from({ length: 5 }, (_, i) => ({ number: 20 + i, x: 0.55, y: 0.95, quadrant: 'strength' as const })),
  ];

  it('keeps them apart, inside their own quadrant, the same every time', () => {
    const placed = spread(dots);
    expect(spread([...dots].reverse())).toEqual(placed);
    for (const a of placed) {
      for (const b of placed) if (a !== b) expect(Math.hypot(a.cx - b.cx, a.cy - b.cy)).toBeGreaterThanOrEqual(22);
      const left = a.dot.x < 0.5;
      const top = a.dot.y >= 0.5;
      expect(a.cx < 230).toBe(left);
      expect(a.cy < 230).toBe(top);
      expect(a.cx).toBeGreaterThan(0);
      expect(a.cy).toBeLessThan(460);
    }
    expect(placed.filter((p) => p.home)).toHaveLength(15);
  });

  it('keeps two crowds on neighbouring spots apart however their numbers interleave, and a crowd the quadrant cannot hold on its own spot', () => {
    const near: QuadrantDot[] = Array.from({ length: 40 }, (_, i) => ({ number: i + 1, x: i % 2 === 0 ? 0.2 : 0.24, y: 0.3, quadrant: 'critical' as const }));
    const placed = spread(near);
    expect(spread([...near].reverse())).toEqual(placed);
    for (const a of placed) {
      for (const b of placed) if (a !== b) expect(Math.hypot(a.cx - b.cx, a.cy - b.cy)).toBeGreaterThanOrEqual(23);
      expect(a.cx).toBeGreaterThanOrEqual(12);
      expect(a.cx).toBeLessThanOrEqual(218);
      expect(a.cy).toBeGreaterThanOrEqual(242);
    }
    const crowd: QuadrantDot[] = Array.from({ length: 200 }, (_, i) => ({ number: i + 1, x: 0.8, y: 0.8, quadrant: 'strength' as const }));
    const full = spread(crowd);
    const spots = new Set(full.map((p) => `${p.cx} ${p.cy}`));
    const own = full.filter((p) => p.cx === full[0]!.cx && p.cy === full[0]!.cy);
    expect(own.length).toBeGreaterThan(1);
    expect(spots.size).toBe(full.length - own.length + 1);
  });

  it('draws a crowded map with every number once', () => {
    const page = html(crowdedDiagnosis(40));
    const map = figures(page).find((f) => f.includes('chart-map'))!;
    const numbers = [...map.matchAll(/class="dot-text[^"]*"[^>]*>(\d+)</g)].map((m) => Number(m[1]));
    expect(numbers).toHaveLength(new Set(numbers).size);
    expect(numbers).toContain(46);
  });
});

describe('joined', () => {
  it('gives what join gives, for no part, one, several, and empty ones', () => {
    for (const parts of [[], ['a'], ['<p>a</p>', '', 'b→c', '<li>d</li>'], ['', ''], Array.from({ length: 500 }, (_, i) => `<td>${i}</td>`)]) {
      for (const separator of ['', '\n', ' · ']) expect(joined(parts, separator)).toBe(parts.join(separator));
    }
  });
});
