'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/db/index';
import { createCalendarFeed, regenerateCalendarFeed, revokeCalendarFeed, type CalendarFeedResult } from '@/db/mutations/calendar-feeds';
import {
  changeOwnPassword,
  disableTotp,
  enableTotp,
  getPasswordHash,
  getTotpState,
  startTotpEnrolment,
} from '@/db/mutations/users';
import { failure, invalid, type ActionState } from '@/lib/action-state';
import { formFields } from '@/lib/form-data';
import { isCommonPassword } from '@/lib/auth/common-passwords';
import { authorizeAction } from '@/lib/auth/guards';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { generateRecoveryCodes, generateTotpSecret, verifyTotp } from '@/lib/auth/totp';
import { changePasswordSchema, disableTotpSchema, totpConfirmSchema } from '@/lib/validation/users';
import { calendarFeedTargetSchema } from '@/lib/validation/calendar-feeds';
import { newFeedToken } from '@/lib/calendar-feed';

/** Changes the signed-in user's password after checking the current one; ends their other sessions. */
export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction(null);
  if (!auth.ok) return auth.state;
  const parsed = changePasswordSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  if (isCommonPassword(parsed.data.newPassword)) {
    return { status: 'invalid', fieldErrors: { newPassword: { key: 'validation.passwordCommon' } } };
  }
  const current = await getPasswordHash(db, auth.user.id);
  if (!current || !(await verifyPassword(current, parsed.data.currentPassword))) {
    return { status: 'invalid', fieldErrors: { currentPassword: { key: 'account.wrongCurrentPassword' } } };
  }
  const hash = await hashPassword(parsed.data.newPassword);
  const result = await db.transaction((tx) => changeOwnPassword(tx, auth.user, auth.user.sessionId, hash));
  if (result === 'session_ended') return failure('auth.signedOut');
  revalidatePath('/', 'layout');
  return { status: 'success', message: { key: 'account.passwordChanged' } };
}

/** Creates a new, unconfirmed TOTP secret for the signed-in user. */
export async function startTotpAction(): Promise<void> {
  const auth = await authorizeAction(null);
  if (!auth.ok) return;
  await db.transaction((tx) => startTotpEnrolment(tx, auth.user.id, generateTotpSecret()));
  revalidatePath('/account/security');
}

/** Confirms enrolment with a code from the app; returns the recovery codes, shown once. */
export async function confirmTotpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction(null);
  if (!auth.ok) return auth.state;
  const parsed = totpConfirmSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const state = await getTotpState(db, auth.user.id);
  if (!state?.secret || state.enabledAt) return failure('errors.body');
  const result = verifyTotp(state.secret, parsed.data.code, Date.now(), { lastUsedStep: state.lastStep });
  if (!result.ok) return { status: 'invalid', fieldErrors: { code: { key: 'account.wrongCode' } } };
  const codes = generateRecoveryCodes();
  await db.transaction((tx) => enableTotp(tx, auth.user, result.step, codes));
  // No revalidation here: a re-render would replace the one-time display of the codes with the "on" view.
  return { status: 'success', message: { key: 'account.enabled' }, data: { recoveryCodes: codes } };
}

/** Turns TOTP off after the current password, unless an admin requires it. */
export async function disableTotpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction(null);
  if (!auth.ok) return auth.state;
  const parsed = disableTotpSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const current = await getPasswordHash(db, auth.user.id);
  if (!current || !(await verifyPassword(current, parsed.data.currentPassword))) {
    return { status: 'invalid', fieldErrors: { currentPassword: { key: 'account.wrongCurrentPassword' } } };
  }
  const outcome = await db.transaction((tx) => disableTotp(tx, auth.user));
  if (outcome === 'required') return failure('account.disableRequired');
  revalidatePath('/', 'layout');
  return { status: 'success', message: { key: 'account.disabled' } };
}

/**
 * The answer to a calendar feed write: on success the new token, shown once (only its hash is kept), and the page
 * refreshed so it shows the feed as it now is; a feed changed in another window is a conflict, with nothing written.
 */
function feedOutcome(result: CalendarFeedResult, done: string, token?: string): ActionState {
  if (result.kind === 'exists') return { status: 'conflict', message: { key: 'calendarFeed.exists' } };
  if (result.kind === 'gone') return { status: 'conflict', message: { key: 'calendarFeed.gone' } };
  revalidatePath('/[locale]/(staff)/account', 'page');
  return { status: 'success', message: { key: done }, data: { feedId: result.feedId, ...(token ? { token } : {}) } };
}

/** Makes the signed-in user's calendar feed; returns its secret token once. Any active staff user, for themselves. */
export async function createCalendarFeedAction(_prev: ActionState, _formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:read');
  if (!auth.ok) return auth.state;
  // Nothing to validate: the feed is the caller's own and the form sends no field.
  const { token, tokenHash } = newFeedToken();
  const result = await db.transaction((tx) => createCalendarFeed(tx, auth.user, tokenHash));
  return feedOutcome(result, 'calendarFeed.created', token);
}

/** Replaces the user's live feed (the form's feedId) by a new address, returned once; the old one stops working. */
export async function regenerateCalendarFeedAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:read');
  if (!auth.ok) return auth.state;
  const parsed = calendarFeedTargetSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { token, tokenHash } = newFeedToken();
  const result = await db.transaction((tx) => regenerateCalendarFeed(tx, auth.user, parsed.data.feedId, tokenHash));
  return feedOutcome(result, 'calendarFeed.regenerated', token);
}

/** Turns off the user's live feed (the form's feedId): its address answers 404 from then on. */
export async function revokeCalendarFeedAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:read');
  if (!auth.ok) return auth.state;
  const parsed = calendarFeedTargetSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const result = await db.transaction((tx) => revokeCalendarFeed(tx, auth.user, parsed.data.feedId));
  return feedOutcome(result, 'calendarFeed.revoked');
}
