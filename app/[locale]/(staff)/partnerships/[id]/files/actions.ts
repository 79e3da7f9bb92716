'use server';

import { getLocale } from 'next-intl/server';
import { db } from '@/db/index';
import { setSignedFileDeleted, setSignedFilePublic } from '@/db/mutations/files';
import { failure, invalid, type ActionState } from '@/lib/action-state';
import { authorizeAction } from '@/lib/auth/guards';
import { publicDataChanged } from '@/lib/cache/public-data';
import { formFields } from '@/lib/form-data';
import { redirect } from '@/lib/i18n/navigation';
import { fileRefSchema, fileVisibilitySchema, safeReturnPath } from '@/lib/validation/files';

/** Back to the page the button was on (a page of the file's partnership), in the user's language. */
async function back(partnershipId: string, returnTo: string | undefined): Promise<never> {
  const page = safeReturnPath(returnTo, partnershipId) ?? `/partnerships/${partnershipId}`;
  return redirect({ href: page.replace(/^\/zh(?=\/)/, ''), locale: await getLocale() });
}

async function setDeleted(formData: FormData, deleted: boolean): Promise<ActionState> {
  const auth = await authorizeAction(deleted ? 'registry:write' : 'registry:restore');
  if (!auth.ok) return auth.state;
  const parsed = fileRefSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { id, partnershipId, returnTo } = parsed.data;
  const result = await db.transaction((tx) => setSignedFileDeleted(tx, auth.user, partnershipId, id, deleted));
  publicDataChanged();
  if (result.kind === 'gone') return failure('files.gone');
  return back(partnershipId, returnTo);
}

/** Deletes one signed file softly: it leaves the lists and downloads; admins see it and restore it. Editors and admins. */
export async function deleteFileAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return setDeleted(formData, true);
}

/** Brings a deleted signed file back. Admins only. */
export async function restoreFileAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return setDeleted(formData, false);
}

/** Marks one signed file public (downloadable by anyone while its records are public) or internal. Editors and admins. */
export async function setFileVisibilityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const parsed = fileVisibilitySchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { id, partnershipId, returnTo, isPublic } = parsed.data;
  const result = await db.transaction((tx) => setSignedFilePublic(tx, auth.user, partnershipId, id, isPublic));
  publicDataChanged();
  if (result.kind === 'gone') return failure('files.gone');
  return back(partnershipId, returnTo);
}
