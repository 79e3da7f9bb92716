import 'server-only';
import { getLocale } from 'next-intl/server';
import { cache } from 'react';
import { db } from '@/db/index';
import { loadSessionUser, type CurrentUser } from '@/db/queries/sessions';
import { failure, type ActionState } from '@/lib/action-state';
import { redirect } from '@/lib/i18n/navigation';
import { can, type Capability } from '@/lib/permissions';
import { authPolicy } from './policy';
import { readSessionId } from './session-id';

export type { CurrentUser };

/** The signed-in user of this request after checking the session row, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const sessionId = await readSessionId();
  if (!sessionId) return null;
  return loadSessionUser(db, sessionId, authPolicy());
});

/** A path to come back to after signing in: only a local path, never another site. */
export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  return value.slice(0, 500);
}

/**
 * The signed-in user, or a redirect to /login that comes back to `from`. Unless `pending` is allowed, a user who
 * must change their password or enrol a second factor is sent to do that first. For pages.
 */
export async function requireUser(from: string, opts: { pending?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  const locale = await getLocale();
  if (!user) {
    const callbackUrl = safeCallbackPath(from) ?? '/account';
    return redirect({ href: { pathname: '/login', query: { callbackUrl } }, locale });
  }
  if (!opts.pending) {
    if (user.mustChangePassword) return redirect({ href: '/account/password', locale });
    if (user.mustEnrolTotp) return redirect({ href: '/account/security', locale });
  }
  return user;
}

/** The signed-in user if their role has the capability; otherwise the forbidden page. For pages and queries. */
export async function requireCapability(capability: Capability, from: string): Promise<CurrentUser> {
  const user = await requireUser(from);
  if (!can(user.role, capability)) {
    return redirect({ href: '/forbidden', locale: await getLocale() });
  }
  return user;
}

/**
 * For server actions, which are public POST endpoints: the user if signed in, in good standing and allowed,
 * else the refusal to return to the form.
 */
export async function authorizeAction(
  capability: Capability | null,
): Promise<{ ok: true; user: CurrentUser } | { ok: false; state: ActionState }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, state: failure('auth.signedOut') };
  if (capability && (user.mustChangePassword || user.mustEnrolTotp)) {
    return { ok: false, state: failure('auth.finishAccountSetup') };
  }
  if (capability && !can(user.role, capability)) return { ok: false, state: failure('auth.forbidden') };
  return { ok: true, user };
}
