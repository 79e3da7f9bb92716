import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '../client';
import { publishedTotals } from '../schema';
import { getNetworkFigures, type AsOfOptions } from './dashboard-core';

// The queries behind /dashboard/announcements, without the access check: db/queries/published-totals.ts checks
// the caller's role and calls these; tests call them directly.

/** An office's announced count of its network, as the list and the form show it. A count not announced is null. */
export interface PublishedTotalRow {
  id: string;
  /** The day of the announcement, 'YYYY-MM-DD'. */
  announcedOn: string;
  partners: number;
  countries: number | null;
  sisterPartners: number | null;
  sisterCountries: number | null;
  friendlyPartners: number | null;
  friendlyCountries: number | null;
  sourceTitle: string | null;
  sourceUrl: string | null;
  note: string | null;
  deletedAt: Date | null;
  version: number;
  updatedAt: Date;
}

const columns = {
  id: publishedTotals.id,
  announcedOn: publishedTotals.announcedOn,
  partners: publishedTotals.partners,
  countries: publishedTotals.countries,
  sisterPartners: publishedTotals.sisterPartners,
  sisterCountries: publishedTotals.sisterCountries,
  friendlyPartners: publishedTotals.friendlyPartners,
  friendlyCountries: publishedTotals.friendlyCountries,
  sourceTitle: publishedTotals.sourceTitle,
  sourceUrl: publishedTotals.sourceUrl,
  note: publishedTotals.note,
  deletedAt: publishedTotals.deletedAt,
  version: publishedTotals.version,
  updatedAt: publishedTotals.updatedAt,
};

/**
 * The live announcements (or, with `deleted`, the deleted ones), newest announcement first; of two on one day the
 * one recorded last first. All of them: an office announces a handful a year.
 */
export async function queryPublishedTotals(executor: Executor, opts: { deleted?: boolean } = {}): Promise<PublishedTotalRow[]> {
  return executor
    .select(columns)
    .from(publishedTotals)
    .where(opts.deleted ? isNotNull(publishedTotals.deletedAt) : isNull(publishedTotals.deletedAt))
    .orderBy(desc(publishedTotals.announcedOn), desc(publishedTotals.createdAt), desc(publishedTotals.id));
}

/** One announcement, live or deleted (`live` leaves deleted ones out), or null. */
export async function queryPublishedTotal(executor: Executor, id: string, opts: { live?: boolean } = {}): Promise<PublishedTotalRow | null> {
  const [row] = await executor
    .select(columns)
    .from(publishedTotals)
    .where(and(eq(publishedTotals.id, id), opts.live ? isNull(publishedTotals.deletedAt) : undefined));
  return row ?? null;
}

/** What the registry held on an announcement's date, figure by figure as an announcement gives them. */
export interface RegistryFigures {
  partners: number;
  countries: number;
  sisterPartners: number;
  sisterCountries: number;
  friendlyPartners: number;
  friendlyCountries: number;
  /** Ties with no establishment date, left out of a past date's figures (nobody knows whether they existed yet). */
  undated: number;
  /** Whether the date is the office's today: the current figures, which count the undated ties. */
  current: boolean;
}

/**
 * The registry's figures for each of `dates` (YYYY-MM-DD, none after today), by date, as the dashboard counts them
 * (db/queries/dashboard-core.ts getNetworkFigures: the home locality's ties in the network on that date). One call
 * (a few aggregate queries) per distinct date: an office announces a handful of counts a year, so the cost follows
 * the announcements, never the ties or activities of the registry. Throws RangeError for a date not YYYY-MM-DD.
 */
export async function queryRegistryFiguresOn(executor: Executor, homeLocalityId: string, dates: readonly string[], options: AsOfOptions = {}): Promise<Map<string, RegistryFigures>> {
  const unique = [...new Set(dates)];
  const figures = await Promise.all(unique.map((asOf) => getNetworkFigures(executor, homeLocalityId, asOf, options)));
  return new Map(
    figures.map((f, i) => [
      unique[i]!,
      {
        partners: f.partners,
        countries: f.countries,
        sisterPartners: f.sister.partners,
        sisterCountries: f.sister.countries,
        friendlyPartners: f.friendly.partners,
        friendlyCountries: f.friendly.countries,
        undated: f.undated,
        current: f.current,
      },
    ]),
  );
}
