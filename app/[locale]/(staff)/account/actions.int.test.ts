import { createHash } from 'node:crypto';
import { asc, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/index';
import { auditEvents, calendarFeeds, users } from '@/db/schema';
import { formDataOf } from '@/db/testing/actions';
import { resetDatabase } from '@/db/testing/reset';
import { signInAs } from '@/db/testing/staff';
import { IDLE, type ActionState } from '@/lib/action-state';
import type { Role } from '@/lib/domain';

// The actions read the session through this one function; the test decides who is calling.
const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock('@/lib/auth/session-id', () => ({ readSessionId: async () => session.id }));
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  const messages = { en: (await import('@/lib/i18n/messages/en.json')).default, zh: (await import('@/lib/i18n/messages/zh.json')).default };
  return {
    getLocale: async () => 'en',
    getTranslations: async ({ locale }: { locale: 'en' | 'zh' }) => createTranslator({ locale, messages: messages[locale] }),
  };
});
vi.mock('@/lib/i18n/navigation', async () => (await import('@/db/testing/actions')).navigationMock);

const { createCalendarFeedAction, regenerateCalendarFeedAction, revokeCalendarFeedAction } = await import('./actions');
const { GET } = await import('@/app/api/calendar/[token]/route');

const signedIn = (role: Role, email?: string) => signInAs(session, role, email);

/** The status a calendar app gets for the feed address with this token. */
async function feedStatus(token: string): Promise<number> {
  return (await GET(new Request(`http://localhost/api/calendar/${token}`), { params: Promise.resolve({ token }) })).status;
}

function tokenOf(state: ActionState): string {
  expect(state.status).toBe('success');
  return String(state.status === 'success' && state.data?.token);
}

function feedIdOf(state: ActionState): string {
  return String(state.status === 'success' && state.data?.feedId);
}

async function counts() {
  return { feeds: await db.$count(calendarFeeds), live: await db.$count(calendarFeeds, isNull(calendarFeeds.revokedAt)), audit: await db.$count(auditEvents) };
}

async function feedAudit() {
  return db.select().from(auditEvents).where(eq(auditEvents.entityType, 'calendar_feed')).orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));
}

describe('calendar feed actions', () => {
  beforeEach(async () => {
    await resetDatabase();
    session.id = null;
  });

  it('refuse a caller who is not signed in, deactivated, or has to finish setting up their account, and write nothing', async () => {
    const user = await signedIn('viewer');
    const feedId = feedIdOf(await createCalendarFeedAction(IDLE, formDataOf({})));
    const before = await counts();
    const attempts = () => [
      createCalendarFeedAction(IDLE, formDataOf({})),
      regenerateCalendarFeedAction(IDLE, formDataOf({ feedId })),
      revokeCalendarFeedAction(IDLE, formDataOf({ feedId })),
    ];
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
    for (const r of await Promise.all(attempts())) expect(r).toEqual({ status: 'error', message: { key: 'auth.finishAccountSetup' } });
    await db.update(users).set({ mustChangePassword: false, isActive: false }).where(eq(users.id, user.id));
    for (const r of await Promise.all(attempts())) expect(r).toEqual({ status: 'error', message: { key: 'auth.signedOut' } });
    session.id = null;
    for (const r of await Promise.all(attempts())) expect(r).toEqual({ status: 'error', message: { key: 'auth.signedOut' } });
    expect(await counts()).toEqual(before);
  });

  it.each(['viewer', 'editor', 'admin'] as const)('make a %s a feed whose address works, shown once and stored only as its hash', async (role) => {
    const user = await signedIn(role);
    const state = await createCalendarFeedAction(IDLE, formDataOf({}));
    expect(state).toMatchObject({ status: 'success', message: { key: 'calendarFeed.created' } });
    const token = tokenOf(state);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [feed] = await db.select().from(calendarFeeds);
    expect(feed).toMatchObject({ id: feedIdOf(state), userId: user.id, revokedAt: null, lastUsedAt: null });
    expect(feed!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(await db.select().from(calendarFeeds))).not.toContain(token);
    const audit = await feedAudit();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'calendar_feed.create', entityId: feed!.id, actorId: user.id, actorEmail: `${role}@example.org`, before: null });
    expect(audit[0]!.after).toMatchObject({ id: feed!.id, userId: user.id, revokedAt: null });
    expect(JSON.stringify(audit)).not.toContain(feed!.tokenHash);
    expect(await feedStatus(token)).toBe(200);
  });

  it('refuse a second feed while one is live, writing nothing', async () => {
    await signedIn('viewer');
    tokenOf(await createCalendarFeedAction(IDLE, formDataOf({})));
    const before = await counts();
    expect(await createCalendarFeedAction(IDLE, formDataOf({}))).toEqual({ status: 'conflict', message: { key: 'calendarFeed.exists' } });
    expect(await counts()).toEqual(before);
  });

  it('regenerate: the old address is refused at once, the new one works, with one audit event naming both', async () => {
    const user = await signedIn('viewer');
    const created = await createCalendarFeedAction(IDLE, formDataOf({}));
    const oldToken = tokenOf(created);
    const oldId = feedIdOf(created);
    const state = await regenerateCalendarFeedAction(IDLE, formDataOf({ feedId: oldId }));
    expect(state).toMatchObject({ status: 'success', message: { key: 'calendarFeed.regenerated' } });
    const newToken = tokenOf(state);
    const newId = feedIdOf(state);
    expect(newToken).not.toBe(oldToken);
    expect(await feedStatus(oldToken)).toBe(404);
    expect(await feedStatus(newToken)).toBe(200);
    expect(await counts()).toMatchObject({ feeds: 2, live: 1 });
    const audit = await feedAudit();
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([
      ['calendar_feed.create', oldId],
      ['calendar_feed.regenerate', newId],
    ]);
    expect(audit[1]!.before).toMatchObject({ id: oldId, userId: user.id, revokedAt: expect.any(String) });
    expect(audit[1]!.after).toMatchObject({ id: newId, userId: user.id, revokedAt: null });
    // The page that still shows the replaced feed cannot act on it.
    const before = await counts();
    expect(await regenerateCalendarFeedAction(IDLE, formDataOf({ feedId: oldId }))).toEqual({ status: 'conflict', message: { key: 'calendarFeed.gone' } });
    expect(await revokeCalendarFeedAction(IDLE, formDataOf({ feedId: oldId }))).toEqual({ status: 'conflict', message: { key: 'calendarFeed.gone' } });
    expect(await counts()).toEqual(before);
  });

  it('revoke: the address is refused from then on, and a new feed may be made', async () => {
    const user = await signedIn('editor');
    const created = await createCalendarFeedAction(IDLE, formDataOf({}));
    const token = tokenOf(created);
    const feedId = feedIdOf(created);
    expect(await feedStatus(token)).toBe(200);
    expect(await revokeCalendarFeedAction(IDLE, formDataOf({ feedId }))).toEqual({
      status: 'success',
      message: { key: 'calendarFeed.revoked' },
      data: { feedId },
    });
    expect(await feedStatus(token)).toBe(404);
    const audit = await feedAudit();
    expect(audit.map((a) => [a.action, a.entityId, a.actorId])).toEqual([
      ['calendar_feed.create', feedId, user.id],
      ['calendar_feed.revoke', feedId, user.id],
    ]);
    expect(audit[1]!.before).toMatchObject({ revokedAt: null });
    expect(audit[1]!.after).toMatchObject({ revokedAt: expect.any(String) });
    expect(await revokeCalendarFeedAction(IDLE, formDataOf({ feedId }))).toEqual({ status: 'conflict', message: { key: 'calendarFeed.gone' } });
    const again = tokenOf(await createCalendarFeedAction(IDLE, formDataOf({})));
    expect(await feedStatus(again)).toBe(200);
    expect(await feedStatus(token)).toBe(404);
  });

  it('never act on another user’s feed, and refuse a malformed feed id', async () => {
    await signedIn('admin');
    const created = await createCalendarFeedAction(IDLE, formDataOf({}));
    const token = tokenOf(created);
    const feedId = feedIdOf(created);
    await signedIn('viewer');
    const before = await counts();
    expect(await revokeCalendarFeedAction(IDLE, formDataOf({ feedId }))).toEqual({ status: 'conflict', message: { key: 'calendarFeed.gone' } });
    expect(await regenerateCalendarFeedAction(IDLE, formDataOf({ feedId }))).toEqual({ status: 'conflict', message: { key: 'calendarFeed.gone' } });
    expect(await revokeCalendarFeedAction(IDLE, formDataOf({ feedId: 'not-a-uuid' }))).toMatchObject({ status: 'invalid', fieldErrors: { feedId: { key: 'validation.invalid' } } });
    expect(await revokeCalendarFeedAction(IDLE, 'forged' as unknown as FormData)).toMatchObject({ status: 'invalid' });
    expect(await counts()).toEqual(before);
    expect(await feedStatus(token)).toBe(200);
  });
});
