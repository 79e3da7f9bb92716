import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/index';
import { agreements, localities, partnerships } from '@/db/schema';
import { resetDatabase } from '@/db/testing/reset';
import { listComingDates } from './coming-dates-core';

let gz: string;
let bari: string;
const tie: Record<string, string> = {};
const deed: Record<string, string> = {};

describe('listComingDates', () => {
  beforeEach(async () => {
    await resetDatabase();
    const rows = await db
      .insert(localities)
      .values([
        { slug: 'guangzhou', nameEn: 'Guangzhou', nameZh: '广州', countryCode: 'CN' },
        { slug: 'shenzhen', nameEn: 'Shenzhen', nameZh: '深圳', countryCode: 'CN' },
        { slug: 'fukuoka', nameEn: 'Fukuoka', nameZh: '福冈', countryCode: 'JP' },
        { slug: 'auckland', nameEn: 'Auckland', nameZh: '奥克兰', countryCode: 'NZ' },
        { slug: 'leapton', nameEn: 'Leapton', countryCode: 'GB' },
        { slug: 'bari', nameEn: 'Bari', nameZh: '巴里', countryCode: 'IT' },
        { slug: 'gone', nameEn: 'Gone', countryCode: 'FR' },
        { slug: 'paused', nameEn: 'Pausa', countryCode: 'ES' },
      ])
      .returning({ id: localities.id, slug: localities.slug });
    const id = Object.fromEntries(rows.map((r) => [r.slug, r.id])) as Record<string, string>;
    gz = id.guangzhou!;
    bari = id.bari!;
    const ties = await db
      .insert(partnerships)
      .values([
        // 50 years on 2 May 2029; 47 in the window of 2026.
        { slug: 'gz-fukuoka', homeLocalityId: gz, partnerLocalityId: id.fukuoka!, type: 'sister_city', establishedOn: '1979-05-02', establishedPrecision: 'day' },
        // Known to the month only: the 20th anniversary is all of August 2026.
        { slug: 'gz-auckland', homeLocalityId: gz, partnerLocalityId: id.auckland!, type: 'friendly_cooperation_city', establishedOn: '2006-08-01', establishedPrecision: 'month' },
        // Made on 29 February 2012: its 15th anniversary is 28 February 2027, a common year. Lapsed, it keeps it.
        { slug: 'gz-leapton', homeLocalityId: gz, partnerLocalityId: id.leapton!, type: 'sister_city', status: 'lapsed', establishedOn: '2012-02-29', establishedPrecision: 'day' },
        // Year only: the 25th anniversary is all of 2026.
        { slug: 'gz-bari', homeLocalityId: gz, partnerLocalityId: id.bari!, type: 'sister_city', establishedOn: '2001-01-01', establishedPrecision: 'year' },
        // Deleted: nothing of it shows.
        { slug: 'gz-gone', homeLocalityId: gz, partnerLocalityId: id.gone!, type: 'sister_city', establishedOn: '2016-06-01', establishedPrecision: 'day', deletedAt: new Date() },
        // Suspended: no anniversary, but its term's end still shows.
        { slug: 'gz-pausa', homeLocalityId: gz, partnerLocalityId: id.paused!, type: 'sister_city', status: 'suspended', establishedOn: '2016-06-01', establishedPrecision: 'day' },
        // Another home's tie: not in Guangzhou's network.
        { slug: 'sz-fukuoka', homeLocalityId: id.shenzhen!, partnerLocalityId: id.fukuoka!, type: 'sister_city', establishedOn: '2016-06-01', establishedPrecision: 'day' },
      ])
      .returning({ id: partnerships.id, slug: partnerships.slug });
    Object.assign(tie, Object.fromEntries(ties.map((t) => [t.slug, t.id])));
    const deeds = await db
      .insert(agreements)
      .values([
        { partnershipId: tie['gz-fukuoka']!, kind: 'mou', titleEn: 'MoU on youth exchange', titleZh: '青少年交流备忘录', signedOn: '2016-11-01', signedPrecision: 'month', termEndsOn: '2026-10-31' },
        { partnershipId: tie['gz-fukuoka']!, kind: 'formal_agreement', titleEn: 'Sister city agreement', signedOn: '1979-05-02', signedPrecision: 'day' },
        { partnershipId: tie['gz-fukuoka']!, kind: 'mou', titleEn: 'Deleted MoU', signedOn: '2016-07-01', signedPrecision: 'day', termEndsOn: '2026-07-01', deletedAt: new Date() },
        { partnershipId: tie['gz-gone']!, kind: 'mou', titleEn: 'MoU of a deleted tie', signedOn: '2021-07-01', signedPrecision: 'day', termEndsOn: '2026-07-01' },
        { partnershipId: tie['gz-pausa']!, kind: 'mou', titleEn: 'Culture MoU', signedOn: '2021-07-01', signedPrecision: 'day', termEndsOn: '2026-07-01' },
        { partnershipId: tie['sz-fukuoka']!, kind: 'mou', titleEn: 'Shenzhen MoU', signedOn: '2021-07-01', signedPrecision: 'day', termEndsOn: '2026-07-01' },
      ])
      .returning({ id: agreements.id, titleEn: agreements.titleEn });
    Object.assign(deed, Object.fromEntries(deeds.map((d) => [d.titleEn, d.id])));
  });

  it('lists the network’s anniversaries and term ends in the coming 12 months, with names for their labels', async () => {
    const dates = await listComingDates(db, gz, '2026-03-15');
    expect([dates.from, dates.to]).toEqual(['2026-03-15', '2027-03-14']);
    expect(dates.items.map((d) => [d.kind, d.tie.slug, d.on, d.until, d.precision, d.kind === 'term_end' ? null : `${d.years} ${d.observance}`])).toEqual([
      ['tie_anniversary', 'gz-bari', '2026-01-01', '2026-12-31', 'year', '25 letter'],
      ['term_end', 'gz-pausa', '2026-07-01', '2026-07-01', 'day', null],
      ['tie_anniversary', 'gz-auckland', '2026-08-01', '2026-08-31', 'month', '20 celebration'],
      ['term_end', 'gz-fukuoka', '2026-10-31', '2026-10-31', 'day', null],
      ['agreement_anniversary', 'gz-fukuoka', '2026-11-01', '2026-11-30', 'month', '10 celebration'],
      ['tie_anniversary', 'gz-leapton', '2027-02-28', '2027-02-28', 'day', '15 letter'],
    ]);
    const mou = dates.items.find((d) => d.kind === 'agreement_anniversary')!;
    expect(mou.tie).toEqual({
      id: tie['gz-fukuoka'],
      slug: 'gz-fukuoka',
      type: 'sister_city',
      status: 'active',
      partner: { id: expect.any(String), slug: 'fukuoka', nameEn: 'Fukuoka', nameZh: '福冈', countryCode: 'JP' },
    });
    expect(mou.agreement).toEqual({ id: deed['MoU on youth exchange'], kind: 'mou', titleEn: 'MoU on youth exchange', titleZh: '青少年交流备忘录', signedOn: '2016-11-01' });
    expect(dates.items.find((d) => d.kind === 'tie_anniversary' && d.tie.slug === 'gz-leapton')!.tie.status).toBe('lapsed');
    expect(dates.items.every((d) => (d.kind === 'tie_anniversary') === (d.agreement === null))).toBe(true);
  });

  it('marks Fukuoka’s 50th on 2 May 2029 as a celebration year, its founding agreement folded into it', async () => {
    const dates = await listComingDates(db, gz, '2029-01-01', 6);
    const fukuoka = dates.items.filter((d) => d.tie.slug === 'gz-fukuoka');
    expect(fukuoka.map((d) => [d.key, d.on, d.kind === 'term_end' ? null : d.observance])).toEqual([[`tie-${tie['gz-fukuoka']}-50`, '2029-05-02', 'celebration']]);
  });

  it('puts the 29 February tie on the 29th in a leap year', async () => {
    const dates = await listComingDates(db, gz, '2032-01-01');
    expect(dates.items.filter((d) => d.tie.slug === 'gz-leapton').map((d) => [d.on, d.kind === 'term_end' ? null : d.years])).toEqual([['2032-02-29', 20]]);
  });

  it('is empty for a locality with no ties, and refuses a malformed start', async () => {
    expect((await listComingDates(db, bari, '2026-03-15')).items).toEqual([]);
    await expect(listComingDates(db, gz, '2026-02-30')).rejects.toThrow(RangeError);
  });
});
