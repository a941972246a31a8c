import { displayWidth, safeLine, safeText, sliceToWidth } from '../text.js';
import { fixed, rounded } from '../score/math.js';
import type { Missing } from '../score/answered.js';
import { mark } from './marks.js';

// Plain-text layout for the terminal renderers: every string that passes through here is made safe
// first, so a renderer cannot forget to.

import { WIDTH } from './terminal-width.js';

export { WIDTH };

// Widths are terminal cells, not characters: a CJK character or an emoji takes two.

/** Cuts a single line to `width` cells, marking the cut with "…". */
export function truncate(text: string, width: number): string {
  const line = safeLine(text);
  return displayWidth(line) <= width ? line : `${sliceToWidth(line, Math.max(0, width - 1))}…`;
}

export function padEnd(text: string, width: number): string {
  const line = truncate(text, width);
  return line + ' '.repeat(Math.max(0, width - displayWidth(line)));
}

export function padStart(text: string, width: number): string {
  const line = truncate(text, width);
  return ' '.repeat(Math.max(0, width - displayWidth(line))) + line;
}

/** Wraps text to `width` columns; every line after the first starts with `indent` (the first with `first`). */
export function wrap(text: string, width: number = WIDTH, indent = '', first = indent): string[] {
  const lines: string[] = [];
  for (const paragraph of safeText(text).split('\n')) {
    let line = lines.length === 0 ? first : indent;
    let empty = true;
    for (const word of paragraph.replace(/\t/g, ' ').split(/ +/).filter(Boolean)) {
      const wordWidth = displayWidth(word);
      const room = width - displayWidth(line) - (empty ? 0 : 1);
      if (!empty && wordWidth > room) {
        lines.push(line);
        line = indent;
        empty = true;
      }
      if (empty && wordWidth > width - displayWidth(line)) {
        line += truncate(word, width - displayWidth(line));
      } else {
        line += (empty ? '' : ' ') + word;
      }
      empty = false;
    }
    lines.push(line);
  }
  return lines;
}

/** A horizontal bar for a 0–100 value, `width` cells wide. */
export function bar(value: number | null, width: number): string {
  if (value === null) return '·'.repeat(width);
  const filled = Math.round((Math.max(0, Math.min(100, value)) / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

// A missing value shows why it is missing (marks.ts); without a reason, as not answered.

/** A 0–100 index to one decimal, or the mark for why there is none (`narrow`: its short form). */
export function fmtIndex(value: number | null | undefined, missing: Missing = 'unanswered', narrow = false): string {
  return value === null || value === undefined ? mark(missing, narrow) : fixed(value, 'index');
}

/** An item mean or priority to two decimals, or the mark for why there is none. */
export function fmtMean(value: number | null | undefined, missing: Missing = 'unanswered', narrow = false): string {
  return value === null || value === undefined ? mark(missing, narrow) : fixed(value, 'mean');
}

/** A plain number (a target, a spread): up to two decimals without trailing zeros, or a dash. */
export function fmtNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? mark('unanswered') : String(rounded(value, 'mean'));
}

/** A difference with its sign ("+12.5", "-0.50"), formatted by `fmt`; no sign when it rounds to zero. */
export function fmtSigned(value: number | null | undefined, fmt: (v: number) => string): string {
  if (value === null || value === undefined) return mark('unanswered');
  const magnitude = fmt(Math.abs(value));
  return /[1-9]/.test(magnitude) ? `${value > 0 ? '+' : '-'}${magnitude}` : magnitude;
}

/** Joins `parts` with `separator`, wrapping between parts rather than inside one when it can. */
export function wrapParts(
  parts: string[],
  width: number = WIDTH,
  indent = '',
  first = indent,
  separator = ' · ',
): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const part of parts.map(safeLine)) {
    if (!empty && displayWidth(line) + separator.length + displayWidth(part) > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    if (empty && displayWidth(part) > width - displayWidth(line)) {
      const wrapped = wrap(part, width, indent, line);
      lines.push(...wrapped.slice(0, -1));
      line = wrapped[wrapped.length - 1]!;
    } else {
      line += (empty ? '' : separator) + part;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}
