import { asc, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/index';
import { queryPublishedTotal, queryPublishedTotals } from '@/db/queries/published-totals-core';
import { auditEvents, publishedTotals } from '@/db/schema';
import { formDataOf, redirectOf } from '@/db/testing/actions';
import { resetDatabase } from '@/db/testing/reset';
import { signInAs } from '@/db/testing/staff';
import { IDLE } from '@/lib/action-state';
import type { Role } from '@/lib/domain';

// The actions read the session through this one function; the test decides who is calling.
const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock('@/lib/auth/session-id', () => ({ readSessionId: async () => session.id }));
vi.mock('next-intl/server', () => ({ getLocale: async () => 'en' }));
vi.mock('@/lib/i18n/navigation', async () => (await import('@/db/testing/actions')).navigationMock);

const { createPublishedTotalAction, deletePublishedTotalAction, restorePublishedTotalAction, updatePublishedTotalAction } = await import('./actions');

const signedIn = (role: Role, email?: string) => signInAs(session, role, email);
const form = formDataOf;

/** The Lahore announcement, as the form posts it. */
const lahore = (): Record<string, string> => ({
  announcedOn: '2021-11-19',
  partners: '99',
  countries: '65',
  sisterPartners: '',
  sisterCountries: '',
  friendlyPartners: '',
  friendlyCountries: '',
  sourceTitle: 'Xinhua, from the Guangzhou Foreign Affairs Office notice',
  sourceUrl: 'http://en.people.cn/n3/2021/1120/c90000-9922200.html',
  note: '',
});

async function counts() {
  return { totals: await db.$count(publishedTotals), audit: await db.$count(auditEvents) };
}

/** Records the Lahore announcement as the current user; returns its id. */
async function createLahore(): Promise<string> {
  expect(JSON.parse(await redirectOf(createPublishedTotalAction(IDLE, form(lahore()))))).toEqual({ pathname: '/dashboard/announcements', query: { done: 'created' } });
  const [row] = await db.select({ id: publishedTotals.id }).from(publishedTotals).orderBy(sql`${publishedTotals.createdAt} desc`).limit(1);
  return row!.id;
}

async function auditOf(id: string) {
  return db.select().from(auditEvents).where(eq(auditEvents.entityId, id)).orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));
}

describe('published total actions', () => {
  beforeEach(async () => {
    await resetDatabase();
    session.id = null;
  });

  it.each([
    ['nobody signed in', null, 'auth.signedOut'],
    ['a viewer', 'viewer', 'auth.forbidden'],
  ] as const)('refuse %s every write, and write nothing', async (_who, role, key) => {
    await signedIn('admin', 'setup@example.org');
    const id = await createLahore();
    await redirectOf(deletePublishedTotalAction(IDLE, form({ id, version: '1' })));
    session.id = null;
    if (role) await signedIn(role);
    const before = await counts();
    const ref = { id, version: '2' };
    const results = [
      await createPublishedTotalAction(IDLE, form(lahore())),
      await updatePublishedTotalAction(IDLE, form({ ...lahore(), ...ref, partners: '100' })),
      await deletePublishedTotalAction(IDLE, form(ref)),
      await restorePublishedTotalAction(IDLE, form(ref)),
    ];
    for (const r of results) expect(r).toEqual({ status: 'error', message: { key } });
    expect(await counts()).toEqual(before);
    expect(await queryPublishedTotal(db, id)).toMatchObject({ partners: 99, version: 2 });
  });

  it('refuses an editor the restore only', async () => {
    await signedIn('editor');
    const id = await createLahore();
    await redirectOf(deletePublishedTotalAction(IDLE, form({ id, version: '1' })));
    const before = await counts();
    expect(await restorePublishedTotalAction(IDLE, form({ id, version: '2' }))).toEqual({ status: 'error', message: { key: 'auth.forbidden' } });
    expect(await counts()).toEqual(before);
    expect((await queryPublishedTotal(db, id))!.deletedAt).not.toBeNull();
  });

  it('records an announcement with its audit event, and lists it for every staff role', async () => {
    const editor = await signedIn('editor');
    const id = await createLahore();
    const row = await queryPublishedTotal(db, id);
    expect(row).toMatchObject({
      announcedOn: '2021-11-19',
      partners: 99,
      countries: 65,
      sisterPartners: null,
      friendlyCountries: null,
      sourceUrl: 'http://en.people.cn/n3/2021/1120/c90000-9922200.html',
      note: null,
      deletedAt: null,
      version: 1,
    });
    const [stored] = await db.select({ createdBy: publishedTotals.createdBy, updatedBy: publishedTotals.updatedBy }).from(publishedTotals);
    expect(stored).toEqual({ createdBy: editor.id, updatedBy: editor.id });
    const audit = await auditOf(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'published_total.create', entityType: 'published_total', actorId: editor.id, actorEmail: 'editor@example.org', before: null });
    expect(audit[0]!.after).toMatchObject({ partners: 99, countries: 65, version: 1 });
  });

  it('lists the newest announcement first', async () => {
    await signedIn('editor');
    for (const [announcedOn, partners, countries] of [['2021-11-24', '100', '66'], ['2021-11-19', '99', '65'], ['2022-04-19', '101', '']] as const) {
      await redirectOf(createPublishedTotalAction(IDLE, form({ ...lahore(), announcedOn, partners, countries })));
    }
    expect((await queryPublishedTotals(db)).map((r) => [r.announcedOn, r.partners, r.countries])).toEqual([
      ['2022-04-19', 101, null],
      ['2021-11-24', 100, 66],
      ['2021-11-19', 99, 65],
    ]);
  });

  it('refuses bad input beside the field, keeps what was sent, and writes nothing', async () => {
    await signedIn('editor');
    const before = await counts();
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ partners: '' }, 'partners', 'validation.required'],
      [{ partners: '-1' }, 'partners', 'publishedTotals.countNumber'],
      [{ countries: '6.5' }, 'countries', 'publishedTotals.countNumber'],
      [{ countries: '100' }, 'countries', 'publishedTotals.countriesExceedPartners'],
      [{ sisterPartners: '60', friendlyPartners: '60' }, 'friendlyPartners', 'publishedTotals.partsExceedPartners'],
      [{ sisterPartners: '38', sisterCountries: '66' }, 'sisterCountries', 'publishedTotals.countriesExceedPartners'],
      [{ announcedOn: '2999-12-31' }, 'announcedOn', 'publishedTotals.futureDate'],
      [{ announcedOn: '19/11/2021' }, 'announcedOn', 'validation.date'],
      [{ sourceUrl: 'ftp://example.org/notice' }, 'sourceUrl', 'publishedTotals.sourceUrlInvalid'],
      [{ sourceTitle: 's'.repeat(301) }, 'sourceTitle', 'validation.tooLong'],
    ];
    for (const [change, field, key] of cases) {
      const state = await createPublishedTotalAction(IDLE, form({ ...lahore(), ...change }));
      expect(state.status, JSON.stringify(change)).toBe('invalid');
      if (state.status !== 'invalid') continue;
      expect(state.fieldErrors[field], JSON.stringify(change)).toEqual({ key });
      // Sent back, so a form posted without JavaScript shows what was typed.
      expect(state.values).toMatchObject(change);
    }
    expect(await counts()).toEqual(before);
  });

  it('answers forged payloads field by field, never with an exception', async () => {
    await signedIn('editor');
    const before = await counts();
    for (const payload of ['x', null, undefined, 42, [], new FormData()] as unknown[]) {
      for (const action of [createPublishedTotalAction, updatePublishedTotalAction, deletePublishedTotalAction]) {
        expect((await action(IDLE, payload as FormData)).status).toBe('invalid');
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('saves an edit at its version, with the audit before and after', async () => {
    await signedIn('editor');
    const id = await createLahore();
    const edited = { ...lahore(), id, version: '1', note: 'The notice is dated Friday 19 November.', countries: '' };
    expect(JSON.parse(await redirectOf(updatePublishedTotalAction(IDLE, form(edited))))).toEqual({ pathname: '/dashboard/announcements', query: { done: 'saved' } });
    expect(await queryPublishedTotal(db, id)).toMatchObject({ version: 2, countries: null, note: 'The notice is dated Friday 19 November.' });
    const [, update] = await auditOf(id);
    expect(update).toMatchObject({ action: 'published_total.update', before: { version: 1, countries: 65, note: null }, after: { version: 2, countries: null } });
  });

  it('refuses a stale version, writes nothing, and says what the other editor changed', async () => {
    await signedIn('editor', 'first@example.org');
    const id = await createLahore();
    await redirectOf(updatePublishedTotalAction(IDLE, form({ ...lahore(), id, version: '1', partners: '98' })));
    await signedIn('editor', 'second@example.org');
    const before = await counts();
    const state = await updatePublishedTotalAction(IDLE, form({ ...lahore(), id, version: '1', note: 'Checked against the notice.' }));
    expect(state).toEqual({ status: 'conflict', message: { key: 'publishedTotals.conflict' }, data: { changes: { partners: 98 }, by: ['first@example.org'] } });
    expect(await counts()).toEqual(before);
    expect(await queryPublishedTotal(db, id)).toMatchObject({ partners: 98, note: null, version: 2 });
  });

  it('lets an editor delete; an admin sees the deleted announcement and restores it', async () => {
    await signedIn('editor');
    const id = await createLahore();
    expect(await deletePublishedTotalAction(IDLE, form({ id, version: '2' }))).toEqual({ status: 'conflict', message: { key: 'publishedTotals.conflictReload' } });
    expect(JSON.parse(await redirectOf(deletePublishedTotalAction(IDLE, form({ id, version: '1' }))))).toEqual({ pathname: '/dashboard/announcements', query: { done: 'deleted' } });
    // Deleted: gone from the list and not editable.
    expect(await queryPublishedTotals(db)).toEqual([]);
    expect(await queryPublishedTotal(db, id, { live: true })).toBeNull();
    expect(await updatePublishedTotalAction(IDLE, form({ ...lahore(), id, version: '2' }))).toEqual({ status: 'error', message: { key: 'publishedTotals.gone' } });
    // Deleting again, at the version it now has, is a conflict (it is already deleted), not a second delete.
    expect(await deletePublishedTotalAction(IDLE, form({ id, version: '2' }))).toEqual({ status: 'conflict', message: { key: 'publishedTotals.conflictReload' } });

    await signedIn('admin');
    expect((await queryPublishedTotals(db, { deleted: true })).map((r) => r.id)).toEqual([id]);
    expect(await restorePublishedTotalAction(IDLE, form({ id, version: '1' }))).toEqual({ status: 'conflict', message: { key: 'publishedTotals.conflictReload' } });
    expect(JSON.parse(await redirectOf(restorePublishedTotalAction(IDLE, form({ id, version: '2' }))))).toEqual({ pathname: '/dashboard/announcements', query: { done: 'restored' } });
    expect(await queryPublishedTotal(db, id)).toMatchObject({ deletedAt: null, version: 3 });
    expect((await queryPublishedTotals(db)).map((r) => r.id)).toEqual([id]);
    expect((await auditOf(id)).map((r) => r.action)).toEqual(['published_total.create', 'published_total.delete', 'published_total.restore']);
    // An announcement that never existed.
    expect(await restorePublishedTotalAction(IDLE, form({ id: '6f0c7c1e-8f3a-4c1b-9d2e-7a6b5c4d3e2f', version: '1' }))).toEqual({ status: 'error', message: { key: 'publishedTotals.gone' } });
  });

  it('rolls the announcement back when its audit event cannot be written', async () => {
    await signedIn('editor');
    const id = await createLahore();
    const before = await counts();
    await db.execute(sql`alter table audit_events add constraint no_published_total_audit check (entity_type <> 'published_total') not valid`);
    try {
      await expect(createPublishedTotalAction(IDLE, form(lahore()))).rejects.toThrow();
      await expect(updatePublishedTotalAction(IDLE, form({ ...lahore(), id, version: '1', partners: '98' }))).rejects.toThrow();
      await expect(deletePublishedTotalAction(IDLE, form({ id, version: '1' }))).rejects.toThrow();
    } finally {
      await db.execute(sql`alter table audit_events drop constraint no_published_total_audit`);
    }
    expect(await counts()).toEqual(before);
    expect(await queryPublishedTotal(db, id)).toMatchObject({ partners: 99, deletedAt: null, version: 1 });
  });
});
