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

let passwordHash: Promise<string> | undefined;

/**
 * Signs a test in as a new staff user of `role` (email `<role>@example.org` unless given): inserts the user with a
 * live session and points `session` (the object the test's mocked readSessionId reads) at it. The password hash is
 * computed once per test file (argon2 is slow). Returns the user row. Tests only.
 */
export async function signInAs(session: { id: string | null }, role: Role, email = `${role}@example.org`) {
  passwordHash ??= import('../../lib/auth/password').then((m) => m.hashPassword('a staff password that works'));
  const { user, sessionId } = await insertSignedInUser(role, email, await passwordHash);
  session.id = sessionId;
  return user;
}
