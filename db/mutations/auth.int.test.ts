import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../lib/auth/password';
import { authPolicy, type AuthPolicy } from '../../lib/auth/policy';
import { generateTotpSecret, totpCode } from '../../lib/auth/totp';
import { db } from '../index';
import { auditEvents, recoveryCodes, sessions, signInAttempts, users, type NewUser } from '../schema';
import { resetDatabase } from '../testing/reset';
import { attemptSignIn, endAllSessions, endSession, hashRecoveryCode, purgeExpired, throttledUntil, type SignInInput } from './auth';

const EMAIL = 'ana@example.org';
const PASSWORD = 'correct horse battery staple';
const WRONG = 'incorrect donkey battery';
const IP = '203.0.113.7';
const MIN = 60_000;
// Aligned on a 30-second TOTP step, so `at(n * 30_000)` moves whole steps.
const T0 = new Date('2031-03-04T05:06:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

// The defaults, whatever the environment of the test run says.
const policy: AuthPolicy = authPolicy({});

let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

beforeEach(resetDatabase);

async function createUser(values: Partial<NewUser> = {}) {
  const [row] = await db
    .insert(users)
    .values({ email: EMAIL, name: 'Ana', role: 'editor', passwordHash, ...values })
    .returning();
  return row!;
}

function signIn(input: Partial<SignInInput>, now: Date, p: AuthPolicy = policy) {
  return db.transaction((tx) =>
    attemptSignIn(tx, { email: EMAIL, password: PASSWORD, ip: IP, userAgent: 'vitest', ...input }, p, now),
  );
}

/** Records `n` failed attempts at `now` (wrong password), checking each was refused as invalid. */
async function fail(n: number, now: Date, input: Partial<SignInInput> = {}) {
  for (let i = 0; i < n; i++) {
    expect(await signIn({ password: WRONG, ...input }, now)).toEqual({ kind: 'invalid' });
  }
}

const attempts = () => db.select().from(signInAttempts).orderBy(signInAttempts.attemptedAt);
const auditOf = (action: string) => db.select().from(auditEvents).where(eq(auditEvents.action, action));
const openSessions = () => db.select().from(sessions);

/** A six-digit code accepted at no step within ±1 of `now`. */
function wrongCode(secret: string, now: Date): string {
  const valid = new Set([-1, 0, 1].map((d) => totpCode(secret, now.getTime() + d * 30_000)));
  return ['000000', '111111', '222222'].find((c) => !valid.has(c))!;
}

describe('attemptSignIn: password', () => {
  it('creates a session, records the success, stamps lastSignInAt and audits auth.sign_in', async () => {
    const user = await createUser({ sessionVersion: 3 });
    const now = at(0);
    const outcome = await signIn({}, now);
    expect(outcome).toMatchObject({ kind: 'ok', userId: user.id, role: 'editor', usedRecoveryCode: false });
    if (outcome.kind !== 'ok') throw new Error('unreachable');

    const rows = await openSessions();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: outcome.sessionId,
      userId: user.id,
      sessionVersion: 3,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.absoluteMs),
      endedAt: null,
      ip: IP,
      userAgent: 'vitest',
    });
    expect(policy.absoluteMs).toBe(12 * 3_600_000);

    expect(await attempts()).toMatchObject([{ email: EMAIL, ip: IP, succeeded: true, attemptedAt: now }]);
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after?.lastSignInAt).toEqual(now);

    const events = await auditOf('auth.sign_in');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: user.id, entityType: 'user', entityId: user.id, actorEmail: EMAIL, ip: IP });
    expect(events[0]?.after).toEqual({ email: EMAIL, usedRecoveryCode: false, sessionId: outcome.sessionId });
    expect(JSON.stringify(await db.select().from(auditEvents))).not.toContain(PASSWORD);
  });

  it('refuses a wrong password as invalid, recording a failure and auditing the reason without the password', async () => {
    const user = await createUser();
    expect(await signIn({ password: WRONG }, at(0))).toEqual({ kind: 'invalid' });
    expect(await openSessions()).toEqual([]);
    expect(await attempts()).toMatchObject([{ email: EMAIL, ip: IP, succeeded: false, attemptedAt: at(0) }]);
    const events = await auditOf('auth.sign_in_failed');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: user.id, entityId: user.id, actorEmail: EMAIL, ip: IP });
    expect(events[0]?.after).toEqual({ email: EMAIL, reason: 'wrong_password' });
    const all = JSON.stringify(await db.select().from(auditEvents));
    expect(all).not.toContain(WRONG);
    expect(all).not.toContain(PASSWORD);
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after?.lastSignInAt).toBeNull();
  });

  it('refuses an unknown email the same way, with reason unknown_email and no actor', async () => {
    await createUser();
    expect(await signIn({ email: 'nobody@example.org' }, at(0))).toEqual({ kind: 'invalid' });
    expect(await openSessions()).toEqual([]);
    expect(await attempts()).toMatchObject([{ email: 'nobody@example.org', ip: IP, succeeded: false }]);
    const events = await auditOf('auth.sign_in_failed');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: null, entityId: null, actorEmail: 'nobody@example.org' });
    expect(events[0]?.after).toEqual({ email: 'nobody@example.org', reason: 'unknown_email' });
    expect(JSON.stringify(await db.select().from(auditEvents))).not.toContain(PASSWORD);
  });

  it('refuses an inactive user with the right password', async () => {
    await createUser({ isActive: false });
    expect(await signIn({}, at(0))).toEqual({ kind: 'invalid' });
    expect(await openSessions()).toEqual([]);
    expect(await attempts()).toMatchObject([{ succeeded: false }]);
    const events = await auditOf('auth.sign_in_failed');
    expect(events.map((e) => e.after)).toEqual([{ email: EMAIL, reason: 'inactive' }]);
  });

  it('refuses a soft-deleted user with the right password', async () => {
    await createUser({ deletedAt: at(-MIN) });
    expect(await signIn({}, at(0))).toEqual({ kind: 'invalid' });
    expect(await openSessions()).toEqual([]);
    const events = await auditOf('auth.sign_in_failed');
    expect(events.map((e) => e.after)).toEqual([{ email: EMAIL, reason: 'unknown_email' }]);
  });

  it('matches the email case-insensitively, whichever side has the capitals', async () => {
    const user = await createUser({ email: 'Ana.Lim@Example.org' });
    expect(await signIn({ email: '  ANA.lim@example.ORG ' }, at(0))).toMatchObject({ kind: 'ok', userId: user.id });
    expect(await attempts()).toMatchObject([{ email: 'ana.lim@example.org', succeeded: true }]);
  });

  it('cuts a user agent longer than 400 characters instead of failing', async () => {
    await createUser();
    expect(await signIn({ userAgent: 'x'.repeat(1000) }, at(0))).toMatchObject({ kind: 'ok' });
    const [row] = await openSessions();
    expect(row?.userAgent).toHaveLength(400);
  });
});

describe('attemptSignIn: throttling per account', () => {
  it('throttles the sixth attempt after five failures in 15 minutes, even with the right password', async () => {
    await createUser();
    // Five failures, one a minute, from different addresses: the account counter is per email.
    for (let i = 0; i < 5; i++) await fail(1, at(i * MIN), { ip: `198.51.100.${i}` });
    const outcome = await signIn({}, at(5 * MIN));
    expect(outcome).toEqual({ kind: 'throttled', retryAt: at(15 * MIN) });
    expect(await openSessions()).toEqual([]);
    // The throttled attempt is not itself counted.
    expect(await attempts()).toHaveLength(5);
    const events = await auditOf('auth.sign_in_throttled');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorEmail: EMAIL, ip: IP });
    expect(events[0]?.after).toEqual({ email: EMAIL, retryAt: at(15 * MIN).toISOString() });
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
    expect(await auditOf('auth.sign_in')).toEqual([]);

    // Still throttled just before retryAt, whatever case the email is typed in.
    expect(await signIn({ email: EMAIL.toUpperCase() }, at(15 * MIN - 1))).toEqual({ kind: 'throttled', retryAt: at(15 * MIN) });
    expect(await throttledUntil(db, EMAIL, null, policy, at(15 * MIN - 1))).toEqual(at(15 * MIN));
  });

  it('lets the right password in once retryAt has come', async () => {
    const user = await createUser();
    await fail(5, at(0));
    expect(await signIn({}, at(MIN))).toMatchObject({ kind: 'throttled', retryAt: at(15 * MIN) });
    expect(await throttledUntil(db, EMAIL, IP, policy, at(15 * MIN))).toBeNull();
    expect(await signIn({}, at(15 * MIN))).toMatchObject({ kind: 'ok', userId: user.id });
    expect(await openSessions()).toHaveLength(1);
  });

  it('resets the account counter on success: 4 failures, a success, 4 failures is not throttled', async () => {
    await createUser();
    await fail(4, at(0));
    expect(await signIn({}, at(MIN))).toMatchObject({ kind: 'ok' });
    await fail(4, at(2 * MIN));
    expect(await throttledUntil(db, EMAIL, IP, policy, at(3 * MIN))).toBeNull();
    expect(await signIn({}, at(3 * MIN))).toMatchObject({ kind: 'ok' });
    // Whereas a fifth failure after the success does throttle.
    await fail(1, at(4 * MIN));
    await fail(1, at(5 * MIN));
    await fail(3, at(6 * MIN));
    expect(await signIn({}, at(7 * MIN))).toEqual({ kind: 'throttled', retryAt: at(19 * MIN) });
  });

  it('does not count failures older than the window', async () => {
    await createUser();
    await fail(3, at(0));
    await fail(4, at(16 * MIN));
    // Seven failures in 16 minutes, but only the last four are within 15 minutes of now.
    expect(await signIn({}, at(16 * MIN + 1_000))).toMatchObject({ kind: 'ok' });
  });

  it('honours the policy: a window and limit given by the caller', async () => {
    await createUser();
    const strict = { ...policy, maxFailuresPerAccount: 2, throttleWindowMs: 5 * MIN };
    await fail(2, at(0));
    expect(await signIn({}, at(MIN), strict)).toEqual({ kind: 'throttled', retryAt: at(5 * MIN) });
    expect(await signIn({}, at(MIN))).toMatchObject({ kind: 'ok' });
  });

  it('serializes parallel guesses on one account: never more than five failures get through', async () => {
    await createUser();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => signIn({ password: WRONG }, at(0))),
    );
    expect(outcomes.filter((o) => o.kind === 'invalid')).toHaveLength(5);
    expect(outcomes.filter((o) => o.kind === 'throttled')).toHaveLength(3);
    expect(await attempts()).toHaveLength(5);
  });
});

describe('attemptSignIn: throttling per address', () => {
  it('throttles every email from an address after 20 failures there, but not other addresses', async () => {
    const user = await createUser();
    for (let i = 0; i < 20; i++) {
      expect(await signIn({ email: `guess${i}@example.org` }, at(i * 10_000))).toEqual({ kind: 'invalid' });
    }
    // No account has more than one failure, yet the address is spent for 15 minutes from its first failure.
    const outcome = await signIn({}, at(4 * MIN));
    expect(outcome).toEqual({ kind: 'throttled', retryAt: at(15 * MIN) });
    expect(await signIn({ email: 'someone.else@example.org' }, at(4 * MIN))).toMatchObject({ kind: 'throttled' });
    expect(await auditOf('auth.sign_in_throttled')).toHaveLength(2);

    expect(await signIn({ ip: '192.0.2.55' }, at(4 * MIN))).toMatchObject({ kind: 'ok', userId: user.id });
    expect(await signIn({}, at(15 * MIN))).toMatchObject({ kind: 'ok', userId: user.id });
  });

  it('keeps nineteen failures from an address below the limit', async () => {
    await createUser();
    for (let i = 0; i < 19; i++) await fail(1, at(i * 1_000), { email: `guess${i}@example.org` });
    expect(await signIn({}, at(MIN))).toMatchObject({ kind: 'ok' });
  });
});

describe('attemptSignIn: second factor', () => {
  async function createTotpUser() {
    const secret = generateTotpSecret();
    const user = await createUser({ totpSecret: secret, totpEnabledAt: at(-60 * MIN) });
    return { user, secret };
  }

  it('asks for the second factor after the right password, recording no failure and no session', async () => {
    await createTotpUser();
    expect(await signIn({}, at(0))).toEqual({ kind: 'second_factor_required' });
    expect(await signIn({ code: '   ' }, at(0))).toEqual({ kind: 'second_factor_required' });
    expect(await attempts()).toEqual([]);
    expect(await openSessions()).toEqual([]);
    expect(await auditOf('auth.sign_in_failed')).toEqual([]);
  });

  it('still refuses a wrong password as invalid before asking for a code', async () => {
    await createTotpUser();
    expect(await signIn({ password: WRONG }, at(0))).toEqual({ kind: 'invalid' });
    expect(await attempts()).toMatchObject([{ succeeded: false }]);
  });

  it('accepts the current TOTP code once, refusing its replay in the same step as a failure', async () => {
    const { user, secret } = await createTotpUser();
    const code = totpCode(secret, at(0).getTime());
    expect(await signIn({ code }, at(0))).toMatchObject({ kind: 'ok', userId: user.id, usedRecoveryCode: false });
    const [stored] = await db.select().from(users).where(eq(users.id, user.id));
    expect(stored?.totpLastStep).toBe(Math.floor(at(0).getTime() / 30_000));

    expect(await signIn({ code }, at(10_000))).toEqual({ kind: 'invalid' });
    expect(await openSessions()).toHaveLength(1);
    expect((await auditOf('auth.sign_in_failed')).map((e) => e.after)).toEqual([
      { email: EMAIL, reason: 'wrong_second_factor' },
    ]);
    expect((await attempts()).map((a) => a.succeeded)).toEqual([true, false]);

    // The next step's code works.
    const next = totpCode(secret, at(30_000).getTime());
    expect(await signIn({ code: `${next.slice(0, 3)} ${next.slice(3)}` }, at(30_000))).toMatchObject({ kind: 'ok' });
  });

  it('refuses a wrong TOTP code as invalid and records the failure', async () => {
    const { secret } = await createTotpUser();
    expect(await signIn({ code: wrongCode(secret, at(0)) }, at(0))).toEqual({ kind: 'invalid' });
    expect(await openSessions()).toEqual([]);
    expect(await attempts()).toMatchObject([{ succeeded: false }]);
    expect((await auditOf('auth.sign_in_failed')).map((e) => e.after)).toEqual([
      { email: EMAIL, reason: 'wrong_second_factor' },
    ]);
  });

  it('accepts a recovery code once, in any case and spacing, then refuses it', async () => {
    const { user } = await createTotpUser();
    await db.insert(recoveryCodes).values([
      { userId: user.id, codeHash: hashRecoveryCode('abcd-efgh-jkmn') },
      { userId: user.id, codeHash: hashRecoveryCode('pqrs-tuvw-xyz2') },
    ]);
    const outcome = await signIn({ code: ' ABCD EFGH JKMN ' }, at(0));
    expect(outcome).toMatchObject({ kind: 'ok', userId: user.id, usedRecoveryCode: true });
    const codes = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(codes.find((c) => c.codeHash === hashRecoveryCode('abcd-efgh-jkmn'))?.usedAt).toEqual(at(0));
    expect(codes.find((c) => c.codeHash === hashRecoveryCode('pqrs-tuvw-xyz2'))?.usedAt).toBeNull();
    const [event] = await auditOf('auth.sign_in');
    expect(event?.after).toMatchObject({ usedRecoveryCode: true });
    expect(JSON.stringify(await db.select().from(auditEvents))).not.toMatch(/efgh/i); // 'g' and 'h' never occur in the ids (hex)

    expect(await signIn({ code: 'abcd-efgh-jkmn' }, at(MIN))).toEqual({ kind: 'invalid' });
    expect(await openSessions()).toHaveLength(1);
    expect(await signIn({ code: 'pqrsTUVWxyz2' }, at(2 * MIN))).toMatchObject({ kind: 'ok', usedRecoveryCode: true });
  });

  it("refuses another user's recovery code", async () => {
    await createTotpUser();
    const [other] = await db
      .insert(users)
      .values({ email: 'ben@example.org', name: 'Ben', passwordHash })
      .returning();
    await db.insert(recoveryCodes).values({ userId: other!.id, codeHash: hashRecoveryCode('abcd-efgh-jkmn') });
    expect(await signIn({ code: 'abcd-efgh-jkmn' }, at(0))).toEqual({ kind: 'invalid' });
    const [code] = await db.select().from(recoveryCodes);
    expect(code?.usedAt).toBeNull();
  });

  it('counts wrong second factors towards the account throttle', async () => {
    const { secret } = await createTotpUser();
    const bad = wrongCode(secret, at(0));
    for (let i = 0; i < 5; i++) expect(await signIn({ code: bad }, at(0))).toEqual({ kind: 'invalid' });
    expect(await signIn({ code: totpCode(secret, at(0).getTime()) }, at(0))).toMatchObject({ kind: 'throttled' });
  });
});

describe('endSession and endAllSessions', () => {
  it('endSession ends that session only and audits auth.sign_out as its user', async () => {
    const user = await createUser();
    const first = await signIn({}, at(0));
    const second = await signIn({}, at(MIN));
    if (first.kind !== 'ok' || second.kind !== 'ok') throw new Error('sign-in failed');

    await endSession(db, first.sessionId, at(2 * MIN));
    const rows = await openSessions();
    expect(rows.find((s) => s.id === first.sessionId)?.endedAt).toEqual(at(2 * MIN));
    expect(rows.find((s) => s.id === second.sessionId)?.endedAt).toBeNull();
    const events = await auditOf('auth.sign_out');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: user.id, entityType: 'user', entityId: user.id });
    expect(events[0]?.after).toEqual({ sessionId: first.sessionId });

    // Ending it again changes nothing and audits nothing.
    await endSession(db, first.sessionId, at(3 * MIN));
    const [again] = await db.select().from(sessions).where(eq(sessions.id, first.sessionId));
    expect(again?.endedAt).toEqual(at(2 * MIN));
    expect(await auditOf('auth.sign_out')).toHaveLength(1);
  });

  it("endAllSessions bumps the user's session version and ends every open session of theirs alone", async () => {
    const user = await createUser();
    const other = (
      await db.insert(users).values({ email: 'ben@example.org', name: 'Ben', passwordHash }).returning()
    )[0]!;
    await signIn({}, at(0));
    await signIn({}, at(MIN));
    await signIn({ email: 'ben@example.org' }, at(MIN));
    const [ended] = await db
      .insert(sessions)
      .values({ userId: user.id, sessionVersion: 1, expiresAt: at(60 * MIN), endedAt: at(30_000) })
      .returning();

    await endAllSessions(db, user.id, at(5 * MIN));
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.sessionVersion).toBe(2);
    const mine = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(mine).toHaveLength(3);
    for (const s of mine) expect(s.endedAt).toEqual(s.id === ended!.id ? at(30_000) : at(5 * MIN));
    const theirs = await db.select().from(sessions).where(and(eq(sessions.userId, other.id)));
    expect(theirs.map((s) => s.endedAt)).toEqual([null]);
    const [otherRow] = await db.select().from(users).where(eq(users.id, other.id));
    expect(otherRow?.sessionVersion).toBe(1);
  });
});

describe('purgeExpired', () => {
  beforeEach(resetDatabase);

  it('forgets attempts older than a day and sessions expired a month ago, and nothing newer', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const hours = (h: number) => new Date(now.getTime() - h * 3_600_000);
    await db.insert(signInAttempts).values([
      { email: 'a@example.org', succeeded: false, attemptedAt: hours(25) },
      { email: 'a@example.org', succeeded: false, attemptedAt: hours(23) },
    ]);
    const [u] = await db.insert(users).values({ email: 'p@example.org', name: 'P', passwordHash: 'x' }).returning();
    await db.insert(sessions).values([
      { userId: u!.id, sessionVersion: 1, expiresAt: hours(24 * 31) },
      { userId: u!.id, sessionVersion: 1, expiresAt: hours(24 * 29) },
    ]);
    await db.transaction((tx) => purgeExpired(tx, now));
    expect((await db.select().from(signInAttempts)).map((a) => a.attemptedAt)).toEqual([hours(23)]);
    expect((await db.select().from(sessions)).map((s) => s.expiresAt)).toEqual([hours(24 * 29)]);
  });
});
