import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../index';
import {
  activities,
  activityPartnerships,
  activityPhotos,
  activityQuantities,
  agreementFiles,
  agreements,
  agreementSignatories,
  localities,
  localityNames,
  partnerships,
  partnershipStatusEvents,
  settings,
} from '../schema';
import { seedGuangzhou } from '../seed/guangzhou';
import { resetDatabase } from '../testing/reset';
import { queryPublicPartner } from './public-partner-core';

// Every internal field of Lahore's tie and of the records around it carries this text; none may reach the public.
const MARK = 'INTERNAL-MARKER';

let homeId: string;
let lahoreTie: string;
let lahoreId: string;
const fileIds: Record<string, string> = {};
const photoIds: Record<string, string> = {};

function photo(activityId: string, name: string, extra: { isPublic?: boolean; deletedAt?: Date; captionEn?: string } = {}) {
  const bytes = new Uint8Array([1, 2, 3]);
  return {
    activityId,
    fileName: name,
    mediaType: 'image/jpeg',
    byteSize: 3,
    sha256: 'e'.repeat(64),
    width: 800,
    height: 600,
    content: bytes,
    displayMediaType: 'image/webp',
    displayWidth: 400,
    displayHeight: 300,
    displayContent: bytes,
    ...extra,
  };
}

async function idOf(slug: string): Promise<string> {
  const [row] = await db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, slug));
  return row!.id;
}

describe('queryPublicPartner', () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedGuangzhou(db);
    const [s] = await db.select({ id: settings.homeLocalityId }).from(settings);
    homeId = s!.id!;
    lahoreTie = await idOf('guangzhou-lahore');
    const [lahore] = await db.select({ id: localities.id }).from(localities).where(eq(localities.slug, 'lahore'));
    lahoreId = lahore!.id;

    // The tie itself: its internal fields.
    await db
      .update(partnerships)
      .set({ internalNotes: `${MARK} notes`, establishedBasis: `${MARK} basis`, sources: [`${MARK} source`] })
      .where(eq(partnerships.id, lahoreTie));
    await db.insert(partnershipStatusEvents).values({ partnershipId: lahoreTie, status: 'active', note: `${MARK} step`, decision: `${MARK} decision` });
    await db.insert(localityNames).values({ localityId: lahoreId, nameEn: 'Old Lahore', nameZh: '旧拉合尔', folded: 'old-lahore', note: `${MARK} name note`, usedUntil: '2001-01-01', usedUntilPrecision: 'year' });

    // Agreements: the seeded public MoU gets files and signatories; an internal one and a deleted one besides.
    const [mou] = await db.select({ id: agreements.id }).from(agreements).where(eq(agreements.partnershipId, lahoreTie));
    await db.update(agreements).set({ sources: [`${MARK} agreement source`], signedPlaceEn: 'Guangzhou', signedPlaceZh: '广州' }).where(eq(agreements.id, mou!.id));
    await db.insert(agreementSignatories).values({ agreementId: mou!.id, side: 'partner', nameEn: `${MARK} signatory`, titleEn: `${MARK} title` });
    const files = await db
      .insert(agreementFiles)
      .values([
        { agreementId: mou!.id, fileName: 'mou-signed.pdf', mediaType: 'application/pdf', byteSize: 2048, sha256: 'a'.repeat(64), isPublic: true },
        { agreementId: mou!.id, fileName: `${MARK}-internal.pdf`, mediaType: 'application/pdf', byteSize: 1, sha256: 'b'.repeat(64) },
        { agreementId: mou!.id, fileName: `${MARK}-deleted.pdf`, mediaType: 'application/pdf', byteSize: 1, sha256: 'c'.repeat(64), isPublic: true, deletedAt: new Date() },
      ])
      .returning({ id: agreementFiles.id, fileName: agreementFiles.fileName });
    for (const f of files) fileIds[f.fileName] = f.id;
    const hidden = await db
      .insert(agreements)
      .values([
        { partnershipId: lahoreTie, kind: 'renewal', titleEn: `${MARK} internal agreement`, summaryEn: MARK, isPublic: false },
        { partnershipId: lahoreTie, kind: 'formal_agreement', titleEn: `${MARK} deleted agreement`, deletedAt: new Date() },
      ])
      .returning({ id: agreements.id });
    // A file marked public still stays out when its agreement is internal.
    await db.insert(agreementFiles).values({ agreementId: hidden[0]!.id, fileName: `${MARK}-of-internal.pdf`, mediaType: 'application/pdf', byteSize: 1, sha256: 'd'.repeat(64), isPublic: true });

    // Activities: the seeded public ones carry internal notes; an internal and a deleted one besides; a quantity of
    // another partner stays with that partner.
    await db.update(activities).set({ internalNotes: `${MARK} activity notes`, sources: [`${MARK} activity source`], links: [`https://example.org/${MARK}`] }).where(eq(activities.slug, 'lahore-surgical-masks-2020'));
    const [masks] = await db.select({ id: activities.id }).from(activities).where(eq(activities.slug, 'lahore-surgical-masks-2020'));
    const fukuokaTie = await idOf('guangzhou-fukuoka');
    await db.insert(activityPartnerships).values({ activityId: masks!.id, partnershipId: fukuokaTie });
    await db.insert(activityQuantities).values({ activityId: masks!.id, partnershipId: fukuokaTie, itemEn: `${MARK} gloves`, amount: '5' });
    const photos = await db
      .insert(activityPhotos)
      .values([
        photo(masks!.id, 'masks.jpg', { isPublic: true, captionEn: 'Masks handed over' }),
        photo(masks!.id, `${MARK}-internal.jpg`, { captionEn: `${MARK} caption` }),
        photo(masks!.id, `${MARK}-deleted.jpg`, { isPublic: true, captionEn: `${MARK} deleted caption`, deletedAt: new Date() }),
      ])
      .returning({ id: activityPhotos.id, fileName: activityPhotos.fileName });
    for (const ph of photos) photoIds[ph.fileName] = ph.id;
    const more = await db
      .insert(activities)
      .values([
        { slug: 'internal-visit', kind: 'delegation_visit', titleEn: `${MARK} internal visit`, isPublic: false },
        { slug: 'deleted-event', kind: 'cultural_event', titleEn: `${MARK} deleted event`, deletedAt: new Date() },
      ])
      .returning({ id: activities.id });
    await db.insert(activityPartnerships).values(more.map((a) => ({ activityId: a.id, partnershipId: lahoreTie })));

    // Lahore's other ties: Zhengzhou's (public, seeded), an internal one and a deleted one of other homes, and one
    // with a locality that is itself deleted.
    const places = await db
      .insert(localities)
      .values([
        { slug: 'hidden-home', nameEn: `${MARK} hidden home`, countryCode: 'CN' },
        { slug: 'deleted-home', nameEn: `${MARK} deleted home`, countryCode: 'CN' },
        { slug: 'gone-home', nameEn: `${MARK} gone home`, countryCode: 'CN', deletedAt: new Date() },
      ])
      .returning({ id: localities.id });
    await db.insert(partnerships).values([
      { slug: 'hidden-lahore', homeLocalityId: places[0]!.id, partnerLocalityId: lahoreId, type: 'sister_city', isPublic: false },
      { slug: 'deleted-lahore', homeLocalityId: places[1]!.id, partnerLocalityId: lahoreId, type: 'sister_city', deletedAt: new Date() },
      { slug: 'gone-lahore', homeLocalityId: places[2]!.id, partnerLocalityId: lahoreId, type: 'sister_city' },
    ]);
  });

  it("shows Lahore's public profile: names, tie, MoU with its public file, the masks and the Orange Line, Zhengzhou", async () => {
    const p = await queryPublicPartner(db, homeId, 'guangzhou-lahore');
    expect(p).not.toBeNull();
    expect(p).toMatchObject({
      slug: 'guangzhou-lahore',
      type: 'friendly_cooperation_city',
      establishedOn: '2021-01-01',
      establishedPrecision: 'year',
      home: { nameEn: 'Guangzhou', nameZh: '广州' },
      partner: { nameEn: 'Lahore', nameZh: '拉合尔', countryCode: 'PK', level: 'city' },
      formerNames: [{ nameEn: 'Old Lahore', nameZh: '旧拉合尔' }],
    });
    expect(p!.cooperationFields.length).toBeGreaterThan(0);
    expect(p!.agreements).toEqual([
      expect.objectContaining({
        kind: 'mou',
        signedOn: '2021-01-01',
        signedPrecision: 'year',
        signedPlaceEn: 'Guangzhou',
        files: [{ id: fileIds['mou-signed.pdf'], fileName: 'mou-signed.pdf', byteSize: 2048 }],
      }),
    ]);
    expect(p!.activities.map((a) => a.slug)).toEqual(['lahore-orange-line-metro', 'lahore-surgical-masks-2020']);
    expect(p!.activities[0]).toMatchObject({ status: 'ongoing', startedOn: '2020-10-01', startedPrecision: 'month', placeEn: 'Lahore' });
    expect(p!.activities[1]!.quantities).toEqual([{ itemEn: 'Disposable surgical masks', itemZh: '一次性医用外科口罩', amount: '20000.00', unit: null }]);
    expect(p!.activities[1]!.photos).toEqual([{ id: photoIds['masks.jpg'], captionEn: 'Masks handed over', captionZh: null, width: 400, height: 300 }]);
    expect(p!.activities[0]!.photos).toEqual([]);
    expect(p!.otherTies).toEqual([
      {
        slug: null,
        type: 'sister_city',
        status: 'active',
        establishedOn: '2021-01-01',
        establishedPrecision: 'year',
        other: { nameEn: 'Zhengzhou', nameZh: '郑州', countryCode: 'CN' },
      },
    ]);
  });

  it('never returns an internal field or record: no marker anywhere in the profile', async () => {
    const p = await queryPublicPartner(db, homeId, 'guangzhou-lahore');
    const text = JSON.stringify(p);
    expect(text).not.toContain(MARK);
    expect(text).not.toContain(fileIds[`${MARK}-internal.pdf`]);
    expect(text).not.toContain(photoIds[`${MARK}-internal.jpg`]);
    expect(text).not.toContain(lahoreTie);
    expect(text).not.toContain(lahoreId);
    expect(text).not.toContain(homeId);
  });

  it('gives null for a tie of another home, an internal or deleted tie, a deleted partner, and an odd slug', async () => {
    // Zhengzhou-Lahore is in the registry, but not Guangzhou's.
    expect(await queryPublicPartner(db, homeId, 'zhengzhou-lahore')).toBeNull();
    expect(await queryPublicPartner(db, homeId, 'no-such-partner')).toBeNull();
    for (const slug of ['', 'GUANGZHOU-LAHORE', 'guangzhou-lahore/', "guangzhou-lahore' or 1=1", '%', '-guangzhou-lahore', 'x'.repeat(300), 'guangzhou\u0000lahore']) {
      expect(await queryPublicPartner(db, homeId, slug)).toBeNull();
    }
    await db.update(partnerships).set({ isPublic: false }).where(eq(partnerships.slug, 'guangzhou-darwin'));
    await db.update(partnerships).set({ deletedAt: new Date() }).where(eq(partnerships.slug, 'guangzhou-busan'));
    await db.update(localities).set({ deletedAt: new Date() }).where(eq(localities.slug, 'kherson'));
    expect(await queryPublicPartner(db, homeId, 'guangzhou-darwin')).toBeNull();
    expect(await queryPublicPartner(db, homeId, 'guangzhou-busan')).toBeNull();
    expect(await queryPublicPartner(db, homeId, 'guangzhou-kherson')).toBeNull();
    expect(await queryPublicPartner(db, homeId, 'guangzhou-fukuoka')).not.toBeNull();
  });

  it("links another public tie of the home locality with the same partner, and drops one that turns internal", async () => {
    const [sister] = await db
      .insert(partnerships)
      .values({ slug: 'guangzhou-lahore-sister', homeLocalityId: homeId, partnerLocalityId: lahoreId, type: 'sister_city', establishedOn: '2030-05-01', establishedPrecision: 'month' })
      .returning({ id: partnerships.id });
    let p = await queryPublicPartner(db, homeId, 'guangzhou-lahore');
    expect(p!.otherTies.map((t) => [t.slug, t.other.nameEn])).toEqual([
      [null, 'Zhengzhou'],
      ['guangzhou-lahore-sister', 'Guangzhou'],
    ]);
    await db.update(partnerships).set({ isPublic: false }).where(eq(partnerships.id, sister!.id));
    p = await queryPublicPartner(db, homeId, 'guangzhou-lahore');
    expect(p!.otherTies.map((t) => t.other.nameEn)).toEqual(['Zhengzhou']);
  });

  it('leaves out an activity or agreement that turns internal after the fact', async () => {
    await db.update(activities).set({ isPublic: false }).where(eq(activities.slug, 'lahore-orange-line-metro'));
    await db.update(agreements).set({ isPublic: false }).where(eq(agreements.partnershipId, lahoreTie));
    const p = await queryPublicPartner(db, homeId, 'guangzhou-lahore');
    expect(p!.activities.map((a) => a.slug)).toEqual(['lahore-surgical-masks-2020']);
    expect(p!.agreements).toEqual([]);
    expect(JSON.stringify(p)).not.toContain('mou-signed.pdf');
  });
});
