'use server';

import { getLocale } from 'next-intl/server';
import type { z } from 'zod';
import { db } from '@/db/index';
import { insertActivity, setActivityDeleted, updateActivity, type ActivityResult } from '@/db/mutations/activities';
import { queryChangesSince } from '@/db/queries/partnerships-core';
import { failure, invalid, type ActionState } from '@/lib/action-state';
import { authorizeAction } from '@/lib/auth/guards';
import { publicDataChanged } from '@/lib/cache/public-data';
import { formFields } from '@/lib/form-data';
import { redirect } from '@/lib/i18n/navigation';
import { activityFormFields, activityInputSchema, activityRefSchema, activityUpdateSchema } from '@/lib/validation/activities';

/**
 * A failed parse as field errors, with the values sent (for a form sent without JavaScript). The shared mapping keeps 'validation.*' keys; this feature's own messages
 * ('activities.*': a negative quantity, a currency that is not ISO 4217 ...) are kept too, beside their field.
 */
function refused(error: z.ZodError, values: Record<string, unknown>): ActionState {
  const state = invalid(error, values);
  if (state.status !== 'invalid') return state;
  for (const issue of error.issues) {
    if (!issue.message.startsWith('activities.')) continue;
    const path = [...issue.path];
    while (path.length > 1 && typeof path[path.length - 1] === 'number') path.pop();
    const field = path.length > 0 ? path.map(String).join('.') : 'form';
    if (state.fieldErrors[field]?.key === 'validation.invalid') state.fieldErrors[field] = { key: issue.message };
  }
  return state;
}

/** The form-level answer to a refused write; null when it went through. */
async function refusal(result: ActivityResult, id: string, version: number): Promise<ActionState | null> {
  switch (result.kind) {
    case 'ok':
      return null;
    case 'gone':
      return failure('activities.gone');
    case 'partner_gone':
      return {
        status: 'invalid',
        fieldErrors: { [`partners.${result.index}.partnershipId`]: { key: 'activities.partnerGone' } },
        message: { key: 'validation.fixFields' },
      };
    case 'conflict': {
      // What the other save changed, from the audit trail; the editor's own input stays in the form.
      const changes = await queryChangesSince(db, 'activity', id, version);
      return { status: 'conflict', message: { key: 'activities.conflict' }, data: { changes: changes.fields, by: changes.by } };
    }
  }
}

/** Records an activity with its partners, quantities, organisations and milestones. Editors and admins. */
export async function createActivityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const fields = activityFormFields(formData);
  const parsed = activityInputSchema.safeParse(fields);
  if (!parsed.success) return refused(parsed.error, fields);
  const result = await db.transaction((tx) => insertActivity(tx, auth.user, parsed.data));
  publicDataChanged();
  if (result.kind !== 'ok') return (await refusal(result, '', 0))!;
  const locale = await getLocale();
  return redirect({ href: `/activities/${result.id}`, locale });
}

/** Saves an edit made from the version the editor opened; a newer save by someone else is reported, not overwritten. */
export async function updateActivityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const fields = activityFormFields(formData);
  const parsed = activityUpdateSchema.safeParse(fields);
  if (!parsed.success) return refused(parsed.error, fields);
  const result = await db.transaction((tx) => updateActivity(tx, auth.user, parsed.data));
  publicDataChanged();
  const answer = await refusal(result, parsed.data.id, parsed.data.version);
  if (answer) return answer;
  const locale = await getLocale();
  return redirect({ href: `/activities/${parsed.data.id}`, locale });
}

/** Moves an activity to the deleted records (nothing is erased). Editors and admins. */
export async function deleteActivityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const parsed = activityRefSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const result = await db.transaction((tx) => setActivityDeleted(tx, auth.user, parsed.data.id, parsed.data.version, true));
  publicDataChanged();
  if (result.kind === 'conflict') return { status: 'conflict', message: { key: 'activities.conflictReload' } };
  const answer = await refusal(result, parsed.data.id, parsed.data.version);
  if (answer) return answer;
  const locale = await getLocale();
  return redirect({ href: { pathname: '/activities', query: { done: 'deleted' } }, locale });
}

/** Brings a deleted activity back. Admins only. */
export async function restoreActivityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:restore');
  if (!auth.ok) return auth.state;
  const parsed = activityRefSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const result = await db.transaction((tx) => setActivityDeleted(tx, auth.user, parsed.data.id, parsed.data.version, false));
  publicDataChanged();
  if (result.kind === 'conflict') return { status: 'conflict', message: { key: 'activities.conflictReload' } };
  const answer = await refusal(result, parsed.data.id, parsed.data.version);
  if (answer) return answer;
  // The page again, now as a live record (its banner and buttons change), saying it was restored: the restore
  // form itself is gone from it, so its own message could not be seen.
  const locale = await getLocale();
  return redirect({ href: { pathname: `/activities/${parsed.data.id}`, query: { done: 'restored' } }, locale });
}
