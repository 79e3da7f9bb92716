import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/index';
import { activities, activityPartnerships, activityPhotos, localities, partnerships } from '@/db/schema';
import { resetDatabase } from '@/db/testing/reset';
import { GET } from './route';

const DISPLAY = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4]);
const ORIGINAL = new Uint8Array([0xff, 0xd8, 0xff, 9, 9, 9]);

async function fetchPhoto(photoId: string, headers: Record<string, string> = {}) {
  const response = await GET(new Request(`http://localhost/photos/${photoId}`, { headers }), { params: Promise.resolve({ photoId }) });
  return { status: response.status, headers: response.headers, body: new Uint8Array(await response.arrayBuffer()) };
}

let tie: string;
let activity: string;

async function storedPhoto(isPublic: boolean, extra: { deletedAt?: Date } = {}) {
  const [ph] = await db
    .insert(activityPhotos)
    .values({
      activityId: activity,
      fileName: 'handover.jpg',
      mediaType: 'image/jpeg',
      byteSize: ORIGINAL.byteLength,
      sha256: 'f'.repeat(64),
      width: 8,
      height: 6,
      content: ORIGINAL,
      displayMediaType: 'image/webp',
      displayWidth: 4,
      displayHeight: 3,
      displayContent: DISPLAY,
      isPublic,
      ...extra,
    })
    .returning({ id: activityPhotos.id });
  return ph!.id;
}

describe('the public photo', () => {
  beforeEach(async () => {
    await resetDatabase();
    const [gz, lahore] = await db
      .insert(localities)
      .values([
        { slug: 'guangzhou', nameEn: 'Guangzhou', countryCode: 'CN' },
        { slug: 'lahore', nameEn: 'Lahore', countryCode: 'PK' },
      ])
      .returning({ id: localities.id });
    const [p] = await db
      .insert(partnerships)
      .values({ slug: 'guangzhou-lahore', homeLocalityId: gz!.id, partnerLocalityId: lahore!.id, type: 'friendly_cooperation_city' })
      .returning({ id: partnerships.id });
    tie = p!.id;
    const [a] = await db.insert(activities).values({ slug: 'masks', kind: 'donation', titleEn: 'Masks' }).returning({ id: activities.id });
    activity = a!.id;
    await db.insert(activityPartnerships).values({ activityId: activity, partnershipId: tie });
  });

  it('sends the display copy of a public photo inline, never sniffed, and a 304 for its ETag', async () => {
    const id = await storedPhoto(true);
    const r = await fetchPhoto(id);
    expect(r.status).toBe(200);
    expect(r.body).toEqual(DISPLAY);
    expect(r.headers.get('content-type')).toBe('image/webp');
    expect(r.headers.get('content-disposition')).toBe('inline; filename=handover.webp');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(r.headers.get('set-cookie')).toBeNull();
    const again = await fetchPhoto(id, { 'if-none-match': r.headers.get('etag')! });
    expect(again.status).toBe(304);
  });

  it('answers 404, alike, for an internal or deleted photo, one of an internal or deleted activity or tie, and nonsense', async () => {
    const internal = await storedPhoto(false);
    const deleted = await storedPhoto(true, { deletedAt: new Date() });
    for (const id of [internal, deleted, '00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' or '1'='1"]) {
      const r = await fetchPhoto(id);
      expect([r.status, new TextDecoder().decode(r.body)]).toEqual([404, '{"error":"not_found"}']);
    }
    const shown = await storedPhoto(true);
    await db.update(activities).set({ isPublic: false }).where(eq(activities.id, activity));
    expect((await fetchPhoto(shown)).status).toBe(404);
    await db.update(activities).set({ isPublic: true, deletedAt: new Date() }).where(eq(activities.id, activity));
    expect((await fetchPhoto(shown)).status).toBe(404);
    await db.update(activities).set({ deletedAt: null }).where(eq(activities.id, activity));
    expect((await fetchPhoto(shown)).status).toBe(200);
    await db.update(partnerships).set({ isPublic: false }).where(eq(partnerships.id, tie));
    expect((await fetchPhoto(shown)).status).toBe(404);
    await db.update(partnerships).set({ isPublic: true, deletedAt: new Date() }).where(eq(partnerships.id, tie));
    expect((await fetchPhoto(shown)).status).toBe(404);
  });
});
