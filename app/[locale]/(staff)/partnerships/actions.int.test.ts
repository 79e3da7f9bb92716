import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/index';
import { insertPartnership } from '@/db/mutations/partnerships';
import { queryPartnership, queryPartnerships } from '@/db/queries/partnerships-core';
import { auditEvents, localities, partnerships, partnershipStatusEvents, sessions, settings, users } from '@/db/schema';
import { resetDatabase } from '@/db/testing/reset';
import { redirectOf } from '@/db/testing/actions';
import { expiredTags, resetExpiredTags } from '@/db/testing/next-cache';
import { insertSignedInUser } from '@/db/testing/staff';
import { IDLE, type ActionState } from '@/lib/action-state';
import { hashPassword } from '@/lib/auth/password';
import { PUBLIC_DATA_TAG } from '@/lib/cache/public-data';
import type { Role } from '@/lib/domain';
import { partnershipFilterSchema } from '@/lib/validation/partnerships';

// The actions read the session through this one function; the test decides who is calling.
const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock('@/lib/auth/session-id', () => ({ readSessionId: async () => session.id }));
vi.mock('next-intl/server', () => ({ getLocale: async () => 'en' }));
vi.mock('@/lib/i18n/navigation', async () => (await import('@/db/testing/actions')).navigationMock);

const { createPartnershipAction, deletePartnershipAction, restorePartnershipAction, updatePartnershipAction } = await import('./actions');

let hash: string;
beforeAll(async () => {
  hash = await hashPassword('a staff password that works');
});

async function signedIn(role: Role) {
  const { user, sessionId } = await insertSignedInUser(role, `${role}@example.org`, hash);
  session.id = sessionId;
  return user;
}

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) for (const one of [v].flat()) data.append(k, one);
  return data;
}

let guangzhou: string;
let lahore: string;
let karachi: string;

async function counts() {
  return {
    partnerships: await db.$count(partnerships),
    events: await db.$count(partnershipStatusEvents),
    audit: await db.$count(auditEvents),
  };
}

const lahoreTie = () => ({
  partnerLocalityId: lahore,
  type: 'friendly_cooperation_city',
  status: 'active',
  established: '2021-11',
  establishedBasis: 'Signing of the MoU',
  cooperationFields: ['economy', 'trade', 'culture'],
  summaryEn: 'Economy, trade and culture.',
  summaryZh: '经济、贸易和文化。',
  internalNotes: 'Confirm the signing day with the FAO.',
  isPublic: 'on',
});

describe('partnership actions', () => {
  beforeEach(async () => {
    await resetDatabase();
    session.id = null;
    const rows = await db
      .insert(localities)
      .values([
        { slug: 'guangzhou', nameEn: 'Guangzhou', nameZh: '广州', countryCode: 'CN' },
        { slug: 'lahore', nameEn: 'Lahore', nameZh: '拉合尔', countryCode: 'PK' },
        { slug: 'karachi', nameEn: 'Karachi', nameZh: '卡拉奇', countryCode: 'PK' },
      ])
      .returning({ id: localities.id });
    [guangzhou, lahore, karachi] = rows.map((r) => r.id) as [string, string, string];
    await db.insert(settings).values({ id: 1, homeLocalityId: guangzhou });
  });

  it.each([
    ['nobody signed in', null, 'auth.signedOut'],
    ['a viewer', 'viewer', 'auth.forbidden'],
  ] as const)('refuse %s every write, and write nothing', async (_who, role, key) => {
    if (role) await signedIn(role);
    const editor = await db.insert(users).values({ email: 'e@x.org', name: 'E', role: 'editor', passwordHash: hash }).returning();
    const id = (await db.transaction((tx) => insertPartnership(tx, editor[0]!, guangzhou, {
      partnerLocalityId: karachi, type: 'other', status: 'proposed', establishedBasis: null, cooperationFields: [],
      summaryEn: null, summaryZh: null, internalNotes: null, isPublic: false,
    })))
    if (id.kind !== 'ok') throw new Error('setup failed');
    const before = await counts();
    const ref = { id: id.id, version: '1' };
    const results = [
      await createPartnershipAction(IDLE, form(lahoreTie())),
      await updatePartnershipAction(IDLE, form({ ...lahoreTie(), ...ref })),
      await deletePartnershipAction(IDLE, form(ref)),
      await restorePartnershipAction(IDLE, form(ref)),
    ];
    for (const r of results) expect(r).toEqual({ status: 'error', message: { key } });
    expect(await counts()).toEqual(before);
  });

  it('lets an editor delete but not restore', async () => {
    await signedIn('editor');
    const id = await redirectOf(createPartnershipAction(IDLE, form(lahoreTie())));
    const pid = id.split('/').pop()!;
    await redirectOf(deletePartnershipAction(IDLE, form({ id: pid, version: '1' })));
    expect(await restorePartnershipAction(IDLE, form({ id: pid, version: '2' }))).toEqual({ status: 'error', message: { key: 'auth.forbidden' } });
  });

  it('registers a tie with its status event and audit event, dates at their precision', async () => {
    const editor = await signedIn('editor');
    resetExpiredTags();
    const href = await redirectOf(createPartnershipAction(IDLE, form(lahoreTie())));
    // The public pages, read from the cache, are told.
    expect(expiredTags).toEqual([PUBLIC_DATA_TAG]);
    expect(href).toMatch(/^\/partnerships\/[0-9a-f-]{36}$/);
    const id = href.split('/').pop()!;
    const detail = await queryPartnership(db, id);
    expect(detail).toMatchObject({
      type: 'friendly_cooperation_city',
      status: 'active',
      establishedOn: '2021-11-01',
      establishedPrecision: 'month',
      cooperationFields: ['economy', 'trade', 'culture'],
      isPublic: true,
      slug: 'guangzhou-lahore',
      partner: { nameEn: 'Lahore' },
      home: { nameEn: 'Guangzhou' },
    });
    expect(detail!.statusEvents).toMatchObject([{ status: 'active', effectiveOn: '2021-11-01', effectivePrecision: 'month' }]);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit).toMatchObject({ action: 'partnership.create', entityType: 'partnership', actorId: editor.id });
    expect(audit!.after).toMatchObject({ establishedOn: '2021-11-01', establishedPrecision: 'month', version: 1 });
  });

  it('refuses bad input beside the field and writes nothing', async () => {
    await signedIn('editor');
    const before = await counts();
    const cases: Array<[Record<string, string | string[]>, string, string]> = [
      [{ partnerLocalityId: '' }, 'partnerLocalityId', 'validation.choosePartner'],
      [{ established: '2021-13' }, 'established', 'validation.partialDate'],
      [{ established: '2999-05-01' }, 'established', 'validation.futureDate'],
      [{ summaryEn: 'x'.repeat(2001) }, 'summaryEn', 'validation.tooLong'],
      [{ cooperationFields: ['trade', 'smuggling'] }, 'cooperationFields', 'validation.invalid'],
      [{ type: 'twin' }, 'type', 'validation.invalid'],
      [{ partnerLocalityId: guangzhou }, 'partnerLocalityId', 'partnerships.sameAsHome'],
      [{ partnerLocalityId: '00000000-0000-4000-8000-000000000000' }, 'partnerLocalityId', 'partnerships.partnerGone'],
    ];
    for (const [change, field, key] of cases) {
      const state = await createPartnershipAction(IDLE, form({ ...lahoreTie(), ...change }));
      expect(state.status, JSON.stringify(change)).toBe('invalid');
      expect(state.status === 'invalid' && state.fieldErrors[field], JSON.stringify(change)).toEqual({ key });
    }
    // A forged call with no form at all.
    expect((await createPartnershipAction(IDLE, 'not a form' as unknown as FormData)).status).toBe('invalid');
    expect(await counts()).toEqual(before);
  });

  it('registers a partner from the gazetteer, creating the locality once and reusing it after', async () => {
    await signedIn('editor');
    const sindh = {
      ...lahoreTie(),
      partnerLocalityId: 'new',
      type: 'sister_province',
      newNameEn: 'Sindh',
      newNameZh: '信德省',
      newCountry: 'pk',
      newLevel: 'province',
      newLatitude: '',
      newLongitude: '',
      newSource: 'iso3166-2:PK-SD',
    };
    const id = (await redirectOf(createPartnershipAction(IDLE, form(sindh)))).split('/').pop()!;
    const detail = await queryPartnership(db, id);
    expect(detail!.partner).toMatchObject({ nameEn: 'Sindh', nameZh: '信德省', countryCode: 'PK', level: 'province' });
    const [loc] = await db.select().from(localities).where(eq(localities.id, detail!.partner.id));
    expect(loc).toMatchObject({ latitude: null, longitude: null, slug: 'sindh' });
    // The same place again, spelled without care: the registry's Sindh, not a second one.
    const again = { ...sindh, newNameEn: 'SINDH', type: 'friendly_cooperation_province' };
    const id2 = (await redirectOf(createPartnershipAction(IDLE, form(again)))).split('/').pop()!;
    expect((await queryPartnership(db, id2))!.partner.id).toBe(detail!.partner.id);
    expect(await db.$count(localities)).toBe(4);
    const audits = await db.select({ a: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityType, 'locality'));
    expect(audits).toEqual([{ a: 'locality.create' }]);
  });

  it("takes the gazetteer's \"Pest\" for the registry's \"Pest County\", but never a city for a county", async () => {
    await signedIn('editor');
    const [pest] = await db.insert(localities).values({ slug: 'pest-county', nameEn: 'Pest County', nameZh: '佩斯州', countryCode: 'HU', level: 'county' }).returning({ id: localities.id });
    const [kent] = await db.insert(localities).values({ slug: 'kent-county', nameEn: 'Kent County', countryCode: 'US', level: 'county' }).returning({ id: localities.id });
    const gazetteer = (nameEn: string, newCountry: string, newLevel: string) => ({ ...lahoreTie(), partnerLocalityId: 'new', newNameEn: nameEn, newNameZh: '某地', newCountry, newLevel });
    const pestTie = (await redirectOf(createPartnershipAction(IDLE, form(gazetteer('Pest', 'HU', 'province'))))).split('/').pop()!;
    expect((await queryPartnership(db, pestTie))!.partner.id).toBe(pest!.id);
    const kentTie = (await redirectOf(createPartnershipAction(IDLE, form(gazetteer('Kent', 'US', 'city'))))).split('/').pop()!;
    expect((await queryPartnership(db, kentTie))!.partner.id).not.toBe(kent!.id);
    expect(await db.$count(localities, eq(localities.countryCode, 'HU'))).toBe(1);
    expect(await db.$count(localities, eq(localities.countryCode, 'US'))).toBe(2);
  });

  it('refuses a gazetteer partner without a Chinese name or with an unknown country', async () => {
    await signedIn('editor');
    const before = await counts();
    const base = { ...lahoreTie(), partnerLocalityId: 'new', newNameEn: 'Sindh', newNameZh: '信德省', newCountry: 'PK', newLevel: 'province' };
    for (const [change, field, key] of [
      [{ newNameZh: '' }, 'newNameZh', 'validation.required'],
      [{ newCountry: 'XX' }, 'newCountry', 'validation.country'],
      [{ newCountry: '' }, 'newCountry', 'validation.country'],
      [{ newNameEn: '' }, 'newNameEn', 'validation.required'],
    ] as const) {
      const state = await createPartnershipAction(IDLE, form({ ...base, ...change }));
      expect(state.status === 'invalid' && state.fieldErrors[field], field).toEqual({ key });
    }
    expect(await counts()).toEqual(before);
    expect(await db.$count(localities)).toBe(3);
  });

  it('refuses a second live tie of the same type between the same localities', async () => {
    await signedIn('editor');
    await redirectOf(createPartnershipAction(IDLE, form(lahoreTie())));
    const before = await counts();
    const state = await createPartnershipAction(IDLE, form(lahoreTie()));
    expect(state).toMatchObject({ status: 'invalid', fieldErrors: { partnerLocalityId: { key: 'partnerships.duplicate' } } });
    expect(await counts()).toEqual(before);
  });

  it('saves an edit without touching the status, and refuses a stale one with what changed', async () => {
    await signedIn('editor');
    const id = (await redirectOf(createPartnershipAction(IDLE, form(lahoreTie())))).split('/').pop()!;
    // Someone saves version 1 -> 2. A status in the form is not an edit: it changes by a lifecycle step.
    await redirectOf(updatePartnershipAction(IDLE, form({ ...lahoreTie(), id, version: '1', status: 'terminated', summaryEn: 'Quiet.' })));
    const detail = await queryPartnership(db, id);
    expect(detail).toMatchObject({ status: 'active', summaryEn: 'Quiet.', version: 2 });
    expect(detail!.statusEvents).toHaveLength(1);
    const before = await counts();
    // Someone else still had version 1 open.
    const stale = await updatePartnershipAction(IDLE, form({ ...lahoreTie(), id, version: '1', summaryEn: 'Mine.' }));
    expect(stale).toMatchObject({
      status: 'conflict',
      message: { key: 'partnerships.conflict' },
      data: { changes: { summaryEn: 'Quiet.' }, by: ['editor@example.org'] },
    });
    expect(await counts()).toEqual(before);
    expect((await queryPartnership(db, id))!.summaryEn).toBe('Quiet.');
  });

  it('refuses an edit dating a signed tie after today, beside the date, and writes nothing', async () => {
    await signedIn('editor');
    const id = (await redirectOf(createPartnershipAction(IDLE, form(lahoreTie())))).split('/').pop()!;
    const before = await counts();
    const state = await updatePartnershipAction(IDLE, form({ ...lahoreTie(), id, version: '1', established: '2999-01-01' }));
    expect(state).toMatchObject({ status: 'invalid', fieldErrors: { established: { key: 'validation.futureDate' } } });
    expect(await counts()).toEqual(before);
  });

  it("registers a related tie of another locality, listed as another locality's", async () => {
    await signedIn('editor');
    const url = await redirectOf(createPartnershipAction(IDLE, form({ ...lahoreTie(), homeLocalityId: karachi, type: 'sister_city' })));
    const detail = await queryPartnership(db, url.split('/').pop()!);
    expect(detail).toMatchObject({ home: { nameEn: 'Karachi' }, partner: { nameEn: 'Lahore' } });
    const other = await queryPartnerships(db, partnershipFilterSchema.parse({ scope: 'other' }), guangzhou);
    expect(other.rows.map((r) => r.partner.nameEn)).toEqual(['Lahore']);
    // A home side that is not a live locality is refused beside the field.
    await db.update(localities).set({ deletedAt: new Date() }).where(eq(localities.id, karachi));
    const before = await counts();
    const state = await createPartnershipAction(IDLE, form({ ...lahoreTie(), homeLocalityId: karachi, type: 'sister_district' }));
    expect(state).toMatchObject({ status: 'invalid', fieldErrors: { homeLocalityId: { key: 'partnerships.partnerGone' } } });
    expect(await counts()).toEqual(before);
  });

  it('deletes softly and an admin restores, each audited; deleted ties leave the list', async () => {
    await signedIn('admin');
    const id = (await redirectOf(createPartnershipAction(IDLE, form(lahoreTie())))).split('/').pop()!;
    const all = partnershipFilterSchema.parse({});
    const deletedOnly = partnershipFilterSchema.parse({ deleted: '1' });
    await redirectOf(deletePartnershipAction(IDLE, form({ id, version: '1' })));
    expect((await queryPartnerships(db, all, guangzhou)).total).toBe(0);
    expect((await queryPartnerships(db, deletedOnly, guangzhou)).rows.map((r) => r.id)).toEqual([id]);
    expect(JSON.parse(await redirectOf(restorePartnershipAction(IDLE, form({ id, version: '2' }))))).toEqual({ pathname: `/partnerships/${id}`, query: { done: 'restored' } });
    expect((await queryPartnerships(db, all, guangzhou)).total).toBe(1);
    const actions = await db.select({ a: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.entityId, id)));
    expect(actions.map((r) => r.a).sort()).toEqual(['partnership.create', 'partnership.delete', 'partnership.restore']);
    // A stale delete is refused.
    expect(await deletePartnershipAction(IDLE, form({ id, version: '1' }))).toMatchObject({ status: 'conflict' });
  });

  it('rolls the tie back with its audit event when the audit write fails', async () => {
    const editor = await signedIn('editor');
    const before = await counts();
    await expect(
      db.transaction(async (tx) => {
        const r = await insertPartnership(tx, editor, guangzhou, {
          partnerLocalityId: lahore, type: 'sister_city', status: 'active', established: '1979', establishedBasis: null,
          cooperationFields: [], summaryEn: null, summaryZh: null, internalNotes: null, isPublic: true,
        });
        expect(r.kind).toBe('ok');
        throw new Error('the audit store failed');
      }),
    ).rejects.toThrow('the audit store failed');
    expect(await counts()).toEqual(before);
  });

  it('finds ties by either name, accents optional, and filters', async () => {
    await signedIn('editor');
    await db.update(localities).set({ nameEn: 'Łódź', slug: 'lodz' }).where(eq(localities.id, karachi));
    await redirectOf(createPartnershipAction(IDLE, form(lahoreTie())));
    await redirectOf(createPartnershipAction(IDLE, form({ ...lahoreTie(), partnerLocalityId: karachi, type: 'sister_district', established: '2014', isPublic: '' })));
    const find = async (q: Record<string, string>) =>
      (await queryPartnerships(db, partnershipFilterSchema.parse(q), guangzhou)).rows.map((r) => r.partner.nameEn);
    expect(await find({ q: 'lodz' })).toEqual(['Łódź']);
    expect(await find({ q: '拉合' })).toEqual(['Lahore']);
    expect(await find({ q: 'guangzhou', sort: '-partner' })).toEqual(['Łódź', 'Lahore']);
    expect(await find({ visibility: 'internal' })).toEqual(['Łódź']);
    expect(await find({ from: '2015' })).toEqual(['Lahore']);
    expect(await find({ field: 'trade', type: 'friendly_cooperation_city' })).toEqual(['Lahore']);
    expect(await find({ scope: 'other' })).toEqual([]);
    expect(await find({ q: '50%' })).toEqual([]);
  });
});
