import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { requireCapability } from '@/lib/auth/guards';
import { db } from '../index';
import { settings, users } from '../schema';

export interface UserListItem {
  id: string;
  email: string;
  name: string;
  role: (typeof users.$inferSelect)['role'];
  isActive: boolean;
  totpEnabled: boolean;
  lastSignInAt: Date | null;
  version: number;
}

/** Every live staff user, by name, without secrets. Admins only. */
export async function listUsers(): Promise<UserListItem[]> {
  await requireCapability('users:manage', '/admin/users');
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      isActive: users.isActive,
      totpEnabledAt: users.totpEnabledAt,
      lastSignInAt: users.lastSignInAt,
      version: users.version,
    })
    .from(users)
    .where(isNull(users.deletedAt))
    .orderBy(asc(users.name));
  return rows.map(({ totpEnabledAt, ...r }) => ({ ...r, totpEnabled: totpEnabledAt !== null }));
}

/** The settings row with its version, for the settings form. Admins only. */
export async function getSettings(): Promise<{ requireTotp: boolean; version: number }> {
  await requireCapability('settings:manage', '/admin/settings');
  const [row] = await db
    .select({ requireTotp: settings.requireTotp, version: settings.version })
    .from(settings)
    .where(and(eq(settings.id, 1)));
  return row ?? { requireTotp: false, version: 1 };
}
