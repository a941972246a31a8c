// When each response was submitted, from a form tool's timestamp column, as ISO 8601 UTC. Each tool
// writes dates its own way (DESIGN "Collecting answers"; research/form-tool-exports.md): ISO-like
// (Typeform, Qualtrics, Tally, LimeSurvey), a Google download's `2024/03/04 9:12:31 AM GMT+1`, a
// sheet's locale form (`12/6/2026 10:42:00`: month first in the US, day first elsewhere), a
// dotted day-first form, Jotform's `Mar 5, 2024`, and a workbook's serial day numbers. A time
// without a zone is taken as UTC: the times are compared within one export.

/** Whether `3/5` is March 5 (`md`) or 3 May (`dm`). */
export type DayOrder = 'md' | 'dm';

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|(?:GMT|UTC)?\s*[+-]\d{2}:?\d{2})?$/i;
const YMD =
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]\.?M\.?)?)?\s*(?:(?:GMT|UTC)\s*(?:([+-]\d{1,2})(?::?(\d{2}))?)?)?$/i;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]\.?M\.?)?)?$/i;
const NAMED_MONTH =
  /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]\.?M\.?)?)?$/i;
const SERIAL = /^\d{5}(\.\d+)?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Excel's day 0 (its day 60 is a 29 February 1900 that never was, long before any form). */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
/**
 * Which day a workbook's serial numbers count from: 1900 (day 0 above), or 1904, which Excel for Mac
 * once wrote and a workbook may still say (its day 0 is 1 January 1904, 1,462 days later).
 */
export type SerialDates = 1900 | 1904;
const DAYS_BEFORE_1904 = 1462;
const DAY_MS = 86_400_000;

function hours(hour: string | undefined, meridiem: string | undefined): number {
  const h = Number(hour ?? 0);
  if (!meridiem) return h;
  const pm = meridiem[0]!.toLowerCase() === 'p';
  return (h % 12) + (pm ? 12 : 0);
}

/**
 * A date and time, checked (no 31 April, no 25 o'clock), as ISO 8601 UTC; `offsetMinutes` is the zone's, `ms`
 * the milliseconds (two answers within one second are told apart by them).
 */
function iso(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, offsetMinutes = 0, ms = 0): string | undefined {
  const year = y < 100 ? 2000 + y : y;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const local = Date.UTC(year, mo - 1, d, h, mi, s, ms);
  const date = new Date(local);
  if (date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1) return undefined;
  return new Date(local - offsetMinutes * 60_000).toISOString().replace('.000Z', 'Z');
}

function zoneMinutes(zone: string | undefined): number {
  if (!zone || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * The day order a column of `12/6/2026`-style dates shows: a first part over 12 is a day, a second part over
 * 12 is a day.
 */
export function dayOrderOf(texts: Iterable<string>): DayOrder | 'mixed' | undefined {
  let dm = false;
  let md = false;
  for (const text of texts) {
    const m = NUMERIC.exec(text.trim());
    if (!m || m[2] === '.') continue;
    if (Number(m[1]) > 12) dm = true;
    if (Number(m[3]) > 12) md = true;
  }
  return dm && md ? 'mixed' : dm ? 'dm' : md ? 'md' : undefined;
}

/** Whether a text is a `3/5/2024` form whose day and month could be either way round. */
export function isAmbiguousDate(text: string): boolean {
  const m = NUMERIC.exec(text.trim());
  return m !== null && m[2] !== '.' && Number(m[1]) <= 12 && Number(m[3]) <= 12 && m[1] !== m[3];
}

/**
 * A timestamp cell as ISO 8601 UTC, or undefined when it is no date this reader knows; `order` for
 * `3/5/2024`.
 */
export function parseTimestamp(
  raw: string,
  order: DayOrder | undefined,
  serialDates: SerialDates = 1900,
): string | undefined {
  const text = raw.trim();
  let m = ISO.exec(text);
  if (m) {
    const ms = Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
    return iso(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), zoneMinutes(m[8]), ms);
  }
  m = YMD.exec(text);
  if (m) {
    const offset = m[8] === undefined ? 0 : (m[8].startsWith('-') ? -1 : 1) * (Math.abs(+m[8]) * 60 + +(m[9] ?? 0));
    return iso(+m[1]!, +m[2]!, +m[3]!, hours(m[4], m[7]), +(m[5] ?? 0), +(m[6] ?? 0), offset);
  }
  m = NUMERIC.exec(text);
  if (m) {
    const [a, b] = [+m[1]!, +m[3]!];
    // A dotted date is day first in every locale that writes one; a part over 12 is the day.
    const dayFirst =
      m[2] === '.' || a > 12
        ? true
        : b > 12
          ? false
          : a === b
            ? true
            : order === undefined
              ? undefined
              : order === 'dm';
    if (dayFirst === undefined) return undefined;
    const [day, month] = dayFirst ? [+m[1]!, +m[3]!] : [+m[3]!, +m[1]!];
    return iso(+m[4]!, month, day, hours(m[5], m[8]), +(m[6] ?? 0), +(m[7] ?? 0));
  }
  m = NAMED_MONTH.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
    return month === 0 ? undefined : iso(+m[3]!, month, +m[2]!, hours(m[4], m[7]), +(m[5] ?? 0), +(m[6] ?? 0));
  }
  if (SERIAL.test(text)) {
    const days = Number(text) + (serialDates === 1904 ? DAYS_BEFORE_1904 : 0);
    // Days between 1982 and 2119: a serial number outside is no submission time.
    if (days < 30_000 || days > 80_000) return undefined;
    return new Date(SERIAL_EPOCH + Math.round((days * DAY_MS) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }
  return undefined;
}
