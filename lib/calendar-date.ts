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
