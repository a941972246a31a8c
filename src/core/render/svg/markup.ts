import { UNSAFE_CHARS, stripEscapes } from '../../text.js';

// The one escaping of untrusted text for HTML and SVG, and the small pieces every chart is drawn
// with. Markup is built as strings: whatever comes from a bank or an answers file passes `esc`.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML or SVG content and for quoted attribute values: escape sequences, controls and bidi
 * overrides are removed (as in markdown), and the five characters markup acts on become entities.
 */
export function esc(text: string): string {
  return plain(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** Text without escape sequences, controls or bidi overrides. */
export const plain = (text: string): string => stripEscapes(text).replace(UNSAFE_CHARS, '');

/** Cuts text for a chart label, marking the cut with "…"; the table beside the chart has it whole. Cut after cleaning, so no escape sequence is cut in two. */
export function clip(text: string, max: number): string {
  const chars = [...plain(text).replace(/\s+/g, ' ').trim()];
  return chars.length <= max
    ? chars.join('')
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** How many characters of a chart label fit in `room` pixels, at the charts' 13px font (style.ts). */
export const fits = (room: number, bold = false): number => Math.floor(room / (bold ? 8.5 : 7.5));

/** A coordinate with at most one decimal: enough for the eye, and a smaller file. */
export const px = (n: number): string => String(Math.round(n * 10) / 10);

/** A text element; `content` is escaped here. */
export function text(
  x: number,
  y: number,
  content: string,
  cls = '',
  anchor: 'start' | 'middle' | 'end' = 'start',
): string {
  const a = anchor === 'start' ? '' : ` text-anchor="${anchor}"`;
  return `<text x="${px(x)}" y="${px(y)}"${cls ? ` class="${cls}"` : ''}${a}>${esc(content)}</text>`;
}

export const line = (x1: number, y1: number, x2: number, y2: number, cls: string): string =>
  `<line x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}" class="${cls}"/>`;

export const rect = (x: number, y: number, width: number, height: number, cls: string): string =>
  `<rect x="${px(x)}" y="${px(y)}" width="${px(Math.max(0, width))}" height="${px(height)}" class="${cls}"/>`;

/** The smallest a chart is drawn at: its 13 px text stays about 10 px or more. */
const MIN_SCALE = 0.8;

/**
 * An SVG chart for a screen reader: `role="img"` with its title and a description that points to
 * the table below it. `id` is ours (letters, digits and dashes), never text from a file.
 */
export function chart(id: string, title: string, width: number, height: number, body: string[], desc: string): string {
  return [
    // Scaled down to fit a narrow screen, but never below MIN_SCALE: a wider chart scrolls in its own box.
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" style="min-width:${Math.round(width * MIN_SCALE)}px" role="img" aria-labelledby="${id}-title ${id}-desc" class="chart">`,
    `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>`,
    ...body,
    '</svg>',
  ].join('\n');
}
