'use server';

import { getLocale } from 'next-intl/server';
import { db } from '@/db/index';
import { endAllSessions, endSession } from '@/db/mutations/auth';
import { insertAuditEvent } from '@/db/mutations/audit';
import { signOut } from '@/lib/auth';
import { getCurrentUser } from '@/lib/auth/guards';
import { redirect } from '@/lib/i18n/navigation';

/** Signs this browser out: ends its session row (audited) and clears the cookie. */
export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await db.transaction((tx) => endSession(tx, user.sessionId));
  await signOut({ redirect: false });
  redirect({ href: { pathname: '/login', query: { signedOut: '1' } }, locale: await getLocale() });
}

/** Ends every session of the signed-in user, on every device, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) {
    await db.transaction(async (tx) => {
      await endAllSessions(tx, user.id);
      await insertAuditEvent(tx, {
        action: 'auth.sign_out_everywhere',
        entityType: 'user',
        entityId: user.id,
        actorId: user.id,
        actorEmail: user.email,
      });
    });
  }
  await signOut({ redirect: false });
  redirect({ href: { pathname: '/login', query: { signedOut: '1' } }, locale: await getLocale() });
}
