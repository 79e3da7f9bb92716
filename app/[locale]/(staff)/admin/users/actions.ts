'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/db/index';
import { insertUser, resetUserPassword, setUserActive, updateUserRole, type UserChange } from '@/db/mutations/users';
import { failure, invalid, type ActionState } from '@/lib/action-state';
import { formFields } from '@/lib/form-data';
import { isCommonPassword } from '@/lib/auth/common-passwords';
import { authorizeAction } from '@/lib/auth/guards';
import { hashPassword } from '@/lib/auth/password';
import { newUserInputSchema, resetPasswordSchema, userActiveSchema, userRoleSchema } from '@/lib/validation/users';

function outcome(result: UserChange, successKey: string): ActionState {
  if (result === 'conflict') return { status: 'conflict', message: { key: 'users.conflict' } };
  if (result === 'gone') return failure('users.gone');
  revalidatePath('/admin/users');
  return { status: 'success', message: { key: successKey } };
}

/** Creates a staff user with an initial password to change at first sign-in. Admins only. */
export async function createUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('users:manage');
  if (!auth.ok) return auth.state;
  const parsed = newUserInputSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  if (isCommonPassword(parsed.data.password)) {
    return { status: 'invalid', fieldErrors: { password: { key: 'validation.passwordCommon' } } };
  }
  const hash = await hashPassword(parsed.data.password);
  const id = await db.transaction((tx) => insertUser(tx, auth.user, parsed.data, hash));
  if (id === 'duplicate') return { status: 'invalid', fieldErrors: { email: { key: 'users.duplicate' } } };
  revalidatePath('/admin/users');
  return { status: 'success', message: { key: 'users.created', values: { email: parsed.data.email } } };
}

/** Changes a user's role at the version the admin saw; ends that user's sessions. Admins only, not on themselves. */
export async function changeRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('users:manage');
  if (!auth.ok) return auth.state;
  const parsed = userRoleSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  if (parsed.data.userId === auth.user.id) return failure('users.notSelf');
  const { userId, version, role } = parsed.data;
  return outcome(await db.transaction((tx) => updateUserRole(tx, auth.user, userId, version, role)), 'users.roleChanged');
}

/** Deactivates (signing the user out everywhere) or reactivates a user. Admins only, not on themselves. */
export async function setActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('users:manage');
  if (!auth.ok) return auth.state;
  const parsed = userActiveSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  if (parsed.data.userId === auth.user.id) return failure('users.notSelf');
  const { userId, version, active } = parsed.data;
  return outcome(
    await db.transaction((tx) => setUserActive(tx, auth.user, userId, version, active)),
    active ? 'users.reactivated' : 'users.deactivated',
  );
}

/** Sets a new password that the user must change at next sign-in; ends their sessions. Admins only. */
export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('users:manage');
  if (!auth.ok) return auth.state;
  const parsed = resetPasswordSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  if (parsed.data.userId === auth.user.id) return failure('users.notSelf');
  if (isCommonPassword(parsed.data.password)) {
    return { status: 'invalid', fieldErrors: { password: { key: 'validation.passwordCommon' } } };
  }
  const { userId, version, password } = parsed.data;
  const hash = await hashPassword(password);
  return outcome(await db.transaction((tx) => resetUserPassword(tx, auth.user, userId, version, hash)), 'users.passwordReset');
}
