import { UNSAFE_CHARS, stripEscapes } from '../text.js';

// Untrusted text in markdown: it must not open tags, links, emphasis or headings, and a table
// cell must stay one cell on one row.

const SUBSTITUTES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\n': ' ' };
const MARKDOWN_SPECIAL = /[&<>\n\\`*_[\]()#!~|]/g;

/** Escapes text for running markdown: `&`, `<` and `>` as entities, a backslash before each character markdown acts on, one line. */
export function mdText(text: string): string {
  // In one pass, each character once (the unsafe characters, every \r among them, are gone).
  return stripEscapes(text)
    .replace(UNSAFE_CHARS, '')
    .replace(MARKDOWN_SPECIAL, (ch) => SUBSTITUTES[ch] ?? `\\${ch}`);
}

/** Escapes text for a table cell: as `mdText`, with line breaks kept as `<br>`. */
export function mdCell(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => mdText(line))
    .join('<br>');
}

/** A GitHub-flavoured table; cells must already be escaped. */
export function mdTable(header: string[], rows: string[][], align?: ('left' | 'right' | 'center')[]): string {
  const rule = header.map((_, i) => (align?.[i] === 'right' ? '---:' : align?.[i] === 'center' ? ':---:' : '---'));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}
