/**
 * Whether `value` is a real calendar date written YYYY-MM-DD (ISO 8601, years 0001 to 9999): '2026-02-28' is,
 * '2026-02-30' and '2026-99-99' are not. Computed in UTC from the digits alone, so no time zone can shift it.
 */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 ? (leap ? 29 : 28) : daysInMonth);
}

export type Precision = 'year' | 'month' | 'day';

/** A date known to a year, a month or a day, stored as its first day: 1996-08 is { on: '1996-08-01', precision: 'month' }. */
export interface PartialDate {
  on: string;
  precision: Precision;
}

/**
 * Reads a date as staff type it: `1979`, `1996-08` or `1979-05-02` (month and day may have one digit). Returns
 * null for anything else or an impossible date (`2023-02-29`): never a guess.
 */
export function parsePartialDate(text: string): PartialDate | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const pad = (s: string) => s.padStart(2, '0');
  const precision: Precision = m[3] ? 'day' : m[2] ? 'month' : 'year';
  const on = `${m[1]}-${pad(m[2] ?? '1')}-${pad(m[3] ?? '1')}`;
  return isCalendarDate(on) ? { on, precision } : null;
}

/** The text a form shows for a stored date: '1996-08' for a month, '1979' for a year; '' for none. */
export function partialDateText(on: string | null, precision: Precision | null): string {
  if (!on || !precision) return '';
  return precision === 'year' ? on.slice(0, 4) : precision === 'month' ? on.slice(0, 7) : on;
}

/**
 * Formats a stored date in a language at its precision ('1996', 'August 1996' / '1996年8月', '2 May 1979' /
 * '1979年5月2日'). Formatted in UTC from the date's own digits, so no server or browser time zone shifts it.
 */
export function formatPartialDate(on: string, precision: Precision, languageTag: string): string {
  const [y, mo, d] = on.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const options: Intl.DateTimeFormatOptions =
    precision === 'year' ? { year: 'numeric' } : precision === 'month' ? { year: 'numeric', month: 'long' } : { dateStyle: 'long' };
  return new Intl.DateTimeFormat(languageTag, { ...options, timeZone: 'UTC' }).format(date);
}

/**
 * Whether a date lies after today everywhere on Earth (today in UTC+14, the last time zone to reach a date), so
 * a date that is already today somewhere is never refused, whatever the server's or the browser's zone.
 */
export function isAfterTodayEverywhere(on: string, now: Date = new Date()): boolean {
  const latest = new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
  return on > latest;
}

/**
 * Today's calendar date ('YYYY-MM-DD') in an IANA time zone ('Asia/Shanghai', the office's), at instant `now`.
 * Throws a RangeError for an unknown zone.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const get = (type: string, parts: Intl.DateTimeFormatPart[]) => parts.find((p) => p.type === type)!.value;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  return `${get('year', parts).padStart(4, '0')}-${get('month', parts)}-${get('day', parts)}`;
}

/** Today's date on the office's clock: AMITY_TIME_ZONE, by default Asia/Shanghai (as lib/i18n/request.ts). */
export function officeToday(now: Date = new Date()): string {
  return todayIn(process.env.AMITY_TIME_ZONE || 'Asia/Shanghai', now);
}
