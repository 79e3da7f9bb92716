import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/index';
import { queryActivityPhotos } from '@/db/queries/activity-photos-core';
import { activities, activityPhotos, auditEvents } from '@/db/schema';
import { redirectOf } from '@/db/testing/actions';
import { resetDatabase } from '@/db/testing/reset';
import { insertSignedInUser } from '@/db/testing/staff';
import { IDLE } from '@/lib/action-state';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/domain';

// The photo upload route called with real Request objects as a browser sends them, the photo route (display copy
// and original), and the delete and restore actions.

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock('@/lib/auth/session-id', () => ({ readSessionId: async () => session.id }));
vi.mock('next-intl/server', () => ({ getLocale: async () => 'en' }));
vi.mock('@/lib/i18n/navigation', async () => (await import('@/db/testing/actions')).navigationMock);

const { POST } = await import('./route');
const { GET: photoRoute } = await import('@/app/[locale]/(staff)/activities/[id]/photos/[photoId]/route');
const { deletePhotoAction, restorePhotoAction } = await import('@/app/[locale]/(staff)/activities/[id]/photos/actions');

const HOST = 'localhost:3000';
const ORIGIN = `http://${HOST}`;
const MiB = 1024 * 1024;
type Bytes = Uint8Array<ArrayBuffer>;
const bytesOf = (b: Buffer): Bytes => new Uint8Array(b);

let hash: string;
let png: Bytes;
beforeAll(async () => {
  hash = await hashPassword('a staff password that works');
  // Noise, so the PNG is not trivially small and the resize has something to do.
  const raw = Buffer.alloc(3000 * 2000 * 3, 0).map((_, i) => (i * 7919) % 251);
  png = bytesOf(await sharp(raw, { raw: { width: 3000, height: 2000, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer());
});

async function signedIn(role: Role) {
  const { user, sessionId } = await insertSignedInUser(role, `${role}-${Math.random().toString(36).slice(2)}@example.org`, hash);
  session.id = sessionId;
  return user;
}

let act: string;
let other: string;

beforeEach(async () => {
  await resetDatabase();
  session.id = null;
  const rows = await db
    .insert(activities)
    .values([
      { slug: 'masks', kind: 'donation', titleEn: 'Masks to Lahore' },
      { slug: 'metro', kind: 'project', titleEn: 'Orange Line' },
    ])
    .returning({ id: activities.id });
  [act, other] = [rows[0]!.id, rows[1]!.id];
});

type Entry = [string, string | Blob, string?];

async function post(entries: Entry[], opts: { origin?: string | null; headers?: Record<string, string> } = {}) {
  const form = new FormData();
  for (const [k, v, name] of entries) {
    if (typeof v === 'string') form.append(k, v);
    else form.append(k, v, name);
  }
  const encoded = new Request(`${ORIGIN}/uploads/photos`, { method: 'POST', body: form });
  const body = new Uint8Array(await encoded.arrayBuffer());
  const headers: Record<string, string> = { 'content-type': encoded.headers.get('content-type')!, host: HOST, 'content-length': String(body.byteLength), ...opts.headers };
  if (opts.origin !== null) headers.origin = opts.origin ?? ORIGIN;
  return POST(new Request(`${ORIGIN}/uploads/photos`, { method: 'POST', headers, body }));
}

/** The photo form's fields, then the file: what the browser sends. */
function fields(file: [Bytes, string, string?] | null, extra: Array<[string, string]> = [], activityId = act): Entry[] {
  const out: Entry[] = [['activityId', activityId], ['returnTo', `/activities/${activityId}`], ...extra];
  out.push(file ? ['photo', new Blob([file[0]], { type: file[2] ?? 'image/png' }), file[1]] : ['photo', new Blob([]), '']);
  return out;
}

function outcome(res: Response) {
  expect(res.status).toBe(303);
  const url = new URL(res.headers.get('location')!, ORIGIN);
  return { path: url.pathname, hash: url.hash, ...Object.fromEntries(url.searchParams) };
}

async function counts() {
  return { photos: await db.$count(activityPhotos), audit: await db.$count(auditEvents) };
}

const get = (activityId: string, photoId: string, query = '') =>
  photoRoute(new Request(`${ORIGIN}/activities/${activityId}/photos/${photoId}${query}`), { params: Promise.resolve({ id: activityId, photoId }) });

describe('POST /uploads/photos', () => {
  it('stores a PNG as uploaded and a WebP copy at most 1600 px wide, with captions, audit event and the way back', async () => {
    const user = await signedIn('editor');
    const res = await post(fields([png, 'Lahore 拉合尔.png'], [['captionEn', ' Masks unloaded in Lahore '], ['captionZh', '口罩运抵拉合尔'], ['isPublic', 'on']]));
    expect(outcome(res)).toEqual({ path: `/activities/${act}`, hash: '#photos', photoUploaded: '1' });
    const [row] = await db.select().from(activityPhotos);
    expect(row).toMatchObject({
      activityId: act,
      fileName: 'Lahore 拉合尔.png',
      mediaType: 'image/png',
      byteSize: png.byteLength,
      sha256: createHash('sha256').update(png).digest('hex'),
      width: 3000,
      height: 2000,
      displayMediaType: 'image/webp',
      displayWidth: 1600,
      displayHeight: 1067,
      captionEn: 'Masks unloaded in Lahore',
      captionZh: '口罩运抵拉合尔',
      isPublic: true,
      uploadedBy: user.id,
      deletedAt: null,
    });
    expect(Buffer.from(row!.content).equals(Buffer.from(png))).toBe(true);
    const display = await sharp(row!.displayContent).metadata();
    expect({ format: display.format, width: display.width, height: display.height }).toEqual({ format: 'webp', width: 1600, height: 1067 });
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, row!.id));
    expect(audit).toMatchObject({ action: 'activity_photo.upload', entityType: 'activity_photo', actorId: user.id });
    expect(audit!.after).toMatchObject({ activityId: act, fileName: 'Lahore 拉合尔.png', sha256: row!.sha256, width: 3000, displayWidth: 1600 });
    expect(JSON.stringify(audit!.after)).not.toContain('content');
  });

  it('applies the EXIF orientation to the display copy and strips its metadata', async () => {
    await signedIn('editor');
    // A landscape JPEG whose EXIF says "rotate 90° clockwise to view": a portrait photo as a phone stores it.
    const jpeg = bytesOf(
      await sharp({ create: { width: 400, height: 200, channels: 3, background: { r: 10, g: 120, b: 200 } } })
        .jpeg()
        .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'camera serial 1234' } } })
        .toBuffer(),
    );
    expect((await sharp(jpeg).metadata()).orientation).toBe(6);
    expect(outcome(await post(fields([jpeg, 'portrait.jpg', 'image/jpeg'])))).toMatchObject({ photoUploaded: '1' });
    const [row] = await db.select().from(activityPhotos);
    expect(row).toMatchObject({ mediaType: 'image/jpeg', width: 200, height: 400, displayWidth: 200, displayHeight: 400 });
    const display = await sharp(row!.displayContent).metadata();
    expect(display.orientation).toBeUndefined();
    expect(display.exif).toBeUndefined();
  });

  it.each([
    ['a renamed text file', () => [bytesOf(Buffer.from('Minutes of the meeting with Lahore\n'.repeat(200))), 'minutes.png'] as [Bytes, string], 'activityPhotos.notImage'],
    ['an SVG', () => [bytesOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')), 'logo.svg', 'image/svg+xml'] as [Bytes, string, string], 'activityPhotos.notImage'],
    ['a JPEG signature over garbage', () => [new Uint8Array(5000).map((_, i) => (i < 3 ? [0xff, 0xd8, 0xff][i]! : (i * 13) % 256)), 'broken.jpg'] as [Bytes, string], 'activityPhotos.notImage'],
    ['an 11 MB file', () => [new Uint8Array(11 * MiB).map((_, i) => (i < 8 ? [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a][i]! : i % 256)), 'huge.png'] as [Bytes, string], 'activityPhotos.tooLarge'],
    ['an empty file', () => [new Uint8Array(), 'empty.png'] as [Bytes, string], 'activityPhotos.empty'],
  ])('answers %s with its message beside the field, writing nothing', async (_what, file, key) => {
    await signedIn('editor');
    const before = await counts();
    const res = await post(fields(file()));
    expect(outcome(res)).toEqual({ path: `/activities/${act}`, hash: '#photos', photoError: key });
    expect(await counts()).toEqual(before);
  });

  it('answers no file, a photo of over 50 megapixels and a long caption beside their fields, writing nothing', async () => {
    await signedIn('editor');
    const before = await counts();
    expect(outcome(await post(fields(null)))).toMatchObject({ photoError: 'activityPhotos.required' });
    const bomb = bytesOf(await sharp({ create: { width: 8000, height: 8000, channels: 3, background: 'white' } }).png().toBuffer());
    expect(bomb.byteLength).toBeLessThan(MiB);
    expect(outcome(await post(fields([bomb, 'bomb.png'])))).toMatchObject({ photoError: 'activityPhotos.tooManyPixels' });
    expect(outcome(await post(fields([png, 'ok.png'], [['captionZh', '长'.repeat(301)]])))).toMatchObject({ photoError: 'activityPhotos.captionZhTooLong' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a foreign origin (403), a viewer (403) and sends a signed-out user to sign in, writing nothing', async () => {
    const before = await counts();
    const signedOut = await post(fields([png, 'a.png']), { headers: { referer: `${ORIGIN}/zh/activities/${act}` } });
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe(`/zh/login?callbackUrl=${encodeURIComponent(`/activities/${act}`)}`);
    await signedIn('editor');
    expect((await post(fields([png, 'a.png']), { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(fields([png, 'a.png']), { origin: 'null' })).status).toBe(403);
    await signedIn('viewer');
    expect((await post(fields([png, 'a.png']))).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('refuses a deleted or unknown activity beside the field, malformed fields with 400, and never sends the user elsewhere', async () => {
    await signedIn('editor');
    const before = await counts();
    await db.update(activities).set({ deletedAt: new Date() }).where(eq(activities.id, other));
    expect(outcome(await post(fields([png, 'a.png'], [], other)))).toMatchObject({ photoError: 'activityPhotos.gone' });
    expect(outcome(await post(fields([png, 'a.png'], [], '00000000-0000-4000-8000-000000000000')))).toMatchObject({ photoError: 'activityPhotos.gone' });
    expect((await post([['activityId', 'nope'], ['photo', new Blob([png]), 'a.png']])).status).toBe(400);
    for (const returnTo of ['https://evil.example/', '//evil.example', `/activities/${other}`, '/admin/users']) {
      const res = await post([['activityId', act], ['returnTo', returnTo], ['photo', new Blob([]), '']]);
      expect(outcome(res).path).toBe(`/activities/${act}`);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('GET /activities/[id]/photos/[photoId]', () => {
  async function uploaded() {
    await signedIn('editor');
    await post(fields([png, 'lahore.png']));
    const [row] = await db.select({ id: activityPhotos.id, sha256: activityPhotos.sha256 }).from(activityPhotos);
    return row!;
  }

  it('serves the display copy inline as WebP and the original as a download, private and unsniffed', async () => {
    const photo = await uploaded();
    await signedIn('viewer');
    const shown = await get(act, photo.id);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('image/webp');
    expect(shown.headers.get('content-disposition')).toBe('inline; filename=lahore.webp');
    expect(shown.headers.get('x-content-type-options')).toBe('nosniff');
    expect(shown.headers.get('cache-control')).toBe('private, no-store');
    expect(shown.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect((await sharp(Buffer.from(await shown.arrayBuffer())).metadata()).width).toBe(1600);
    const original = await get(act, photo.id, '?original=1');
    expect(original.headers.get('content-type')).toBe('image/png');
    expect(original.headers.get('content-disposition')).toBe('attachment; filename=lahore.png');
    expect(createHash('sha256').update(Buffer.from(await original.arrayBuffer())).digest('hex')).toBe(photo.sha256);
  });

  it('serves nothing to a signed-out caller, through another activity, or for a bogus id', async () => {
    const photo = await uploaded();
    expect((await get(other, photo.id)).status).toBe(404);
    expect((await get(act, 'nope')).status).toBe(404);
    session.id = null;
    expect((await get(act, photo.id)).status).toBe(401);
  });
});

describe('deleting and restoring a photo', () => {
  const form = (id: string, activityId = act) => {
    const f = new FormData();
    f.set('id', id);
    f.set('activityId', activityId);
    f.set('returnTo', `/activities/${activityId}`);
    return f;
  };

  it('lets an editor delete softly (gone from the gallery and the route) and an admin restore, each audited', async () => {
    const editor = await signedIn('editor');
    await post(fields([png, 'lahore.png']));
    const [photo] = await db.select({ id: activityPhotos.id }).from(activityPhotos);
    expect(await redirectOf(deletePhotoAction(IDLE, form(photo!.id)))).toBe(`/activities/${act}`);
    const [deleted] = await db.select({ deletedAt: activityPhotos.deletedAt, deletedBy: activityPhotos.deletedBy }).from(activityPhotos);
    expect(deleted!.deletedAt).toBeInstanceOf(Date);
    expect(deleted!.deletedBy).toBe(editor.id);
    expect(await queryActivityPhotos(db, act)).toEqual([]);
    expect((await get(act, photo!.id)).status).toBe(404);
    // An editor neither restores nor deletes twice.
    expect(await restorePhotoAction(IDLE, form(photo!.id))).toMatchObject({ status: 'error', message: { key: 'auth.forbidden' } });
    expect(await deletePhotoAction(IDLE, form(photo!.id))).toMatchObject({ status: 'error', message: { key: 'activityPhotos.gone' } });

    const admin = await signedIn('admin');
    expect((await get(act, photo!.id)).status).toBe(200); // an admin sees what they would restore
    expect(await queryActivityPhotos(db, act, { includeDeleted: true })).toHaveLength(1);
    expect(await redirectOf(restorePhotoAction(IDLE, form(photo!.id)))).toBe(`/activities/${act}`);
    expect(await queryActivityPhotos(db, act)).toHaveLength(1);
    const events = await db.select({ action: auditEvents.action, actorId: auditEvents.actorId }).from(auditEvents).where(eq(auditEvents.entityId, photo!.id)).orderBy(auditEvents.occurredAt);
    expect(events).toEqual([
      { action: 'activity_photo.upload', actorId: editor.id },
      { action: 'activity_photo.delete', actorId: editor.id },
      { action: 'activity_photo.restore', actorId: admin.id },
    ]);
  });

  it('refuses a viewer, a signed-out caller, another activity and bad input, changing nothing', async () => {
    await signedIn('editor');
    await post(fields([png, 'lahore.png']));
    const [photo] = await db.select({ id: activityPhotos.id }).from(activityPhotos);
    const before = await counts();
    expect(await deletePhotoAction(IDLE, form(photo!.id, other))).toMatchObject({ status: 'error', message: { key: 'activityPhotos.gone' } });
    expect(await deletePhotoAction(IDLE, form('nope'))).toMatchObject({ status: 'invalid' });
    expect(await deletePhotoAction(IDLE, 'forged' as unknown as FormData)).toMatchObject({ status: 'invalid' });
    await signedIn('viewer');
    expect(await deletePhotoAction(IDLE, form(photo!.id))).toMatchObject({ status: 'error', message: { key: 'auth.forbidden' } });
    session.id = null;
    expect(await deletePhotoAction(IDLE, form(photo!.id))).toMatchObject({ status: 'error', message: { key: 'auth.signedOut' } });
    expect(await counts()).toEqual(before);
    expect((await db.select({ deletedAt: activityPhotos.deletedAt }).from(activityPhotos))[0]!.deletedAt).toBeNull();
  });
});
