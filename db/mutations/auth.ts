import { createHash } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '../../lib/auth/password';
import type { AuthPolicy } from '../../lib/auth/policy';
import { normalizeRecoveryCode, verifyTotp } from '../../lib/auth/totp';
import type { Role } from '../../lib/domain';
import type { Executor, Transaction } from '../client';
import { recoveryCodes, sessions, signInAttempts, users } from '../schema';
import { insertAuditEvent } from './audit';

export interface SignInInput {
  email: string;
  password: string;
  /** A TOTP code or a recovery code, when the user has a second factor. */
  code?: string | null;
  ip: string | null;
  userAgent: string | null;
}

export type SignInOutcome =
  | { kind: 'ok'; userId: string; sessionId: string; role: Role; usedRecoveryCode: boolean }
  | { kind: 'invalid' }
  | { kind: 'throttled'; retryAt: Date }
  | { kind: 'second_factor_required' };

let dummyHash: Promise<string> | undefined;
// Verifying against a real hash when the email is unknown keeps the timing of both refusals alike.
function timingDummy(): Promise<string> {
  dummyHash ??= hashPassword('amity timing equaliser, never a real password');
  return dummyHash;
}

/** SHA-256 of a normalized recovery code; the codes are random enough that a slow hash adds nothing. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');
}

/** When the throttle lifts for this email and address, or null when the attempt may go ahead. */
export async function throttledUntil(
  tx: Executor,
  email: string,
  ip: string | null,
  policy: AuthPolicy,
  now: Date,
): Promise<Date | null> {
  const since = new Date(now.getTime() - policy.throttleWindowMs);
  // Failures for an account count only after its last success.
  const lastSuccess = tx
    .select({ at: sql`max(${signInAttempts.attemptedAt})` })
    .from(signInAttempts)
    .where(and(sql`lower(${signInAttempts.email}) = lower(${email})`, eq(signInAttempts.succeeded, true)));
  const byAccount = await tx
    .select({ at: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(
      and(
        sql`lower(${signInAttempts.email}) = lower(${email})`,
        eq(signInAttempts.succeeded, false),
        gt(signInAttempts.attemptedAt, since),
        sql`${signInAttempts.attemptedAt} > coalesce((${lastSuccess}), '-infinity'::timestamptz)`,
      ),
    )
    .orderBy(desc(signInAttempts.attemptedAt))
    .limit(policy.maxFailuresPerAccount);
  const byAddress = ip
    ? await tx
        .select({ at: signInAttempts.attemptedAt })
        .from(signInAttempts)
        .where(and(eq(signInAttempts.ip, ip), eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, since)))
        .orderBy(desc(signInAttempts.attemptedAt))
        .limit(policy.maxFailuresPerAddress)
    : [];
  const until: number[] = [];
  if (byAccount.length >= policy.maxFailuresPerAccount) {
    until.push(byAccount[policy.maxFailuresPerAccount - 1]!.at.getTime() + policy.throttleWindowMs);
  }
  if (byAddress.length >= policy.maxFailuresPerAddress) {
    until.push(byAddress[policy.maxFailuresPerAddress - 1]!.at.getTime() + policy.throttleWindowMs);
  }
  return until.length > 0 ? new Date(Math.max(...until)) : null;
}

async function checkSecondFactor(
  tx: Transaction,
  user: { id: string; totpSecret: string | null; totpLastStep: number | null },
  code: string,
  now: Date,
): Promise<'totp' | 'recovery' | null> {
  const trimmed = code.replace(/\s+/g, '');
  if (/^\d{6}$/.test(trimmed) && user.totpSecret) {
    const result = verifyTotp(user.totpSecret, trimmed, now.getTime(), { lastUsedStep: user.totpLastStep });
    if (!result.ok) return null;
    await tx.update(users).set({ totpLastStep: result.step }).where(eq(users.id, user.id));
    return 'totp';
  }
  const [used] = await tx
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, user.id),
        eq(recoveryCodes.codeHash, hashRecoveryCode(trimmed)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used ? 'recovery' : null;
}

/**
 * One sign-in attempt, throttled per account and per address, audited whatever its outcome. Call it inside a
 * transaction; it serializes attempts on the same email so parallel guesses cannot slip past the counter.
 */
export async function attemptSignIn(
  tx: Transaction,
  input: SignInInput,
  policy: AuthPolicy,
  now = new Date(),
): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase();
  // Locks in a fixed order (address, then account), so parallel guesses cannot slip past either counter.
  if (input.ip) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in-ip:${input.ip}`}))`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}))`);
  const audit = (action: string, after: Record<string, unknown>, actorId: string | null = null) =>
    insertAuditEvent(tx, {
      action,
      entityType: 'user',
      entityId: actorId,
      actorId,
      actorEmail: email,
      ip: input.ip,
      after,
    });

  const retryAt = await throttledUntil(tx, email, input.ip, policy, now);
  if (retryAt) {
    await audit('auth.sign_in_throttled', { email, retryAt: retryAt.toISOString() });
    return { kind: 'throttled', retryAt };
  }

  const [user] = await tx
    .select({
      id: users.id,
      role: users.role,
      passwordHash: users.passwordHash,
      isActive: users.isActive,
      sessionVersion: users.sessionVersion,
      totpSecret: users.totpSecret,
      totpEnabledAt: users.totpEnabledAt,
      totpLastStep: users.totpLastStep,
    })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, isNull(users.deletedAt)));
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingDummy()), input.password);

  const fail = async (reason: string) => {
    await tx.insert(signInAttempts).values({ email, ip: input.ip, succeeded: false, attemptedAt: now });
    await audit('auth.sign_in_failed', { email, reason }, user?.id ?? null);
    return { kind: 'invalid' } as const;
  };
  if (!user) return fail('unknown_email');
  if (!passwordOk) return fail('wrong_password');
  if (!user.isActive) return fail('inactive');

  let usedRecoveryCode = false;
  if (user.totpEnabledAt) {
    if (!input.code?.trim()) {
      await audit('auth.sign_in_second_factor_required', { email }, user.id);
      return { kind: 'second_factor_required' };
    }
    const factor = await checkSecondFactor(tx, user, input.code, now);
    if (!factor) return fail('wrong_second_factor');
    usedRecoveryCode = factor === 'recovery';
  }

  await tx.insert(signInAttempts).values({ email, ip: input.ip, succeeded: true, attemptedAt: now });
  await purgeExpired(tx, now);
  const [session] = await tx
    .insert(sessions)
    .values({
      userId: user.id,
      sessionVersion: user.sessionVersion,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.absoluteMs),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 400) ?? null,
    })
    .returning({ id: sessions.id });
  await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
  await audit('auth.sign_in', { email, usedRecoveryCode, sessionId: session!.id }, user.id);
  return { kind: 'ok', userId: user.id, sessionId: session!.id, role: user.role, usedRecoveryCode };
}

/**
 * Forgets what no check needs any more: attempts older than a day (the throttle looks back 15 minutes) and sessions
 * past their lifetime for a month. Run on each successful sign-in, so the tables stay small without a scheduler.
 */
export async function purgeExpired(tx: Executor, now = new Date()): Promise<void> {
  await tx.delete(signInAttempts).where(lt(signInAttempts.attemptedAt, new Date(now.getTime() - 86_400_000)));
  await tx.delete(sessions).where(lt(sessions.expiresAt, new Date(now.getTime() - 30 * 86_400_000)));
}

/** Ends one session (sign-out here). Audited as the session's user. */
export async function endSession(tx: Executor, sessionId: string, now = new Date()): Promise<void> {
  const [row] = await tx
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
    .returning({ userId: sessions.userId });
  if (row) {
    await insertAuditEvent(tx, { action: 'auth.sign_out', entityType: 'user', entityId: row.userId, actorId: row.userId, after: { sessionId } });
  }
}

/** Ends every session of a user: bumps the session version that each request checks. Returns the new version. */
export async function endAllSessions(tx: Executor, userId: string, now = new Date()): Promise<void> {
  await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
  await tx.update(sessions).set({ endedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
}
