import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/index';
import { recordLifecycleStep } from '@/db/mutations/partnerships';
import { queryPartnership } from '@/db/queries/partnerships-core';
import { agreements, auditEvents, localities, partnerships, partnershipStatusEvents, settings } from '@/db/schema';
import { redirectOf } from '@/db/testing/actions';
import { resetDatabase } from '@/db/testing/reset';
import { insertSignedInUser } from '@/db/testing/staff';
import { IDLE } from '@/lib/action-state';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/domain';
import { lifecycleStepSchema } from '@/lib/validation/lifecycle';

// The actions read the session through this one function; the test decides who is calling.
const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock('@/lib/auth/session-id', () => ({ readSessionId: async () => session.id }));
vi.mock('next-intl/server', () => ({ getLocale: async () => 'en' }));
vi.mock('@/lib/i18n/navigation', async () => (await import('@/db/testing/actions')).navigationMock);

const { recordLifecycleStepAction } = await import('./actions');

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

async function counts() {
  return {
    partnerships: await db.$count(partnerships),
    events: await db.$count(partnershipStatusEvents),
    audit: await db.$count(auditEvents),
  };
}

let guangzhou: string;
let lahore: string;
let tie: string;

async function version() {
  const [row] = await db.select({ v: partnerships.version }).from(partnerships).where(eq(partnerships.id, tie));
  return String(row!.v);
}

describe('lifecycle step action', () => {
  beforeEach(async () => {
    await resetDatabase();
    session.id = null;
    const rows = await db
      .insert(localities)
      .values([
        { slug: 'guangzhou', nameEn: 'Guangzhou', nameZh: '广州', countryCode: 'CN' },
        { slug: 'lahore', nameEn: 'Lahore', nameZh: '拉合尔', countryCode: 'PK' },
      ])
      .returning({ id: localities.id });
    [guangzhou, lahore] = rows.map((r) => r.id) as [string, string];
    await db.insert(settings).values({ id: 1, homeLocalityId: guangzhou });
    const [p] = await db
      .insert(partnerships)
      .values({ slug: 'guangzhou-lahore', homeLocalityId: guangzhou, partnerLocalityId: lahore, type: 'friendly_cooperation_city', status: 'proposed' })
      .returning({ id: partnerships.id });
    tie = p!.id;
  });

  it('walks a tie from proposal to sister city: letter of intent, two approvals, signing, upgrade', async () => {
    await signedIn('editor');
    const step = async (values: Record<string, string>) =>
      redirectOf(recordLifecycleStepAction(IDLE, form({ partnershipId: tie, version: await version(), ...values })));
    await step({ kind: 'status', status: 'letter_of_intent', effective: '2021-03', reason: 'Letter exchanged during the online forum' });
    await step({ kind: 'approval', approvalLevel: 'city', approvalBody: 'Guangzhou Municipal Government', effective: '2021-06-15' });
    await step({ kind: 'approval', approvalLevel: 'national', approvalBody: 'Ministry of Foreign Affairs', effective: '2021-09' });
    const [mou] = await db
      .insert(agreements)
      .values({ partnershipId: tie, kind: 'mou', titleEn: 'MoU', signedOn: '2021-11-19', signedPrecision: 'day' })
      .returning({ id: agreements.id });
    await step({ kind: 'status', status: 'active', effective: '2021-11-19', agreementId: mou!.id });
    const url = await step({ kind: 'upgrade', toType: 'sister_city', effective: '2024', reason: 'Council resolution' });
    expect(url).toBe(`/partnerships/${tie}#timeline`);

    const p = (await queryPartnership(db, tie))!;
    // One tie all along: the upgrade changed its type, not its id.
    expect(p).toMatchObject({ id: tie, type: 'sister_city', status: 'active', version: 6 });
    expect(p.statusEvents.map((e) => [e.kind, e.status, e.effectiveOn, e.effectivePrecision])).toEqual([
      ['upgrade', 'active', '2024-01-01', 'year'],
      ['status', 'active', '2021-11-19', 'day'],
      ['approval', 'approved', '2021-09-01', 'month'],
      // The first approval moved the tie to approved; the second keeps it there.
      ['approval', 'approved', '2021-06-15', 'day'],
      ['status', 'letter_of_intent', '2021-03-01', 'month'],
    ]);
    expect(p.statusEvents[0]).toMatchObject({ fromType: 'friendly_cooperation_city', toType: 'sister_city', note: 'Council resolution' });
    expect(p.statusEvents[1]).toMatchObject({ agreementId: mou!.id });
    expect(p.statusEvents[3]).toMatchObject({ approvalLevel: 'city', approvalBody: 'Guangzhou Municipal Government' });
    const audit = await db.select({ action: auditEvents.action, after: auditEvents.after }).from(auditEvents).where(eq(auditEvents.entityId, tie));
    expect(audit.map((a) => a.action)).toEqual(Array(5).fill('partnership.lifecycle'));
  });

  it('records a suspension until its review date, and a termination by a side and a decision', async () => {
    await signedIn('editor');
    await db.update(partnerships).set({ status: 'active' }).where(eq(partnerships.id, tie));
    await redirectOf(
      recordLifecycleStepAction(IDLE, form({ partnershipId: tie, version: '1', kind: 'status', status: 'suspended', effective: '2022-02-01', reviewOn: '2023-02-01', reason: 'Pending review' })),
    );
    await redirectOf(
      recordLifecycleStepAction(
        IDLE,
        form({ partnershipId: tie, version: '2', kind: 'status', status: 'terminated', effective: '2023-03', endedBy: 'partner', decision: 'City council resolution 2023/14', reviewOn: '2030-01-01' }),
      ),
    );
    const p = (await queryPartnership(db, tie))!;
    expect(p.status).toBe('terminated');
    expect(p.statusEvents[0]).toMatchObject({ status: 'terminated', endedBy: 'partner', decision: 'City council resolution 2023/14', reviewOn: null });
    expect(p.statusEvents[1]).toMatchObject({ status: 'suspended', reviewOn: '2023-02-01', endedBy: null, decision: null });
  });

  it.each([
    [{ kind: 'status' }, 'status', 'validation.required'],
    [{ kind: 'status', status: 'suspended' }, 'reviewOn', 'validation.required'],
    [{ kind: 'status', status: 'suspended', reviewOn: '2021-01-01' }, 'reviewOn', 'validation.reviewAfterEffective'],
    [{ kind: 'status', status: 'terminated' }, 'endedBy', 'validation.required'],
    [{ kind: 'status', status: 'paused', effective: '2999-01' }, 'effective', 'validation.stepInFuture'],
    [{ kind: 'status', status: 'paused', effective: '' }, 'effective', 'validation.required'],
    [{ kind: 'status', status: 'paused', effective: '2021-02-30' }, 'effective', 'validation.partialDate'],
    [{ kind: 'status', status: 'paused', reason: 'x'.repeat(2001) }, 'reason', 'validation.tooLong'],
    [{ kind: 'approval' }, 'approvalLevel', 'validation.required'],
    [{ kind: 'approval', approvalLevel: 'city' }, 'approvalBody', 'validation.required'],
    [{ kind: 'upgrade' }, 'toType', 'validation.required'],
    [{ kind: 'upgrade', toType: 'twin_town' }, 'toType', 'validation.invalid'],
    [{ kind: 'merger' }, 'kind', 'validation.invalid'],
  ])('refuses %j beside %s, writing nothing', async (values, field, key) => {
    await signedIn('editor');
    const before = await counts();
    const state = await recordLifecycleStepAction(IDLE, form({ partnershipId: tie, version: '1', effective: '2021-11', ...(values as Record<string, string>) }));
    expect(state).toMatchObject({ status: 'invalid', fieldErrors: { [field]: { key } } });
    expect(await counts()).toEqual(before);
  });

  it('refuses what only the database can tell: the same status, the same type, a duplicate type, a foreign document, a stale version', async () => {
    await signedIn('editor');
    const before = await counts();
    const base = { partnershipId: tie, version: '1', effective: '2021-11' };
    expect(await recordLifecycleStepAction(IDLE, form({ ...base, kind: 'status', status: 'proposed' }))).toMatchObject({ fieldErrors: { status: { key: 'lifecycle.sameStatus' } } });
    expect(await recordLifecycleStepAction(IDLE, form({ ...base, kind: 'upgrade', toType: 'friendly_cooperation_city' }))).toMatchObject({ fieldErrors: { toType: { key: 'lifecycle.sameType' } } });
    // Another live tie of the pair is already a sister-city tie.
    await db.insert(partnerships).values({ slug: 'gz-lahore-2', homeLocalityId: guangzhou, partnerLocalityId: lahore, type: 'sister_city' });
    expect(await recordLifecycleStepAction(IDLE, form({ ...base, kind: 'upgrade', toType: 'sister_city' }))).toMatchObject({ fieldErrors: { toType: { key: 'partnerships.duplicate' } } });
    const [other] = await db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, 'gz-lahore-2'));
    const [foreign] = await db.insert(agreements).values({ partnershipId: other!.id, kind: 'mou', titleEn: 'Not this tie' }).returning({ id: agreements.id });
    expect(await recordLifecycleStepAction(IDLE, form({ ...base, kind: 'status', status: 'active', agreementId: foreign!.id }))).toMatchObject({
      fieldErrors: { agreementId: { key: 'lifecycle.agreementGone' } },
    });
    expect(await recordLifecycleStepAction(IDLE, form({ ...base, version: '7', kind: 'status', status: 'active' }))).toMatchObject({ status: 'conflict', message: { key: 'lifecycle.conflict' } });
    expect({ ...(await counts()), partnerships: before.partnerships + 1 }).toEqual({ ...before, partnerships: before.partnerships + 1 });
    expect((await queryPartnership(db, tie))!).toMatchObject({ status: 'proposed', version: 1 });
  });

  it('refuses viewers and signed-out callers, and steps on a deleted tie', async () => {
    const before = await counts();
    const values = { partnershipId: tie, version: '1', kind: 'status', status: 'active', effective: '2021-11' };
    expect((await recordLifecycleStepAction(IDLE, form(values))).status).toBe('error');
    await signedIn('viewer');
    expect((await recordLifecycleStepAction(IDLE, form(values))).status).toBe('error');
    await signedIn('editor');
    await db.update(partnerships).set({ deletedAt: new Date() }).where(eq(partnerships.id, tie));
    expect(await recordLifecycleStepAction(IDLE, form(values))).toMatchObject({ status: 'error', message: { key: 'partnerships.gone' } });
    expect(await counts()).toEqual(before);
  });

  it('rolls the step back with its audit event when the audit write fails', async () => {
    const editor = await signedIn('editor');
    const before = await counts();
    const input = lifecycleStepSchema.parse({ partnershipId: tie, version: '1', kind: 'status', status: 'active', effective: '2021-11' });
    await expect(
      db.transaction(async (tx) => {
        expect((await recordLifecycleStep(tx, editor, input)).kind).toBe('ok');
        throw new Error('the audit store failed');
      }),
    ).rejects.toThrow('the audit store failed');
    expect(await counts()).toEqual(before);
    expect((await queryPartnership(db, tie))!.status).toBe('proposed');
  });
});
