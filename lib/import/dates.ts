import { isCalendarDate, type Precision } from '../calendar-date';

// Dates as offices write them in their spreadsheets, read without a guess. Rules (table-tested in dates.test.ts):
// - A four-digit year first means year, month, day in that order (ISO 8601 and East Asian use): 1979-05-02,
//   1979.5.2, 1979/5/2, 2006.12.04. (a trailing dot, as Korean offices write), 2006. 12. 4., 19790502, 1979年5月2日,
//   2006년 12월 4일; with fewer parts, a month (1996-08, 1996.8, 1979年5月) or a year (1979, 1979年).
// - A four-digit year last (02/05/1979, 2.5.1979, 02-05-1979) leaves the order of day and month open: Europe and
//   China write day first, the United States month first. It is read only when no order could read it otherwise:
//   the two parts are equal (05/05/1979), or exactly one of them is over 12, which must then be the day
//   (25/12/1979 and 12/25/1979 are both 25 December). Two parts of 12 or less that differ are 'ambiguous'.
// - A two-digit year (02/05/79, 79-05-02) is 'ambiguous': its century is a guess.
// - Month names in English, full or abbreviated, with the day before or after: 2 May 1979, 2nd May 1979,
//   02-May-1979, May 2, 1979, Sept. 4 2006; a month and a year: August 1996, Aug-1996; 08/1996 is a month too.
// - A time of day is accepted only at midnight (1979-05-02 00:00:00, 1979-05-02T00:00:00Z, as spreadsheets and
//   databases print a date): any other time, or a time zone offset, makes the calendar date depend on a zone that
//   the file does not say ('ambiguous'), the trap of 1979-05-01T16:00:00.000Z for midnight in Guangzhou.
// - A date that cannot exist (2021-02-29, 1979-13-01, 1979-04-31, day or month 0) is 'impossible'.
// - Anything else is 'unrecognised'; an empty cell is null. Never a default date, never 1970-01-01.

/** A date read from a cell, stored as the first day of what is known: a month as YYYY-MM-01, a year as YYYY-01-01. */
export interface ImportDate {
  on: string;
  precision: Precision;
}

/** Why a date cell was refused; each is a key of the `import` message catalogue. */
export type ImportDateError = 'ambiguous' | 'impossible' | 'unrecognised';

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const MONTH_NAME = '([a-z]{3,9})\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

// Each pattern reads a whole cell (after trimming, lower-casing and folding full-width digits).
const YMD = /^(\d{4})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})\s*\.?$/;
const YM = /^(\d{4})\s*([-./])\s*(\d{1,2})\s*\.?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const CJK = /^(\d{4})\s*[年년]\s*(?:(\d{1,2})\s*[月월]\s*(?:(\d{1,2})\s*[日일号號]?\s*)?)?$/;
const XXY = /^(\d{1,2})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{4})\s*\.?$/;
const TWO_DIGIT_YEAR = /^(\d{1,2})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{2})$|^(\d{2})([-./])(\d{1,2})\6(\d{1,2})$/;
const MY = /^(\d{1,2})\s*([-./])\s*(\d{4})$/;
const D_MON_Y = new RegExp(`^${DAY}[\\s-]+${MONTH_NAME}[\\s,-]+${YEAR}$`);
const MON_D_Y = new RegExp(`^${MONTH_NAME}\\s+${DAY},?\\s+${YEAR}$`);
const MON_Y = new RegExp(`^${MONTH_NAME}[\\s,-]+${YEAR}$`);
const YEAR_ONLY = /^(\d{4})$/;
const TIME = /^(.*?\d)(?:[t\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(z|[+-]\d{2}:?\d{2})?)$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function build(year: number, month: number, day: number, precision: Precision): ImportDate | { error: 'impossible' } {
  const on = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return isCalendarDate(on) && year >= 1000 ? { on, precision } : { error: 'impossible' };
}

function monthNumber(name: string): number | null {
  return MONTHS[name] ?? null;
}

/**
 * Reads a date cell as an office wrote it, with how much of it is known: `{ on: 'YYYY-MM-DD', precision }`, where a
 * month is stored as its first day and a year as 1 January (the schema's convention); `{ error }` with 'ambiguous'
 * (the order of day and month, or the century, or the time zone is unknown), 'impossible' (no such day) or
 * 'unrecognised'; null for an empty cell. The rules are in the comment at the top of lib/import/dates.ts.
 */
export function parseImportDate(text: string): ImportDate | { error: ImportDateError } | null {
  let s = text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
  if (s === '') return null;

  const time = TIME.exec(s);
  if (time && /[-./年년]|[a-z]{3}/.test(time[1]!)) {
    const [, date, h, m, sec, frac, zone] = time;
    const midnight = Number(h) === 0 && Number(m) === 0 && Number(sec ?? 0) === 0 && Number(frac ?? 0) === 0;
    const utcOrNone = zone === undefined || zone === 'z' || /^[+-]00:?00$/.test(zone);
    if (!midnight || !utcOrNone) return { error: 'ambiguous' };
    s = date!.trim();
  }

  let m: RegExpExecArray | null;
  if ((m = YMD.exec(s))) return build(Number(m[1]), Number(m[3]), Number(m[4]), 'day');
  if ((m = COMPACT.exec(s))) return build(Number(m[1]), Number(m[2]), Number(m[3]), 'day');
  if ((m = CJK.exec(s))) {
    if (m[3] !== undefined) return build(Number(m[1]), Number(m[2]), Number(m[3]), 'day');
    if (m[2] !== undefined) return build(Number(m[1]), Number(m[2]), 1, 'month');
    return build(Number(m[1]), 1, 1, 'year');
  }
  if ((m = YM.exec(s))) return build(Number(m[1]), Number(m[3]), 1, 'month');
  if ((m = YEAR_ONLY.exec(s))) return build(Number(m[1]), 1, 1, 'year');
  if ((m = XXY.exec(s))) {
    const [a, b, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
    if (a === 0 || b === 0) return { error: 'impossible' };
    if (a === b) return build(year, a, b, 'day');
    if (a > 12 && b <= 12) return build(year, b, a, 'day');
    if (b > 12 && a <= 12) return build(year, a, b, 'day');
    if (a > 12 && b > 12) return { error: 'impossible' };
    return { error: 'ambiguous' };
  }
  if (TWO_DIGIT_YEAR.test(s)) return { error: 'ambiguous' };
  if ((m = MY.exec(s))) return build(Number(m[3]), Number(m[1]), 1, 'month');
  if ((m = D_MON_Y.exec(s))) {
    const month = monthNumber(m[2]!);
    if (month) return build(Number(m[3]), month, Number(m[1]), 'day');
  }
  if ((m = MON_D_Y.exec(s))) {
    const month = monthNumber(m[1]!);
    if (month) return build(Number(m[3]), month, Number(m[2]), 'day');
  }
  if ((m = MON_Y.exec(s))) {
    const month = monthNumber(m[1]!);
    if (month) return build(Number(m[2]), month, 1, 'month');
  }
  return { error: 'unrecognised' };
}

const RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };
const PREFIX: Record<Precision, number> = { year: 4, month: 7, day: 10 };

/** Why two date cells of one row could not be combined; a key of the `import` message catalogue. */
export type CombineDateError = ImportDateError | 'dates_disagree' | 'precision_unknown' | 'precision_finer_than_date';

/**
 * One establishment date from the cells that give it, for a file with two date columns (the shared dataset's
 * `established_year` and `established_date`) and an optional precision column (the export's
 * `established_precision`). Rules: each date cell is read by parseImportDate and the first refused one is the
 * error; empty cells are skipped; when two dates are given they must agree on what both know (1979 and 1979-05-02
 * agree; 1979 and 1980-05-02 give 'dates_disagree') and the more precise one wins. A precision cell ('year',
 * 'month', 'day', or 年/月/日) may only coarsen the date (1979-05-02 with 'year' is 1979-01-01, year precision):
 * a precision finer than the date's gives 'precision_finer_than_date', an unknown word 'precision_unknown'.
 * Returns null when no date cell has text.
 */
export function combineImportDates(
  dateCells: Array<string | null | undefined>,
  precisionCell?: string | null,
): ImportDate | { error: CombineDateError } | null {
  let best: ImportDate | null = null;
  for (const cell of dateCells) {
    const parsed = parseImportDate(cell ?? '');
    if (parsed === null) continue;
    if ('error' in parsed) return parsed;
    if (best === null) {
      best = parsed;
      continue;
    }
    const shared = Math.min(PREFIX[best.precision], PREFIX[parsed.precision]);
    if (best.on.slice(0, shared) !== parsed.on.slice(0, shared)) return { error: 'dates_disagree' };
    if (RANK[parsed.precision] > RANK[best.precision]) best = parsed;
  }
  const wanted = parsePrecision(precisionCell ?? '');
  if (wanted === undefined) return { error: 'precision_unknown' };
  if (best === null || wanted === null) return best;
  if (RANK[wanted] > RANK[best.precision]) return { error: 'precision_finer_than_date' };
  const [y, mo, d] = best.on.split('-');
  return { on: wanted === 'year' ? `${y}-01-01` : wanted === 'month' ? `${y}-${mo}-01` : `${y}-${mo}-${d}`, precision: wanted };
}

const PRECISION_WORDS: Record<string, Precision> = {
  year: 'year',
  month: 'month',
  day: 'day',
  年: 'year',
  月: 'month',
  日: 'day',
  年份: 'year',
  月份: 'month',
  日期: 'day',
};

/** A precision cell ('year', 'Month', '日' ...): the precision, null when empty, undefined when not a precision. */
export function parsePrecision(text: string): Precision | null | undefined {
  const s = text.normalize('NFKC').trim().toLowerCase();
  if (s === '') return null;
  return PRECISION_WORDS[s];
}
