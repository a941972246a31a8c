// Text from banks, answers files and paths is untrusted: it must never reach a terminal able to
// move the cursor, clear the screen, set a link or reverse the reading order.

const ST = '(?:\\u0007|\\u001B\\u005C|\\u009C)';
const OSC = `(?:[\\u001B\\u009D]\\][\\s\\S]*?${ST})`;
const DCS = `(?:[\\u001B][PX^_][\\s\\S]*?${ST})`;
const CSI = '[\\u001B\\u009B][[\\]()#;?]*(?:\\d{1,4}(?:[;:]\\d{0,4})*)?[\\dA-PR-TZcf-nq-uy=><~]';
const ANSI = new RegExp(`${OSC}|${DCS}|${CSI}`, 'g');
const ESCAPE_START = /[\u001B\u009B\u009D]/;
/**
 * C0 and C1 controls other than tab and newline, DEL, the line and paragraph separators (a line break
 * to some terminals and markdown readers, nothing to others), and the bidirectional overrides and isolates.
 */
export const UNSAFE_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028-\u202E\u2066-\u2069]/g;

function visible(ch: string): string {
  return `\\u{${ch.codePointAt(0)!.toString(16)}}`;
}

/** Removes whole escape sequences (colour, cursor, OSC 8 links, titles), not just their ESC byte. */
export function stripEscapes(text: string): string {
  // Most text holds none: the long pattern runs only when an escape could start.
  return ESCAPE_START.test(text) ? text.replace(ANSI, '') : text;
}

/** Removes escape sequences and shows any other control or bidi character as a visible `\u{..}`. */
export function safeText(text: string): string {
  return stripEscapes(text).replace(UNSAFE_CHARS, visible);
}

/** `safeText` for one line: newlines and tabs become spaces. */
export function safeLine(text: string): string {
  return safeText(text).replace(/[\n\t]+/g, ' ');
}

/** The most characters of a value a message echoes: a hostile file can hold a huge key. */
export const MAX_ECHOED_CHARS = 60;

/** `text` cut to `max` characters (with "..." for the rest), never inside a surrogate pair. */
export function capText(text: string, max = MAX_ECHOED_CHARS): string {
  if (text.length <= max) return text;
  let end = max - 3;
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
  return `${text.slice(0, end)}...`;
}

/** Characters that look like nothing, or like a space, each with its name. */
const INVISIBLE_NAMES: Record<string, string> = {
  '\u00a0': 'no-break space',
  '\u00ad': 'soft hyphen',
  '\u200b': 'zero-width space',
  '\u200c': 'zero-width non-joiner',
  '\u200d': 'zero-width joiner',
  '\u2060': 'word joiner',
  '\ufeff': 'zero-width no-break space',
};

// The classes of characters by Unicode property in this module are built on first use, not as it
// loads: V8 takes long to build one, and only a message about a strange key, or text beyond ASCII
// for a terminal, needs them. (In functions with a body: V8 parses an arrow function's bare
// expression, and the classes in it, with the code around it.)

let lookalikeClasses: { invisibleChar: RegExp; scripts: [string, RegExp][] } | undefined;
function lookalikes() {
  return (lookalikeClasses ??= {
    /** Invisible (format), space-like and combining characters: nothing an id is seen to hold. */
    invisibleChar: /[\p{Cf}\p{Zs}\p{Zl}\p{Zp}\p{M}]/u,
    /** Scripts with letters drawn like Latin ones (Cyrillic а, Greek ο), and full-width Latin. */
    scripts: [
      ['Cyrillic', /\p{Script=Cyrillic}/u],
      ['Greek', /\p{Script=Greek}/u],
      ['Armenian', /\p{Script=Armenian}/u],
      ['Cherokee', /\p{Script=Cherokee}/u],
      ['full-width Latin', /[\uff01-\uff5e]/u],
    ],
  });
}

/**
 * A key or id as a message shows it: capped, and with every character outside printable ASCII
 * (and a space at either end) written as `\u{..}`, so that an id which looks right shows why it is not.
 */
export function shownKey(key: string): string {
  return [...safeLine(capText(key))]
    .map((ch, i, all) => {
      const code = ch.codePointAt(0)!;
      const atEnd = ch === ' ' && (i === 0 || i === all.length - 1);
      return code > 0x7e || atEnd ? visible(ch) : ch;
    })
    .join('');
}

/** What makes a key look like another it is not: invisible characters, letters of a lookalike script, a space at either end. */
export function lookalikeNote(key: string): string | undefined {
  const notes: string[] = [];
  const chars = [...capText(key)];
  const { invisibleChar, scripts } = lookalikes();
  for (const [script, pattern] of scripts) {
    const found = chars.filter((ch) => pattern.test(ch));
    if (found.length > 0)
      notes.push(
        `${found.length === 1 ? 'a letter' : 'letters'} of the ${script} script (${[...new Set(found)].map(visible).join(' ')}) that look${found.length === 1 ? 's' : ''} like Latin`,
      );
  }
  const invisible = [...new Set(chars.filter((ch) => ch !== ' ' && invisibleChar.test(ch)))];
  if (invisible.length > 0)
    notes.push(
      `${invisible.length === 1 ? 'an invisible' : 'invisible'} ${invisible.map((ch) => `${INVISIBLE_NAMES[ch] ?? 'character'} ${visible(ch)}`).join(', ')}`,
    );
  if (/^ | $/.test(key)) notes.push(`a space at the ${key.startsWith(' ') ? 'start' : 'end'}`);
  return notes.length > 0 ? `it holds ${notes.join('; ')}` : undefined;
}

/**
 * `unknown key "…"`, shown so its lookalike characters can be seen, with what it may have meant
 * (and the earlier name that suggestion was recognised by, when it was).
 */
export function unknownText(what: string, key: string, suggestion?: string, formerly?: string): string {
  const note = lookalikeNote(key);
  const meant = suggestion ? ` (did you mean "${suggestion}"${formerly ? `, formerly "${formerly}"` : ''}?)` : '';
  return `unknown ${what} "${shownKey(key)}"${note ? `: ${note}` : ''}${meant}`;
}

/** A short, safe description of a value for "found …" in messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${safeLine(capText(value, 40))}"`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  // Past 2^53 the number read is no longer the one written: do not quote a value the file does not hold.
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value))
    return 'a number too large to be exact';
  return safeLine(String(value));
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}

/** The closest candidate, when it is close enough to be what was meant. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  // Read twice below: an iterator (such as `map.keys()`) would be empty the second time.
  const list = [...candidates];
  const limit = Math.max(2, Math.floor(word.length / 3));
  const lowerWord = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    // The distance is at least the difference in length: skip what cannot be close enough, or closer
    // (a file of thousands of unknown ids spent seconds here).
    const lower = candidate.toLowerCase();
    if (Math.abs(lower.length - lowerWord.length) >= Math.min(bestDistance, limit + 1)) continue;
    const d = distance(lowerWord, lower);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= limit) return best;
  // A word that is a prefix or part of a candidate (e.g. `pricing` for `pricing-and-packaging`).
  for (const candidate of list) {
    if (word.length >= 4 && candidate.includes(word)) return candidate;
  }
  return undefined;
}

/** Orders text by code unit: the same on every machine, whatever its locale. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

let cellClasses: { zero: RegExp; double: RegExp } | undefined;
function cells() {
  return (cellClasses ??= {
    /** Characters a terminal draws in no cell: combining marks, zero-width and format characters, variation selectors. */
    zero: /^[\p{M}\p{Cf}\u{fe00}-\u{fe0f}\u{e0100}-\u{e01ef}]$/u,
    /** East Asian Wide and Fullwidth characters, and emoji drawn as pictures: two cells each. */
    double:
      /^[\u{1100}-\u{115f}\u{2e80}-\u{303e}\u{3041}-\u{33ff}\u{3400}-\u{4dbf}\u{4e00}-\u{9fff}\u{a000}-\u{a4cf}\u{a960}-\u{a97f}\u{ac00}-\u{d7a3}\u{f900}-\u{faff}\u{fe10}-\u{fe19}\u{fe30}-\u{fe6f}\u{ff00}-\u{ff60}\u{ffe0}-\u{ffe6}\u{1b000}-\u{1b2ff}\u{1f200}-\u{1f2ff}\u{20000}-\u{2fffd}\u{30000}-\u{3fffd}\p{Emoji_Presentation}]$/u,
  });
}
const NARROW_ONLY = /^[\u0020-\u007e]*$/;

/** The cells one character takes in a terminal: 0, 1 or 2. */
function charWidth(ch: string): number {
  const { zero, double } = cells();
  if (zero.test(ch)) return 0;
  return double.test(ch) ? 2 : 1;
}

/** The cells `text` (one line, already safe) takes in a terminal; an emoji joined to the one before it (ZWJ) takes none of its own. */
export function displayWidth(text: string): number {
  if (NARROW_ONLY.test(text)) return text.length;
  let width = 0;
  let joined = false;
  for (const ch of text) {
    width += joined ? 0 : charWidth(ch);
    joined = ch === '\u200d';
  }
  return width;
}

/** The longest start of `text` that fits in `width` cells. */
export function sliceToWidth(text: string, width: number): string {
  if (NARROW_ONLY.test(text)) return text.slice(0, width);
  let used = 0;
  let end = 0;
  let joined = false;
  for (const ch of text) {
    const w = joined ? 0 : charWidth(ch);
    if (used + w > width) break;
    used += w;
    end += ch.length;
    joined = ch === '\u200d';
  }
  return text.slice(0, end);
}
