import { and, eq, sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/index';
import { commitNow, csvBytes, uploadAndPreview } from '@/db/imports/testing';
import { queryImport, queryImportRows } from '@/db/queries/imports-core';
import { auditEvents, importRows, imports, localities, partnerships, partnershipStatusEvents, settings, users } from '@/db/schema';
import { resetDatabase } from '@/db/testing/reset';
import { IMPORT_STALL_MS } from '@/lib/import-domain';
import { choosePreviewReading, decideDuplicate, discardImport, runCommit, runPreview, startCommit } from './imports';

// The import engine on a real database: the preview's classes, the commit (all or nothing, in one transaction,
// audited), idempotence, a registry that changed after the preview, and 10,000 rows without blocking the loop.

const HEADER = ['city_en', 'city_zh', 'country_code', 'relationship', 'established_date', 'summary_en'];
let actor: { id: string; email: string };
let gz: string;

async function classesOf(id: string): Promise<Record<string, string>> {
  const imp = (await queryImport(db, id))!;
  const { rows } = await queryImportRows(db, imp, { page: 1 });
  return Object.fromEntries(rows.map((r) => [r.values.partner_en ?? r.values.partner_zh ?? String(r.rowNumber), r.error ? `${r.class}:${r.error}` : r.class]));
}

async function counts() {
  return {
    partnerships: await db.$count(partnerships),
    localities: await db.$count(localities),
    audit: await db.$count(auditEvents),
    events: await db.$count(partnershipStatusEvents),
  };
}

beforeEach(async () => {
  await resetDatabase();
  const [u] = await db.insert(users).values({ email: 'editor@example.org', name: 'Editor', role: 'editor', passwordHash: 'x' }).returning();
  actor = { id: u!.id, email: u!.email };
  const [home, fk, lk, vi] = await db
    .insert(localities)
    .values([
      { slug: 'guangzhou', nameEn: 'Guangzhou', nameZh: '广州', countryCode: 'CN' },
      { slug: 'fukuoka', nameEn: 'Fukuoka', nameZh: '福冈', countryCode: 'JP', latitude: 33.6, longitude: 130.41667 },
      { slug: 'linkoping', nameEn: 'Linköping', countryCode: 'SE' },
      { slug: 'victoria', nameEn: 'Victoria', countryCode: 'CA' },
    ])
    .returning({ id: localities.id });
  gz = home!.id;
  await db.insert(settings).values({ id: 1, homeLocalityId: gz });
  await db.insert(partnerships).values([
    { slug: 'guangzhou-fukuoka', homeLocalityId: gz, partnerLocalityId: fk!.id, type: 'sister_city', establishedOn: '1979-05-02', establishedPrecision: 'day' },
    { slug: 'guangzhou-linkoping', homeLocalityId: gz, partnerLocalityId: lk!.id, type: 'friendly_cooperation_city', establishedOn: '1997-01-01', establishedPrecision: 'year' },
    { slug: 'guangzhou-victoria', homeLocalityId: gz, partnerLocalityId: vi!.id, type: 'friendly_cooperation_city' },
  ]);
});

const FILE = csvBytes([
  HEADER,
  ['Fukuoka', '福冈', 'JP', 'sister_city', '1979-05-02', ''],
  ['LINKOPING', '林雪平', 'Sweden', 'friendly_cooperation_city', '1997.6.1', ''],
  ['Lahore', '拉合尔', 'PK', 'friendly_cooperation_city', '2021', 'A friendly city since 2021'],
  ['Vitoria', '', 'CA', 'sister_city', '2000', ''],
  ['Atlantis', '', 'ZZ', 'sister_city', '2000', ''],
  ['Guangzhou', '广州', 'CN', 'sister_city', '', ''],
  ['Osaka', '大阪', 'JP', 'sister_city', '02/05/79', ''],
  ['Lahore', '拉合尔', 'PK', 'friendly_cooperation_city', '', ''],
]);

describe('the preview', () => {
  it('classifies every row and writes nothing to the registry', async () => {
    const before = await counts();
    const { id, preview } = await uploadAndPreview(actor, FILE);
    expect(preview).toEqual({ kind: 'ok', counts: { new: 1, update: 1, unchanged: 1, duplicate: 1, error: 4 } });
    expect(await classesOf(id)).toEqual({
      Fukuoka: 'unchanged',
      LINKOPING: 'update',
      Lahore: 'error:imports.repeatedRow',
      Vitoria: 'duplicate',
      Atlantis: 'error:import.country_unknown',
      Guangzhou: 'error:imports.sameAsHome',
      Osaka: 'error:import.ambiguous',
    });
    const [update] = await db.select().from(importRows).where(and(eq(importRows.importId, id), eq(importRows.class, 'update')));
    expect(update!.changes).toEqual({ established: ['1997', '1997-06-01'], nameZh: [null, '林雪平'] });
    const [dup] = await db.select().from(importRows).where(and(eq(importRows.importId, id), eq(importRows.class, 'duplicate')));
    expect(dup!.nearMatch).toBe('Victoria (CA)');
    expect(await counts()).toEqual(before);
    expect(await queryImport(db, id)).toMatchObject({ status: 'previewed', rowsTotal: 8, rowsProcessed: 8, fileName: 'partners.csv' });
  });
});

describe('the commit', () => {
  it('writes every accepted row in one transaction, with an audit event per record and one for the import', async () => {
    const { id } = await uploadAndPreview(actor, FILE, '友城 2024.csv');
    const imp = (await queryImport(db, id))!;
    expect(await decideDuplicate(db, id, imp.version, 5, 'accept')).toEqual({ kind: 'ok' });
    const result = await commitNow(actor, id);
    expect(result).toEqual({ kind: 'ok', created: 2, updated: 1, unchanged: 1, skipped: 4, localitiesCreated: 2 });
    const ties = await db
      .select({ name: localities.nameEn, zh: localities.nameZh, type: partnerships.type, on: partnerships.establishedOn, p: partnerships.establishedPrecision, summary: partnerships.summaryEn })
      .from(partnerships)
      .innerJoin(localities, eq(localities.id, partnerships.partnerLocalityId))
      .orderBy(localities.nameEn);
    expect(ties).toEqual([
      { name: 'Fukuoka', zh: '福冈', type: 'sister_city', on: '1979-05-02', p: 'day', summary: null },
      { name: 'Lahore', zh: '拉合尔', type: 'friendly_cooperation_city', on: '2021-01-01', p: 'year', summary: 'A friendly city since 2021' },
      { name: 'Linköping', zh: '林雪平', type: 'friendly_cooperation_city', on: '1997-06-01', p: 'day', summary: null },
      { name: 'Victoria', zh: null, type: 'friendly_cooperation_city', on: null, p: null, summary: null },
      { name: 'Vitoria', zh: null, type: 'sister_city', on: '2000-01-01', p: 'year', summary: null },
    ]);
    const audit = await db.select({ action: auditEvents.action, n: sql<number>`count(*)::int` }).from(auditEvents).groupBy(auditEvents.action).orderBy(auditEvents.action);
    expect(audit).toEqual([
      { action: 'import.commit', n: 1 },
      { action: 'locality.create', n: 2 },
      { action: 'locality.update', n: 1 },
      { action: 'partnership.create', n: 2 },
      { action: 'partnership.update', n: 1 },
    ]);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'import.commit'));
    expect(event).toMatchObject({ entityType: 'import', entityId: id, actorEmail: 'editor@example.org' });
    expect(event!.after).toMatchObject({ fileName: '友城 2024.csv', rows: 8, created: 2, updated: 1, unchanged: 1, skipped: 4 });
    expect(await queryImport(db, id)).toMatchObject({ status: 'committed', error: null });
    const [stored] = await db.select({ content: imports.content }).from(imports).where(eq(imports.id, id));
    expect(stored!.content).toBeNull();
  });

  it('is idempotent: the same file imported again is all unchanged and writes nothing but its own record', async () => {
    const first = await uploadAndPreview(actor, FILE);
    const imp = (await queryImport(db, first.id))!;
    await decideDuplicate(db, first.id, imp.version, 5, 'accept');
    await commitNow(actor, first.id);
    const before = await counts();
    const again = await uploadAndPreview(actor, FILE);
    expect(again.preview).toEqual({ kind: 'ok', counts: { new: 0, update: 0, unchanged: 4, duplicate: 0, error: 4 } });
    expect(await commitNow(actor, again.id)).toMatchObject({ kind: 'ok', created: 0, updated: 0, unchanged: 4 });
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
  });

  it('is all or nothing: a row failing in the middle leaves the registry as it was', async () => {
    await db.execute(sql`create or replace function test_refuse_boom() returns trigger language plpgsql as $$
      begin if new.summary_en = 'boom' then raise exception 'boom'; end if; return new; end $$`);
    await db.execute(sql`create trigger test_refuse_boom before insert on partnerships for each row execute function test_refuse_boom()`);
    try {
      const rows = [HEADER, ...Array.from({ length: 1200 }, (_, i) => [`Town ${i}`, '', 'FR', 'sister_city', '2001', i === 700 ? 'boom' : ''])];
      const { id } = await uploadAndPreview(actor, csvBytes(rows));
      const before = await counts();
      expect(await commitNow(actor, id)).toEqual({ kind: 'failed' });
      expect(await counts()).toEqual(before);
      expect(await queryImport(db, id)).toMatchObject({ status: 'previewed', error: 'imports.commitFailed' });
    } finally {
      await db.execute(sql`drop trigger if exists test_refuse_boom on partnerships`);
    }
  });

  it('writes nothing when the registry changed after the preview, and previews again', async () => {
    const { id } = await uploadAndPreview(actor, csvBytes([HEADER, ['Lahore', '拉合尔', 'PK', 'friendly_cooperation_city', '2021', '']]));
    const [lh] = await db.insert(localities).values({ slug: 'lahore', nameEn: 'Lahore', countryCode: 'PK' }).returning({ id: localities.id });
    await db.insert(partnerships).values({ slug: 'guangzhou-lahore', homeLocalityId: gz, partnerLocalityId: lh!.id, type: 'friendly_cooperation_city' });
    const before = await counts();
    expect(await commitNow(actor, id)).toEqual({ kind: 'stale' });
    expect(await counts()).toEqual(before);
    expect(await queryImport(db, id)).toMatchObject({ status: 'previewed', error: 'imports.stale', counts: { new: 0, update: 1, unchanged: 0, duplicate: 0, error: 0 } });
  });
});

describe('a large file', () => {
  it('previews and commits 10,000 rows in chunks, yielding to the event loop, with progress stored', async () => {
    const rows = [HEADER, ...Array.from({ length: 10_000 }, (_, i) => [`Place ${i}`, `地方${i}`, ['FR', 'DE', 'IT', 'ES'][i % 4]!, 'friendly_cooperation_city', `${1980 + (i % 40)}-05-02`, ''])];
    let ticks = 0;
    let longest = 0;
    let last = Date.now();
    const timer = setInterval(() => {
      const now = Date.now();
      longest = Math.max(longest, now - last);
      last = now;
      ticks++;
    }, 5);
    try {
      const { id, preview } = await uploadAndPreview(actor, csvBytes(rows));
      expect(preview).toMatchObject({ kind: 'ok', counts: { new: 10_000 } });
      expect(await commitNow(actor, id)).toMatchObject({ kind: 'ok', created: 10_000, localitiesCreated: 10_000 });
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(10);
    expect(await db.$count(partnerships)).toBe(10_003);
    expect(await db.$count(auditEvents, eq(auditEvents.action, 'partnership.create'))).toBe(10_000);
    // Reading the file is one synchronous step; classification and writing yield between chunks.
    expect(longest).toBeLessThan(3_000);
  }, 180_000);
});

describe('the shared dataset', () => {
  it('maps with no change; its 93 rows are judged against what the registry holds', async () => {
    const bytes = new Uint8Array(readFileSync('db/seed/data/guangzhou-partner-cities.csv'));
    const { id, preview } = await uploadAndPreview(actor, bytes);
    // Fukuoka is there as it is; Linköping is there as a friendly city (the file says sister city: an upgrade);
    // Victoria of the Seychelles is not Victoria of Canada.
    expect(preview).toEqual({ kind: 'ok', counts: { new: 91, update: 1, unchanged: 1, duplicate: 0, error: 0 } });
    const imp = (await queryImport(db, id))!;
    expect(imp.mapping.every((f) => f !== null)).toBe(true);
    const [upgrade] = await db.select().from(importRows).where(and(eq(importRows.importId, id), eq(importRows.class, 'update')));
    expect(upgrade!.changes).toMatchObject({ type: ['friendly_cooperation_city', 'sister_city'], established: ['1997', '1997-11-24'] });
    expect(await commitNow(actor, id)).toMatchObject({ kind: 'ok', created: 91, updated: 1 });
    expect(await db.$count(partnerships, eq(partnerships.homeLocalityId, gz))).toBe(93 + 1);
    const [step] = await db.select().from(partnershipStatusEvents).where(eq(partnershipStatusEvents.kind, 'upgrade'));
    expect(step).toMatchObject({ fromType: 'friendly_cooperation_city', toType: 'sister_city', note: 'Imported from partners.csv' });
  });
});

describe('a stopped or abandoned import', () => {
  it('may be previewed again or discarded once its commit stopped reporting progress, and not before', async () => {
    const { id } = await uploadAndPreview(actor, csvBytes([HEADER, ['Lahore', '拉合尔', 'PK', 'friendly_cooperation_city', '2021', '']]));
    const imp = (await queryImport(db, id))!;
    expect(await startCommit(db, id, imp.version)).toEqual({ kind: 'ok' });
    // The server died here: the import says 'committing', and nothing runs it.
    const v = (await queryImport(db, id))!.version;
    expect(await choosePreviewReading(db, id, v, {})).toEqual({ kind: 'busy' });
    expect(await discardImport(db, id, v)).toEqual({ kind: 'conflict' });
    await db.update(imports).set({ updatedAt: new Date(Date.now() - IMPORT_STALL_MS - 1000) }).where(eq(imports.id, id));
    const again = await choosePreviewReading(db, id, v, {});
    expect(again).toEqual({ kind: 'ok', run: 2 });
    expect(await runPreview(db, id, 2)).toMatchObject({ kind: 'ok', counts: { new: 1 } });
    // The commit that was thought dead cannot land on the new preview.
    expect(await runCommit(db, actor, id)).toEqual({ kind: 'gone' });
    expect(await db.$count(partnerships)).toBe(3);
  });

  it('is discarded when another file is uploaded a week later', async () => {
    const old = await uploadAndPreview(actor, FILE);
    await db.update(imports).set({ updatedAt: new Date(Date.now() - 8 * 86_400_000) }).where(eq(imports.id, old.id));
    const fresh = await uploadAndPreview(actor, FILE);
    const rows = await db.select({ id: imports.id, status: imports.status, content: imports.content }).from(imports);
    expect(rows.find((r) => r.id === old.id)).toMatchObject({ status: 'discarded', content: null });
    expect(rows.find((r) => r.id === fresh.id)).toMatchObject({ status: 'previewed' });
    expect(await db.$count(importRows, eq(importRows.importId, old.id))).toBe(0);
  });
});
