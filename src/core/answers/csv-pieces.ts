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

/** The last line break (\n or \r) before `end`. */
const lastBreak = (text: string, end: number): number =>
  Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1));

/**
 * Where the piece that begins at `start` ends: just after the last line break in reach that is outside
 * quotes (an even number of quotes before it, as a quote inside a quoted cell is written twice), a CRLF
 * kept whole. Any line break ends a row, as in a file whose rows end in CRLF and LF alike. A row longer
 * than the reach doubles it.
 */
function pieceEnd(text: string, start: number, size: number): number {
  for (let reach = size; ; reach *= 2) {
    const limit = start + reach;
    if (limit >= text.length) return text.length;
    let quotes = quotesIn(text, start, limit);
    for (let end = limit; ;) {
      const cut = lastBreak(text, end);
      if (cut < start) break;
      quotes -= quotesIn(text, cut, end);
      if (quotes % 2 === 0) return text.startsWith('\r\n', cut) ? cut + 2 : cut + 1;
      end = cut;
    }
  }
}

/** The text in pieces of whole rows. */
export function* csvPieces(text: string, size = PIECE_CHARACTERS): Generator<{ text: string; first: boolean }> {
  for (let start = 0; start < text.length;) {
    const end = pieceEnd(text, start, size);
    yield { text: text.slice(start, end), first: start === 0 };
    start = end;
  }
}
