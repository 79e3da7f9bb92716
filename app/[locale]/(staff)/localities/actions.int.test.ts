import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/index';
import { listDirectoryPartners } from '@/db/queries/directory';
import { queryLocality } from '@/db/queries/localities-core';
import { queryPartnerships } from '@/db/queries/partnerships-core';
import { auditEvents, localities, localityNames, partnerships, settings } from '@/db/schema';
import { redirectOf } from '@/db/testing/actions';
import { resetDatabase } from '@/db/testing/reset';
import { insertSignedInUser } from '@/db/testing/staff';
import { IDLE } from '@/lib/action-state';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/domain';
import { partnershipFilterSchema } from '@/lib/validation/partnerships';

// The actions read the session through this one function; the test decides who is calling.
const session = vi.hoisted(() => ({ id: null as string | null }));
// An audit write that fails for one action, to see the change roll back with it.
const auditFails = vi.hoisted(() => ({ action: null as string | null }));
vi.mock('@/lib/auth/session-id', () => ({ readSessionId: async () => session.id }));
vi.mock('next-intl/server', () => ({ getLocale: async () => 'en' }));
vi.mock('@/lib/i18n/navigation', async () => (await import('@/db/testing/actions')).navigationMock);
vi.mock('@/db/mutations/audit', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/db/mutations/audit')>();
  return {
    insertAuditEvent: async (...args: Parameters<typeof original.insertAuditEvent>) => {
      if (args[1].action === auditFails.action) throw new Error('the audit store failed');
      return original.insertAuditEvent(...args);
    },
  };
});

const { mergeLocalityAction, renameLocalityAction, saveFormerNameAction, undoMergeAction } = await import('./actions');

let hash: string;
beforeAll(async () => {
  hash = await hashPassword('a staff password that works');
});

async function signedIn(role: Role) {
  const { user, sessionId } = await insertSignedInUser(role, `${role}@example.org`, hash);
  session.id = sessionId;
  return user;
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

/** Everything these actions can write, to check that a refusal wrote nothing. */
async function snapshot() {
  return {
    localities: await db.select().from(localities).orderBy(localities.slug),
    names: await db.select().from(localityNames).orderBy(localityNames.id),
    ties: await db.select().from(partnerships).orderBy(partnerships.slug),
    audit: await db.$count(auditEvents),
  };
}

const ids: Record<string, string> = {};
const ties: Record<string, string> = {};

async function version(id: string) {
  const [row] = await db.select({ v: localities.version }).from(localities).where(eq(localities.id, id));
  return String(row!.v);
}

const staffFind = async (q: string) =>
  (await queryPartnerships(db, partnershipFilterSchema.parse({ q }), ids.guangzhou!)).rows.map((r) => ({
    partner: r.partner.nameEn,
    formerly: r.partnerFormerName?.nameEn ?? null,
  }));
const publicFind = async (q: string) => (await listDirectoryPartners(ids.guangzhou!, q, db)).map((p) => ({ partner: p.nameEn, formerly: p.formerName?.nameEn ?? null }));

describe('locality actions', () => {
  beforeEach(async () => {
    await resetDatabase();
    session.id = null;
    auditFails.action = null;
    const rows = await db
      .insert(localities)
      .values([
        { slug: 'guangzhou', nameEn: 'Guangzhou', nameZh: '广州', countryCode: 'CN' },
        { slug: 'zhengzhou', nameEn: 'Zhengzhou', nameZh: '郑州', countryCode: 'CN' },
        { slug: 'dnipropetrovsk', nameEn: 'Dnipropetrovsk', nameZh: '第聂伯罗彼得罗夫斯克', countryCode: 'UA', latitude: 48.45, longitude: 34.98 },
        { slug: 'kherson', nameEn: 'Kherson', nameZh: '赫尔松', countryCode: 'UA' },
        { slug: 'karratha', nameEn: 'Karratha', nameZh: '卡拉萨', countryCode: 'AU' },
        { slug: 'roebourne', nameEn: 'Roebourne', nameZh: '罗伯恩', countryCode: 'AU' },
      ])
      .returning({ id: localities.id, slug: localities.slug });
    for (const r of rows) ids[r.slug] = r.id;
    await db.insert(settings).values({ id: 1, homeLocalityId: ids.guangzhou });
    const tieRows = await db
      .insert(partnerships)
      .values([
        { slug: 'guangzhou-dnipropetrovsk', homeLocalityId: ids.guangzhou!, partnerLocalityId: ids.dnipropetrovsk!, type: 'sister_city', status: 'active', establishedOn: '2008-07-01', establishedPrecision: 'month', isPublic: true },
        { slug: 'guangzhou-roebourne', homeLocalityId: ids.guangzhou!, partnerLocalityId: ids.roebourne!, type: 'friendly_cooperation_city', status: 'active', establishedOn: '1995-01-01', establishedPrecision: 'year', isPublic: true },
        { slug: 'zhengzhou-roebourne', homeLocalityId: ids.zhengzhou!, partnerLocalityId: ids.roebourne!, type: 'sister_city', status: 'active', isPublic: true },
        { slug: 'guangzhou-karratha', homeLocalityId: ids.guangzhou!, partnerLocalityId: ids.karratha!, type: 'sister_city', status: 'active', isPublic: true },
      ])
      .returning({ id: partnerships.id, slug: partnerships.slug });
    for (const r of tieRows) ties[r.slug] = r.id;
  });

  it('renames: the old names become a former name dated to the month, the slug and the tie stay', async () => {
    const editor = await signedIn('editor');
    const [tieBefore] = await db.select().from(partnerships).where(eq(partnerships.id, ties['guangzhou-dnipropetrovsk']!));
    const to = await redirectOf(
      renameLocalityAction(IDLE, form({ id: ids.dnipropetrovsk!, version: '1', nameEn: 'Dnipro', nameZh: '第聂伯', renamedOn: '2016-05' })),
    );
    expect(to).toBe(JSON.stringify({ pathname: `/localities/${ids.dnipropetrovsk}`, query: { done: 'renamed' } }));
    const l = await queryLocality(db, ids.dnipropetrovsk!);
    expect(l).toMatchObject({ slug: 'dnipropetrovsk', nameEn: 'Dnipro', nameZh: '第聂伯', version: 2, deletedAt: null });
    expect(l!.formerNames).toEqual([
      expect.objectContaining({ kind: 'renamed', nameEn: 'Dnipropetrovsk', nameZh: '第聂伯罗彼得罗夫斯克', usedFrom: null, usedUntil: '2016-05-01', usedUntilPrecision: 'month' }),
    ]);
    const [tieAfter] = await db.select().from(partnerships).where(eq(partnerships.id, ties['guangzhou-dnipropetrovsk']!));
    expect(tieAfter).toEqual(tieBefore);
    expect(l!.ties).toEqual([expect.objectContaining({ id: ties['guangzhou-dnipropetrovsk'], side: 'partner', establishedOn: '2008-07-01' })]);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'locality.rename'));
    expect(audit).toMatchObject({ entityType: 'locality', entityId: ids.dnipropetrovsk, actorId: editor.id });
    expect(audit!.before).toMatchObject({ nameEn: 'Dnipropetrovsk', version: 1 });
    expect(audit!.after).toMatchObject({ nameEn: 'Dnipro', version: 2, formerName: { nameEn: 'Dnipropetrovsk', usedUntil: '2016-05-01' } });
  });

  it('finds the renamed partner by its former name in the staff list and the public directory, accents and case optional', async () => {
    await signedIn('editor');
    await redirectOf(renameLocalityAction(IDLE, form({ id: ids.dnipropetrovsk!, version: '1', nameEn: 'Dnipro', nameZh: '第聂伯', renamedOn: '2016-05' })));
    await redirectOf(
      saveFormerNameAction(IDLE, form({ localityId: ids.dnipropetrovsk!, version: '2', nameEn: 'Sičeslav', nameZh: '西切斯拉夫', usedFrom: '1918', usedUntil: '1918', note: 'Proposed in 1918' })),
    );
    const dnipro = [{ partner: 'Dnipro', formerly: 'Dnipropetrovsk' }];
    for (const q of ['Dnipropetrovsk', 'dnipropetrovsk', 'DNIPROPETROVSK', '彼得罗夫斯克', 'Dnipro']) {
      expect(await staffFind(q)).toEqual(dnipro);
      expect(await publicFind(q)).toEqual(dnipro);
    }
    // The name the search matched is the one shown; 'siceslav' has no accent, the stored name has one.
    expect(await staffFind('siceslav')).toEqual([{ partner: 'Dnipro', formerly: 'Sičeslav' }]);
    expect(await publicFind('Sičeslav')).toEqual([{ partner: 'Dnipro', formerly: 'Sičeslav' }]);
    expect(await publicFind('西切斯拉夫')).toEqual([{ partner: 'Dnipro', formerly: 'Sičeslav' }]);
    // Without a search, a recent former name is shown beside the current one; an old one alone is not.
    expect((await staffFind('')).find((r) => r.partner === 'Dnipro')).toEqual({ partner: 'Dnipro', formerly: 'Dnipropetrovsk' });
    expect((await publicFind('')).find((r) => r.partner === 'Roebourne')).toEqual({ partner: 'Roebourne', formerly: null });
    expect(await staffFind('no such name')).toEqual([]);
  });

  it('adds and corrects a former name at the locality version; a stale version is a conflict and writes nothing', async () => {
    await signedIn('editor');
    await redirectOf(
      saveFormerNameAction(IDLE, form({ localityId: ids.roebourne!, version: '1', nameEn: 'Roebourne Shire', usedFrom: '1887', usedUntil: '2008' })),
    );
    const [name] = await db.select().from(localityNames).where(eq(localityNames.localityId, ids.roebourne!));
    expect(name).toMatchObject({ kind: 'renamed', folded: 'roebourne-shire', usedFrom: '1887-01-01', usedFromPrecision: 'year', usedUntil: '2008-01-01' });
    await redirectOf(
      saveFormerNameAction(IDLE, form({ localityId: ids.roebourne!, version: '2', nameId: name!.id, nameEn: 'Shire of Roebourne', usedFrom: '1887-05', usedUntil: '2008-07-01', note: 'Gazetted name' })),
    );
    const [corrected] = await db.select().from(localityNames).where(eq(localityNames.id, name!.id));
    expect(corrected).toMatchObject({ nameEn: 'Shire of Roebourne', folded: 'shire-of-roebourne', usedFromPrecision: 'month', usedUntilPrecision: 'day', note: 'Gazetted name' });
    const actions = await db.select({ a: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, ids.roebourne!));
    expect(actions.map((r) => r.a).sort()).toEqual(['locality.name_add', 'locality.name_update']);

    const before = await snapshot();
    expect(await saveFormerNameAction(IDLE, form({ localityId: ids.roebourne!, version: '2', nameEn: 'Stale' }))).toEqual({
      status: 'conflict',
      message: { key: 'localities.conflict' },
    });
    expect(await renameLocalityAction(IDLE, form({ id: ids.roebourne!, version: '1', nameEn: 'X', nameZh: 'X', renamedOn: '2010' }))).toMatchObject({ status: 'conflict' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad input beside the field, and a rename to the same name, writing nothing', async () => {
    await signedIn('editor');
    const before = await snapshot();
    expect(await renameLocalityAction(IDLE, form({ id: ids.kherson!, version: '1', nameEn: '', nameZh: '赫尔松', renamedOn: '2016-13' }))).toEqual({
      status: 'invalid',
      fieldErrors: { nameEn: { key: 'validation.required' }, renamedOn: { key: 'validation.partialDate' } },
      message: { key: 'validation.fixFields' },
    });
    expect(await renameLocalityAction(IDLE, form({ id: ids.kherson!, version: '1', nameEn: 'Kherson', nameZh: '赫尔松', renamedOn: '2016' }))).toMatchObject({
      status: 'invalid',
      fieldErrors: { nameEn: { key: 'localities.sameName' } },
    });
    expect(
      await saveFormerNameAction(IDLE, form({ localityId: ids.kherson!, version: '1', nameEn: 'Kherson', usedFrom: '2000', usedUntil: '1990' })),
    ).toMatchObject({ status: 'invalid', fieldErrors: { usedUntil: { key: 'validation.endBeforeStart' } } });
    // A forged call with no form data at all is refused, not a 500.
    expect(await renameLocalityAction(IDLE, 'nothing' as never)).toMatchObject({ status: 'invalid' });
    expect(await mergeLocalityAction(IDLE, undefined as never)).toMatchObject({ status: 'invalid' });
    expect(await snapshot()).toEqual(before);
  });

  it('merges: the ties move, the names become merged former names, the merged locality is deleted; an admin undoes it', async () => {
    await signedIn('editor');
    await redirectOf(saveFormerNameAction(IDLE, form({ localityId: ids.roebourne!, version: '1', nameEn: 'Roebourne Shire', usedUntil: '1990' })));
    // Karratha's own tie with Guangzhou is a sister city; Roebourne's is a friendly city: no duplicate.
    const to = await redirectOf(mergeLocalityAction(IDLE, form({ id: ids.karratha!, version: '1', mergedId: ids.roebourne!, mergedOn: '2008-07' })));
    expect(to).toContain('merged');
    const moved = await db.select().from(partnerships).where(eq(partnerships.partnerLocalityId, ids.karratha!));
    expect(moved.map((t) => t.slug).sort()).toEqual(['guangzhou-karratha', 'guangzhou-roebourne', 'zhengzhou-roebourne']);
    expect(moved.find((t) => t.slug === 'guangzhou-roebourne')).toMatchObject({ establishedOn: '1995-01-01', establishedPrecision: 'year', version: 2 });
    const [roebourne] = await db.select().from(localities).where(eq(localities.id, ids.roebourne!));
    expect(roebourne).toMatchObject({ mergedIntoId: ids.karratha, version: 3 });
    expect(roebourne!.deletedAt).not.toBeNull();
    const karratha = await queryLocality(db, ids.karratha!);
    expect(karratha!.formerNames.map((n) => [n.kind, n.nameEn, n.usedUntil, n.mergedLocalityId])).toEqual([
      ['merged', 'Roebourne', '2008-07-01', ids.roebourne],
      ['merged', 'Roebourne Shire', '1990-01-01', ids.roebourne],
    ]);
    expect(karratha!.ties).toHaveLength(3);
    // Karratha's own tie now answers to Roebourne's names too: it is one locality.
    expect(await staffFind('roebourne shire')).toEqual(Array(3).fill({ partner: 'Karratha', formerly: 'Roebourne Shire' }));
    const [merge] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'locality.merge'));
    expect(merge!.after).toMatchObject({ mergedId: ids.roebourne, movedTies: expect.arrayContaining([{ id: ties['guangzhou-roebourne'], side: 'partner' }]) });
    expect(await db.$count(auditEvents, eq(auditEvents.action, 'partnership.move'))).toBe(2);

    // An editor cannot undo; an admin can.
    expect(await undoMergeAction(IDLE, form({ id: ids.roebourne!, version: '3' }))).toEqual({ status: 'error', message: { key: 'auth.forbidden' } });
    await signedIn('admin');
    await redirectOf(undoMergeAction(IDLE, form({ id: ids.roebourne!, version: '3' })));
    const back = await db.select({ slug: partnerships.slug }).from(partnerships).where(eq(partnerships.partnerLocalityId, ids.roebourne!));
    expect(back.map((t) => t.slug).sort()).toEqual(['guangzhou-roebourne', 'zhengzhou-roebourne']);
    const [restored] = await db.select().from(localities).where(eq(localities.id, ids.roebourne!));
    expect(restored).toMatchObject({ deletedAt: null, mergedIntoId: null });
    expect((await queryLocality(db, ids.karratha!))!.formerNames).toEqual([]);
    expect((await queryLocality(db, ids.roebourne!))!.formerNames.map((n) => n.nameEn)).toEqual(['Roebourne Shire']);
    expect(await db.$count(auditEvents, eq(auditEvents.action, 'locality.unmerge'))).toBe(1);
  });

  it('refuses a merge that would duplicate a live tie or tie a locality to itself, and merges of the wrong locality, writing nothing', async () => {
    await signedIn('editor');
    // Guangzhou–Roebourne would become a second friendly city tie between Guangzhou and Karratha.
    await db.insert(partnerships).values({ slug: 'guangzhou-karratha-2', homeLocalityId: ids.guangzhou!, partnerLocalityId: ids.karratha!, type: 'friendly_cooperation_city', status: 'active' });
    let before = await snapshot();
    expect(await mergeLocalityAction(IDLE, form({ id: ids.karratha!, version: '1', mergedId: ids.roebourne!, mergedOn: '' }))).toEqual({
      status: 'invalid',
      fieldErrors: { mergedId: { key: 'localities.mergeDuplicateField' } },
      message: { key: 'localities.mergeDuplicate' },
    });
    expect(await snapshot()).toEqual(before);

    await db.delete(partnerships).where(eq(partnerships.slug, 'guangzhou-karratha-2'));
    await db.insert(partnerships).values({ slug: 'karratha-roebourne', homeLocalityId: ids.karratha!, partnerLocalityId: ids.roebourne!, type: 'sister_city', status: 'active' });
    before = await snapshot();
    expect(await mergeLocalityAction(IDLE, form({ id: ids.karratha!, version: '1', mergedId: ids.roebourne! }))).toMatchObject({
      status: 'invalid',
      fieldErrors: { mergedId: { key: 'localities.mergeSelfTieField' } },
      message: { key: 'localities.mergeSelfTie' },
    });
    expect(await mergeLocalityAction(IDLE, form({ id: ids.karratha!, version: '1', mergedId: ids.karratha! }))).toMatchObject({ fieldErrors: { mergedId: { key: 'localities.mergeSelf' } } });
    expect(await mergeLocalityAction(IDLE, form({ id: ids.karratha!, version: '1', mergedId: ids.kherson! }))).toMatchObject({ fieldErrors: { mergedId: { key: 'localities.mergeOtherCountry' } } });
    expect(await mergeLocalityAction(IDLE, form({ id: ids.zhengzhou!, version: '1', mergedId: ids.guangzhou! }))).toMatchObject({ fieldErrors: { mergedId: { key: 'localities.mergeHome' } } });
    expect(await mergeLocalityAction(IDLE, form({ id: ids.karratha!, version: '9', mergedId: ids.roebourne! }))).toMatchObject({ status: 'conflict' });
    expect(await snapshot()).toEqual(before);
  });

  it('denies viewers and signed-out callers every write, with nothing written', async () => {
    const before = await snapshot();
    const calls = () => [
      renameLocalityAction(IDLE, form({ id: ids.kherson!, version: '1', nameEn: 'X', nameZh: 'X', renamedOn: '2016' })),
      saveFormerNameAction(IDLE, form({ localityId: ids.kherson!, version: '1', nameEn: 'X' })),
      mergeLocalityAction(IDLE, form({ id: ids.karratha!, version: '1', mergedId: ids.roebourne! })),
      undoMergeAction(IDLE, form({ id: ids.roebourne!, version: '1' })),
    ];
    for (const state of await Promise.all(calls())) expect(state).toEqual({ status: 'error', message: { key: 'auth.signedOut' } });
    await signedIn('viewer');
    for (const state of await Promise.all(calls())) expect(state).toEqual({ status: 'error', message: { key: 'auth.forbidden' } });
    const after = await snapshot();
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
    expect(after.audit).toBe(before.audit);
  });

  it('rolls a rename and a merge back with their audit event when the audit write fails', async () => {
    await signedIn('editor');
    const before = await snapshot();
    auditFails.action = 'locality.rename';
    await expect(renameLocalityAction(IDLE, form({ id: ids.kherson!, version: '1', nameEn: 'Kherson City', nameZh: '赫尔松市', renamedOn: '2020' }))).rejects.toThrow(
      'the audit store failed',
    );
    auditFails.action = 'locality.merge';
    await expect(mergeLocalityAction(IDLE, form({ id: ids.karratha!, version: '1', mergedId: ids.roebourne! }))).rejects.toThrow('the audit store failed');
    expect(await snapshot()).toEqual(before);
    const [k] = await db.select().from(localities).where(and(eq(localities.id, ids.roebourne!)));
    expect(k!.deletedAt).toBeNull();
  });
});
