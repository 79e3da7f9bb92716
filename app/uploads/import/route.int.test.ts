import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/index';
import { backgroundSettled } from '@/db/imports/background';
import { csvBytes } from '@/db/imports/testing';
import { IMPORT_LIMITS } from '@/db/imports/lib';
import { queryImport } from '@/db/queries/imports-core';
import { auditEvents, importRows, imports, localities, partnerships, settings } from '@/db/schema';
import { resetDatabase } from '@/db/testing/reset';
import { signInAs } from '@/db/testing/staff';
import type { Role } from '@/lib/domain';

// POST /uploads/import with real Request objects as a browser sends them: the file stored and previewed, bad
// files refused with their message and nothing stored, and every refusal (signed out, viewer, foreign origin,
// oversize body).

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock('@/lib/auth/session-id', () => ({ readSessionId: async () => session.id }));

const { POST } = await import('./route');

const HOST = 'localhost:3000';
const ORIGIN = `http://${HOST}`;
type Bytes = Uint8Array<ArrayBuffer>;

async function post(file: Uint8Array | null, opts: { name?: string; origin?: string; locale?: string } = {}) {
  const form = new FormData();
  form.append('locale', opts.locale ?? 'en');
  if (file) form.append('file', new Blob([file as Bytes]), opts.name ?? 'partners.csv');
  const r = new Request(`${ORIGIN}/uploads/import`, { method: 'POST', body: form });
  const body = new Uint8Array(await r.arrayBuffer());
  const headers = { 'content-type': r.headers.get('content-type')!, host: HOST, origin: opts.origin ?? ORIGIN, 'content-length': String(body.byteLength) };
  return POST(new Request(`${ORIGIN}/uploads/import`, { method: 'POST', headers, body }));
}

function location(res: Response): string {
  expect(res.status).toBe(303);
  return res.headers.get('location')!;
}

async function nothingStored() {
  expect(await db.$count(imports)).toBe(0);
  expect(await db.$count(importRows)).toBe(0);
  expect(await db.$count(partnerships)).toBe(0);
  expect(await db.$count(auditEvents)).toBe(0);
}

const GOOD = csvBytes([
  ['city_en', 'city_zh', 'country_code', 'relationship', 'established_date'],
  ['Fukuoka', '福冈', 'JP', 'sister_city', '1979-05-02'],
  ['Lahore', '拉合尔', 'PK', 'friendly_cooperation_city', '2021'],
]);

beforeEach(async () => {
  await resetDatabase();
  session.id = null;
  const [gz] = await db.insert(localities).values({ slug: 'guangzhou', nameEn: 'Guangzhou', countryCode: 'CN' }).returning({ id: localities.id });
  await db.insert(settings).values({ id: 1, homeLocalityId: gz!.id });
});

async function as(role: Role) {
  return signInAs(session, role);
}

describe('POST /uploads/import', () => {
  it('stores the file with its proposed mapping, previews it after the answer and goes to its page', async () => {
    const user = await as('editor');
    const res = await post(GOOD, { name: '友城.csv', locale: 'zh' });
    const [row] = await db.select().from(imports);
    expect(location(res)).toBe(`/zh/partnerships/import/${row!.id}`);
    expect(row).toMatchObject({ fileName: '友城.csv', byteSize: GOOD.byteLength, kind: 'csv', encoding: 'utf-8', rowsTotal: 2, createdBy: user.id });
    expect(row!.mapping).toEqual(['partner_en', 'partner_zh', 'partner_country', 'type', 'established']);
    expect(Buffer.from(row!.content!).equals(Buffer.from(GOOD))).toBe(true);
    await backgroundSettled();
    expect(await queryImport(db, row!.id)).toMatchObject({ status: 'previewed', counts: { new: 2, update: 0, unchanged: 0, duplicate: 0, error: 0 } });
    expect(await db.$count(partnerships)).toBe(0);
  });

  it.each([
    ['a file over the size limit', () => new Uint8Array(IMPORT_LIMITS.bytes + 1).fill(0x41), 'imports.file_too_large'],
    ['a file that is not a spreadsheet', () => new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')), 'imports.file_not_tabular'],
    ['an empty file with a name', () => new Uint8Array(Buffer.from('\n\n')), 'imports.file_no_header'],
    ['100,000 rows', () => csvBytes([['city_en', 'country_code'], ...Array.from({ length: 100_000 }, (_, i) => [`P${i}`, 'FR'])]), 'imports.file_too_many_rows'],
    ['a row of 500 columns', () => csvBytes([['city_en', 'country_code'], Array.from({ length: 500 }, (_, i) => `c${i}`)]), 'imports.file_too_many_columns'],
    ['a header no column of which the import knows', () => csvBytes([['foo', 'bar'], ['1', '2']]), 'imports.noUsableColumn'],
  ])('refuses %s with its message and stores nothing', async (_what, file, error) => {
    await as('editor');
    const res = await post(file());
    expect(location(res)).toBe(`/partnerships/import?${new URLSearchParams({ error })}`);
    await nothingStored();
  }, 60_000);

  it('asks for a file when none is chosen', async () => {
    await as('admin');
    expect(location(await post(null))).toBe('/partnerships/import?error=imports.fileRequired');
    await nothingStored();
  });

  it('sends a signed-out caller to sign in, and refuses a viewer and a foreign origin', async () => {
    expect(location(await post(GOOD))).toMatch(/^\/login/);
    await as('viewer');
    expect((await post(GOOD)).status).toBe(403);
    await as('editor');
    expect((await post(GOOD, { origin: 'https://evil.example' })).status).toBe(403);
    await nothingStored();
  });
});
