'use server';

import { getLocale } from 'next-intl/server';
import { db } from '@/db/index';
import { setActivityPhotoDeleted } from '@/db/mutations/activity-photos';
import { failure, invalid, type ActionState } from '@/lib/action-state';
import { authorizeAction } from '@/lib/auth/guards';
import { publicDataChanged } from '@/lib/cache/public-data';
import { formFields } from '@/lib/form-data';
import { redirect } from '@/lib/i18n/navigation';
import { photoRefSchema, safeActivityReturnPath } from '@/lib/validation/activity-photos';

async function setDeleted(formData: FormData, deleted: boolean): Promise<ActionState> {
  const auth = await authorizeAction(deleted ? 'registry:write' : 'registry:restore');
  if (!auth.ok) return auth.state;
  const parsed = photoRefSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { id, activityId, returnTo } = parsed.data;
  const result = await db.transaction((tx) => setActivityPhotoDeleted(tx, auth.user, activityId, id, deleted));
  publicDataChanged();
  if (result.kind === 'gone') return failure('activityPhotos.gone');
  // Back to the page the button was on (a page of the photo's activity), in the user's language.
  const page = safeActivityReturnPath(returnTo, activityId) ?? `/activities/${activityId}`;
  // No #photos: a redirect that differs from the page only by its hash would not fetch the page again.
  return redirect({ href: page.replace(/^\/zh(?=\/)/, ''), locale: await getLocale() });
}

/** Deletes one photo of an activity softly: it leaves the gallery and is no longer served; admins restore it. Editors and admins. */
export async function deletePhotoAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return setDeleted(formData, true);
}

/** Brings a deleted photo back. Admins only. */
export async function restorePhotoAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return setDeleted(formData, false);
}
