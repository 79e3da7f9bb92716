import { and, eq, isNull } from 'drizzle-orm';
import type { AuthPolicy } from '../../lib/auth/policy';
import type { Role } from '../../lib/domain';
import type { Executor } from '../client';
import { sessions, settings, users } from '../schema';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  /** An admin requires a second factor and this user has none yet. */
  mustEnrolTotp: boolean;
}

/**
 * The signed-in user behind a session id, or null when the session ended, expired, went idle, or its user was
 * deactivated, deleted or had their sessions ended. Refreshes the last-seen time. For lib/auth/guards.ts.
 */
export async function loadSessionUser(
  db: Executor,
  sessionId: string,
  policy: AuthPolicy,
  now = new Date(),
): Promise<CurrentUser | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(sessionId)) return null;
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      isActive: users.isActive,
      userVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
      totpEnabledAt: users.totpEnabledAt,
      sessionVersion: sessions.sessionVersion,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      endedAt: sessions.endedAt,
      requireTotp: settings.requireTotp,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), isNull(users.deletedAt)))
    .leftJoin(settings, eq(settings.id, 1))
    .where(eq(sessions.id, sessionId));
  if (!row || row.endedAt || !row.isActive || row.sessionVersion !== row.userVersion) return null;
  const t = now.getTime();
  if (row.expiresAt.getTime() <= t || row.lastSeenAt.getTime() + policy.idleMs <= t) {
    await db.update(sessions).set({ endedAt: now }).where(eq(sessions.id, sessionId));
    return null;
  }
  if (t - row.lastSeenAt.getTime() >= policy.touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    sessionId,
    mustChangePassword: row.mustChangePassword,
    totpEnabled: row.totpEnabledAt !== null,
    mustEnrolTotp: row.requireTotp === true && row.totpEnabledAt === null,
  };
}
