import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/index';
import { queryPartnership } from '@/db/queries/partnerships-core';
import { agreementFiles, agreements, agreementSignatories, auditEvents, localities, partnerships, settings } from '@/db/schema';
import { resetDatabase } from '@/db/testing/reset';
import { redirectOf } from '@/db/testing/actions';
import { insertSignedInUser } from '@/db/testing/staff';
import { IDLE, type ActionState } from '@/lib/action-state';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/domain';

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock('@/lib/auth/session-id', () => ({ readSessionId: async () => session.id }));
vi.mock('next-intl/server', () => ({ getLocale: async () => 'en' }));
vi.mock('@/lib/i18n/navigation', async () => (await import('@/db/testing/actions')).navigationMock);

const { createAgreementAction, deleteAgreementAction, updateAgreementAction } = await import('./actions');

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

let hash: string;
beforeAll(async () => {
  hash = await hashPassword('a staff password that works');
});

async function signedIn(role: Role) {
  const { user, sessionId } = await insertSignedInUser(role, `${role}@example.org`, hash);
  session.id = sessionId;
  return user;
}

let partnershipId: string;

function form(extra: Array<[string, string | File]> = []): FormData {
  const f = new FormData();
  const base: Array<[string, string | File]> = [
    ['partnershipId', partnershipId],
    ['kind', 'mou'],
    ['titleEn', 'Guangzhou–Lahore memorandum of understanding'],
    ['signed', '2021-11-19'],
    ['signedPlaceEn', 'Lahore'],
    ['cooperationFields', 'economy'],
    ['signatories.0.side', 'home'],
    ['signatories.0.nameEn', 'Wen Guohui'],
    ['signatories.0.titleEn', 'Mayor of Guangzhou'],
    ['signatories.2.side', 'partner'],
    ['signatories.2.nameEn', 'Mian Aamir Mahmood'],
  ];
  const keys = new Set(extra.map(([k]) => k));
  for (const [k, v] of [...base.filter(([k]) => !keys.has(k)), ...extra]) f.append(k, v);
  return f;
}

async function counts() {
  return {
    agreements: await db.$count(agreements),
    signatories: await db.$count(agreementSignatories),
    files: await db.$count(agreementFiles),
    audit: await db.$count(auditEvents),
  };
}

describe('agreement actions', () => {
  beforeEach(async () => {
    await resetDatabase();
    session.id = null;
    const [gz, lh] = await db
      .insert(localities)
      .values([
        { slug: 'guangzhou', nameEn: 'Guangzhou', countryCode: 'CN' },
        { slug: 'lahore', nameEn: 'Lahore', countryCode: 'PK' },
      ])
      .returning({ id: localities.id });
    await db.insert(settings).values({ id: 1, homeLocalityId: gz!.id });
    const [p] = await db
      .insert(partnerships)
      .values({ slug: 'guangzhou-lahore', homeLocalityId: gz!.id, partnerLocalityId: lh!.id, type: 'friendly_cooperation_city' })
      .returning({ id: partnerships.id });
    partnershipId = p!.id;
  });

  it.each([
    ['nobody signed in', null, 'auth.signedOut'],
    ['a viewer', 'viewer', 'auth.forbidden'],
  ] as const)('refuse %s, writing nothing', async (_who, role, key) => {
    if (role) await signedIn(role);
    const before = await counts();
    const ref = [['id', '00000000-0000-4000-8000-000000000000'], ['version', '1']] as Array<[string, string]>;
    for (const r of [
      await createAgreementAction(IDLE, form([['file', new File([PDF], 'mou.pdf')]])),
      await updateAgreementAction(IDLE, form(ref)),
      await deleteAgreementAction(IDLE, form(ref)),
    ]) {
      expect(r).toEqual({ status: 'error', message: { key } });
    }
    expect(await counts()).toEqual(before);
  });

  it('records an MoU with its signatories, audited; a file sent along is not stored (files are uploaded apart)', async () => {
    await signedIn('editor');
    const href = await redirectOf(createAgreementAction(IDLE, form([['file', new File([PDF], '协议 MoU.pdf', { type: 'application/pdf' })]])));
    expect(href).toBe(`/partnerships/${partnershipId}`);
    const p = await queryPartnership(db, partnershipId);
    const [a] = p!.agreements;
    expect(a).toMatchObject({
      kind: 'mou',
      signedOn: '2021-11-19',
      signedPrecision: 'day',
      signatories: [
        { side: 'home', nameEn: 'Wen Guohui', titleEn: 'Mayor of Guangzhou' },
        { side: 'partner', nameEn: 'Mian Aamir Mahmood' },
      ],
      files: [],
    });
    expect(await db.$count(agreementFiles)).toBe(0);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.entityId, a!.id));
    expect(audit).toMatchObject({ action: 'agreement.create' });
    expect(audit!.after).toMatchObject({ files: [] });
  });

  it('refuses bad dates beside the field, writing nothing', async () => {
    await signedIn('editor');
    const before = await counts();
    const cases: Array<[Array<[string, string | File]>, string, string]> = [
      [[['signed', '2999-01-01']], 'signed', 'validation.futureDate'],
      [[['termEndsOn', '2020-01-01']], 'termEndsOn', 'validation.endBeforeStart'],
      [[['titleEn', '']], 'titleEn', 'validation.required'],
      [[['signatories.1.side', 'home'], ['signatories.1.titleEn', 'Deputy']], 'signatories.1.nameEn', 'validation.signatoryName'],
    ];
    for (const [extra, field, key] of cases) {
      const state = await createAgreementAction(IDLE, form(extra));
      expect(state.status, field).toBe('invalid');
      expect(state.status === 'invalid' && state.fieldErrors[field], field).toEqual({ key });
    }
    expect(await counts()).toEqual(before);
  });

  it('a termination ends the partnership from its signing date', async () => {
    await signedIn('editor');
    await redirectOf(createAgreementAction(IDLE, form([['kind', 'termination'], ['signed', '2024-06']])));
    const p = await queryPartnership(db, partnershipId);
    expect(p).toMatchObject({ status: 'terminated', version: 2 });
    expect(p!.statusEvents[0]).toMatchObject({ status: 'terminated', effectiveOn: '2024-06-01', effectivePrecision: 'month' });
  });

  it('an edit at a stale version is refused with what changed; a delete is soft', async () => {
    await signedIn('editor');
    await redirectOf(createAgreementAction(IDLE, form()));
    const [a] = (await queryPartnership(db, partnershipId))!.agreements;
    const edit = (version: string, title: string) => form([['id', a!.id], ['version', version], ['titleEn', title]]);
    await redirectOf(updateAgreementAction(IDLE, edit('1', 'Renamed MoU')));
    const before = await counts();
    expect(await updateAgreementAction(IDLE, edit('1', 'Mine'))).toMatchObject({
      status: 'conflict',
      data: { changes: { titleEn: 'Renamed MoU' }, by: ['editor@example.org'] },
    });
    expect(await counts()).toEqual(before);
    await redirectOf(deleteAgreementAction(IDLE, form([['id', a!.id], ['version', '2']])));
    expect((await queryPartnership(db, partnershipId))!.agreements).toEqual([]);
    expect(await db.$count(agreements)).toBe(1);
  });
});
