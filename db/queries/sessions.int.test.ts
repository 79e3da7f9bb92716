import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../lib/auth/password';
import { authPolicy, type AuthPolicy } from '../../lib/auth/policy';
import { db } from '../index';
import { endAllSessions } from '../mutations/auth';
import { updateUserRole } from '../mutations/users';
import { sessions, settings, users, type NewUser } from '../schema';
import { resetDatabase } from '../testing/reset';
import { loadSessionUser } from './sessions';

const MIN = 60_000;
const T0 = new Date('2031-03-04T05:06:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
// The defaults (30 minutes idle, 12 hours in all, last-seen written at most once a minute), whatever the environment.
const policy: AuthPolicy = authPolicy({});

let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword('correct horse battery staple');
});

beforeEach(resetDatabase);

async function createUser(values: Partial<NewUser> = {}) {
  const [row] = await db
    .insert(users)
    .values({ email: 'ana@example.org', name: 'Ana Lim', role: 'editor', passwordHash, ...values })
    .returning();
  return row!;
}

/** A session of the user started at T0, at the user's current session version unless told otherwise. */
async function createSession(user: { id: string; sessionVersion: number }, values: Partial<typeof sessions.$inferInsert> = {}) {
  const [row] = await db
    .insert(sessions)
    .values({
      userId: user.id,
      sessionVersion: user.sessionVersion,
      createdAt: T0,
      lastSeenAt: T0,
      expiresAt: at(policy.absoluteMs),
      ...values,
    })
    .returning();
  return row!;
}

async function sessionRow(id: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row!;
}

describe('loadSessionUser', () => {
  it('returns the user behind a fresh session', async () => {
    const user = await createUser();
    const session = await createSession(user);
    expect(await loadSessionUser(db, session.id, policy, at(1_000))).toEqual({
      id: user.id,
      email: 'ana@example.org',
      name: 'Ana Lim',
      role: 'editor',
      sessionId: session.id,
      mustChangePassword: false,
      totpEnabled: false,
      mustEnrolTotp: false,
    });
  });

  it('returns null for an unknown session id', async () => {
    const user = await createUser();
    await createSession(user);
    expect(await loadSessionUser(db, randomUUID(), policy, at(1_000))).toBeNull();
  });

  it.each([
    ['an empty id', ''],
    ['a word', 'not-a-session'],
    ['a SQL fragment', "' or 1=1 --"],
    ['a uuid with trailing junk', `${randomUUID()}x`],
    ['a uuid in braces', `{${randomUUID()}}`],
  ])('returns null for a malformed id: %s', async (_label, id) => {
    const user = await createUser();
    await createSession(user);
    await expect(loadSessionUser(db, id, policy, at(1_000))).resolves.toBeNull();
  });

  // The guard in sessions.ts only checks for 36 characters of hex digits and hyphens, which PostgreSQL's uuid
  // input rejects when the hyphens are misplaced: the query then throws "invalid input syntax for type uuid".
  it('returns null, not a database error, for 36 hex digits and hyphens that are not a uuid', async () => {
    const user = await createUser();
    await createSession(user);
    for (const id of ['-'.repeat(36), 'a'.repeat(36), '0123456789abcdef0123456789abcdef----']) {
      await expect(loadSessionUser(db, id, policy, at(1_000)), id).resolves.toBeNull();
    }
  });

  it('returns null for an ended session', async () => {
    const user = await createUser();
    const session = await createSession(user, { endedAt: at(500) });
    expect(await loadSessionUser(db, session.id, policy, at(1_000))).toBeNull();
  });

  it('returns null once the session has expired (expiresAt <= now), not a moment before', async () => {
    const user = await createUser();
    const session = await createSession(user, { expiresAt: at(10 * MIN) });
    expect(await loadSessionUser(db, session.id, policy, at(10 * MIN - 1))).toMatchObject({ id: user.id });
    expect(await loadSessionUser(db, session.id, policy, at(10 * MIN))).toBeNull();
    // And it stays dead even if asked again with an earlier clock.
    expect(await loadSessionUser(db, session.id, policy, at(10 * MIN - 1))).toBeNull();
  });

  it('returns null after the idle time without a request, and ends the session', async () => {
    const user = await createUser();
    const session = await createSession(user);
    expect(policy.idleMs).toBe(30 * MIN);
    expect(await loadSessionUser(db, session.id, policy, at(30 * MIN))).toBeNull();
    expect((await sessionRow(session.id)).endedAt).toEqual(at(30 * MIN));
    // Ended for good: an earlier clock does not bring it back.
    expect(await loadSessionUser(db, session.id, policy, at(MIN))).toBeNull();
  });

  it('keeps a session that is one moment short of idle, measuring idleness from the last request', async () => {
    const user = await createUser();
    const session = await createSession(user);
    expect(await loadSessionUser(db, session.id, policy, at(30 * MIN - 1))).toMatchObject({ id: user.id });
    expect((await sessionRow(session.id)).endedAt).toBeNull();
    // That request refreshed lastSeenAt, so 30 minutes after T0 is no longer idle.
    expect(await loadSessionUser(db, session.id, policy, at(30 * MIN))).toMatchObject({ id: user.id });
  });

  it('honours a shorter idle time from the policy', async () => {
    const user = await createUser();
    const session = await createSession(user);
    expect(await loadSessionUser(db, session.id, { ...policy, idleMs: 5 * MIN }, at(5 * MIN))).toBeNull();
  });

  it('returns null for a deactivated user', async () => {
    const user = await createUser({ isActive: false });
    const session = await createSession(user);
    expect(await loadSessionUser(db, session.id, policy, at(1_000))).toBeNull();
  });

  it('returns null for a soft-deleted user', async () => {
    const user = await createUser({ deletedAt: at(500) });
    const session = await createSession(user);
    expect(await loadSessionUser(db, session.id, policy, at(1_000))).toBeNull();
  });

  it("returns null for a session whose version is not the user's", async () => {
    const user = await createUser({ sessionVersion: 4 });
    const old = await createSession(user, { sessionVersion: 3 });
    const current = await createSession(user);
    expect(await loadSessionUser(db, old.id, policy, at(1_000))).toBeNull();
    expect(await loadSessionUser(db, current.id, policy, at(1_000))).toMatchObject({ id: user.id });
  });

  it('returns null for every session after endAllSessions; a session at the new version works', async () => {
    const user = await createUser();
    const a = await createSession(user);
    const b = await createSession(user);
    await endAllSessions(db, user.id, at(1_000));
    expect(await loadSessionUser(db, a.id, policy, at(2_000))).toBeNull();
    expect(await loadSessionUser(db, b.id, policy, at(2_000))).toBeNull();
    const fresh = await createSession({ id: user.id, sessionVersion: 2 });
    expect(await loadSessionUser(db, fresh.id, policy, at(2_000))).toMatchObject({ id: user.id });
  });

  it("returns null after an admin changes the user's role", async () => {
    const [admin] = await db
      .insert(users)
      .values({ email: 'root@example.org', name: 'Root', role: 'admin', passwordHash })
      .returning();
    const user = await createUser();
    // updateUserRole works on the real clock, so this session does too.
    const now = new Date();
    const session = await createSession(user, { createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + policy.absoluteMs) });
    expect(await loadSessionUser(db, session.id, policy)).toMatchObject({ role: 'editor' });
    expect(await updateUserRole(db, { id: admin!.id, email: admin!.email }, user.id, user.version, 'viewer')).toBe('ok');
    expect(await loadSessionUser(db, session.id, policy)).toBeNull();
    // The version moved on too, so the session would be refused even had it not been marked ended.
    await db.update(sessions).set({ endedAt: null }).where(eq(sessions.id, session.id));
    expect(await loadSessionUser(db, session.id, policy)).toBeNull();
  });

  it('writes lastSeenAt only when it is at least touchEveryMs old', async () => {
    const user = await createUser();
    const session = await createSession(user);
    expect(policy.touchEveryMs).toBe(MIN);
    expect(await loadSessionUser(db, session.id, policy, at(MIN - 1))).not.toBeNull();
    expect((await sessionRow(session.id)).lastSeenAt).toEqual(T0);
    expect(await loadSessionUser(db, session.id, policy, at(MIN))).not.toBeNull();
    expect((await sessionRow(session.id)).lastSeenAt).toEqual(at(MIN));
    expect(await loadSessionUser(db, session.id, policy, at(MIN + 30_000))).not.toBeNull();
    expect((await sessionRow(session.id)).lastSeenAt).toEqual(at(MIN));
  });

  it('asks for TOTP enrolment when the settings require it and the user has none', async () => {
    const user = await createUser();
    const enrolled = await createUser({ email: 'ben@example.org', totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: at(-MIN) });
    const mine = await createSession(user);
    const theirs = await createSession(enrolled);

    // resetDatabase empties settings: no row at all means no requirement.
    expect(await loadSessionUser(db, mine.id, policy, at(1_000))).toMatchObject({ mustEnrolTotp: false, totpEnabled: false });

    await db.insert(settings).values({ id: 1, requireTotp: false });
    expect(await loadSessionUser(db, mine.id, policy, at(2_000))).toMatchObject({ mustEnrolTotp: false });

    await db.update(settings).set({ requireTotp: true }).where(eq(settings.id, 1));
    expect(await loadSessionUser(db, mine.id, policy, at(3_000))).toMatchObject({ mustEnrolTotp: true, totpEnabled: false });
    expect(await loadSessionUser(db, theirs.id, policy, at(3_000))).toMatchObject({ mustEnrolTotp: false, totpEnabled: true });
  });

  it('mirrors mustChangePassword from the user row', async () => {
    const user = await createUser({ mustChangePassword: true });
    const session = await createSession(user);
    expect(await loadSessionUser(db, session.id, policy, at(1_000))).toMatchObject({ mustChangePassword: true });
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
    expect(await loadSessionUser(db, session.id, policy, at(2_000))).toMatchObject({ mustChangePassword: false });
  });
});
