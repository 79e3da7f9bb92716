import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/index';
import { agreementFileParts, agreementFiles, agreements, localities, partnerships, partnershipStatusEvents } from '@/db/schema';
import { resetDatabase } from '@/db/testing/reset';
import { GET } from './route';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

async function download(fileId: string) {
  const response = await GET(new Request(`http://localhost/files/${fileId}`), { params: Promise.resolve({ fileId }) });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

let tie: string;
let mou: string;
let step: string;

async function storedFile(owner: { agreementId: string } | { statusEventId: string }, isPublic: boolean, name = 'mou.pdf') {
  const [f] = await db
    .insert(agreementFiles)
    .values({ ...owner, fileName: name, mediaType: 'application/pdf', byteSize: PDF.byteLength, sha256: 'a'.repeat(64), isPublic })
    .returning({ id: agreementFiles.id });
  await db.insert(agreementFileParts).values({ fileId: f!.id, seq: 0, content: PDF });
  return f!.id;
}

describe('the public file download', () => {
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
    const [a] = await db.insert(agreements).values({ partnershipId: tie, kind: 'mou', titleEn: 'MoU' }).returning({ id: agreements.id });
    mou = a!.id;
    const [e] = await db.insert(partnershipStatusEvents).values({ partnershipId: tie, status: 'active' }).returning({ id: partnershipStatusEvents.id });
    step = e!.id;
  });

  it('serves a file marked public of a public agreement, as an attachment that is never sniffed', async () => {
    const id = await storedFile({ agreementId: mou }, true, '广州-拉合尔 MoU.pdf');
    const r = await download(id);
    expect(r.status).toBe(200);
    expect(r.body.equals(PDF)).toBe(true);
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="\?\?-\?\?\? MoU\.pdf"; filename\*=UTF-8''%E5%B9%BF/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(r.headers.get('set-cookie')).toBeNull();
    // A lifecycle step's public document too.
    expect((await download(await storedFile({ statusEventId: step }, true))).status).toBe(200);
  });

  it('answers 404, alike, for an internal file, a deleted one, one of an internal or deleted record, and nonsense', async () => {
    const internal = await storedFile({ agreementId: mou }, false);
    const deletedFile = await storedFile({ agreementId: mou }, true);
    await db.update(agreementFiles).set({ deletedAt: new Date() }).where(eq(agreementFiles.id, deletedFile));
    for (const id of [internal, deletedFile, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const r = await download(id);
      expect([r.status, r.body.toString()]).toEqual([404, '{"error":"not_found"}']);
    }
    const file = await storedFile({ agreementId: mou }, true);
    const stepFile = await storedFile({ statusEventId: step }, true);
    await db.update(agreements).set({ isPublic: false }).where(eq(agreements.id, mou));
    expect((await download(file)).status).toBe(404);
    await db.update(agreements).set({ isPublic: true, deletedAt: new Date() }).where(eq(agreements.id, mou));
    expect((await download(file)).status).toBe(404);
    await db.update(agreements).set({ deletedAt: null }).where(eq(agreements.id, mou));
    expect((await download(file)).status).toBe(200);
    await db.update(partnerships).set({ isPublic: false }).where(eq(partnerships.id, tie));
    expect((await download(file)).status).toBe(404);
    expect((await download(stepFile)).status).toBe(404);
    await db.update(partnerships).set({ isPublic: true, deletedAt: new Date() }).where(eq(partnerships.id, tie));
    expect((await download(file)).status).toBe(404);
    expect((await download(stepFile)).status).toBe(404);
  });
});
