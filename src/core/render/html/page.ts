import { esc } from '../svg/markup.js';
import { STYLE } from '../svg/style.js';

// The pieces of every HTML page pm-diag writes: one self-contained document, no script, and a
// Content-Security-Policy that lets nothing load from anywhere. Cells and content passed in as
// `Html` are already escaped; plain strings are escaped here.

/** Nothing may load: no script, font, image, frame or connection; only the page's own style. */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export type Html = string;

/**
 * `parts.join(separator)`, linking the strings rather than copying them: a join makes one new flat
 * string of its parts, so markup nested in markup would be copied once per level. The page is
 * copied once, when it is written.
 */
export function joined(parts: readonly string[], separator = ''): string {
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) out = out + separator + parts[i]!;
  return out;
}

/** A table whose cells are already escaped; `numeric` columns are right-aligned. */
export function table(caption: string, head: string[], rows: Html[][], numeric: number[] = []): Html {
  const cls = (i: number) => (numeric.includes(i) ? ' class="num"' : '');
  const th = joined(head.map((h, i) => `<th scope="col"${cls(i)}>${esc(h)}</th>`));
  const body = joined(
    rows.map((r) => `<tr>${joined(r.map((c, i) => `<td${cls(i)}>${c}</td>`))}</tr>`),
    '\n',
  );
  return `<table><caption>${esc(caption)}</caption>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

/** A table or chart that scrolls inside its own box on a narrow screen, not the page; the box is focusable so a keyboard can scroll it. */
export const scrollBox = (label: string, content: Html, cls = 'scroll'): Html =>
  `<div class="${cls}" role="region" tabindex="0" aria-label="${esc(label)}">${content}</div>`;

/** A chart, its data as a table in a closed `<details>` below it (the same numbers twice need not be read twice). */
export const figure = (title: string, svg: Html, data: Html): Html =>
  `<figure><figcaption>${esc(title)}</figcaption>${scrollBox(`Chart: ${title}`, svg, 'plot')}<details class="data"><summary>The data as a table</summary>${data}</details></figure>`;

export const section = (id: string, title: string, ...content: Html[]): Html =>
  `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(title)}</h2>\n${joined(content, '\n')}\n</section>`;

export const p = (text: string): Html => `<p>${esc(text)}</p>`;
export const list = (items: Html[], ordered = false): Html =>
  `<${ordered ? 'ol' : 'ul'}>\n${joined(
    items.map((i) => `<li>${i}</li>`),
    '\n',
  )}\n</${ordered ? 'ol' : 'ul'}>`;

/** The document around `body`: charset, CSP, viewport, the style sheet (a page with its own script brings its own policy and style). */
export function page(
  title: string,
  body: Html,
  head: { csp: string; style: string } = { csp: CSP, style: STYLE },
): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${head.csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(title)}</title>
<style>${head.style}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
