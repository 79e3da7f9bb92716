import { and, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { publishedTotals, type NewPublishedTotal } from '../schema';

// The Guangzhou Foreign Affairs Office's announced counts of its network, for the demo: the dashboard sets each
// beside what the registry holds on that date. Sources in db/seed/data/README.md ("Published totals").

/** The office's three announcements of 2021 and 2022, as the sources give them; a figure not given is left out. */
export const GUANGZHOU_PUBLISHED_TOTALS: ReadonlyArray<Omit<NewPublishedTotal, 'id' | 'createdBy' | 'updatedBy'>> = [
  {
    announcedOn: '2021-11-19',
    partners: 99,
    countries: 65,
    sourceTitle: "Guangzhou Foreign Affairs Office notice on Lahore, as reported by Xinhua (People's Daily Online, 2021-11-20)",
    sourceUrl: 'http://en.people.cn/n3/2021/1120/c90000-9922200.html',
    note: 'Announced with the friendly cooperation tie to Lahore (Pakistan): 99 cities in 65 countries.',
  },
  {
    announcedOn: '2021-11-24',
    partners: 100,
    countries: 66,
    sourceTitle: "Guangzhou Foreign Affairs Office (eguangzhou.gov.cn, 2021-12-01): Pest, Guangzhou's 100th friendship city",
    sourceUrl: 'http://www.eguangzhou.gov.cn/2021-12/01/c_687463.htm',
    note:
      'Announced with the tie to Pest County (Hungary), the 100th city ("百城"). The office\'s page gives the 100 cities; ' +
      'the 66 countries are from Guangzhou Daily (广州日报), 2021-11-25.',
  },
  {
    announcedOn: '2022-04-19',
    partners: 101,
    sisterPartners: 38,
    sisterCountries: 35,
    friendlyPartners: 63,
    friendlyCountries: 45,
    sourceTitle: 'Guangzhou Foreign Affairs Office figures as of 2022-04-19, published by Dayoo (大洋网), 2022-07-29',
    sourceUrl: null,
    note:
      'The office gives 38 sister cities in 35 countries and 63 friendly cooperation cities in 45 countries; the 101 in ' +
      'all is their sum. No total of countries is given (the two lists share countries).',
  },
];

/**
 * Inserts each announcement not yet recorded, by its natural key (date and partners in all, deleted rows included),
 * and returns how many it inserted; it never changes or restores a row. So a run on a seeded database adds nothing,
 * an announcement staff deleted stays deleted, and one whose date or total staff changed is added again as given.
 */
export async function ensurePublishedTotals(tx: Executor, rows = GUANGZHOU_PUBLISHED_TOTALS): Promise<number> {
  let inserted = 0;
  for (const row of rows) {
    const [existing] = await tx
      .select({ id: publishedTotals.id })
      .from(publishedTotals)
      .where(and(eq(publishedTotals.announcedOn, row.announcedOn), eq(publishedTotals.partners, row.partners)));
    if (existing) continue;
    await tx.insert(publishedTotals).values(row);
    inserted++;
  }
  return inserted;
}
