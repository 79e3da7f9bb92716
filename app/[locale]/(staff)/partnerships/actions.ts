'use server';

import { getLocale } from 'next-intl/server';
import { db } from '@/db/index';
import { insertPartnership, setPartnershipDeleted, updatePartnership, type ChangeResult } from '@/db/mutations/partnerships';
import { getHomeLocality } from '@/db/queries/home';
import { queryChangesSince } from '@/db/queries/partnerships-core';
import { failure, invalid, type ActionState } from '@/lib/action-state';
import { authorizeAction } from '@/lib/auth/guards';
import { publicDataChanged } from '@/lib/cache/public-data';
import { formFields } from '@/lib/form-data';
import { redirect } from '@/lib/i18n/navigation';
import {
  newLocalityOf,
  PARTNERSHIP_LIST_FIELDS,
  partnershipInputSchema,
  partnershipRefSchema,
  partnershipUpdateSchema,
} from '@/lib/validation/partnerships';

/** The form-level answer to a refused change; null when the change went through. */
async function refusal(result: ChangeResult, id: string, version: number): Promise<ActionState | null> {
  switch (result.kind) {
    case 'ok':
      return null;
    case 'gone':
      return failure('partnerships.gone');
    case 'duplicate':
      return { status: 'invalid', fieldErrors: { partnerLocalityId: { key: 'partnerships.duplicate' } }, message: { key: 'partnerships.duplicate' } };
    case 'partner_gone':
      return { status: 'invalid', fieldErrors: { partnerLocalityId: { key: 'partnerships.partnerGone' } }, message: { key: 'validation.fixFields' } };
    case 'same_as_home':
      return { status: 'invalid', fieldErrors: { partnerLocalityId: { key: 'partnerships.sameAsHome' } }, message: { key: 'validation.fixFields' } };
    case 'future_date':
      return { status: 'invalid', fieldErrors: { established: { key: 'validation.futureDate' } }, message: { key: 'validation.fixFields' } };
    case 'conflict': {
      // Tell the editor what the other save changed, from the audit trail; their own input stays in the form.
      const changes = await queryChangesSince(db, 'partnership', id, version);
      return { status: 'conflict', message: { key: 'partnerships.conflict' }, data: { changes: changes.fields, by: changes.by } };
    }
  }
}

/**
 * Registers a partnership of the home locality, or of another locality of the registry when the form names one.
 * Editors and admins. Goes to its page when saved.
 */
export async function createPartnershipAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const fields = formFields(formData, PARTNERSHIP_LIST_FIELDS);
  const parsed = partnershipInputSchema.safeParse(fields);
  if (!parsed.success) return invalid(parsed.error, fields);
  const homeId = parsed.data.homeLocalityId ?? (await getHomeLocality())?.id ?? null;
  const result = await db.transaction((tx) => insertPartnership(tx, auth.user, homeId, parsed.data, newLocalityOf(parsed.data)));
  publicDataChanged();
  if (result.kind === 'no_home') return failure('partnerships.noHome');
  if (result.kind === 'home_gone') {
    if (!parsed.data.homeLocalityId) return failure('partnerships.noHome');
    return { status: 'invalid', fieldErrors: { homeLocalityId: { key: 'partnerships.partnerGone' } }, message: { key: 'validation.fixFields' } };
  }
  if (result.kind !== 'ok') return (await refusal(result, '', 0))!;
  const locale = await getLocale();
  return redirect({ href: `/partnerships/${result.id}`, locale });
}

/** Saves an edit made from the version the editor opened; a newer save by someone else is reported, not overwritten. */
export async function updatePartnershipAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const fields = formFields(formData, PARTNERSHIP_LIST_FIELDS);
  const parsed = partnershipUpdateSchema.safeParse(fields);
  if (!parsed.success) return invalid(parsed.error, fields);
  const result = await db.transaction((tx) => updatePartnership(tx, auth.user, parsed.data));
  publicDataChanged();
  const refused = await refusal(result, parsed.data.id, parsed.data.version);
  if (refused) return refused;
  const locale = await getLocale();
  return redirect({ href: `/partnerships/${parsed.data.id}`, locale });
}

/** Moves a partnership to the deleted records (nothing is erased). Editors and admins. */
export async function deletePartnershipAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const parsed = partnershipRefSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const result = await db.transaction((tx) => setPartnershipDeleted(tx, auth.user, parsed.data.id, parsed.data.version, true));
  publicDataChanged();
  if (result.kind === 'conflict') return { status: 'conflict', message: { key: 'partnerships.conflictReload' } };
  const refused = await refusal(result, parsed.data.id, parsed.data.version);
  if (refused) return refused;
  const locale = await getLocale();
  return redirect({ href: { pathname: '/partnerships', query: { done: 'deleted' } }, locale });
}

/** Brings a deleted partnership back. Admins only. */
export async function restorePartnershipAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:restore');
  if (!auth.ok) return auth.state;
  const parsed = partnershipRefSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const result = await db.transaction((tx) => setPartnershipDeleted(tx, auth.user, parsed.data.id, parsed.data.version, false));
  publicDataChanged();
  if (result.kind === 'conflict') return { status: 'conflict', message: { key: 'partnerships.conflictReload' } };
  if (result.kind === 'duplicate') return failure('partnerships.restoreDuplicate');
  const refused = await refusal(result, parsed.data.id, parsed.data.version);
  if (refused) return refused;
  // The page again, now as a live record (its banner and buttons change), saying it was restored.
  const locale = await getLocale();
  return redirect({ href: { pathname: `/partnerships/${parsed.data.id}`, query: { done: 'restored' } }, locale });
}
