import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/index';
import { queryPartnershipFiles } from '@/db/queries/files-core';
import { agreementFileParts, agreementFiles, agreements, auditEvents, localities, partnerships, partnershipStatusEvents, settings } from '@/db/schema';
import { redirectOf } from '@/db/testing/actions';
import { resetDatabase } from '@/db/testing/reset';
import { insertSignedInUser } from '@/db/testing/staff';
import { IDLE } from '@/lib/action-state';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/domain';

// The upload route handler called with real Request objects as a browser sends them (multipart bodies with and
// without Content-Length), the streamed download, and the single-file delete and restore actions.

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock('@/lib/auth/session-id', () => ({ readSessionId: async () => session.id }));
vi.mock('next-intl/server', () => ({ getLocale: async () => 'en' }));
vi.mock('@/lib/i18n/navigation', async () => (await import('@/db/testing/actions')).navigationMock);

const { POST } = await import('./route');
const { GET: download } = await import('@/app/[locale]/(staff)/partnerships/[id]/files/[fileId]/route');
const { deleteFileAction, restoreFileAction, setFileVisibilityAction } = await import('@/app/[locale]/(staff)/partnerships/[id]/files/actions');

const HOST = 'localhost:3000';
const ORIGIN = `http://${HOST}`;
const MiB = 1024 * 1024;
type Bytes = Uint8Array<ArrayBuffer>;

/** A PDF of `size` bytes: the header, filler, and the end-of-file marker. */
function pdf(size: number): Bytes {
  const bytes = new Uint8Array(size).map((_, i) => (i * 31 + 7) % 251);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'), 0);
  bytes.set(new TextEncoder().encode('\n%%EOF\n'), size - 7);
  return bytes;
}
const EXE = new Uint8Array(4096).map((_, i) => (i < 2 ? [0x4d, 0x5a][i]! : i % 256));

let hash: string;
beforeAll(async () => {
  hash = await hashPassword('a staff password that works');
});

async function signedIn(role: Role) {
  const { user, sessionId } = await insertSignedInUser(role, `${role}-${Math.random().toString(36).slice(2)}@example.org`, hash);
  session.id = sessionId;
  return user;
}

let p1: string;
let p2: string;
let a1: string;
let a2: string;
let e1: string;

async function multipart(entries: Array<[string, string | Blob, string?]>): Promise<{ body: Bytes; type: string }> {
  const form = new FormData();
  for (const [k, v, name] of entries) {
    if (typeof v === 'string') form.append(k, v);
    else form.append(k, v, name);
  }
  const r = new Request(`${ORIGIN}/uploads`, { method: 'POST', body: form });
  return { body: new Uint8Array(await r.arrayBuffer()), type: r.headers.get('content-type')! };
}

/** The upload form's fields for `owner`, then the file: what the browser sends. */
function fields(owner: Record<string, string>, file?: [Bytes, string], extra: Array<[string, string]> = []): Array<[string, string | Blob, string?]> {
  const out: Array<[string, string | Blob, string?]> = [['partnershipId', p1], ...Object.entries(owner), ['returnTo', `/partnerships/${p1}/agreements/${a1}`], ...extra];
  if (file) out.push(['file', new Blob([file[0]], { type: 'application/pdf' }), file[1]]);
  return out;
}

async function post(entries: Array<[string, string | Blob, string?]>, opts: { origin?: string | null; chunked?: boolean; headers?: Record<string, string> } = {}) {
  const { body, type } = await multipart(entries);
  const headers: Record<string, string> = { 'content-type': type, host: HOST, ...opts.headers };
  if (opts.origin !== null) headers.origin = opts.origin ?? ORIGIN;
  if (opts.chunked) {
    return POST(new Request(`${ORIGIN}/uploads`, { method: 'POST', headers, body: streamOf([body]), duplex: 'half' } as RequestInit));
  }
  headers['content-length'] = String(body.byteLength);
  return POST(new Request(`${ORIGIN}/uploads`, { method: 'POST', headers, body }));
}

function streamOf(pieces: Iterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = pieces[Symbol.iterator]();
  return new ReadableStream({
    pull(controller) {
      const next = it.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
}

function outcome(res: Response) {
  expect(res.status).toBe(303);
  const url = new URL(res.headers.get('location')!, ORIGIN);
  return { path: url.pathname, hash: url.hash, ...Object.fromEntries(url.searchParams) };
}

async function counts() {
  return { files: await db.$count(agreementFiles), parts: await db.$count(agreementFileParts), audit: await db.$count(auditEvents) };
}

beforeEach(async () => {
  await resetDatabase();
  session.id = null;
  const [gz, lh, fk] = await db
    .insert(localities)
    .values([
      { slug: 'guangzhou', nameEn: 'Guangzhou', countryCode: 'CN' },
      { slug: 'lahore', nameEn: 'Lahore', countryCode: 'PK' },
      { slug: 'fukuoka', nameEn: 'Fukuoka', countryCode: 'JP' },
    ])
    .returning({ id: localities.id });
  await db.insert(settings).values({ id: 1, homeLocalityId: gz!.id });
  const ps = await db
    .insert(partnerships)
    .values([
      { slug: 'guangzhou-lahore', homeLocalityId: gz!.id, partnerLocalityId: lh!.id, type: 'friendly_cooperation_city' },
      { slug: 'guangzhou-fukuoka', homeLocalityId: gz!.id, partnerLocalityId: fk!.id, type: 'sister_city' },
    ])
    .returning({ id: partnerships.id });
  [p1, p2] = [ps[0]!.id, ps[1]!.id];
  const as = await db
    .insert(agreements)
    .values([
      { partnershipId: p1, kind: 'mou', titleEn: 'Guangzhou–Lahore MoU' },
      { partnershipId: p2, kind: 'formal_agreement', titleEn: 'Guangzhou–Fukuoka agreement' },
    ])
    .returning({ id: agreements.id });
  [a1, a2] = [as[0]!.id, as[1]!.id];
  const [e] = await db.insert(partnershipStatusEvents).values({ partnershipId: p1, status: 'active' }).returning({ id: partnershipStatusEvents.id });
  e1 = e!.id;
});

describe('POST /uploads', () => {
  it('stores a PDF in 1 MiB parts with its size, sha256 and audit event, and sends the user back with the outcome', async () => {
    const user = await signedIn('editor');
    const bytes = pdf(2.5 * MiB);
    const res = await post(fields({ agreementId: a1 }, [bytes, '协议 MoU.pdf'], [['isPublic', 'on']]));
    expect(outcome(res)).toEqual({ path: `/partnerships/${p1}/agreements/${a1}`, hash: `#files-${a1}`, fileUploaded: '1', fileOwner: a1 });
    const [file] = await db.select().from(agreementFiles);
    expect(file).toMatchObject({
      agreementId: a1,
      statusEventId: null,
      fileName: '协议 MoU.pdf',
      mediaType: 'application/pdf',
      byteSize: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      isPublic: true,
      uploadedBy: user.id,
      deletedAt: null,
    });
    const parts = await db.select().from(agreementFileParts).orderBy(asc(agreementFileParts.seq));
    expect(parts.map((p) => [p.seq, p.content.byteLength])).toEqual([[0, MiB], [1, MiB], [2, MiB / 2]]);
    expect(Buffer.concat(parts.map((p) => p.content)).equals(Buffer.from(bytes))).toBe(true);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, file!.id));
    expect(audit).toMatchObject({ action: 'file.upload', entityType: 'file', actorId: user.id });
    expect(audit!.after).toMatchObject({ fileName: '协议 MoU.pdf', byteSize: bytes.byteLength, sha256: file!.sha256, agreementId: a1, partnershipId: p1, parts: 3 });
  });

  it('stores the document of a lifecycle step, sent without Content-Length (chunked)', async () => {
    await signedIn('admin');
    const res = await post([['partnershipId', p1], ['statusEventId', e1], ['returnTo', `/zh/partnerships/${p1}`], ['file', new Blob([pdf(5000)]), 'approval.pdf']], { chunked: true });
    expect(outcome(res)).toMatchObject({ path: `/zh/partnerships/${p1}`, fileUploaded: '1', fileOwner: e1 });
    expect(await db.select({ statusEventId: agreementFiles.statusEventId, byteSize: agreementFiles.byteSize }).from(agreementFiles)).toEqual([{ statusEventId: e1, byteSize: 5000 }]);
    const grouped = await queryPartnershipFiles(db, p1);
    expect(grouped.byStatusEvent[e1]).toHaveLength(1);
    expect(grouped.byAgreement).toEqual({});
  });

  it.each([
    ['a 25 MB file', () => [pdf(25 * MiB), 'big.pdf'] as [Bytes, string], 'validation.fileTooLarge'],
    ['a renamed program', () => [EXE, 'mou.pdf'] as [Bytes, string], 'validation.notPdf'],
    ['a PDF without its end', () => [pdf(3000).subarray(0, 2000), 'cut.pdf'] as [Bytes, string], 'validation.notPdf'],
    ['an empty file', () => [new Uint8Array(), 'empty.pdf'] as [Bytes, string], 'validation.fileEmpty'],
    ['no file chosen', () => [new Uint8Array(), ''] as [Bytes, string], 'files.fileRequired'],
  ])('answers %s with its message beside the field, writing nothing', async (_what, file, key) => {
    await signedIn('editor');
    const before = await counts();
    const res = await post(fields({ agreementId: a1 }, file()));
    expect(outcome(res)).toMatchObject({ path: `/partnerships/${p1}/agreements/${a1}`, fileError: key, fileOwner: a1 });
    expect(await counts()).toEqual(before);
  });

  it('answers a 25 MB file sent without Content-Length with its message too', async () => {
    await signedIn('editor');
    const res = await post(fields({ agreementId: a1 }, [pdf(25 * MiB), 'big.pdf']), { chunked: true });
    expect(outcome(res)).toMatchObject({ fileError: 'validation.fileTooLarge' });
    expect((await counts()).files).toBe(0);
  });

  it('refuses a body over the cap: declared (before reading it) or counted as it streams without Content-Length', async () => {
    await signedIn('editor');
    const before = await counts();
    const declared = await POST(
      new Request(`${ORIGIN}/uploads`, {
        method: 'POST',
        headers: { host: HOST, origin: ORIGIN, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(40 * MiB) },
        body: streamOf([new TextEncoder().encode('--x\r\n')]),
        duplex: 'half',
      } as RequestInit),
    );
    expect(declared.status).toBe(413);
    // 40 MiB in 1 MiB pieces, made as they are read; the handler stops reading past its cap.
    const { body: head, type } = await multipart(fields({ agreementId: a1 }));
    const opening = new TextDecoder().decode(head).replace(/--\S+--\r\n$/, '');
    const boundary = /boundary=(.+)$/.exec(type)![1]!;
    let sent = 0;
    function* pieces() {
      yield new TextEncoder().encode(`${opening}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
      for (let i = 0; i < 40; i++) {
        sent++;
        yield pdf(MiB);
      }
      yield new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
    }
    const chunked = await POST(new Request(`${ORIGIN}/uploads`, { method: 'POST', headers: { host: HOST, origin: ORIGIN, 'content-type': type }, body: streamOf(pieces()), duplex: 'half' } as RequestInit));
    expect(chunked.status).toBe(413);
    expect(sent).toBeLessThan(40);
    expect(await counts()).toEqual(before);
  });

  it('refuses a foreign origin with 403 before anything else', async () => {
    await signedIn('editor');
    const res = await post(fields({ agreementId: a1 }, [pdf(3000), 'mou.pdf']), { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await counts()).files).toBe(0);
  });

  it('refuses a viewer (403) and sends a signed-out user to sign in, writing nothing', async () => {
    const before = await counts();
    const signedOut = await post(fields({ agreementId: a1 }, [pdf(3000), 'mou.pdf']), { headers: { referer: `${ORIGIN}/zh/partnerships/${p1}/agreements/${a1}` } });
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe(`/zh/login?callbackUrl=${encodeURIComponent(`/partnerships/${p1}/agreements/${a1}`)}`);
    await signedIn('viewer');
    expect((await post(fields({ agreementId: a1 }, [pdf(3000), 'mou.pdf']))).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('refuses an owner of another partnership, a deleted agreement and a bogus id, writing nothing', async () => {
    await signedIn('editor');
    const before = await counts();
    const file: [Bytes, string] = [pdf(3000), 'mou.pdf'];
    expect(outcome(await post(fields({ agreementId: a2 }, file)))).toMatchObject({ fileError: 'files.gone', path: `/partnerships/${p1}/agreements/${a1}` });
    const [e2] = await db.insert(partnershipStatusEvents).values({ partnershipId: p2, status: 'active' }).returning({ id: partnershipStatusEvents.id });
    expect(outcome(await post(fields({ statusEventId: e2!.id }, file)))).toMatchObject({ fileError: 'files.gone' });
    expect(outcome(await post(fields({ agreementId: '00000000-0000-4000-8000-000000000000' }, file)))).toMatchObject({ fileError: 'files.gone' });
    await db.update(agreements).set({ deletedAt: new Date() }).where(eq(agreements.id, a1));
    expect(outcome(await post(fields({ agreementId: a1 }, file)))).toMatchObject({ fileError: 'files.gone' });
    expect(await counts()).toEqual(before);
  });

  it('never sends the user to another site or another record', async () => {
    await signedIn('editor');
    for (const returnTo of ['https://evil.example/', '//evil.example', `/partnerships/${p2}`, '/admin/users']) {
      const res = await post([['partnershipId', p1], ['agreementId', a1], ['returnTo', returnTo], ['file', new Blob([EXE]), 'x.pdf']]);
      expect(outcome(res).path).toBe(`/partnerships/${p1}`);
    }
  });

  it.each([
    ['a malformed multipart body', { 'content-type': 'multipart/form-data; boundary=zzz' }, 'garbage'],
    ['a body that is not multipart', { 'content-type': 'application/x-www-form-urlencoded' }, 'partnershipId=x'],
    ['no content type', {}, 'x'],
    ['a Content-Length that is not a number', { 'content-type': 'multipart/form-data; boundary=zzz', 'content-length': 'abc' }, null],
  ])('answers %s with a 4xx', async (_what, headers, body) => {
    await signedIn('editor');
    const res = await POST(new Request(`${ORIGIN}/uploads`, { method: 'POST', headers: { host: HOST, origin: ORIGIN, ...headers }, body }));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('answers missing fields or an id that is not one with 400, and a body cut short with 400', async () => {
    await signedIn('editor');
    expect((await post([['file', new Blob([pdf(3000)]), 'x.pdf']])).status).toBe(400);
    expect((await post([['partnershipId', 'nope'], ['agreementId', a1], ['file', new Blob([pdf(3000)]), 'x.pdf']])).status).toBe(400);
    expect((await post([['partnershipId', p1], ['agreementId', a1], ['statusEventId', e1], ['file', new Blob([pdf(3000)]), 'x.pdf']])).status).toBe(400);
    const { body, type } = await multipart(fields({ agreementId: a1 }, [pdf(100_000), 'x.pdf']));
    const cut = await POST(new Request(`${ORIGIN}/uploads`, { method: 'POST', headers: { host: HOST, origin: ORIGIN, 'content-type': type }, body: streamOf([body.subarray(0, 50_000)]), duplex: 'half' } as RequestInit));
    expect(cut.status).toBe(400);
    expect((await counts()).files).toBe(0);
  });
});

describe('download and single-file delete and restore', () => {
  let fileId: string;
  const bytes = pdf(2.5 * MiB);

  beforeEach(async () => {
    await signedIn('editor');
    await post(fields({ agreementId: a1 }, [bytes, 'mou.pdf']));
    [{ id: fileId }] = (await db.select({ id: agreementFiles.id }).from(agreementFiles)) as [{ id: string }];
  });

  const get = (partnershipId: string, id: string) => download(new Request(`${ORIGIN}/partnerships/${partnershipId}/files/${id}`), { params: Promise.resolve({ id: partnershipId, fileId: id }) });
  const ref = (id: string, partnershipId = p1) => {
    const f = new FormData();
    f.append('id', id);
    f.append('partnershipId', partnershipId);
    f.append('returnTo', `/partnerships/${partnershipId}/agreements/${a1}`);
    return f;
  };

  it('streams the exact bytes of a file of several parts, as an attachment', async () => {
    const res = await get(p1, fileId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=mou.pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const reader = res.body!.getReader();
    const pieces: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) pieces.push(r.value);
    // One stored part at a time, not the file joined in memory.
    expect(pieces.map((p) => p.byteLength)).toEqual([MiB, MiB, MiB / 2]);
    expect(Buffer.concat(pieces).equals(Buffer.from(bytes))).toBe(true);
    // The file is not one of the other partnership's.
    expect((await get(p2, fileId)).status).toBe(404);
  });

  it('serves a lifecycle step’s document through its partnership only', async () => {
    await post([['partnershipId', p1], ['statusEventId', e1], ['file', new Blob([pdf(4000)]), 'approval.pdf']]);
    const [step] = await db.select({ id: agreementFiles.id }).from(agreementFiles).where(eq(agreementFiles.statusEventId, e1));
    expect((await get(p1, step!.id)).status).toBe(200);
    expect(Buffer.from(await (await get(p1, step!.id)).arrayBuffer()).byteLength).toBe(4000);
    expect((await get(p2, step!.id)).status).toBe(404);
  });

  it('an editor deletes a file softly (audited); it no longer downloads; an admin sees it and restores it', async () => {
    const editor = session.id;
    expect(await redirectOf(deleteFileAction(IDLE, ref(fileId)))).toBe(`/partnerships/${p1}/agreements/${a1}`);
    const [row] = await db.select().from(agreementFiles);
    expect(row!.deletedAt).not.toBeNull();
    expect(row!.deletedBy).not.toBeNull();
    expect((await get(p1, fileId)).status).toBe(404);
    expect((await queryPartnershipFiles(db, p1)).byAgreement).toEqual({});
    const shown = (await queryPartnershipFiles(db, p1, { includeDeleted: true })).byAgreement[a1]!;
    expect(shown).toMatchObject([{ id: fileId, deletedBy: 'editor' }]);
    // Deleting again finds nothing to delete; an editor may not restore.
    expect(await deleteFileAction(IDLE, ref(fileId))).toEqual({ status: 'error', message: { key: 'files.gone' } });
    expect(await restoreFileAction(IDLE, ref(fileId))).toEqual({ status: 'error', message: { key: 'auth.forbidden' } });
    await signedIn('admin');
    // Not through another partnership.
    expect(await restoreFileAction(IDLE, ref(fileId, p2))).toEqual({ status: 'error', message: { key: 'files.gone' } });
    await redirectOf(restoreFileAction(IDLE, ref(fileId)));
    expect((await get(p1, fileId)).status).toBe(200);
    const trail = await db.select().from(auditEvents).where(eq(auditEvents.entityId, fileId)).orderBy(asc(auditEvents.occurredAt));
    expect(trail.map((a) => a.action)).toEqual(['file.upload', 'file.delete', 'file.restore']);
    expect(trail[1]!.before).toMatchObject({ deletedAt: null });
    expect(trail[1]!.after).toMatchObject({ deletedAt: expect.any(String) });
    expect(trail[2]!.after).toMatchObject({ deletedAt: null, deletedBy: null });
    expect(editor).not.toBe(session.id);
  });

  it('an editor makes a file public and internal again, each audited; a viewer may not; another partnership finds nothing', async () => {
    const visibility = (isPublic: string, partnershipId = p1) => {
      const f = ref(fileId, partnershipId);
      f.append('isPublic', isPublic);
      return setFileVisibilityAction(IDLE, f);
    };
    const isPublic = async () => (await db.select({ v: agreementFiles.isPublic }).from(agreementFiles).where(eq(agreementFiles.id, fileId)))[0]!.v;
    expect(await isPublic()).toBe(false);
    expect(await redirectOf(visibility('1'))).toBe(`/partnerships/${p1}/agreements/${a1}`);
    expect(await isPublic()).toBe(true);
    // The same again changes nothing and writes no audit event.
    await redirectOf(visibility('1'));
    expect(await visibility('1', p2)).toEqual({ status: 'error', message: { key: 'files.gone' } });
    expect(await visibility('yes')).toMatchObject({ status: 'invalid', fieldErrors: { isPublic: { key: 'validation.invalid' } } });
    await signedIn('viewer');
    expect(await visibility('0')).toEqual({ status: 'error', message: { key: 'auth.forbidden' } });
    expect(await isPublic()).toBe(true);
    await signedIn('editor');
    await redirectOf(visibility('0'));
    expect(await isPublic()).toBe(false);
    const trail = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, fileId)).orderBy(asc(auditEvents.occurredAt));
    expect(trail.map((a) => a.action)).toEqual(['file.upload', 'file.visibility', 'file.visibility']);
  });

  it('refuses a viewer and a signed-out caller, a bogus id and a file of another partnership, changing nothing', async () => {
    const before = await counts();
    await signedIn('viewer');
    expect(await deleteFileAction(IDLE, ref(fileId))).toEqual({ status: 'error', message: { key: 'auth.forbidden' } });
    session.id = null;
    expect(await deleteFileAction(IDLE, ref(fileId))).toEqual({ status: 'error', message: { key: 'auth.signedOut' } });
    expect(await restoreFileAction(IDLE, ref(fileId))).toEqual({ status: 'error', message: { key: 'auth.signedOut' } });
    await signedIn('editor');
    expect(await deleteFileAction(IDLE, ref(fileId, p2))).toEqual({ status: 'error', message: { key: 'files.gone' } });
    expect(await deleteFileAction(IDLE, ref('nope'))).toMatchObject({ status: 'invalid', fieldErrors: { id: { key: 'validation.invalid' } } });
    expect(await deleteFileAction(IDLE, 'not a form' as unknown as FormData)).toMatchObject({ status: 'invalid' });
    expect(await counts()).toEqual(before);
    expect((await db.select().from(agreementFiles))[0]!.deletedAt).toBeNull();
  });
});
