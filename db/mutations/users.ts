import { and, eq, isNull, sql } from 'drizzle-orm';
import { hashPassword } from '../../lib/auth/password';
import type { Role } from '../../lib/domain';
import type { NewUserInput } from '../../lib/validation/users';
import type { Database, Executor } from '../client';
import { recoveryCodes, sessions, settings, users } from '../schema';
import { insertAuditEvent } from './audit';
import { hashRecoveryCode } from './auth';

/** Who is acting, for the audit trail. */
export interface Actor {
  id: string;
  email: string;
}

/** The public face of a user row for audit before/after: never the hash or the TOTP secret. */
const auditColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  isActive: users.isActive,
  mustChangePassword: users.mustChangePassword,
  totpEnabledAt: users.totpEnabledAt,
  version: users.version,
};

export type UserChange = 'ok' | 'gone' | 'conflict';

async function auditSnapshot(tx: Executor, userId: string) {
  const [row] = await tx.select(auditColumns).from(users).where(and(eq(users.id, userId), isNull(users.deletedAt)));
  return row;
}

/**
 * Creates a staff user, audited in the same transaction; 'duplicate' when the email is taken (in any case). Users
 * an admin creates must change the initial password at first sign-in; the operator's own (actor null) need not.
 */
export async function insertUser(
  tx: Executor,
  actor: Actor | null,
  input: NewUserInput,
  passwordHash: string,
): Promise<string | 'duplicate'> {
  const [row] = await tx
    .insert(users)
    .values({ email: input.email, name: input.name, role: input.role, passwordHash, mustChangePassword: actor !== null })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!row) return 'duplicate';
  await insertAuditEvent(tx, {
    action: 'user.create',
    entityType: 'user',
    entityId: row.id,
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? 'operator (command line)',
    after: await auditSnapshot(tx, row.id),
  });
  return row.id;
}

/** The operator's `npm run user:create`: hashes the password, then insertUser in a transaction of its own. */
export async function createUserFromCli(db: Database, input: NewUserInput): Promise<string | 'duplicate'> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => insertUser(tx, null, input, passwordHash));
}

/**
 * Applies an admin's change to a user at the version they saw, ending the user's sessions when asked. Returns
 * 'conflict' when the row moved on, 'gone' when it no longer exists.
 */
async function changeUser(
  tx: Executor,
  actor: Actor,
  userId: string,
  expectedVersion: number,
  action: string,
  set: Partial<typeof users.$inferInsert>,
  endSessions: boolean,
): Promise<UserChange> {
  const before = await auditSnapshot(tx, userId);
  if (!before) return 'gone';
  const [updated] = await tx
    .update(users)
    .set({
      ...set,
      version: sql`${users.version} + 1`,
      updatedAt: new Date(),
      ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
    })
    .where(and(eq(users.id, userId), eq(users.version, expectedVersion), isNull(users.deletedAt)))
    .returning({ id: users.id });
  if (!updated) return 'conflict';
  if (endSessions) {
    await tx.update(sessions).set({ endedAt: new Date() }).where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
  }
  await insertAuditEvent(tx, {
    action,
    entityType: 'user',
    entityId: userId,
    actorId: actor.id,
    actorEmail: actor.email,
    before,
    after: await auditSnapshot(tx, userId),
  });
  return 'ok';
}

/** Changes a user's role; their sessions end so the new role applies at once. */
export function updateUserRole(tx: Executor, actor: Actor, userId: string, version: number, role: Role) {
  return changeUser(tx, actor, userId, version, 'user.role_change', { role }, true);
}

/** Deactivates (ending every session) or reactivates a user. */
export function setUserActive(tx: Executor, actor: Actor, userId: string, version: number, isActive: boolean) {
  return changeUser(tx, actor, userId, version, isActive ? 'user.reactivate' : 'user.deactivate', { isActive }, !isActive);
}

/** Sets a new password the user must change at next sign-in; ends their sessions. */
export function resetUserPassword(tx: Executor, actor: Actor, userId: string, version: number, passwordHash: string) {
  return changeUser(tx, actor, userId, version, 'user.password_reset', { passwordHash, mustChangePassword: true }, true);
}

/**
 * The user's own password change: ends their other sessions and keeps the current one, which is moved to the new
 * session version.
 */
export async function changeOwnPassword(
  tx: Executor,
  actor: Actor,
  sessionId: string,
  passwordHash: string,
): Promise<'ok' | 'session_ended'> {
  // Re-check inside the transaction: an admin may have reset the password or ended the session since the action
  // read it, and that decision must win.
  const [live] = await tx
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.userId, actor.id),
        isNull(sessions.endedAt),
        eq(sessions.sessionVersion, users.sessionVersion),
        eq(users.isActive, true),
        isNull(users.deletedAt),
      ),
    )
    .for('update');
  if (!live) return 'session_ended';
  const [row] = await tx
    .update(users)
    .set({
      passwordHash,
      mustChangePassword: false,
      version: sql`${users.version} + 1`,
      updatedAt: new Date(),
      sessionVersion: sql`${users.sessionVersion} + 1`,
    })
    .where(eq(users.id, actor.id))
    .returning({ sessionVersion: users.sessionVersion });
  if (!row) return 'session_ended';
  await tx
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(and(eq(sessions.userId, actor.id), isNull(sessions.endedAt), sql`${sessions.id} <> ${sessionId}`));
  await tx.update(sessions).set({ sessionVersion: row.sessionVersion }).where(eq(sessions.id, sessionId));
  await insertAuditEvent(tx, { action: 'user.password_change', entityType: 'user', entityId: actor.id, actorId: actor.id, actorEmail: actor.email });
  return 'ok';
}

/** The password hash of a live user, for re-checking the current password. Stays inside db/ and the caller. */
export async function getPasswordHash(tx: Executor, userId: string): Promise<string | null> {
  const [row] = await tx.select({ h: users.passwordHash }).from(users).where(and(eq(users.id, userId), isNull(users.deletedAt)));
  return row?.h ?? null;
}

/** Stores a new, not yet confirmed TOTP secret (replacing an unconfirmed one); refused once TOTP is on. */
export async function startTotpEnrolment(tx: Executor, userId: string, secret: string): Promise<boolean> {
  const rows = await tx
    .update(users)
    .set({ totpSecret: secret, totpLastStep: null })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** The pending or active TOTP secret of a user, for the enrolment page and confirmation. */
export async function getTotpState(tx: Executor, userId: string) {
  const [row] = await tx
    .select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt, lastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, userId));
  const [left] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row ? { ...row, recoveryCodesLeft: left?.n ?? 0 } : null;
}

/** Turns TOTP on after a confirmed code, replacing any recovery codes with the new ones. Audited. */
export async function enableTotp(tx: Executor, actor: Actor, step: number, codes: string[]): Promise<void> {
  await tx.update(users).set({ totpEnabledAt: new Date(), totpLastStep: step }).where(eq(users.id, actor.id));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.id));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId: actor.id, codeHash: hashRecoveryCode(c) })));
  await insertAuditEvent(tx, { action: 'user.totp_enable', entityType: 'user', entityId: actor.id, actorId: actor.id, actorEmail: actor.email });
}

/** Turns TOTP off and forgets the secret and recovery codes, unless the settings require it. Audited. */
export async function disableTotp(tx: Executor, actor: Actor): Promise<'ok' | 'required'> {
  const [row] = await tx.select({ required: settings.requireTotp }).from(settings).where(eq(settings.id, 1));
  if (row?.required) return 'required';
  await tx.update(users).set({ totpEnabledAt: null, totpSecret: null, totpLastStep: null }).where(eq(users.id, actor.id));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.id));
  await insertAuditEvent(tx, { action: 'user.totp_disable', entityType: 'user', entityId: actor.id, actorId: actor.id, actorEmail: actor.email });
  return 'ok';
}

/** Saves the settings at the version the admin saw; 'conflict' when they changed meanwhile. */
export async function updateSettings(
  tx: Executor,
  actor: Actor,
  version: number,
  values: { requireTotp: boolean },
): Promise<'ok' | 'conflict'> {
  const [before] = await tx.select({ requireTotp: settings.requireTotp, version: settings.version }).from(settings).where(eq(settings.id, 1));
  const [row] = await tx
    .update(settings)
    .set({ ...values, version: sql`${settings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(settings.id, 1), eq(settings.version, version)))
    .returning({ requireTotp: settings.requireTotp, version: settings.version });
  if (!row) return 'conflict';
  await insertAuditEvent(tx, { action: 'settings.update', entityType: 'settings', entityId: '1', actorId: actor.id, actorEmail: actor.email, before, after: row });
  return 'ok';
}
