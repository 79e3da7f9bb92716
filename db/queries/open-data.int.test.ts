import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../index';
import { localities, partnerships, settings } from '../schema';
import { seedGuangzhou } from '../seed/guangzhou';
import { resetDatabase } from '../testing/reset';
import { queryOpenDataDirectory } from './open-data';

describe('queryOpenDataDirectory', () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedGuangzhou(db);
  });

  it("gives the home locality's 93 public partners with their public fields only, read at the given time", async () => {
    const now = new Date('2025-06-01T08:00:00Z');
    const data = await queryOpenDataDirectory(db, now);
    expect(data.asOf).toBe('2025-06-01T08:00:00.000Z');
    expect(data.home).toEqual({ nameEn: 'Guangzhou', nameZh: '广州', countryCode: 'CN', wikidataId: null });
    expect(data.partners).toHaveLength(93);
    expect(data.partners.map((p) => p.nameEn)).not.toContain('Sindh');
    const lahore = data.partners.find((p) => p.nameEn === 'Lahore');
    expect(Object.keys(lahore!).sort()).toEqual(
      [
        'slug',
        'nameEn',
        'nameZh',
        'countryCode',
        'level',
        'type',
        'status',
        'establishedOn',
        'establishedPrecision',
        'latitude',
        'longitude',
        'wikidataId',
        'cooperationFields',
      ].sort(),
    );
    expect(lahore).toMatchObject({ slug: 'guangzhou-lahore', nameZh: '拉合尔', countryCode: 'PK', type: 'friendly_cooperation_city' });
    const losAngeles = data.partners.find((p) => p.nameEn === 'Los Angeles');
    expect(losAngeles!.longitude).toBeLessThan(-118);
    const fukuoka = data.partners.find((p) => p.nameEn === 'Fukuoka');
    expect(fukuoka).toMatchObject({ establishedOn: '1979-05-02', establishedPrecision: 'day' });
  });

  it('leaves out internal and deleted partnerships and deleted partner localities', async () => {
    await db.update(partnerships).set({ isPublic: false }).where(eq(partnerships.slug, 'guangzhou-darwin'));
    await db.update(partnerships).set({ deletedAt: new Date() }).where(eq(partnerships.slug, 'guangzhou-busan'));
    await db.update(localities).set({ deletedAt: new Date() }).where(eq(localities.slug, 'kherson'));
    const names = (await queryOpenDataDirectory()).partners.map((p) => p.nameEn);
    expect(names).toHaveLength(90);
    expect(names).not.toContain('Darwin');
    expect(names).not.toContain('Busan');
    expect(names).not.toContain('Kherson');
  });

  it('is empty without a home locality', async () => {
    await db.update(settings).set({ homeLocalityId: null });
    expect(await queryOpenDataDirectory()).toMatchObject({ home: null, partners: [] });
  });
});
