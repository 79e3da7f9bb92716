import type { Role } from '../../lib/domain';
import { hashPassword } from '../../lib/auth/password';
import type { Executor } from '../client';
import { auditEvents, users } from '../schema';

/** The demo's shared password; only `npm run demo` and the end-to-end tests create users with it. */
export const DEMO_PASSWORD = 'amity-demo-password';
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@amity.test', name: 'Demo Admin', role: 'admin' },
  { email: 'editor@amity.test', name: 'Demo Editor', role: 'editor' },
  { email: 'viewer@amity.test', name: 'Demo Viewer', role: 'viewer' },
];

/** Creates the three demo staff users when missing; returns how many it created. */
export async function seedDemoUsers(tx: Executor, password = DEMO_PASSWORD): Promise<number> {
  let created = 0;
  for (const u of DEMO_USERS) {
    const [row] = await tx
      .insert(users)
      .values({ ...u, passwordHash: await hashPassword(password) })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!row) continue;
    created++;
    await tx.insert(auditEvents).values({
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      after: { email: u.email, name: u.name, role: u.role, via: 'demo seed' },
    });
  }
  return created;
}
