import iconv from 'iconv-lite';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/index';
import { backgroundSettled } from '@/db/imports/background';
import { csvBytes, uploadAndPreview } from '@/db/imports/testing';
import { queryImport } from '@/db/queries/imports-core';
import { auditEvents, importRows, imports, localities, partnerships, settings } from '@/db/schema';
import { formDataOf, redirectOf } from '@/db/testing/actions';
import { expiredTags, resetExpiredTags } from '@/db/testing/next-cache';
import { resetDatabase } from '@/db/testing/reset';
import { signInAs } from '@/db/testing/staff';
import { IDLE } from '@/lib/action-state';
import { PUBLIC_DATA_TAG } from '@/lib/cache/public-data';

// The import page's actions called directly: correcting the mapping, another encoding, a decision on a possible
// duplicate, commit and discard; every refusal (signed out, viewer, stale version, forged payload) changes nothing.

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock('@/lib/auth/session-id', () => ({ readSessionId: async () => session.id }));
vi.mock('next-intl/server', () => ({ getLocale: async () => 'en' }));
vi.mock('@/lib/i18n/navigation', async () => (await import('@/db/testing/actions')).navigationMock);

const { chooseReadingAction, commitImportAction, decideDuplicateAction, discardImportAction } = await import('./actions');

let actor: { id: string; email: string };

beforeEach(async () => {
  await resetDatabase();
  resetExpiredTags();
  session.id = null;
  const [gz] = await db.insert(localities).values({ slug: 'guangzhou', nameEn: 'Guangzhou', nameZh: '广州', countryCode: 'CN' }).returning({ id: localities.id });
  await db.insert(localities).values({ slug: 'victoria', nameEn: 'Victoria', countryCode: 'CA' });
  await db.insert(settings).values({ id: 1, homeLocalityId: gz!.id });
  actor = await signInAs(session, 'editor');
});

async function version(id: string) {
  return (await queryImport(db, id))!.version;
}

describe('chooseReadingAction', () => {
  it('previews again with a corrected mapping; unmapped columns stay ignored', async () => {
    // 'Land' is not a header the import knows: the proposal leaves the country unmapped, the preview fails.
    const { id, preview } = await uploadAndPreview(actor, csvBytes([['city_en', 'Land', 'relationship', 'Bemerkung'], ['Lahore', 'PK', 'friendly_cooperation_city', 'x']]));
    expect(preview).toEqual({ kind: 'failed', error: 'imports.mappingUnusable' });
    const imp = (await queryImport(db, id))!;
    expect(imp.mapping).toEqual(['partner_en', null, 'type', null]);
    const to = await redirectOf(chooseReadingAction(IDLE, formDataOf({ id, version: String(imp.version), mapping: ['partner_en', 'partner_country', 'type', ''] })));
    expect(to).toContain(`/partnerships/import/${id}`);
    await backgroundSettled();
    expect(await queryImport(db, id)).toMatchObject({ status: 'previewed', mapping: ['partner_en', 'partner_country', 'type', null], counts: { new: 1 } });
  });

  it('names a field fed by two columns, and a mapping without a country, beside their fields', async () => {
    const { id } = await uploadAndPreview(actor, csvBytes([['city_en', 'country_code', 'relationship'], ['Lahore', 'PK', 'friendly_cooperation_city']]));
    const v = String(await version(id));
    expect(await chooseReadingAction(IDLE, formDataOf({ id, version: v, mapping: ['partner_en', 'partner_en', 'type'] }))).toEqual({
      status: 'invalid',
      fieldErrors: { 'mapping.1': { key: 'imports.fieldTwice' } },
      message: { key: 'validation.fixFields' },
    });
    expect(await chooseReadingAction(IDLE, formDataOf({ id, version: v, mapping: ['partner_en', '', 'type'] }))).toMatchObject({
      status: 'invalid',
      fieldErrors: { mapping: { key: 'imports.mappingUnusable' } },
    });
    expect(await chooseReadingAction(IDLE, formDataOf({ id, version: String(Number(v) - 1), mapping: ['partner_en', 'partner_country', 'type'] }))).toMatchObject({ status: 'conflict' });
    expect(await queryImport(db, id)).toMatchObject({ status: 'previewed', version: Number(v) });
  });

  it('reads a GB18030 file with Chinese headers, and again in another encoding when asked', async () => {
    const text = '城市,国家,关系类型,结好时间\r\n福冈,日本,友好城市,1979年5月2日\r\n';
    const { id, preview } = await uploadAndPreview(actor, new Uint8Array(iconv.encode(text, 'gb18030')), '友城.csv');
    expect(preview).toMatchObject({ kind: 'ok', counts: { new: 0, error: 1 } });
    const imp = (await queryImport(db, id))!;
    expect(imp).toMatchObject({ encoding: 'gb18030', detectedEncoding: 'gb18030', header: ['城市', '国家', '关系类型', '结好时间'] });
    expect(imp.mapping).toEqual(['partner_zh', 'partner_country', 'type', 'established']);
    // Read as Shift_JIS, the header no longer names the columns: a new proposal, which the user then fixes.
    const to = await redirectOf(chooseReadingAction(IDLE, formDataOf({ id, version: String(imp.version), encoding: 'shift_jis' })));
    expect(to).toContain(id);
    await backgroundSettled();
    expect(await queryImport(db, id)).toMatchObject({ encoding: 'shift_jis' });
    expect(await chooseReadingAction(IDLE, formDataOf({ id, version: String(await version(id)), encoding: 'latin-1' }))).toMatchObject({
      status: 'invalid',
      fieldErrors: { encoding: { key: 'validation.invalid' } },
    });
  });
});

describe('decide, commit, discard', () => {
  it('accepts a possible duplicate, commits after the answer and tells the public pages', async () => {
    const { id } = await uploadAndPreview(actor, csvBytes([['city_en', 'country_code', 'relationship'], ['Vitoria', 'CA', 'sister_city'], ['Lahore', 'PK', 'friendly_cooperation_city']]));
    const [dup] = await db.select().from(importRows).where(eq(importRows.class, 'duplicate'));
    await redirectOf(decideDuplicateAction(IDLE, formDataOf({ id, version: String(await version(id)), rowNumber: String(dup!.rowNumber), decision: 'accept', back: 'class=duplicate&page=1' })));
    expect((await db.select().from(importRows).where(eq(importRows.class, 'duplicate')))[0]!.decision).toBe('accept');
    const stale = String((await version(id)) - 1);
    expect(await commitImportAction(IDLE, formDataOf({ id, version: stale }))).toMatchObject({ status: 'conflict' });
    await redirectOf(commitImportAction(IDLE, formDataOf({ id, version: String(await version(id)) })));
    await backgroundSettled();
    expect(await queryImport(db, id)).toMatchObject({ status: 'committed' });
    expect(await db.$count(partnerships)).toBe(2);
    expect(expiredTags).toContain(PUBLIC_DATA_TAG);
    // Committed: it can no longer change.
    expect(await commitImportAction(IDLE, formDataOf({ id, version: String(await version(id)) }))).toMatchObject({ status: 'conflict' });
    expect(await discardImportAction(IDLE, formDataOf({ id, version: String(await version(id)) }))).toMatchObject({ status: 'conflict' });
  });

  it('discards an import: its file and preview go, the registry is untouched', async () => {
    const { id } = await uploadAndPreview(actor, csvBytes([['city_en', 'country_code', 'relationship'], ['Lahore', 'PK', 'friendly_cooperation_city']]));
    await redirectOf(discardImportAction(IDLE, formDataOf({ id, version: String(await version(id)) })));
    const [row] = await db.select().from(imports);
    expect(row).toMatchObject({ status: 'discarded', content: null });
    expect(await db.$count(importRows)).toBe(0);
    expect(await db.$count(partnerships)).toBe(0);
  });

  it('refuses a viewer, a signed-out caller and a forged payload, and changes nothing', async () => {
    const { id } = await uploadAndPreview(actor, csvBytes([['city_en', 'country_code', 'relationship'], ['Lahore', 'PK', 'friendly_cooperation_city']]));
    const v = String(await version(id));
    const all = [chooseReadingAction, commitImportAction, decideDuplicateAction, discardImportAction];
    await signInAs(session, 'viewer');
    for (const action of all) expect(await action(IDLE, formDataOf({ id, version: v, mapping: ['partner_en', 'partner_country', 'type'] }))).toEqual({ status: 'error', message: { key: 'auth.forbidden' } });
    session.id = null;
    for (const action of all) expect(await action(IDLE, formDataOf({ id, version: v }))).toEqual({ status: 'error', message: { key: 'auth.signedOut' } });
    await signInAs(session, 'admin');
    for (const action of all) expect(await action(IDLE, 'forged' as never)).toMatchObject({ status: 'invalid' });
    expect(await queryImport(db, id)).toMatchObject({ status: 'previewed', version: Number(v) });
    expect(await db.$count(partnerships)).toBe(0);
    expect(await db.$count(auditEvents)).toBe(0);
  });
});
