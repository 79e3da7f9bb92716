import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../index';
import { localities, partnerships, publishedTotals } from '../schema';
import { resetDatabase } from '../testing/reset';
import { queryPublishedTotals, queryRegistryFiguresOn } from './published-totals-core';

// The registry's figures beside an announcement's, on the announcement's date (the dashboard's rules, from
// dashboard-core.ts: a tie counts from its establishment date; an undated one only in the current figures).

let home: string;
const TODAY = '2026-03-01';

describe('the registry beside the published totals', () => {
  beforeAll(async () => {
    await resetDatabase();
    const rows = await db
      .insert(localities)
      .values([
        { slug: 'guangzhou', nameEn: 'Guangzhou', countryCode: 'CN' },
        { slug: 'fukuoka', nameEn: 'Fukuoka', countryCode: 'JP' },
        { slug: 'lahore', nameEn: 'Lahore', countryCode: 'PK' },
        { slug: 'pest', nameEn: 'Pest County', countryCode: 'HU' },
        { slug: 'busan', nameEn: 'Busan', countryCode: 'KR' },
        { slug: 'karachi', nameEn: 'Karachi', countryCode: 'PK' },
      ])
      .returning({ id: localities.id });
    const [gz, fukuoka, lahore, pest, busan, karachi] = rows.map((r) => r.id) as [string, string, string, string, string, string];
    home = gz;
    const tie = (slug: string, partnerLocalityId: string, type: 'sister_city' | 'friendly_cooperation_city', establishedOn: string | null, precision: 'day' | 'year' | null) => ({
      slug,
      homeLocalityId: gz,
      partnerLocalityId,
      type,
      status: 'active' as const,
      establishedOn,
      establishedPrecision: precision,
    });
    await db.insert(partnerships).values([
      tie('gz-fukuoka', fukuoka, 'sister_city', '1979-05-02', 'day'),
      // Known by its year only: counts from 1 January.
      tie('gz-lahore', lahore, 'friendly_cooperation_city', '2021-01-01', 'year'),
      tie('gz-pest', pest, 'friendly_cooperation_city', '2021-11-24', 'day'),
      tie('gz-busan', busan, 'friendly_cooperation_city', null, null),
      tie('gz-karachi', karachi, 'sister_city', '2008-01-01', 'year'),
    ]);
    await db.insert(publishedTotals).values([
      { announcedOn: '2021-11-19', partners: 99, countries: 65 },
      { announcedOn: '2021-11-24', partners: 100, countries: 66 },
    ]);
  });

  it('gives the figures on each date, leaving out the undated tie before today', async () => {
    const dates = (await queryPublishedTotals(db)).map((r) => r.announcedOn);
    expect(dates).toEqual(['2021-11-24', '2021-11-19']);
    const figures = await queryRegistryFiguresOn(db, home, [...dates, '2021-11-19', TODAY], { today: TODAY });
    expect([...figures.keys()]).toEqual(['2021-11-24', '2021-11-19', TODAY]);
    expect(figures.get('2021-11-19')).toEqual({
      partners: 3,
      countries: 2,
      sisterPartners: 2,
      sisterCountries: 2,
      friendlyPartners: 1,
      friendlyCountries: 1,
      undated: 1,
      current: false,
    });
    // Pest joined that day.
    expect(figures.get('2021-11-24')).toMatchObject({ partners: 4, countries: 3, friendlyPartners: 2, friendlyCountries: 2, current: false });
    // Today the undated tie counts too.
    expect(figures.get(TODAY)).toMatchObject({ partners: 5, countries: 4, friendlyPartners: 3, current: true });
  });

  it('gives nothing for no dates, and refuses a date that is not YYYY-MM-DD', async () => {
    expect((await queryRegistryFiguresOn(db, home, [])).size).toBe(0);
    await expect(queryRegistryFiguresOn(db, home, ['19/11/2021'])).rejects.toThrow(RangeError);
  });
});
