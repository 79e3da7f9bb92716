import { db } from '../index';
import { sessions, users } from '../schema';
import type { Role } from '../../lib/domain';

/**
 * Inserts a staff user with a live session, for integration tests that call actions as that user (the test's
 * mocked readSessionId returns `sessionId`). Tests only.
 */
export async function insertSignedInUser(role: Role, email: string, passwordHash: string) {
  const [user] = await db.insert(users).values({ email, name: role, role, passwordHash }).returning();
  const [s] = await db
    .insert(sessions)
    .values({ userId: user!.id, sessionVersion: user!.sessionVersion, expiresAt: new Date(Date.now() + 3_600_000) })
    .returning();
  return { user: user!, sessionId: s!.id };
}
