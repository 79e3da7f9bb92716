import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/index';
import { commitNow, uploadAndPreview } from '@/db/imports/testing';
import { localities, partnerships, settings } from '@/db/schema';
import { seedGuangzhou } from '@/db/seed/guangzhou';
import { resetDatabase } from '@/db/testing/reset';
import { signInAs } from '@/db/testing/staff';

// Export then import into an empty registry (just the home locality): the same partnerships, from the CSV and
// from the XLSX download alike; and importing the export back into the registry it came from changes nothing.

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock('@/lib/auth/session-id', () => ({ readSessionId: async () => session.id }));

const { GET } = await import('../export/route');

const home = alias(localities, 'home');

/** Every live partnership as the export and the import know it, sorted. */
async function registry() {
  const rows = await db
    .select({
      home: home.nameEn,
      partner: localities.nameEn,
      partnerZh: localities.nameZh,
      country: localities.countryCode,
      level: localities.level,
      type: partnerships.type,
      status: partnerships.status,
      on: partnerships.establishedOn,
      precision: partnerships.establishedPrecision,
      basis: partnerships.establishedBasis,
      fields: partnerships.cooperationFields,
      isPublic: partnerships.isPublic,
      summaryEn: partnerships.summaryEn,
      summaryZh: partnerships.summaryZh,
    })
    .from(partnerships)
    .innerJoin(localities, eq(localities.id, partnerships.partnerLocalityId))
    .innerJoin(home, eq(home.id, partnerships.homeLocalityId))
    .where(eq(partnerships.homeLocalityId, (await db.select({ id: settings.homeLocalityId }).from(settings))[0]!.id!));
  return rows.map((r) => ({ ...r, fields: [...r.fields].sort() })).sort((a, b) => `${a.country}${a.partner}${a.type}`.localeCompare(`${b.country}${b.partner}${b.type}`));
}

async function exported(format: 'csv' | 'xlsx'): Promise<Uint8Array> {
  await signInAs(session, 'viewer', `viewer-${format}@example.org`);
  const res = await GET(new Request(`http://localhost/partnerships/export?scope=home${format === 'xlsx' ? '&format=xlsx' : ''}`));
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

beforeEach(async () => {
  await resetDatabase();
  await db.transaction((tx) => seedGuangzhou(tx));
});

describe('export, then import', () => {
  it.each(['csv', 'xlsx'] as const)('gives the same partnerships in an empty registry (%s)', async (format) => {
    const before = await registry();
    expect(before.length).toBeGreaterThanOrEqual(93);
    const file = await exported(format);
    await resetDatabase();
    const [gz] = await db.insert(localities).values({ slug: 'guangzhou', nameEn: 'Guangzhou', nameZh: '广州', countryCode: 'CN' }).returning({ id: localities.id });
    await db.insert(settings).values({ id: 1, homeLocalityId: gz!.id });
    const editor = await signInAs(session, 'editor');
    const { id, preview } = await uploadAndPreview(editor, file, `partnerships.${format}`);
    expect(preview).toMatchObject({ kind: 'ok', counts: { new: before.length, update: 0, unchanged: 0, duplicate: 0, error: 0 } });
    expect(await commitNow(editor, id)).toMatchObject({ kind: 'ok', created: before.length });
    expect(await registry()).toEqual(before);
  }, 60_000);

  it('changes nothing when the export goes back into the registry it came from', async () => {
    const file = await exported('xlsx');
    const editor = await signInAs(session, 'editor');
    const { preview } = await uploadAndPreview(editor, file, 'partnerships.xlsx');
    expect(preview).toMatchObject({ kind: 'ok', counts: { new: 0, update: 0, duplicate: 0, error: 0 } });
  }, 60_000);
});
