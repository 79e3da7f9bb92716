import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityStatus, PartnershipType } from '../../lib/domain';
import { db } from '../index';
import {
  activities,
  activityPartnerships,
  activityQuantities,
  localities,
  partnerships,
  partnershipStatusEvents,
  settings,
  type NewActivity,
  type NewPartnership,
} from '../schema';
import { seedGuangzhou } from '../seed/guangzhou';
import { resetDatabase } from '../testing/reset';
import { getBreakdowns, getGrowth, getNetworkFigures, listDormantTies, listNetworkMapAsOf } from './dashboard-core';

// The office's "today" in these tests: the figures for it and later are the current ones.
const TODAY = '2025-06-30';
const at = { today: TODAY };

/**
 * The hand-counted network of Guangzhou (home), as it stands on TODAY:
 *   Fukuoka  JP sister_city    1979-05-02  active
 *   Osaka    JP sister_city    1995 (year) active; friendly cooperation until its upgrade on 2005-06-01
 *   Lyon     FR friendly       2000-02-29  negotiating (undated), signed 2000-02-29, active 2001, suspended 2023-03-01
 *   Bordeaux FR sister_city    1988-10-01  active, terminated 2015-07-01
 *   Hamburg  DE friendly       2018-09-15  active, internal; and a second tie of type 'other', 2020 (year), signed,
 *                                          with no lifecycle steps at all
 *   Munich   DE sister_city    1989-12-08  deleted
 *   Nagoya   JP friendly       undated     active
 *   Kyoto    JP friendly       undated     negotiating
 *   and Zhengzhou-Lyon, a tie of another home locality.
 */
describe('the dashboard figures on a hand-counted network', () => {
  let home: string;
  const tie: Record<string, string> = {};

  beforeAll(async () => {
    await resetDatabase();
    const places = await db
      .insert(localities)
      .values([
        { slug: 'guangzhou', nameEn: 'Guangzhou', nameZh: '广州', countryCode: 'CN' },
        { slug: 'zhengzhou', nameEn: 'Zhengzhou', countryCode: 'CN' },
        { slug: 'fukuoka', nameEn: 'Fukuoka', nameZh: '福冈', countryCode: 'JP', latitude: 33.6, longitude: 130.41667 },
        { slug: 'osaka', nameEn: 'Osaka', countryCode: 'JP' },
        { slug: 'nagoya', nameEn: 'Nagoya', countryCode: 'JP' },
        { slug: 'kyoto', nameEn: 'Kyoto', countryCode: 'JP' },
        { slug: 'lyon', nameEn: 'Lyon', nameZh: '里昂', countryCode: 'FR' },
        { slug: 'bordeaux', nameEn: 'Bordeaux', countryCode: 'FR' },
        { slug: 'hamburg', nameEn: 'Hamburg', countryCode: 'DE', latitude: 53.55, longitude: 10 },
        { slug: 'munich', nameEn: 'Munich', countryCode: 'DE' },
      ])
      .returning({ id: localities.id, slug: localities.slug });
    const place = Object.fromEntries(places.map((p) => [p.slug, p.id])) as Record<string, string>;
    home = place.guangzhou!;
    await db.insert(settings).values({ id: 1, homeLocalityId: home });

    const t = (slug: string, partner: string, type: PartnershipType, status: NewPartnership['status'], on: string | null, extra: Partial<NewPartnership> = {}): NewPartnership => ({
      slug,
      homeLocalityId: home,
      partnerLocalityId: place[partner]!,
      type,
      status,
      establishedOn: on,
      establishedPrecision: on ? 'day' : null,
      ...extra,
    });
    const ties = await db
      .insert(partnerships)
      .values([
        t('gz-fukuoka', 'fukuoka', 'sister_city', 'active', '1979-05-02', { cooperationFields: ['economy', 'culture'] }),
        t('gz-osaka', 'osaka', 'sister_city', 'active', '1995-01-01', { establishedPrecision: 'year', cooperationFields: ['culture'] }),
        t('gz-lyon', 'lyon', 'friendly_cooperation_city', 'suspended', '2000-02-29', { cooperationFields: ['education'] }),
        t('gz-bordeaux', 'bordeaux', 'sister_city', 'terminated', '1988-10-01', { cooperationFields: ['tourism'] }),
        t('gz-hamburg', 'hamburg', 'friendly_cooperation_city', 'active', '2018-09-15', { isPublic: false, cooperationFields: ['trade', 'economy'] }),
        t('gz-hamburg-port', 'hamburg', 'other', 'signed', '2020-01-01', { establishedPrecision: 'year', cooperationFields: ['trade'] }),
        t('gz-munich', 'munich', 'sister_city', 'active', '1989-12-08', { deletedAt: new Date(), cooperationFields: ['sports'] }),
        t('gz-nagoya', 'nagoya', 'friendly_cooperation_city', 'active', null),
        t('gz-kyoto', 'kyoto', 'friendly_cooperation_city', 'negotiating', null),
        { ...t('zz-lyon', 'lyon', 'sister_city', 'active', '2010-05-05'), homeLocalityId: place.zhengzhou! },
      ])
      .returning({ id: partnerships.id, slug: partnerships.slug });
    for (const r of ties) tie[r.slug] = r.id;

    const step = (slug: string, status: NewPartnership['status'] & string, on: string | null, extra: Partial<typeof partnershipStatusEvents.$inferInsert> = {}) => ({
      partnershipId: tie[slug]!,
      status,
      effectiveOn: on,
      effectivePrecision: on ? ('day' as const) : null,
      ...extra,
    });
    await db.insert(partnershipStatusEvents).values([
      step('gz-fukuoka', 'active', '1979-05-02'),
      step('gz-osaka', 'active', '1995-01-01', { effectivePrecision: 'year' }),
      step('gz-osaka', 'active', '2005-06-01', { kind: 'upgrade', fromType: 'friendly_cooperation_city', toType: 'sister_city' }),
      step('gz-lyon', 'negotiating', null),
      step('gz-lyon', 'signed', '2000-02-29'),
      step('gz-lyon', 'active', '2001-01-01', { effectivePrecision: 'year' }),
      step('gz-lyon', 'suspended', '2023-03-01', { reviewOn: '2026-03-01' }),
      step('gz-bordeaux', 'active', '1988-10-01'),
      step('gz-bordeaux', 'terminated', '2015-07-01', { endedBy: 'partner' }),
      step('gz-hamburg', 'active', '2018-09-15'),
      step('gz-munich', 'active', '1989-12-08'),
      step('gz-nagoya', 'active', null),
      step('gz-kyoto', 'negotiating', null),
      step('zz-lyon', 'active', '2010-05-05'),
    ]);

    const a = (slug: string, kind: NewActivity['kind'], status: ActivityStatus, on: string | null, extra: Partial<NewActivity> = {}): NewActivity => ({
      slug,
      kind,
      status,
      titleEn: slug,
      startedOn: on,
      startedPrecision: on ? 'day' : null,
      ...extra,
    });
    const rows = await db
      .insert(activities)
      .values([
        a('fukuoka-visit-2024', 'delegation_visit', 'completed', '2024-03-10'),
        a('osaka-expo-2010', 'cultural_event', 'completed', '2010-04-01', { startedPrecision: 'month', endedOn: '2010-10-01', endedPrecision: 'month' }),
        a('hamburg-port-project', 'project', 'ongoing', '2019-05-01', { startedPrecision: 'month' }),
        a('hamburg-festival', 'cultural_event', 'cancelled', '2024-09-01'),
        a('hamburg-deleted', 'education_exchange', 'completed', '2024-05-05', { deletedAt: new Date() }),
        a('masks-2020', 'donation', 'completed', '2020-02-10'),
        a('donation-2021', 'donation', 'completed', '2021-01-01', { startedPrecision: 'year' }),
        a('donation-cancelled', 'donation', 'cancelled', '2022-03-01'),
        a('donation-deleted', 'donation', 'completed', '2022-04-01', { deletedAt: new Date() }),
        a('kyoto-visit-2024', 'delegation_visit', 'completed', '2024-11-20'),
        a('zhengzhou-donation', 'donation', 'completed', '2024-02-02'),
        a('fukuoka-visit-planned', 'delegation_visit', 'planned', '2025-10-01'),
        a('fukuoka-exhibition', 'cultural_event', 'completed', '2023-11-15', { endedOn: '2024-01-20', endedPrecision: 'day' }),
        a('youth-forum-2024', 'youth', 'completed', '2024-06-01'),
        a('rice-undated', 'donation', 'completed', null),
      ])
      .returning({ id: activities.id, slug: activities.slug });
    const act = Object.fromEntries(rows.map((r) => [r.slug, r.id])) as Record<string, string>;
    const link = (activity: string, partnership: string, status?: ActivityStatus) => ({ activityId: act[activity]!, partnershipId: tie[partnership]!, ...(status ? { status } : {}) });
    await db.insert(activityPartnerships).values([
      link('fukuoka-visit-2024', 'gz-fukuoka'),
      link('osaka-expo-2010', 'gz-osaka'),
      link('hamburg-port-project', 'gz-hamburg', 'ongoing'),
      link('hamburg-festival', 'gz-hamburg', 'cancelled'),
      link('hamburg-deleted', 'gz-hamburg'),
      link('masks-2020', 'gz-fukuoka'),
      link('masks-2020', 'gz-osaka'),
      link('donation-2021', 'gz-fukuoka'),
      link('donation-cancelled', 'gz-fukuoka', 'cancelled'),
      link('donation-deleted', 'gz-fukuoka'),
      link('kyoto-visit-2024', 'gz-kyoto'),
      link('zhengzhou-donation', 'zz-lyon'),
      link('fukuoka-visit-planned', 'gz-fukuoka', 'planned'),
      link('fukuoka-exhibition', 'gz-fukuoka'),
      // Osaka's part of the forum was cancelled: it does not wake the Osaka tie.
      link('youth-forum-2024', 'gz-fukuoka'),
      link('youth-forum-2024', 'gz-osaka', 'cancelled'),
      link('rice-undated', 'gz-fukuoka'),
    ]);
    const q = (activity: string, partnership: string | null, itemEn: string, amount: string, unit: string | null, itemZh: string | null = null) => ({
      activityId: act[activity]!,
      partnershipId: partnership ? tie[partnership]! : null,
      itemEn,
      itemZh,
      amount,
      unit,
    });
    await db.insert(activityQuantities).values([
      q('masks-2020', 'gz-fukuoka', 'Surgical masks', '10000', 'pieces'),
      q('masks-2020', 'gz-osaka', 'Surgical masks', '500', 'boxes'),
      q('masks-2020', null, 'Hand sanitiser', '120.25', 'litres', '洗手液'),
      q('donation-2021', 'gz-fukuoka', 'Surgical Masks ', '5000', ' Pieces', '外科口罩'),
      q('donation-2021', 'gz-fukuoka', 'hand sanitiser', '79.75', 'Litres'),
      q('donation-cancelled', 'gz-fukuoka', 'Surgical masks', '99999', 'pieces'),
      q('donation-deleted', 'gz-fukuoka', 'Surgical masks', '77777', 'pieces'),
      q('zhengzhou-donation', 'zz-lyon', 'Surgical masks', '1000', 'pieces'),
      q('rice-undated', 'gz-fukuoka', 'Rice', '2', 'tonnes'),
    ]);
  });

  describe('getNetworkFigures', () => {
    it('counts the current network: internal and undated ties in; terminated, deleted, negotiating and other homes\' ties out', async () => {
      expect(await getNetworkFigures(db, home, TODAY, at)).toEqual({
        current: true,
        // Fukuoka, Osaka, Lyon, Hamburg (two ties, one partner), Nagoya.
        partners: 5,
        countries: 3,
        continents: 2,
        undated: 1,
        byType: [
          { type: 'sister_city', partners: 2, countries: 1 },
          { type: 'friendly_cooperation_city', partners: 3, countries: 3 },
          { type: 'other', partners: 1, countries: 1 },
        ],
        sister: { partners: 2, countries: 1 },
        friendly: { partners: 3, countries: 3 },
        // Lyon is suspended; Hamburg is active by its friendly tie.
        active: 4,
        // Osaka (silent since 2020-02-10), Lyon (never active), Hamburg's port tie (never active), Nagoya (undated).
        dormant: 4,
        // 2025 up to 30 June: the ongoing port project only (the planned visit of October is not yet).
        activitiesThisYear: 1,
        // 2024: the Fukuoka and Kyoto visits, the port project, the exhibition into January, the youth forum.
        activitiesLastYear: 5,
      });
    });

    it('leaves undated ties and undated steps out of any day before today, and says how many', async () => {
      const yesterday = await getNetworkFigures(db, home, TODAY, { today: '2025-07-01' });
      expect(yesterday).toMatchObject({
        current: false,
        partners: 4,
        countries: 3,
        undated: 1,
        byType: [
          { type: 'sister_city', partners: 2, countries: 1 },
          { type: 'friendly_cooperation_city', partners: 2, countries: 2 },
          { type: 'other', partners: 1, countries: 1 },
        ],
        active: 3,
        dormant: 3,
      });
    });

    it('counts the network as it stood before and after an upgrade', async () => {
      const before = await getNetworkFigures(db, home, '2005-05-31', at);
      expect(before).toEqual({
        current: false,
        // Fukuoka, Osaka (still friendly), Lyon (active since 2001), Bordeaux (terminated only in 2015).
        partners: 4,
        countries: 2,
        continents: 2,
        undated: 1,
        byType: [
          { type: 'sister_city', partners: 2, countries: 2 },
          { type: 'friendly_cooperation_city', partners: 2, countries: 2 },
        ],
        sister: { partners: 2, countries: 2 },
        friendly: { partners: 2, countries: 2 },
        active: 4,
        dormant: 4,
        activitiesThisYear: 0,
        activitiesLastYear: 0,
      });
      const after = await getNetworkFigures(db, home, '2005-06-01', at);
      expect(after.byType).toEqual([
        { type: 'sister_city', partners: 3, countries: 2 },
        { type: 'friendly_cooperation_city', partners: 1, countries: 1 },
      ]);
      expect(after.sister).toEqual({ partners: 3, countries: 2 });
      expect(after.friendly).toEqual({ partners: 1, countries: 1 });
    });

    it('follows the status steps: signed, then active, then suspended; terminated leaves the network that day', async () => {
      expect((await getNetworkFigures(db, home, '2000-02-28', at)).partners).toBe(3);
      expect(await getNetworkFigures(db, home, '2000-02-29', at)).toMatchObject({ partners: 4, active: 3 });
      expect(await getNetworkFigures(db, home, '2001-01-01', at)).toMatchObject({ partners: 4, active: 4 });
      expect(await getNetworkFigures(db, home, '2023-02-28', at)).toMatchObject({ partners: 4, active: 4 });
      expect(await getNetworkFigures(db, home, '2023-03-01', at)).toMatchObject({ partners: 4, active: 3 });
      expect(await getNetworkFigures(db, home, '2015-06-30', at)).toMatchObject({ partners: 4, sister: { partners: 3, countries: 2 } });
      expect(await getNetworkFigures(db, home, '2015-07-01', at)).toMatchObject({ partners: 3, sister: { partners: 2, countries: 1 } });
    });

    it('counts an activity in every year it spans, up to the day asked', async () => {
      expect(await getNetworkFigures(db, home, '2024-06-30', at)).toMatchObject({
        // The Fukuoka visit, the port project, the exhibition (ended 20 January), the youth forum; not Kyoto's November.
        activitiesThisYear: 4,
        // The port project and the exhibition (from November).
        activitiesLastYear: 2,
      });
    });

    it('refuses a date that is not YYYY-MM-DD, and a dormancy period that is not a whole number of years', async () => {
      await expect(getNetworkFigures(db, home, '2025-02-29', at)).rejects.toThrow(RangeError);
      await expect(getNetworkFigures(db, home, '30/06/2025', at)).rejects.toThrow(RangeError);
      await expect(getNetworkFigures(db, home, TODAY, { today: 'today' })).rejects.toThrow(RangeError);
      await expect(getNetworkFigures(db, home, TODAY, { ...at, dormantYears: 0 })).rejects.toThrow(RangeError);
      await expect(listDormantTies(db, home, TODAY, 1.5, at)).rejects.toThrow(RangeError);
    });
  });

  describe('listDormantTies', () => {
    it('lists the silent ties, longest silence first, undated never-active ones last', async () => {
      const dormant = await listDormantTies(db, home, TODAY, 3, at);
      expect(dormant.map((d) => [d.slug, d.silentSince, d.lastActivityOn, d.lastActivityPrecision])).toEqual([
        ['gz-lyon', '2000-02-29', null, null],
        ['gz-hamburg-port', '2020-01-01', null, null],
        // The 2020 masks; its part of the 2024 youth forum was cancelled.
        ['gz-osaka', '2020-02-10', '2020-02-10', 'day'],
        ['gz-nagoya', null, null, null],
      ]);
      expect(dormant[0]).toEqual({
        id: tie['gz-lyon'],
        slug: 'gz-lyon',
        partnerNameEn: 'Lyon',
        partnerNameZh: '里昂',
        countryCode: 'FR',
        type: 'friendly_cooperation_city',
        establishedOn: '2000-02-29',
        establishedPrecision: 'day',
        lastActivityOn: null,
        lastActivityPrecision: null,
        silentSince: '2000-02-29',
      });
      expect((await listDormantTies(db, home, TODAY, 10, at)).map((d) => d.slug)).toEqual(['gz-lyon', 'gz-nagoya']);
    });

    it('dates the last activity by its end, at its precision, as it stood on the day asked', async () => {
      const dormant = await listDormantTies(db, home, '2015-01-01', 3, at);
      expect(dormant.map((d) => [d.slug, d.type, d.lastActivityOn, d.lastActivityPrecision, d.silentSince])).toEqual([
        ['gz-fukuoka', 'sister_city', null, null, '1979-05-02'],
        ['gz-bordeaux', 'sister_city', null, null, '1988-10-01'],
        ['gz-lyon', 'friendly_cooperation_city', null, null, '2000-02-29'],
        // The 2010 expo ran from April to October 2010 (both known to the month).
        ['gz-osaka', 'sister_city', '2010-10-01', 'month', '2010-10-01'],
      ]);
      // While the expo ran, the Osaka tie was not silent.
      expect((await listDormantTies(db, home, '2010-06-15', 3, at)).map((d) => d.slug)).not.toContain('gz-osaka');
    });

    it('counts a tie made on 29 February silent for three years from 1 March three years on', async () => {
      expect((await listDormantTies(db, home, '2003-02-28', 3, at)).map((d) => d.slug)).toEqual(['gz-fukuoka', 'gz-bordeaux', 'gz-osaka']);
      expect((await listDormantTies(db, home, '2003-03-01', 3, at)).map((d) => d.slug)).toEqual(['gz-fukuoka', 'gz-bordeaux', 'gz-osaka', 'gz-lyon']);
      expect((await listDormantTies(db, home, '2004-02-29', 4, at)).map((d) => d.slug)).not.toContain('gz-lyon');
      expect((await listDormantTies(db, home, '2004-03-01', 4, at)).map((d) => d.slug)).toContain('gz-lyon');
    });

    it('keeps a tie awake with an activity on the first day of the window', async () => {
      // Osaka's last activity: the masks of 2020-02-10.
      expect((await listDormantTies(db, home, '2023-02-10', 3, at)).map((d) => d.slug)).not.toContain('gz-osaka');
      expect((await listDormantTies(db, home, '2023-02-11', 3, at)).map((d) => d.slug)).toContain('gz-osaka');
    });

    it('agrees with the dormant figure', async () => {
      for (const [asOf, years] of [[TODAY, 3], [TODAY, 10], ['2015-01-01', 3], ['2003-03-01', 3]] as const) {
        const list = await listDormantTies(db, home, asOf, years, at);
        const figures = await getNetworkFigures(db, home, asOf, { ...at, dormantYears: years });
        expect(figures.dormant).toBe(list.length);
      }
    });
  });

  describe('getGrowth', () => {
    it('gives every year from the first tie to the year asked, zeros included, by type as of that day', async () => {
      const growth = await getGrowth(db, home, TODAY, at);
      expect(growth.map((g) => g.year)).toEqual(Array.from({ length: 2025 - 1979 + 1 }, (_, i) => 1979 + i));
      const nonZero = growth.filter((g) => g.total > 0).map((g) => [g.year, g.total, g.cumulative, Object.entries(g.byType).filter(([, n]) => n > 0)]);
      expect(nonZero).toEqual([
        [1979, 1, 1, [['sister_city', 1]]],
        // Osaka is a sister city on the day asked, so its year counts it as one.
        [1995, 1, 2, [['sister_city', 1]]],
        [2000, 1, 3, [['friendly_cooperation_city', 1]]],
        [2018, 1, 4, [['friendly_cooperation_city', 1]]],
        [2020, 1, 5, [['other', 1]]],
      ]);
      expect(growth[1]).toEqual({
        year: 1980,
        byType: {
          sister_city: 0,
          friendly_cooperation_city: 0,
          sister_province: 0,
          friendly_cooperation_province: 0,
          sister_county: 0,
          friendly_cooperation_county: 0,
          sister_district: 0,
          friendly_cooperation_district: 0,
          other: 0,
        },
        total: 0,
        cumulative: 1,
      });
      expect(growth.at(-1)).toMatchObject({ year: 2025, total: 0, cumulative: 5 });
    });

    it('grows the network of an earlier day, with the types and ties of that day', async () => {
      const growth = await getGrowth(db, home, '2005-05-31', at);
      expect(growth).toHaveLength(2005 - 1979 + 1);
      expect(growth.filter((g) => g.total > 0).map((g) => [g.year, g.cumulative, g.byType.sister_city, g.byType.friendly_cooperation_city])).toEqual([
        [1979, 1, 1, 0],
        [1988, 2, 1, 0],
        [1995, 3, 0, 1],
        [2000, 4, 0, 1],
      ]);
      expect(await getGrowth(db, home, '1979-05-01', at)).toEqual([]);
      expect((await getGrowth(db, home, '1979-05-02', at)).map((g) => [g.year, g.total, g.cumulative])).toEqual([[1979, 1, 1]]);
    });
  });

  describe('getBreakdowns', () => {
    it('breaks the network down by continent, country and field, and the activities by kind and year', async () => {
      const breakdowns = await getBreakdowns(db, home, TODAY, at);
      expect(breakdowns.byContinent).toEqual([
        { continent: 'AS', partners: 3 },
        { continent: 'EU', partners: 2 },
      ]);
      expect(breakdowns.byCountry).toEqual([
        { countryCode: 'JP', partners: 3 },
        { countryCode: 'DE', partners: 1 },
        { countryCode: 'FR', partners: 1 },
      ]);
      expect(breakdowns.byField).toEqual([
        { field: 'economy', partners: 2 },
        { field: 'culture', partners: 2 },
        // Hamburg's two ties both name trade: one partner.
        { field: 'trade', partners: 1 },
        { field: 'education', partners: 1 },
      ]);
      expect(breakdowns.activitiesByKindPerYear.map((r) => [r.year, r.kind, r.activities])).toEqual([
        [2010, 'cultural_event', 1],
        [2019, 'project', 1],
        [2020, 'donation', 1],
        [2020, 'project', 1],
        [2021, 'donation', 1],
        [2021, 'project', 1],
        [2022, 'project', 1],
        [2023, 'project', 1],
        [2023, 'cultural_event', 1],
        [2024, 'project', 1],
        [2024, 'delegation_visit', 2],
        [2024, 'cultural_event', 1],
        [2024, 'youth', 1],
        [2025, 'project', 1],
      ]);
    });

    it('sums donated quantities exactly, by item and unit whatever their case and spacing', async () => {
      expect((await getBreakdowns(db, home, TODAY, at)).donatedQuantities).toEqual([
        { itemEn: 'hand sanitiser', itemZh: '洗手液', unit: 'Litres', amount: '200.00', activities: 2 },
        { itemEn: 'Surgical Masks', itemZh: '外科口罩', unit: 'Pieces', amount: '15000.00', activities: 2 },
        // Undated: counted in the current figures only.
        { itemEn: 'Rice', itemZh: null, unit: 'tonnes', amount: '2.00', activities: 1 },
        { itemEn: 'Surgical masks', itemZh: null, unit: 'boxes', amount: '500.00', activities: 1 },
      ]);
      expect((await getBreakdowns(db, home, '2020-12-31', at)).donatedQuantities).toEqual([
        { itemEn: 'Hand sanitiser', itemZh: '洗手液', unit: 'litres', amount: '120.25', activities: 1 },
        { itemEn: 'Surgical masks', itemZh: null, unit: 'boxes', amount: '500.00', activities: 1 },
        { itemEn: 'Surgical masks', itemZh: null, unit: 'pieces', amount: '10000.00', activities: 1 },
      ]);
    });

    it('breaks down the network of an earlier day', async () => {
      const breakdowns = await getBreakdowns(db, home, '2005-05-31', at);
      expect(breakdowns.byCountry).toEqual([
        { countryCode: 'FR', partners: 2 },
        { countryCode: 'JP', partners: 2 },
      ]);
      expect(breakdowns.byField).toEqual([
        { field: 'culture', partners: 2 },
        { field: 'economy', partners: 1 },
        { field: 'tourism', partners: 1 },
        { field: 'education', partners: 1 },
      ]);
      expect(breakdowns.activitiesByKindPerYear).toEqual([]);
      expect(breakdowns.donatedQuantities).toEqual([]);
    });
  });

  describe('listNetworkMapAsOf', () => {
    it('gives one mark per tie of the network, with its type of the day, year and coordinates', async () => {
      const map = await listNetworkMapAsOf(db, home, TODAY, at);
      expect(map.map((m) => [m.slug, m.type, m.establishedYear, m.isPublic])).toEqual([
        ['gz-fukuoka', 'sister_city', 1979, true],
        ['gz-hamburg', 'friendly_cooperation_city', 2018, false],
        ['gz-hamburg-port', 'other', 2020, true],
        ['gz-lyon', 'friendly_cooperation_city', 2000, true],
        ['gz-nagoya', 'friendly_cooperation_city', null, true],
        ['gz-osaka', 'sister_city', 1995, true],
      ]);
      expect(map[0]).toEqual({
        id: tie['gz-fukuoka'],
        slug: 'gz-fukuoka',
        nameEn: 'Fukuoka',
        nameZh: '福冈',
        countryCode: 'JP',
        type: 'sister_city',
        establishedYear: 1979,
        latitude: 33.6,
        longitude: 130.41667,
        isPublic: true,
      });
    });

    it('draws the network as it stood: before an upgrade, before a termination, from the first day of a tie', async () => {
      const on = async (asOf: string) => (await listNetworkMapAsOf(db, home, asOf, at)).map((m) => `${m.slug}:${m.type}`);
      expect(await on('2005-05-31')).toContain('gz-osaka:friendly_cooperation_city');
      expect(await on('2005-06-01')).toContain('gz-osaka:sister_city');
      expect(await on('2015-06-30')).toContain('gz-bordeaux:sister_city');
      expect(await on('2015-07-01')).not.toContain('gz-bordeaux:sister_city');
      expect(await on('2000-02-28')).not.toContain('gz-lyon:friendly_cooperation_city');
      expect(await on('2000-02-29')).toContain('gz-lyon:friendly_cooperation_city');
      // Known to the year only: counted from 1 January 2020.
      expect(await on('2019-12-31')).not.toContain('gz-hamburg-port:other');
      expect(await on('2020-01-01')).toContain('gz-hamburg-port:other');
    });

    it('takes an undated step into account today only, and a tie before its first dated step as it was registered', async () => {
      const rolledBack = new Error('roll back');
      await expect(
        db.transaction(async (tx) => {
          const [seoul, busan, daegu, incheon] = await tx
            .insert(localities)
            .values(['seoul', 'busan', 'daegu', 'incheon'].map((slug) => ({ slug, nameEn: slug, countryCode: 'KR' })))
            .returning({ id: localities.id });
          const ties = await tx
            .insert(partnerships)
            .values([
              // Terminated by an agreement whose signing day nobody recorded.
              { slug: 'gz-seoul', homeLocalityId: home, partnerLocalityId: seoul!.id, type: 'sister_city', status: 'terminated', establishedOn: '1990-01-01', establishedPrecision: 'day' },
              // Upgraded on an unknown date.
              { slug: 'gz-busan', homeLocalityId: home, partnerLocalityId: busan!.id, type: 'sister_city', status: 'active', establishedOn: '1991-01-01', establishedPrecision: 'day' },
              // Registered as active with no date; the date was filled in later.
              { slug: 'gz-daegu', homeLocalityId: home, partnerLocalityId: daegu!.id, type: 'sister_city', status: 'active', establishedOn: '1999-09-09', establishedPrecision: 'day' },
              // Registered while negotiated; the date established, corrected later, is before the signing step.
              { slug: 'gz-incheon', homeLocalityId: home, partnerLocalityId: incheon!.id, type: 'sister_city', status: 'signed', establishedOn: '1985-01-01', establishedPrecision: 'day' },
            ])
            .returning({ id: partnerships.id });
          const [s, b, d, i] = ties.map((r) => r.id);
          await tx.insert(partnershipStatusEvents).values([
            { partnershipId: s!, status: 'active', effectiveOn: '1990-01-01', effectivePrecision: 'day' },
            { partnershipId: s!, status: 'terminated', effectiveOn: null, effectivePrecision: null, endedBy: 'mutual' },
            { partnershipId: b!, status: 'active', effectiveOn: '1991-01-01', effectivePrecision: 'day' },
            { partnershipId: b!, kind: 'upgrade', status: 'active', fromType: 'friendly_cooperation_city', toType: 'sister_city' },
            { partnershipId: d!, status: 'active', effectiveOn: null, effectivePrecision: null },
            { partnershipId: i!, status: 'negotiating', effectiveOn: null, effectivePrecision: null },
            { partnershipId: i!, status: 'signed', effectiveOn: '1990-05-01', effectivePrecision: 'day' },
          ]);
          const on = async (asOf: string) => (await listNetworkMapAsOf(tx, home, asOf, at)).map((m) => `${m.slug}:${m.type}`).filter((m) => /^gz-(seoul|busan|daegu|incheon):/.test(m));
          expect(await on('2000-01-01')).toEqual(['gz-busan:friendly_cooperation_city', 'gz-daegu:sister_city', 'gz-incheon:sister_city', 'gz-seoul:sister_city']);
          expect(await on(TODAY)).toEqual(['gz-busan:sister_city', 'gz-daegu:sister_city', 'gz-incheon:sister_city']);
          expect(await on('1990-04-30')).toEqual(['gz-seoul:sister_city']);
          expect(await on('1990-05-01')).toEqual(['gz-incheon:sister_city', 'gz-seoul:sister_city']);
          throw rolledBack;
        }),
      ).rejects.toBe(rolledBack);
      expect((await listNetworkMapAsOf(db, home, TODAY, at)).map((m) => m.slug)).not.toContain('gz-busan');
    });
  });
});

describe('the dashboard figures on the demo seed', () => {
  let home: string;
  beforeAll(async () => {
    await resetDatabase();
    await seedGuangzhou(db);
    const [row] = await db.select({ id: settings.homeLocalityId }).from(settings).where(eq(settings.id, 1));
    home = row!.id!;
  });

  it('counts the 93 partners in 62 countries today: 38 sister cities in 35 countries, 55 friendly in 39, 4 undated', async () => {
    const today = await getNetworkFigures(db, home, '2100-01-01');
    expect(today).toMatchObject({
      current: true,
      partners: 93,
      countries: 62,
      undated: 4,
      sister: { partners: 38, countries: 35 },
      friendly: { partners: 55, countries: 39 },
    });
    expect((await getGrowth(db, home, '2025-12-31'))[0]).toMatchObject({ year: 1979, total: 1, cumulative: 1 });
  });

  it('counts Lahore on 2021-11-19, the day its tie was announced, and not before 2021 (its date is known to the year)', async () => {
    const slugs = async (asOf: string) => (await listNetworkMapAsOf(db, home, asOf)).map((m) => m.slug);
    expect(await slugs('2021-11-19')).toContain('guangzhou-lahore');
    expect(await slugs('2021-11-24')).toContain('guangzhou-pest-county');
    expect(await slugs('2021-11-19')).not.toContain('guangzhou-pest-county');
    // The seed holds the year 2021 only (the FAO notice gives no signing day), stored as 1 January 2021: so the tie
    // counts from then, and on 2021-11-18 too.
    expect(await slugs('2021-11-18')).toContain('guangzhou-lahore');
    expect(await slugs('2020-12-31')).not.toContain('guangzhou-lahore');
    // The dataset's own count (db/seed/data/README.md): 82 dated rows up to the Lahore announcement, in 59 countries.
    expect(await getNetworkFigures(db, home, '2021-11-19')).toMatchObject({ current: false, partners: 82, countries: 59, undated: 4 });
  });
});
