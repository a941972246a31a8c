import { esc } from '../render/svg/markup.js';
import type { ProfileBank } from './schema.js';
import { isConclusive, type ProfileResult } from './score.js';
import { placeMarkers, type StripMarker } from './strip.js';
import type { TeamResult } from './team.js';
import {
  BALANCE_MARK,
  BANDS,
  CAVEAT,
  DIMENSIONS_NOTE,
  SCORING_NOTE,
  STYLES_NOTE,
  answeredText,
  answeredTotalText,
  consistencyCell,
  consistencyText,
  dimensionAdvice,
  fmtConfidence,
  fmtTendency,
  fmtWeight,
  labelText,
  memberLabel,
  memberMark,
  memberTendency,
  overallAdvice,
  raterText,
  reasonText,
  respondentLabel,
  styleLean,
  teamMarkers,
  unreadTendency,
} from './view.js';

// The profile as one small self-contained page: no request leaves it (a Content-Security-Policy
// allows only the inline style), the strip is inline SVG with a title, and every text is escaped.

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1f24; --bg: #fff; --muted: #57606a; --line: #d0d7de; --b0: #1f5fa8; --b1: #6b9bd1; --b2: #c9ccd1; --b3: #e8a86b; --b4: #c4621d; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9da7b3; --line: #30363d; --b2: #6e7681; } }
@media print { :root { --fg: #000; --bg: #fff; } }
body { font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
.caveat { border-left: 4px solid var(--b3); padding: .5rem 1rem; font-weight: 600; }
.inconclusive { border-left: 4px solid var(--b0); padding: .5rem 1rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
svg { width: 100%; height: auto; }
svg text { fill: var(--fg); font: 12px system-ui, sans-serif; }
svg .tick { fill: var(--muted); }
.band0 { fill: var(--b0); } .band1 { fill: var(--b1); } .band2 { fill: var(--b2); } .band3 { fill: var(--b3); } .band4 { fill: var(--b4); }
.marker { fill: var(--bg); stroke: var(--fg); stroke-width: 2; }
.muted { color: var(--muted); }
`;

const X0 = 20;
const SPAN = 600;
const x = (t: number) => X0 + ((t + 100) / 200) * SPAN;

interface SvgMarker extends StripMarker {
  name: string;
}

/** The strip from strongly inbound to strongly outbound, with a numbered or plain marker for each person. */
export function stripSvg(markers: readonly SvgMarker[], title: string): string {
  // Rows by cells of 20 px, a marker's width: two markers on one row are two cells apart, never touching.
  const placed = placeMarkers(markers, SPAN / 20 + 1);
  const rows = Math.max(1, ...placed.map((p) => p.row + 1));
  const top = 10 + rows * 26;
  const parts: string[] = [];
  BANDS.forEach((band, i) => {
    parts.push(
      `<rect class="band${i}" x="${x(band.from).toFixed(1)}" y="${top}" width="${(x(band.to) - x(band.from)).toFixed(1)}" height="18"/>`,
    );
    parts.push(
      `<text x="${((x(band.from) + x(band.to)) / 2).toFixed(1)}" y="${top + 34}" text-anchor="middle">${band.label}</text>`,
    );
  });
  for (const t of [-100, -50, -15, 15, 50, 100])
    parts.push(
      `<text class="tick" x="${x(t).toFixed(1)}" y="${top + 50}" text-anchor="middle">${t > 0 ? `+${t}` : t}</text>`,
    );
  for (const { marker, row } of placed) {
    const cx = x(Math.max(-100, Math.min(100, marker.tendency))).toFixed(1);
    const cy = top - 12 - row * 26;
    parts.push(
      `<g><title>${esc(`${marker.name}: ${fmtTendency(marker.tendency)}`)}</title><line x1="${cx}" y1="${cy}" x2="${cx}" y2="${top + 18}" stroke="currentColor"/><circle class="marker" cx="${cx}" cy="${cy}" r="10"/><text x="${cx}" y="${cy + 4}" text-anchor="middle">${esc(marker.mark)}</text></g>`,
    );
  }
  const height = top + 60;
  return `<svg role="img" aria-labelledby="strip-title" viewBox="0 0 640 ${height}" width="640" height="${height}"><title id="strip-title">${esc(title)}</title>${parts.join('')}</svg>`;
}

function page(title: string, body: string[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}

const table = (head: string[], rows: string[][], numeric: number[] = []) =>
  `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => `<td${numeric.includes(i) ? ' class="n"' : ''}>${esc(cell)}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;

export function renderProfileHtml(bank: ProfileBank, r: ProfileResult): string {
  const name = respondentLabel(r);
  const conclusive = isConclusive(r);
  const advice = overallAdvice(bank, r.label);
  const why = reasonText(r);
  const summary = conclusive
    ? `${fmtTendency(r.tendency)}, ${labelText(r.label)}`
    : `inconclusive (${unreadTendency(r)})`;
  return page(`Profile: ${name}`, [
    `<h1>Profile: ${esc(name)}</h1>`,
    `<p class="caveat">${esc(CAVEAT)}</p>`,
    `<p><strong>Tendency:</strong> ${esc(summary)}<br><strong>Consistency:</strong> ${esc(consistencyText(r))}<br><strong>Answered:</strong> ${esc(answeredTotalText(r))}</p>`,
    ...(why ? [`<p class="inconclusive">${esc(why)}</p>`] : []),
    r.tendency === null
      ? '<p>No answers yet: nothing to place on the strip.</p>'
      : conclusive
        ? stripSvg(
            [{ tendency: r.tendency, mark: '●', name }],
            `Tendency of ${name} on a strip from strongly inbound (−100) to strongly outbound (+100): ${summary}`,
          )
        : '<p>Inconclusive: not placed on the strip.</p>',
    '<h2>By dimension</h2>',
    `<p>${esc(DIMENSIONS_NOTE)}</p>`,
    table(
      ['Dimension', 'Tendency', 'Label', 'Answered', 'Good at', 'Pair with'],
      r.dimensions.map((d) => {
        const lean = dimensionAdvice(bank, d);
        return [
          d.title,
          fmtTendency(d.tendency),
          labelText(d.label),
          answeredText(d),
          lean?.goodAt ?? '',
          lean?.pairWith ?? '',
        ];
      }),
      [1, 3],
    ),
    ...(r.styles.length
      ? [
          '<h2>Other sides of working style</h2>',
          `<p>${esc(STYLES_NOTE)}</p>`,
          table(
            ['Style', 'Left', 'Right', 'Score', 'Leans', 'Answered'],
            r.styles.map((s) => [s.title, s.left, s.right, fmtTendency(s.score), styleLean(s), answeredText(s)]),
            [3, 5],
          ),
        ]
      : []),
    ...(advice
      ? [
          `<h2>What this tendency is good at (${esc(advice.name)})</h2>`,
          `<p>${esc(`${advice.summary} ${advice.goodAt}`)}</p>`,
          '<h2>What to pair it with</h2>',
          `<p>${esc(advice.pairWith)}</p>`,
        ]
      : []),
    '<h2>How this is scored</h2>',
    `<p class="muted">${esc(SCORING_NOTE)}</p>`,
    `<p class="muted">${esc(`${bank.title} (${bank.id} v${bank.version}), ${raterText(r)}`)}</p>`,
  ]);
}

export function renderTeamHtml(team: TeamResult): string {
  const markers = teamMarkers(team);
  const count = `${team.members.length} ${team.members.length === 1 ? 'person' : 'people'}`;
  return page(`Team profile: ${count}`, [
    `<h1>Team profile: ${esc(count)}</h1>`,
    `<p class="caveat">${esc(CAVEAT)}</p>`,
    `<p><strong>Balance:</strong> ${esc(`${fmtTendency(team.balance)} (${labelText(team.label)}), the mean of the conclusive tendencies (${BALANCE_MARK} on the strip)`)}<br><strong>Counted:</strong> ${esc(team.countSentence)}</p>`,
    markers.length
      ? stripSvg(
          markers,
          `Each person's tendency on a strip from strongly inbound (−100) to strongly outbound (+100); the team's balance is ${fmtTendency(team.balance)}`,
        )
      : '<p>Nobody has a conclusive profile: nothing to place on the strip.</p>',
    table(
      ['#', 'Person', 'Tendency', 'Result', 'Consistency', 'Answered'],
      team.members.map((m, i) => [
        memberMark(i),
        respondentLabel(m),
        memberTendency(m),
        isConclusive(m) ? labelText(m.label) : memberLabel(m),
        consistencyCell(m),
        fmtConfidence(m.confidence),
      ]),
      [2, 4, 5],
    ),
    ...(team.capacity
      ? [
          '<h2>Capacity gaps by accountable owner</h2>',
          table(
            ['Owner', 'Σ weight × capacity shortfall'],
            Object.entries(team.capacity.byOwner).map(([owner, v]) => [owner, fmtWeight(v)]),
            [1],
          ),
        ]
      : []),
    '<h2>The next hire</h2>',
    `<p>${esc(team.sentence)}</p>`,
  ]);
}
