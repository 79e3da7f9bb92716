import { isCalendarDate } from '../calendar-date';

/** The earliest date the dashboard's "as of" takes: before any tie the registry can hold. */
export const EARLIEST_AS_OF = '1900-01-01';
/** The dormancy threshold in years: default, least and most. */
export const DORMANT_YEARS = { default: 3, min: 1, max: 50 } as const;

/** The dashboard's query string once read: the date its figures are as of, and the years of silence that make a tie dormant. */
export interface DashboardQuery {
  asOf: string;
  dormantYears: number;
}

/** What was wrong with each field of the query string, as catalogue keys of the `dashboard` namespace. */
export type DashboardQueryErrors = Partial<Record<'asOf' | 'dormant', 'asOfInvalid' | 'asOfFuture' | 'asOfTooEarly' | 'dormantInvalid'>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? '';

/**
 * Reads the dashboard's query string: `asOf` (a calendar date written YYYY-MM-DD, from 1900-01-01 to `today`;
 * empty or absent means today) and `dormant` (whole years, 1 to 50; empty or absent means 3). A bad value is
 * replaced by its default and reported in `errors` under its field, so the page shows the default figures with a
 * message beside the field instead of failing. `today` is the office's date (lib/calendar-date.ts officeToday).
 */
export function readDashboardQuery(
  params: Record<string, string | string[] | undefined>,
  today: string,
): { value: DashboardQuery; errors: DashboardQueryErrors; given: { asOf: string; dormant: string } } {
  const errors: DashboardQueryErrors = {};
  const asOfText = first(params.asOf);
  const dormantText = first(params.dormant);
  let asOf = today;
  if (asOfText) {
    if (!isCalendarDate(asOfText)) errors.asOf = 'asOfInvalid';
    else if (asOfText > today) errors.asOf = 'asOfFuture';
    else if (asOfText < EARLIEST_AS_OF) errors.asOf = 'asOfTooEarly';
    else asOf = asOfText;
  }
  let dormantYears: number = DORMANT_YEARS.default;
  if (dormantText) {
    const n = /^\d{1,3}$/.test(dormantText) ? Number(dormantText) : NaN;
    if (Number.isInteger(n) && n >= DORMANT_YEARS.min && n <= DORMANT_YEARS.max) dormantYears = n;
    else errors.dormant = 'dormantInvalid';
  }
  return { value: { asOf, dormantYears }, errors, given: { asOf: asOfText.slice(0, 40), dormant: dormantText.slice(0, 10) } };
}
