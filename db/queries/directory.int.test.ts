import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../index';
import { localities, partnerships } from '../schema';
import { seedGuangzhou } from '../seed/guangzhou';
import { resetDatabase } from '../testing/reset';
import { listDirectoryPartners } from './directory';
import { getHomeLocality } from './home';

let homeId: string;

describe('listDirectoryPartners', () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedGuangzhou(db);
    const home = await getHomeLocality();
    homeId = home!.id;
  });

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
  ])('finds %s', async (q, names) => {
    const found = await listDirectoryPartners(homeId, q);
    expect(found.map((p) => p.nameEn)).toEqual(names);
  });

  it('leaves out internal and deleted partnerships', async () => {
    await db.update(partnerships).set({ isPublic: false }).where(eq(partnerships.slug, 'guangzhou-darwin'));
    await db.update(partnerships).set({ deletedAt: new Date() }).where(eq(partnerships.slug, 'guangzhou-busan'));
    const names = (await listDirectoryPartners(homeId)).map((p) => p.nameEn);
    expect(names).toHaveLength(91);
    expect(names).not.toContain('Darwin');
    expect(names).not.toContain('Busan');
  });

  it('leaves out partners whose locality was deleted', async () => {
    await db.update(localities).set({ deletedAt: new Date() }).where(eq(localities.slug, 'kherson'));
    expect((await listDirectoryPartners(homeId, 'kherson'))).toEqual([]);
  });
});
