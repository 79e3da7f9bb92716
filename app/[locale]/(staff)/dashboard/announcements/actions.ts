'use server';

import { getLocale } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { db } from '@/db/index';
import { insertPublishedTotal, setPublishedTotalDeleted, updatePublishedTotal, type PublishedTotalResult } from '@/db/mutations/published-totals';
import { queryChangesSince } from '@/db/queries/partnerships-core';
import { failure, invalid, type ActionState } from '@/lib/action-state';
import { authorizeAction, type CurrentUser } from '@/lib/auth/guards';
import { formFields } from '@/lib/form-data';
import { redirect } from '@/lib/i18n/navigation';
import { publishedTotalInputSchema, publishedTotalRefSchema, publishedTotalUpdateSchema } from '@/lib/validation/published-totals';

// The office's announced counts of its network (/dashboard/announcements). Staff-only data: nothing public changes,
// so the writes expire the dashboard's pages rather than the public cache.

const NAMESPACE = 'publishedTotals';
const LIST = '/dashboard/announcements';

/** The dashboard and its announcement pages show the change (the dashboard sets announcements beside the registry). */
function dashboardChanged() {
  revalidatePath('/[locale]/(staff)/dashboard', 'layout');
}

/** The form-level answer to a refused write, with what the other editor changed on a conflict; null when it went through. */
async function refusal(result: PublishedTotalResult, id: string, version: number): Promise<ActionState | null> {
  switch (result.kind) {
    case 'ok':
      return null;
    case 'gone':
      return failure('publishedTotals.gone');
    case 'conflict': {
      // From the audit trail; the editor's own input stays in the form.
      const changes = await queryChangesSince(db, 'published_total', id, version);
      return { status: 'conflict', message: { key: 'publishedTotals.conflict' }, data: { changes: changes.fields, by: changes.by } };
    }
  }
}

/** Records an announcement of the network's count. Editors and admins; goes to the list. */
export async function createPublishedTotalAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const fields = formFields(formData);
  const parsed = publishedTotalInputSchema.safeParse(fields);
  if (!parsed.success) return invalid(parsed.error, fields, NAMESPACE);
  await db.transaction((tx) => insertPublishedTotal(tx, auth.user, parsed.data));
  dashboardChanged();
  return redirect({ href: { pathname: LIST, query: { done: 'created' } }, locale: await getLocale() });
}

/** Saves an edit made from the version the editor opened; a newer save by someone else is reported, not overwritten. */
export async function updatePublishedTotalAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const fields = formFields(formData);
  const parsed = publishedTotalUpdateSchema.safeParse(fields);
  if (!parsed.success) return invalid(parsed.error, fields, NAMESPACE);
  const result = await db.transaction((tx) => updatePublishedTotal(tx, auth.user, parsed.data));
  const answer = await refusal(result, parsed.data.id, parsed.data.version);
  if (answer) return answer;
  dashboardChanged();
  return redirect({ href: { pathname: LIST, query: { done: 'saved' } }, locale: await getLocale() });
}

/** Deletes (softly) or restores an announcement at the version the user saw, for an actor already authorized. */
async function setDeleted(actor: CurrentUser, formData: FormData, deleted: boolean): Promise<ActionState> {
  const parsed = publishedTotalRefSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const result = await db.transaction((tx) => setPublishedTotalDeleted(tx, actor, parsed.data.id, parsed.data.version, deleted));
  if (result.kind === 'conflict') return { status: 'conflict', message: { key: 'publishedTotals.conflictReload' } };
  if (result.kind === 'gone') return failure('publishedTotals.gone');
  dashboardChanged();
  return redirect({ href: { pathname: LIST, query: { done: deleted ? 'deleted' : 'restored' } }, locale: await getLocale() });
}

/** Moves an announcement to the deleted records (nothing is erased). Editors and admins; goes to the list. */
export async function deletePublishedTotalAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  return setDeleted(auth.user, formData, true);
}

/** Brings a deleted announcement back. Admins only; goes to the live list. */
export async function restorePublishedTotalAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:restore');
  if (!auth.ok) return auth.state;
  return setDeleted(auth.user, formData, false);
}
