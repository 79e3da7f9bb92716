'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/db/index';
import { updateSettings } from '@/db/mutations/users';
import { invalid, type ActionState } from '@/lib/action-state';
import { publicDataChanged } from '@/lib/cache/public-data';
import { formFields } from '@/lib/form-data';
import { authorizeAction } from '@/lib/auth/guards';
import { settingsSchema } from '@/lib/validation/users';

/** Saves the registry settings at the version the admin saw. Admins only. */
export async function saveSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('settings:manage');
  if (!auth.ok) return auth.state;
  const parsed = settingsSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { version, ...values } = parsed.data;
  if (values.requireTotp && !auth.user.totpEnabled) {
    return { status: 'invalid', fieldErrors: { requireTotp: { key: 'settings.enrolFirst' } }, message: { key: 'settings.enrolFirst' } };
  }
  const result = await db.transaction((tx) => updateSettings(tx, auth.user, version, values));
  publicDataChanged();
  if (result === 'conflict') return { status: 'conflict', message: { key: 'settings.conflict' } };
  revalidatePath('/', 'layout');
  return { status: 'success', message: { key: 'settings.saved' } };
}
