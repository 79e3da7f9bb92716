import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../lib/auth/password';
import { authPolicy } from '../../lib/auth/policy';
import { generateTotpSecret } from '../../lib/auth/totp';
import { db } from '../index';
import { loadSessionUser } from '../queries/sessions';
import { auditEvents, recoveryCodes, sessions, settings, users, type NewUser } from '../schema';
import { resetDatabase } from '../testing/reset';
import { hashRecoveryCode } from './auth';
import {
  changeOwnPassword,
  disableTotp,
  enableTotp,
  insertUser,
  resetUserPassword,
  setUserActive,
  startTotpEnrolment,
  updateSettings,
  updateUserRole,
  type Actor,
} from './users';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a different horse, a new battery';
const policy = authPolicy({});

let passwordHash: string;
let newPasswordHash: string;
let admin: Actor;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
  newPasswordHash = await hashPassword(NEW_PASSWORD);
});

beforeEach(async () => {
  await resetDatabase();
  const [row] = await db
    .insert(users)
    .values({ email: 'root@example.org', name: 'Root', role: 'admin', passwordHash })
    .returning();
  admin = { id: row!.id, email: row!.email };
});

async function createUser(values: Partial<NewUser> = {}) {
  const [row] = await db
    .insert(users)
    .values({ email: 'ana@example.org', name: 'Ana', role: 'editor', passwordHash, ...values })
    .returning();
  return row!;
}

/** A live session of the user on the real clock (the mutations stamp their changes with it). */
async function createSession(user: { id: string; sessionVersion: number }) {
  const now = new Date();
  const [row] = await db
    .insert(sessions)
    .values({ userId: user.id, sessionVersion: user.sessionVersion, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + policy.absoluteMs) })
    .returning();
  return row!;
}

const userRow = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0]!;
const sessionRow = async (id: string) => (await db.select().from(sessions).where(eq(sessions.id, id)))[0]!;
const auditAll = () => db.select().from(auditEvents);
const auditOf = (action: string) => db.select().from(auditEvents).where(eq(auditEvents.action, action));

/** The audit trail must never carry a hash, a TOTP secret or a password. */
function expectNoSecrets(events: unknown[]) {
  const json = JSON.stringify(events);
  expect(json).not.toMatch(/passwordHash|password_hash|totpSecret|totp_secret|\$argon2/);
  expect(json).not.toContain(PASSWORD);
  expect(json).not.toContain(NEW_PASSWORD);
}

describe('insertUser', () => {
  const input = { email: 'new.user@example.org', name: 'New User', role: 'viewer' as const, password: PASSWORD };

  it('creates the user with a password to change and audits the actor and a snapshot without secrets', async () => {
    const id = await db.transaction((tx) => insertUser(tx, admin, input, passwordHash));
    expect(typeof id).toBe('string');
    const row = await userRow(id);
    expect(row).toMatchObject({
      email: 'new.user@example.org',
      name: 'New User',
      role: 'viewer',
      passwordHash,
      isActive: true,
      mustChangePassword: true,
      totpSecret: null,
      totpEnabledAt: null,
      version: 1,
    });
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);

    const events = await auditAll();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'user.create', entityType: 'user', entityId: id, actorId: admin.id, actorEmail: admin.email, before: null });
    expect(events[0]?.after).toEqual({
      id,
      email: 'new.user@example.org',
      name: 'New User',
      role: 'viewer',
      isActive: true,
      mustChangePassword: true,
      totpEnabledAt: null,
      version: 1,
    });
    expectNoSecrets(events);
  });

  it("refuses an email taken in another case as 'duplicate', writing nothing", async () => {
    await createUser({ email: 'New.User@Example.org' });
    const before = await db.select().from(users).orderBy(users.email);
    const outcome = await db.transaction((tx) => insertUser(tx, admin, input, newPasswordHash));
    expect(outcome).toBe('duplicate');
    expect(await db.select().from(users).orderBy(users.email)).toEqual(before);
    expect(await auditAll()).toEqual([]);
  });
});

describe('updateUserRole', () => {
  it("at the version seen: changes the role, bumps version and sessionVersion, ends the user's sessions, audits", async () => {
    const user = await createUser();
    const other = await createUser({ email: 'ben@example.org', name: 'Ben' });
    const s1 = await createSession(user);
    const s2 = await createSession(user);
    const theirs = await createSession(other);

    expect(await db.transaction((tx) => updateUserRole(tx, admin, user.id, 1, 'viewer'))).toBe('ok');
    expect(await userRow(user.id)).toMatchObject({ role: 'viewer', version: 2, sessionVersion: 2 });
    expect((await sessionRow(s1.id)).endedAt).toBeInstanceOf(Date);
    expect((await sessionRow(s2.id)).endedAt).toBeInstanceOf(Date);
    expect(await loadSessionUser(db, s1.id, policy)).toBeNull();
    expect((await sessionRow(theirs.id)).endedAt).toBeNull();
    expect(await userRow(other.id)).toMatchObject({ role: 'editor', version: 1, sessionVersion: 1 });

    const events = await auditAll();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'user.role_change', entityType: 'user', entityId: user.id, actorId: admin.id, actorEmail: admin.email });
    expect(events[0]?.before).toMatchObject({ id: user.id, role: 'editor', version: 1 });
    expect(events[0]?.after).toMatchObject({ id: user.id, role: 'viewer', version: 2 });
    expectNoSecrets(events);
  });

  it("at a stale version: 'conflict', and nothing changes, not even the audit trail", async () => {
    const user = await createUser({ version: 3 });
    const session = await createSession(user);
    const before = await userRow(user.id);
    expect(await db.transaction((tx) => updateUserRole(tx, admin, user.id, 2, 'admin'))).toBe('conflict');
    expect(await userRow(user.id)).toEqual(before);
    expect((await sessionRow(session.id)).endedAt).toBeNull();
    expect(await loadSessionUser(db, session.id, policy)).toMatchObject({ role: 'editor' });
    expect(await auditAll()).toEqual([]);
  });

  it("for an unknown or deleted user: 'gone'", async () => {
    const deleted = await createUser({ deletedAt: new Date() });
    expect(await db.transaction((tx) => updateUserRole(tx, admin, crypto.randomUUID(), 1, 'admin'))).toBe('gone');
    expect(await db.transaction((tx) => updateUserRole(tx, admin, deleted.id, 1, 'admin'))).toBe('gone');
    expect(await userRow(deleted.id)).toMatchObject({ role: 'editor', version: 1 });
    expect(await auditAll()).toEqual([]);
  });
});

describe('setUserActive', () => {
  it('deactivating ends every session of the user; reactivating does not revive them', async () => {
    const user = await createUser();
    const session = await createSession(user);
    expect(await db.transaction((tx) => setUserActive(tx, admin, user.id, 1, false))).toBe('ok');
    expect(await userRow(user.id)).toMatchObject({ isActive: false, version: 2, sessionVersion: 2 });
    expect((await sessionRow(session.id)).endedAt).toBeInstanceOf(Date);
    expect(await loadSessionUser(db, session.id, policy)).toBeNull();
    const [event] = await auditOf('user.deactivate');
    expect(event?.before).toMatchObject({ isActive: true });
    expect(event?.after).toMatchObject({ isActive: false });

    expect(await db.transaction((tx) => setUserActive(tx, admin, user.id, 2, true))).toBe('ok');
    expect(await userRow(user.id)).toMatchObject({ isActive: true, version: 3, sessionVersion: 2 });
    expect(await loadSessionUser(db, session.id, policy)).toBeNull();
    expect((await auditAll()).map((e) => e.action)).toEqual(['user.deactivate', 'user.reactivate']);
  });
});

describe('resetUserPassword', () => {
  it('stores the new hash, requires a change at next sign-in and ends the sessions; the hash is not audited', async () => {
    const user = await createUser();
    const session = await createSession(user);
    expect(await db.transaction((tx) => resetUserPassword(tx, admin, user.id, 1, newPasswordHash))).toBe('ok');
    const row = await userRow(user.id);
    expect(row).toMatchObject({ passwordHash: newPasswordHash, mustChangePassword: true, version: 2, sessionVersion: 2 });
    expect(await verifyPassword(row.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await loadSessionUser(db, session.id, policy)).toBeNull();
    const events = await auditOf('user.password_reset');
    expect(events).toHaveLength(1);
    expect(events[0]?.after).toMatchObject({ mustChangePassword: true });
    expectNoSecrets(events);
  });
});

describe('changeOwnPassword', () => {
  it("keeps the session it was made from, ends the user's other sessions, and leaves other users alone", async () => {
    const user = await createUser({ mustChangePassword: true });
    const other = await createUser({ email: 'ben@example.org', name: 'Ben' });
    const current = await createSession(user);
    const elsewhere = await createSession(user);
    const theirs = await createSession(other);

    await db.transaction((tx) => changeOwnPassword(tx, { id: user.id, email: user.email }, current.id, newPasswordHash));

    const row = await userRow(user.id);
    expect(row).toMatchObject({ passwordHash: newPasswordHash, mustChangePassword: false, version: 2, sessionVersion: 2 });
    expect(await loadSessionUser(db, current.id, policy)).toMatchObject({ id: user.id, mustChangePassword: false });
    expect(await sessionRow(current.id)).toMatchObject({ endedAt: null, sessionVersion: 2 });
    expect(await loadSessionUser(db, elsewhere.id, policy)).toBeNull();
    expect((await sessionRow(elsewhere.id)).endedAt).toBeInstanceOf(Date);
    expect(await loadSessionUser(db, theirs.id, policy)).toMatchObject({ id: other.id });

    const events = await auditAll();
    expect(events.map((e) => [e.action, e.actorId, e.entityId])).toEqual([['user.password_change', user.id, user.id]]);
    expectNoSecrets(events);
  });

  it('changes nothing when an admin reset the password or ended the session first', async () => {
    const user = await createUser();
    const current = await createSession(user);
    await db.transaction((tx) => resetUserPassword(tx, admin, user.id, 1, passwordHash));
    const before = await userRow(user.id);
    expect(
      await db.transaction((tx) => changeOwnPassword(tx, { id: user.id, email: user.email }, current.id, newPasswordHash)),
    ).toBe('session_ended');
    expect(await userRow(user.id)).toEqual(before);
    expect((await auditOf('user.password_change'))).toHaveLength(0);
  });
});

describe('TOTP enrolment', () => {
  it('startTotpEnrolment stores or replaces a pending secret, and is refused once TOTP is on', async () => {
    const user = await createUser({ totpLastStep: 5 });
    const first = generateTotpSecret();
    const second = generateTotpSecret();
    expect(await startTotpEnrolment(db, user.id, first)).toBe(true);
    expect(await userRow(user.id)).toMatchObject({ totpSecret: first, totpLastStep: null, totpEnabledAt: null });
    expect(await startTotpEnrolment(db, user.id, second)).toBe(true);
    expect((await userRow(user.id)).totpSecret).toBe(second);

    await db.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await startTotpEnrolment(db, user.id, first)).toBe(false);
    expect((await userRow(user.id)).totpSecret).toBe(second);
  });

  it('enableTotp turns TOTP on and replaces the recovery codes with hashes of the new ones', async () => {
    const secret = generateTotpSecret();
    const user = await createUser({ totpSecret: secret });
    await db.insert(recoveryCodes).values({ userId: user.id, codeHash: hashRecoveryCode('old0-old0-old0') });
    const codes = ['abcd-efgh-jkmn', 'pqrs-tuvw-xyz2'];
    await db.transaction((tx) => enableTotp(tx, { id: user.id, email: user.email }, 1234, codes));

    const row = await userRow(user.id);
    expect(row.totpEnabledAt).toBeInstanceOf(Date);
    expect(row).toMatchObject({ totpSecret: secret, totpLastStep: 1234 });
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored.map((c) => c.codeHash).sort()).toEqual(codes.map(hashRecoveryCode).sort());
    expect(stored.every((c) => c.usedAt === null)).toBe(true);
    const events = await auditAll();
    expect(events.map((e) => e.action)).toEqual(['user.totp_enable']);
    expectNoSecrets(events);
    expect(JSON.stringify(events)).not.toContain(secret);
    expect(JSON.stringify(events)).not.toContain('efgh'); // not hex, so no id can contain it
  });
});

describe('disableTotp', () => {
  async function createTotpUser() {
    const user = await createUser({ totpSecret: generateTotpSecret(), totpEnabledAt: new Date(), totpLastStep: 99 });
    await db.insert(recoveryCodes).values({ userId: user.id, codeHash: hashRecoveryCode('abcd-efgh-jkmn') });
    return user;
  }

  it("returns 'required' when the settings require TOTP, changing nothing", async () => {
    await db.insert(settings).values({ id: 1, requireTotp: true });
    const user = await createTotpUser();
    expect(await db.transaction((tx) => disableTotp(tx, { id: user.id, email: user.email }))).toBe('required');
    expect(await userRow(user.id)).toEqual(user);
    expect(await db.$count(recoveryCodes)).toBe(1);
    expect(await auditAll()).toEqual([]);
  });

  it('turns TOTP off, forgetting the secret and recovery codes, when the settings allow it', async () => {
    await db.insert(settings).values({ id: 1, requireTotp: false });
    const user = await createTotpUser();
    expect(await db.transaction((tx) => disableTotp(tx, { id: user.id, email: user.email }))).toBe('ok');
    expect(await userRow(user.id)).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await db.$count(recoveryCodes)).toBe(0);
    expect((await auditAll()).map((e) => [e.action, e.actorId])).toEqual([['user.totp_disable', user.id]]);
  });
});

describe('updateSettings', () => {
  it("saves at the version seen and audits before/after; a stale version is a 'conflict' that changes nothing", async () => {
    await db.insert(settings).values({ id: 1, requireTotp: false });
    expect(await db.transaction((tx) => updateSettings(tx, admin, 1, { requireTotp: true }))).toBe('ok');
    const [saved] = await db.select().from(settings);
    expect(saved).toMatchObject({ requireTotp: true, version: 2 });
    const events = await auditOf('settings.update');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityType: 'settings', entityId: '1', actorId: admin.id, actorEmail: admin.email });
    expect(events[0]?.before).toEqual({ requireTotp: false, version: 1 });
    expect(events[0]?.after).toEqual({ requireTotp: true, version: 2 });

    // A second admin still looking at version 1.
    expect(await db.transaction((tx) => updateSettings(tx, admin, 1, { requireTotp: false }))).toBe('conflict');
    expect(await db.select().from(settings)).toEqual([saved]);
    expect(await auditAll()).toHaveLength(1);
  });
});
