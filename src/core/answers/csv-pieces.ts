/**
 * A CSV text cut into pieces of whole rows, each parsed on its own. csv-parse either returns every
 * record at once (a million rows held together) or, with `on_record`, builds a description object for
 * each record that costs more than the parse: small pieces avoid both.
 */

/**
 * About how many characters a piece holds (a piece grows past it only to end at the end of a row):
 * small enough that a piece's records are gone before the garbage collector moves them to the old heap.
 */
const PIECE_CHARACTERS = 8 * 1024;

function quotesIn(text: string, from: number, to: number): number {
  let quotes = 0;
  for (let i = text.indexOf('"', from); i >= 0 && i < to; i = text.indexOf('"', i + 1)) quotes++;
  return quotes;
}

/**
 * Where the piece that begins at `start` ends: just after the last row break in reach that is outside
 * quotes (an even number of quotes before it, as a quote inside a quoted cell is written twice). A row
 * longer than the reach doubles it.
 */
function pieceEnd(text: string, start: number, rowEnd: string, size: number): number {
  for (let reach = size; ; reach *= 2) {
    const limit = start + reach;
    if (limit >= text.length) return text.length;
    let quotes = quotesIn(text, start, limit);
    for (let end = limit; ;) {
      const cut = text.lastIndexOf(rowEnd, end - 1);
      if (cut < start) break;
      quotes -= quotesIn(text, cut, end);
      if (quotes % 2 === 0) return cut + 1;
      end = cut;
    }
  }
}

/** The text in pieces of whole rows; `rowDelimiter` is the line break that ends a row (`\n`, `\r\n` or `\r`). */
export function* csvPieces(
  text: string,
  rowDelimiter: string,
  size = PIECE_CHARACTERS,
): Generator<{ text: string; first: boolean }> {
  const rowEnd = rowDelimiter.at(-1)!;
  for (let start = 0; start < text.length;) {
    const end = pieceEnd(text, start, rowEnd, size);
    yield { text: text.slice(start, end), first: start === 0 };
    start = end;
  }
}
