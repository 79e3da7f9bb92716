import { formatPartialDate, type Precision } from '@/lib/calendar-date';

/**
 * When an activity ran, at the precision of each date: 'April 2020', 'May 2015 – 25 October 2020'; null when
 * undated. Formatted from the dates' own digits, so no time zone shifts them.
 */
export function activitySpan(
  a: { startedOn: string | null; startedPrecision: Precision | null; endedOn: string | null; endedPrecision: Precision | null },
  languageTag: string,
): string | null {
  const start = a.startedOn && a.startedPrecision ? formatPartialDate(a.startedOn, a.startedPrecision, languageTag) : null;
  const end = a.endedOn && a.endedPrecision ? formatPartialDate(a.endedOn, a.endedPrecision, languageTag) : null;
  if (start && end && start !== end) return `${start} – ${end}`;
  return start ?? end;
}
