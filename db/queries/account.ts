import 'server-only';
import { requireUser } from '@/lib/auth/guards';
import { getTotpState } from '../mutations/users';
import { db } from '../index';

/**
 * The second-factor state of the signed-in user's own account for the security page: whether it is on, the
 * unconfirmed secret while enrolling (shown to that user only), and recovery codes left. Any signed-in user,
 * including one who still has to finish setting up their account.
 */
export async function getOwnTotpState() {
  const user = await requireUser('/account/security', { pending: true });
  const state = await getTotpState(db, user.id);
  return {
    enabled: Boolean(state?.enabledAt),
    pendingSecret: state && !state.enabledAt ? state.secret : null,
    recoveryCodesLeft: state?.recoveryCodesLeft ?? 0,
  };
}
