import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/index';
import { queryActivities, queryActivitiesOfPartnership, queryActivity } from '@/db/queries/activities-core';
import {
  activities,
  activityMilestones,
  activityOrganisations,
  activityPartnerships,
  activityQuantities,
  auditEvents,
  localities,
  partnerships,
} from '@/db/schema';
import { redirectOf } from '@/db/testing/actions';
import { resetDatabase } from '@/db/testing/reset';
import { insertSignedInUser } from '@/db/testing/staff';
import { IDLE, type ActionState } from '@/lib/action-state';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/domain';
import { activityFilterSchema } from '@/lib/validation/activities';

// The actions read the session through this one function; the test decides who is calling.
const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock('@/lib/auth/session-id', () => ({ readSessionId: async () => session.id }));
vi.mock('next-intl/server', () => ({ getLocale: async () => 'en' }));
vi.mock('@/lib/i18n/navigation', async () => (await import('@/db/testing/actions')).navigationMock);

const { createActivityAction, deleteActivityAction, restoreActivityAction, updateActivityAction } = await import('./actions');

let hash: string;
beforeAll(async () => {
  hash = await hashPassword('a staff password that works');
});

async function signedIn(role: Role, email = `${role}@example.org`) {
  const { user, sessionId } = await insertSignedInUser(role, email, hash);
  session.id = sessionId;
  return user;
}

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) for (const one of [v].flat()) data.append(k, one);
  return data;
}

let lahore: string;
let karachi: string;
let peshawar: string;

async function counts() {
  return {
    activities: await db.$count(activities),
    partners: await db.$count(activityPartnerships),
    quantities: await db.$count(activityQuantities),
    organisations: await db.$count(activityOrganisations),
    milestones: await db.$count(activityMilestones),
    audit: await db.$count(auditEvents),
  };
}

/** Guangzhou's mask donation to three Pakistani partners, each its own quantity, as the form posts it. */
const maskDonation = (): Record<string, string | string[]> => ({
  kind: 'donation',
  status: 'completed',
  direction: 'outgoing',
  titleEn: 'Surgical masks for Pakistani partners',
  titleZh: '向巴基斯坦友城捐赠医用口罩',
  started: '2020-04',
  ended: '2020-05',
  placeEn: 'Guangzhou',
  cooperationFields: ['health'],
  valueAmount: '120,000',
  valueCurrency: 'cny',
  participants: '',
  links: 'https://example.org/masks',
  internalNotes: 'Shipped by air.',
  isPublic: 'on',
  'partners.0.partnershipId': lahore,
  'partners.0.status': 'completed',
  'partners.1.partnershipId': karachi,
  'partners.1.status': 'completed',
  'partners.2.partnershipId': peshawar,
  'partners.2.status': 'ongoing',
  'partners.3.partnershipId': '',
  'partners.3.status': 'completed',
  'quantities.0.partnershipId': lahore,
  'quantities.0.itemEn': 'Surgical masks',
  'quantities.0.itemZh': '医用口罩',
  'quantities.0.amount': '20,000',
  'quantities.0.unit': 'pieces',
  'quantities.1.partnershipId': karachi,
  'quantities.1.itemEn': 'Surgical masks',
  'quantities.1.amount': '15000',
  'quantities.1.unit': 'pieces',
  'quantities.2.partnershipId': peshawar,
  'quantities.2.itemEn': 'surgical masks ',
  'quantities.2.amount': '5000',
  'quantities.2.unit': 'pieces',
  'quantities.3.partnershipId': lahore,
  'quantities.3.itemEn': 'Thermometers',
  'quantities.3.amount': '200',
  'quantities.3.unit': '',
  'quantities.4.partnershipId': '',
  'quantities.4.itemEn': '',
  'quantities.4.amount': '',
  'organisations.0.nameEn': 'Guangzhou Red Cross',
  'organisations.0.roleEn': 'shipper',
  'organisations.1.nameEn': '',
  'milestones.0.date': '2020-04-10',
  'milestones.0.titleEn': 'Shipped',
  'milestones.1.date': '',
  'milestones.1.titleEn': '',
});

async function createMasks(): Promise<string> {
  const href = await redirectOf(createActivityAction(IDLE, form(maskDonation())));
  return href.split('/').pop()!;
}

describe('activity actions', () => {
  beforeEach(async () => {
    await resetDatabase();
    session.id = null;
    const rows = await db
      .insert(localities)
      .values([
        { slug: 'guangzhou', nameEn: 'Guangzhou', nameZh: '广州', countryCode: 'CN' },
        { slug: 'lahore', nameEn: 'Lahore', nameZh: '拉合尔', countryCode: 'PK' },
        { slug: 'karachi', nameEn: 'Karachi', nameZh: '卡拉奇', countryCode: 'PK' },
        { slug: 'peshawar', nameEn: 'Peshawar', nameZh: '白沙瓦', countryCode: 'PK' },
        { slug: 'fukuoka', nameEn: 'Fukuoka', nameZh: '福冈', countryCode: 'JP' },
      ])
      .returning({ id: localities.id });
    const [gz, ...others] = rows.map((r) => r.id) as [string, string, string, string, string];
    const ties = await db
      .insert(partnerships)
      .values(others.map((p, i) => ({ slug: `gz-${i}`, homeLocalityId: gz, partnerLocalityId: p, type: 'sister_city' as const, status: 'active' as const })))
      .returning({ id: partnerships.id });
    [lahore, karachi, peshawar] = ties.map((t) => t.id) as [string, string, string];
  });

  it.each([
    ['nobody signed in', null, 'auth.signedOut'],
    ['a viewer', 'viewer', 'auth.forbidden'],
  ] as const)('refuse %s every write, and write nothing', async (_who, role, key) => {
    await signedIn('editor', 'setup@example.org');
    const id = await createMasks();
    session.id = null;
    if (role) await signedIn(role);
    const before = await counts();
    const ref = { id, version: '1' };
    const results = [
      await createActivityAction(IDLE, form(maskDonation())),
      await updateActivityAction(IDLE, form({ ...maskDonation(), ...ref, titleEn: 'Changed' })),
      await deleteActivityAction(IDLE, form(ref)),
      await restoreActivityAction(IDLE, form(ref)),
    ];
    for (const r of results) expect(r).toEqual({ status: 'error', message: { key } });
    expect(await counts()).toEqual(before);
    expect((await queryActivity(db, id))!.titleEn).toBe('Surgical masks for Pakistani partners');
  });

  it('records one donation to three partners, each with its quantity, and adds them up', async () => {
    const editor = await signedIn('editor');
    const id = await createMasks();
    const a = await queryActivity(db, id);
    expect(a).toMatchObject({
      slug: 'surgical-masks-for-pakistani-partners',
      kind: 'donation',
      direction: 'outgoing',
      startedOn: '2020-04-01',
      startedPrecision: 'month',
      endedOn: '2020-05-01',
      endedPrecision: 'month',
      valueAmount: '120000.00',
      valueCurrency: 'CNY',
      links: ['https://example.org/masks'],
      isPublic: true,
      version: 1,
    });
    expect(a!.partnerRows.map((p) => [p.partnerNameEn, p.status])).toEqual([
      ['Lahore', 'completed'],
      ['Karachi', 'completed'],
      ['Peshawar', 'ongoing'],
    ]);
    expect(a!.quantities.map((q) => [q.partnershipId, q.amount])).toEqual([
      [lahore, '20000.00'],
      [karachi, '15000.00'],
      [peshawar, '5000.00'],
      [lahore, '200.00'],
    ]);
    expect(a!.totals).toEqual([
      { itemEn: 'Surgical masks', itemZh: '医用口罩', unit: 'pieces', amount: '40000.00', partners: 3 },
      { itemEn: 'Thermometers', itemZh: null, unit: null, amount: '200.00', partners: 1 },
    ]);
    expect(a!.organisations).toEqual([{ nameEn: 'Guangzhou Red Cross', nameZh: null, roleEn: 'shipper', roleZh: null }]);
    expect(a!.milestones).toEqual([{ occurredOn: '2020-04-10', occurredPrecision: 'day', titleEn: 'Shipped', titleZh: null, note: null }]);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit).toMatchObject({ action: 'activity.create', entityType: 'activity', actorId: editor.id, before: null });
    expect(audit!.after).toMatchObject({ version: 1, partners: [{ partnershipId: lahore }, { partnershipId: karachi }, { partnershipId: peshawar }] });
    expect((audit!.after as { quantities: unknown[] }).quantities).toHaveLength(4);

    // The partnership page's list: Lahore's own quantities and the number of partners served.
    const ofLahore = await queryActivitiesOfPartnership(db, lahore);
    expect(ofLahore).toMatchObject([
      { id, partnerStatus: 'completed', partnerCount: 3, quantities: [{ itemEn: 'Surgical masks', amount: '20000.00' }, { itemEn: 'Thermometers', amount: '200.00' }] },
    ]);
    expect(await queryActivitiesOfPartnership(db, peshawar)).toMatchObject([{ partnerStatus: 'ongoing', quantities: [{ amount: '5000.00' }] }]);
  });

  it('gives a second activity of the same title its own slug', async () => {
    await signedIn('editor');
    await createMasks();
    const second = await createMasks();
    expect((await queryActivity(db, second))!.slug).toBe('surgical-masks-for-pakistani-partners-2');
  });

  it('refuses bad input beside the field and writes nothing', async () => {
    await signedIn('editor');
    const before = await counts();
    const cases: Array<[Record<string, string | string[]>, string, string]> = [
      [{ started: '2020-05-02', ended: '2020-05-01' }, 'ended', 'validation.endBeforeStart'],
      [{ 'quantities.1.amount': '-15000' }, 'quantities.1.amount', 'activities.amountNegative'],
      [{ 'quantities.1.amount': 'many' }, 'quantities.1.amount', 'activities.amountNumber'],
      [{ 'quantities.1.amount': '1'.repeat(30) }, 'quantities.1.amount', 'activities.amountTooLarge'],
      [{ valueCurrency: 'XYZ' }, 'valueCurrency', 'activities.currency'],
      [{ valueAmount: '-1' }, 'valueAmount', 'activities.amountNegative'],
      [{ participants: '99999999999' }, 'participants', 'activities.participantsNumber'],
      [{ titleEn: 'x'.repeat(301) }, 'titleEn', 'validation.tooLong'],
      [{ 'organisations.0.roleEn': 'r'.repeat(201) }, 'organisations.0.roleEn', 'validation.tooLong'],
      [{ 'milestones.0.date': '2020-13' }, 'milestones.0.date', 'validation.partialDate'],
      [{ links: 'ftp://example.org/file' }, 'links', 'activities.link'],
      [{ kind: 'party' }, 'kind', 'validation.invalid'],
      [{ 'partners.1.partnershipId': lahore }, 'partners.1.partnershipId', 'activities.duplicatePartner'],
      [{ 'quantities.0.partnershipId': 'not-a-partnership' }, 'quantities.0.partnershipId', 'activities.choosePartnership'],
    ];
    for (const [change, field, key] of cases) {
      const state = await createActivityAction(IDLE, form({ ...maskDonation(), ...change }));
      expect(state.status, JSON.stringify(change)).toBe('invalid');
      if (state.status === 'invalid') expect(state.fieldErrors[field], JSON.stringify(change)).toEqual({ key });
    }
    // A partnership that does not exist, or was deleted: refused beside its row, never a foreign-key error.
    const bogus = '6f0c7c1e-8f3a-4c1b-9d2e-7a6b5c4d3e2f';
    expect(await createActivityAction(IDLE, form({ ...maskDonation(), 'partners.2.partnershipId': bogus, 'quantities.2.partnershipId': bogus }))).toEqual({
      status: 'invalid',
      fieldErrors: { 'partners.2.partnershipId': { key: 'activities.partnerGone' } },
      message: { key: 'validation.fixFields' },
    });
    await db.update(partnerships).set({ deletedAt: new Date() }).where(eq(partnerships.id, karachi));
    const gone = await createActivityAction(IDLE, form(maskDonation()));
    expect(gone.status === 'invalid' && gone.fieldErrors).toEqual({ 'partners.1.partnershipId': { key: 'activities.partnerGone' } });
    expect(await counts()).toEqual(before);
  });

  it('answers forged payloads field by field, never with an exception', async () => {
    await signedIn('editor');
    const before = await counts();
    for (const payload of ['x', null, undefined, 42, [], new FormData()] as unknown[]) {
      for (const action of [createActivityAction, updateActivityAction, deleteActivityAction]) {
        const state = await action(IDLE, payload as FormData);
        expect(state.status).toBe('invalid');
      }
    }
    const forged = form({ ...maskDonation(), 'partners.0.status': 'exploded', 'quantities.9999.amount': '1', cooperationFields: ['nope'] });
    expect((await createActivityAction(IDLE, forged)).status).toBe('invalid');
    expect(await counts()).toEqual(before);
  });

  it('saves an edit at its version, replacing the rows, with the audit before and after', async () => {
    await signedIn('editor');
    const id = await createMasks();
    const edited = { ...maskDonation(), id, version: '1', 'quantities.1.amount': '16000', 'quantities.3.itemEn': '', 'quantities.3.amount': '', 'partners.2.status': 'completed' };
    expect(await redirectOf(updateActivityAction(IDLE, form(edited)))).toBe(`/activities/${id}`);
    const a = await queryActivity(db, id);
    expect(a!.version).toBe(2);
    expect(a!.slug).toBe('surgical-masks-for-pakistani-partners');
    expect(a!.totals).toEqual([{ itemEn: 'Surgical masks', itemZh: '医用口罩', unit: 'pieces', amount: '41000.00', partners: 3 }]);
    expect(a!.partnerRows.map((p) => p.status)).toEqual(['completed', 'completed', 'completed']);
    expect(await db.$count(activityQuantities)).toBe(3);
    const [audit] = await db.select().from(auditEvents).where(sql`${auditEvents.action} = 'activity.update'`);
    expect((audit!.before as { version: number; quantities: unknown[] }).quantities).toHaveLength(4);
    expect(audit!.after).toMatchObject({ version: 2 });
  });

  it('refuses a stale version, writes nothing, and says what the other editor changed', async () => {
    await signedIn('editor', 'first@example.org');
    const id = await createMasks();
    await redirectOf(updateActivityAction(IDLE, form({ ...maskDonation(), id, version: '1', titleEn: 'Masks for Pakistan', 'quantities.0.amount': '25000' })));
    await signedIn('editor', 'second@example.org');
    const before = await counts();
    const state = await updateActivityAction(IDLE, form({ ...maskDonation(), id, version: '1', placeEn: 'Baiyun airport' }));
    expect(state).toMatchObject({ status: 'conflict', message: { key: 'activities.conflict' }, data: { by: ['first@example.org'] } });
    const changes = (state as unknown as { data: { changes: Record<string, unknown> } }).data.changes;
    expect(changes.titleEn).toBe('Masks for Pakistan');
    expect(changes.quantities).toBeDefined();
    expect(changes.placeEn).toBeUndefined();
    expect(await counts()).toEqual(before);
    expect((await queryActivity(db, id))!.placeEn).toBe('Guangzhou');
  });

  it('lets an editor delete but not restore; an admin sees the deleted activity and restores it', async () => {
    await signedIn('editor');
    const id = await createMasks();
    expect(await redirectOf(deleteActivityAction(IDLE, form({ id, version: '1' })))).toContain('deleted');
    expect(await restoreActivityAction(IDLE, form({ id, version: '2' }))).toEqual({ status: 'error', message: { key: 'auth.forbidden' } });
    // Deleted: gone from the list, from the partnership's activities, and not editable.
    expect((await queryActivities(db, activityFilterSchema.parse({}))).total).toBe(0);
    expect(await queryActivitiesOfPartnership(db, lahore)).toEqual([]);
    expect(await updateActivityAction(IDLE, form({ ...maskDonation(), id, version: '2' }))).toEqual({ status: 'error', message: { key: 'activities.gone' } });
    await signedIn('admin');
    expect((await queryActivities(db, activityFilterSchema.parse({ deleted: '1' }))).rows.map((r) => r.id)).toEqual([id]);
    expect(await restoreActivityAction(IDLE, form({ id, version: '1' }))).toEqual({ status: 'conflict', message: { key: 'activities.conflictReload' } });
    expect(JSON.parse(await redirectOf(restoreActivityAction(IDLE, form({ id, version: '2' }))))).toEqual({ pathname: `/activities/${id}`, query: { done: 'restored' } });
    expect((await queryActivity(db, id))!).toMatchObject({ deletedAt: null, version: 3 });
    const actions = (await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, id)).orderBy(auditEvents.occurredAt)).map((r) => r.action);
    expect(actions).toEqual(['activity.create', 'activity.delete', 'activity.restore']);
  });

  it('rolls the activity back when its audit event cannot be written', async () => {
    await signedIn('editor');
    const before = await counts();
    await db.execute(sql`alter table audit_events add constraint no_activity_audit check (entity_type <> 'activity') not valid`);
    try {
      await expect(createActivityAction(IDLE, form(maskDonation()))).rejects.toThrow();
    } finally {
      await db.execute(sql`alter table audit_events drop constraint no_activity_audit`);
    }
    expect(await counts()).toEqual(before);
  });

  it('filters the list by kind, partner, country, year, field, visibility and text', async () => {
    await signedIn('editor');
    const masks = await createMasks();
    const visit = await redirectOf(
      createActivityAction(
        IDLE,
        form({
          kind: 'delegation_visit',
          status: 'planned',
          direction: 'incoming',
          titleEn: 'Fukuoka youth delegation',
          started: '2026-09',
          cooperationFields: ['youth'],
          'partners.0.partnershipId': (await db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, 'gz-3')))[0]!.id,
          'partners.0.status': 'planned',
        }),
      ),
    ).then((h) => h.split('/').pop()!);
    const ids = async (q: Record<string, string>) => (await queryActivities(db, activityFilterSchema.parse(q))).rows.map((r) => r.id);
    expect(await ids({})).toEqual([visit, masks]);
    expect(await ids({ kind: 'donation' })).toEqual([masks]);
    expect(await ids({ direction: 'incoming' })).toEqual([visit]);
    expect(await ids({ partnership: karachi })).toEqual([masks]);
    expect(await ids({ country: 'JP' })).toEqual([visit]);
    expect(await ids({ year: '2020' })).toEqual([masks]);
    expect(await ids({ year: '2021' })).toEqual([]);
    // An ongoing activity without an end runs in every year since it started (the Orange Line since 2020).
    await db.update(activities).set({ status: 'ongoing', endedOn: null, endedPrecision: null }).where(eq(activities.id, masks));
    expect(await ids({ year: '2021' })).toEqual([masks]);
    expect(await ids({ year: '2019' })).toEqual([]);
    // A completed one without an end ran in the year it started only.
    await db.update(activities).set({ status: 'completed' }).where(eq(activities.id, masks));
    expect(await ids({ year: '2021' })).toEqual([]);
    expect(await ids({ field: 'youth' })).toEqual([visit]);
    expect(await ids({ visibility: 'internal' })).toEqual([visit]);
    expect(await ids({ q: 'peshawar' })).toEqual([masks]);
    expect(await ids({ q: '口罩' })).toEqual([masks]);
    expect(await ids({ q: '100%_' })).toEqual([]);
    const { rows } = await queryActivities(db, activityFilterSchema.parse({ kind: 'donation' }));
    expect(rows[0]!.partners.map((p) => p.partnerNameEn)).toEqual(['Lahore', 'Karachi', 'Peshawar']);
  });
});
