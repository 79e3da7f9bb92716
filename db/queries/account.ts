import 'server-only';
import { getTotpState } from '../mutations/users';
import { db } from '../index';

/**
 * The second-factor state of the signed-in user's own account for the security page: whether it is on, the
 * unconfirmed secret while enrolling (shown to that user only), and recovery codes left. The caller passes the
 * id of the user from requireUser().
 */
export async function getTotpStateForUser(userId: string) {
  const state = await getTotpState(db, userId);
  return {
    enabled: Boolean(state?.enabledAt),
    pendingSecret: state && !state.enabledAt ? state.secret : null,
    recoveryCodesLeft: state?.recoveryCodesLeft ?? 0,
  };
}
