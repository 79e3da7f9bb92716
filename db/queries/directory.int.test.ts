import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { directoryFilterSchema, type DirectoryFilter } from '../../lib/validation/directory';
import { db } from '../index';
import { localities, partnerships } from '../schema';
import { seedGuangzhou } from '../seed/guangzhou';
import { resetDatabase } from '../testing/reset';
import { listDirectoryPartners, queryDirectoryFacets, queryDirectoryMap, queryDirectoryPage } from './directory';
import { getHomeLocality } from './home';

let homeId: string;

/** The filter the page would parse from these query parameters. */
const filterOf = (params: Record<string, string> = {}): DirectoryFilter => directoryFilterSchema.parse(params);
const names = async (params: Record<string, string>, locale: 'en' | 'zh' = 'en') =>
  (await queryDirectoryPage(homeId, filterOf(params), locale)).rows.map((p) => p.nameEn);

describe('the public directory', () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedGuangzhou(db);
    const home = await getHomeLocality();
    homeId = home!.id;
  });

  describe('while every tie is public', () => {
    it('lists the 93 partners of the home locality, not the ties of other localities', async () => {
      const all = await listDirectoryPartners(homeId);
      expect(all).toHaveLength(93);
      expect(all.map((p) => p.nameEn)).not.toContain('Sindh');
      expect(all.find((p) => p.nameEn === 'Lahore')).toEqual({
        slug: 'guangzhou-lahore',
        nameEn: 'Lahore',
        nameZh: '拉合尔',
        countryCode: 'PK',
        type: 'friendly_cooperation_city',
        establishedYear: 2021,
        formerName: null,
      });
      expect(all.find((p) => p.nameEn === 'Busan')?.establishedYear).toBeNull();
    });

    it.each([
      ['lahore', ['Lahore']],
      ['拉合尔', ['Lahore']],
      ['LODZ', ['Łódź']],
      ['são', ['São Paulo']],
      ['sao paulo', ['São Paulo']],
      ['福冈', ['Fukuoka']],
      ['%', []],
      ['no such place', []],
    ])('finds %s by name', async (q, found) => {
      expect((await listDirectoryPartners(homeId, q)).map((p) => p.nameEn)).toEqual(found);
      expect(await names({ q })).toEqual(found);
    });

    it.each([
      ['Japan', 'en'],
      ['japan', 'zh'],
      ['日本', 'en'],
      ['日本', 'zh'],
    ] as const)('finds the Japanese partners by their country, "%s" (page in %s)', async (q, locale) => {
      expect(await names({ q }, locale)).toEqual(['Fukuoka', 'Noboribetsu', 'Ōita']);
    });

    it('finds a country without its accents, and a partner whose name holds the text as well as a country', async () => {
      expect(await names({ q: 'turkiye' })).toEqual((await names({ country: 'TR' })));
      expect(await names({ q: 'turkiye' })).not.toEqual([]);
      // "Peru" is a country; no partner's own name holds it.
      expect((await names({ q: 'peru' })).length).toBe(1);
    });

    it('counts in SQL: all public partners, and those matching', async () => {
      expect(await queryDirectoryPage(homeId, filterOf(), 'en')).toMatchObject({ matching: 93, total: 93 });
      expect(await queryDirectoryPage(homeId, filterOf({ q: 'Japan' }), 'en')).toMatchObject({ matching: 3, total: 93 });
      expect(await queryDirectoryPage(homeId, filterOf({ q: 'Atlantis' }), 'en')).toMatchObject({ rows: [], matching: 0, total: 93 });
    });

    it('filters by continent, with countries-list deciding the continent', async () => {
      const southAmerica = await queryDirectoryPage(homeId, filterOf({ continent: 'SA' }), 'en');
      expect(southAmerica.matching).toBe(9);
      expect(new Set(southAmerica.rows.map((p) => p.countryCode))).toEqual(new Set(['BR', 'PE', 'AR', 'EC', 'CL', 'CO']));
      const asia = await queryDirectoryPage(homeId, filterOf({ continent: 'AS', sort: 'country' }), 'en');
      expect(asia.rows.map((p) => p.countryCode)).toContain('JP');
      expect(asia.rows.map((p) => p.countryCode)).not.toContain('FR');
    });

    it('filters by country, type of tie and cooperation field', async () => {
      expect(await names({ country: 'JP' })).toEqual(['Fukuoka', 'Noboribetsu', 'Ōita']);
      expect(await names({ country: 'jp' })).toEqual(['Fukuoka', 'Noboribetsu', 'Ōita']);
      expect((await queryDirectoryPage(homeId, filterOf({ type: 'sister_city' }), 'en')).matching).toBe(38);
      expect((await queryDirectoryPage(homeId, filterOf({ type: 'friendly_cooperation_city' }), 'en')).matching).toBe(55);
      expect((await queryDirectoryPage(homeId, filterOf({ type: 'sister_province' }), 'en')).matching).toBe(0);
      expect(await names({ field: 'education' })).toEqual(['Lahore']);
      expect(await names({ field: 'sports' })).toEqual([]);
      expect(await names({ country: 'JP', type: 'sister_city' })).toEqual(['Fukuoka', 'Noboribetsu']);
      expect(await names({ country: 'JP', type: 'friendly_cooperation_city' })).toEqual(['Ōita']);
    });

    it('filters by the years established, inclusive, either way round; undated ties only without a year filter', async () => {
      const eighties = await queryDirectoryPage(homeId, filterOf({ from: '1979', to: '1989' }), 'en');
      expect(eighties.matching).toBe(9);
      expect(eighties.rows.every((p) => p.establishedYear! >= 1979 && p.establishedYear! <= 1989)).toBe(true);
      expect((await queryDirectoryPage(homeId, filterOf({ from: '1989', to: '1979' }), 'en')).matching).toBe(9);
      expect((await queryDirectoryPage(homeId, filterOf({ from: '2020' }), 'en')).matching).toBe(15);
      expect(await names({ to: '1979' })).toEqual(['Fukuoka']);
      expect(await names({ from: '2025' })).toEqual(['São Paulo']);
      expect((await names({ from: '1900' })).includes('Busan')).toBe(false);
    });

    it('sorts by name, country and year, both ways', async () => {
      const both = async (sort: string) => [...(await names({ sort })), ...(await names({ sort, page: '2' }))];
      const byName = await both('name');
      expect(byName).toHaveLength(93);
      expect(byName.slice(0, 3)).toEqual(['Abu Dhabi', 'Ahmedabad', 'Alexandria']);
      // Accents never push a name to the end: Łódź sorts among the Ls, Ōita among the Os.
      expect(byName.indexOf('Łódź')).toBeGreaterThan(byName.indexOf('Lahore'));
      expect(byName.indexOf('Łódź')).toBeLessThan(byName.indexOf('Los Angeles'));
      expect(byName.indexOf('Ōita')).toBeLessThan(byName.indexOf('Padua'));
      expect(await both('-name')).toEqual([...byName].reverse());

      const byYear = (await queryDirectoryPage(homeId, filterOf({ sort: 'year' }), 'en')).rows;
      expect(byYear[0]).toMatchObject({ nameEn: 'Fukuoka', establishedYear: 1979 });
      const byYearDesc = (await queryDirectoryPage(homeId, filterOf({ sort: '-year' }), 'en')).rows;
      expect(byYearDesc[0]).toMatchObject({ nameEn: 'São Paulo', establishedYear: 2025 });
      const lastPage = (await queryDirectoryPage(homeId, filterOf({ sort: '-year', page: '2' }), 'en')).rows;
      expect(lastPage.at(-1)!.establishedYear).toBeNull();

      // By the country's name in the page's language: France before Germany in English, 德国 (Deguo) before 法国 (Faguo) in Chinese.
      const countries = async (sort: string, locale: 'en' | 'zh') => {
        const pages = [await queryDirectoryPage(homeId, filterOf({ sort }), locale), await queryDirectoryPage(homeId, filterOf({ sort, page: '2' }), locale)];
        return pages.flatMap((p) => p.rows.map((r) => r.countryCode));
      };
      const en = await countries('country', 'en');
      expect(en[0]).toBe('AL');
      expect(en.indexOf('FR')).toBeLessThan(en.indexOf('DE'));
      const zh = await countries('country', 'zh');
      expect(zh.indexOf('DE')).toBeLessThan(zh.indexOf('FR'));
      expect((await countries('-country', 'zh')).at(-1)).toBe(zh[0]);
      expect((await countries('-country', 'en'))[0]).toBe(en.at(-1));
    });

    it('pages by 50 in SQL, every partner once', async () => {
      const first = await queryDirectoryPage(homeId, filterOf({ page: '1' }), 'en');
      const second = await queryDirectoryPage(homeId, filterOf({ page: '2' }), 'en');
      const third = await queryDirectoryPage(homeId, filterOf({ page: '3' }), 'en');
      expect(first.rows).toHaveLength(50);
      expect(second.rows).toHaveLength(43);
      expect(third).toMatchObject({ rows: [], matching: 93 });
      expect(new Set([...first.rows, ...second.rows].map((p) => p.slug)).size).toBe(93);
    });

    it('gives the map every matching partner with its coordinates, and the facets of the filters', async () => {
      const map = await queryDirectoryMap(homeId, filterOf(), 'en');
      expect(map).toHaveLength(93);
      expect(map.find((p) => p.slug === 'guangzhou-lahore')).toEqual({
        slug: 'guangzhou-lahore',
        nameEn: 'Lahore',
        nameZh: '拉合尔',
        countryCode: 'PK',
        type: 'friendly_cooperation_city',
        establishedYear: 2021,
        latitude: expect.closeTo(31.5, 0),
        longitude: expect.closeTo(74.3, 0),
      });
      expect((await queryDirectoryMap(homeId, filterOf({ q: '日本' }), 'en')).map((p) => p.nameEn)).toEqual(['Fukuoka', 'Noboribetsu', 'Ōita']);
      const facets = await queryDirectoryFacets(homeId);
      expect(facets.countries).toHaveLength(62);
      expect(facets.countries).toContain('JP');
      expect(facets.types).toEqual(['friendly_cooperation_city', 'sister_city']);
      expect(facets.fields).toEqual(['culture', 'economy', 'education', 'science_technology', 'tourism', 'trade']);
    });
  });

  describe('after ties are made internal or deleted', () => {
    beforeAll(async () => {
      await db.update(partnerships).set({ isPublic: false, cooperationFields: ['sports'] }).where(eq(partnerships.slug, 'guangzhou-noboribetsu'));
      await db.update(partnerships).set({ deletedAt: new Date() }).where(eq(partnerships.slug, 'guangzhou-fukuoka'));
      await db.update(localities).set({ deletedAt: new Date() }).where(eq(localities.slug, 'kherson'));
      await db.update(localities).set({ latitude: null, longitude: null }).where(eq(localities.slug, 'oita'));
    });

    it('leaves them out of the list, the counts, the map and the filter choices', async () => {
      expect(await names({ q: 'Japan' })).toEqual(['Ōita']);
      expect(await names({ country: 'JP' })).toEqual(['Ōita']);
      expect(await names({ q: 'kherson' })).toEqual([]);
      expect(await queryDirectoryPage(homeId, filterOf(), 'en')).toMatchObject({ matching: 90, total: 90 });
      expect(await queryDirectoryPage(homeId, filterOf({ type: 'sister_city' }), 'en')).toMatchObject({ total: 90 });
      const map = await queryDirectoryMap(homeId, filterOf(), 'en');
      expect(map).toHaveLength(90);
      expect(map.map((p) => p.slug)).not.toContain('guangzhou-noboribetsu');
      expect(map.find((p) => p.nameEn === 'Ōita')).toMatchObject({ latitude: null, longitude: null });
      expect(await names({ field: 'sports' })).toEqual([]);
      expect((await queryDirectoryFacets(homeId)).fields).not.toContain('sports');
      expect((await listDirectoryPartners(homeId)).map((p) => p.nameEn)).not.toContain('Fukuoka');
    });
  });
});
