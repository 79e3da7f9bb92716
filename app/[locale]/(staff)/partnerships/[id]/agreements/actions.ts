'use server';

import { getLocale } from 'next-intl/server';
import { db } from '@/db/index';
import { deleteAgreement, insertAgreement, updateAgreement, type AgreementResult } from '@/db/mutations/agreements';
import { queryChangesSince } from '@/db/queries/partnerships-core';
import { failure, invalid, type ActionState } from '@/lib/action-state';
import { authorizeAction } from '@/lib/auth/guards';
import { publicDataChanged } from '@/lib/cache/public-data';
import { formFields } from '@/lib/form-data';
import { redirect } from '@/lib/i18n/navigation';
import { agreementFormFields, agreementInputSchema, agreementRefSchema, agreementUpdateSchema } from '@/lib/validation/agreements';

async function conflictState(id: string, version: number): Promise<ActionState> {
  const changes = await queryChangesSince(db, 'agreement', id, version);
  return { status: 'conflict', message: { key: 'agreements.conflict' }, data: { changes: changes.fields, by: changes.by } };
}

/** Back to the partnership's page once saved. */
async function done(result: AgreementResult): Promise<ActionState> {
  if (result.kind !== 'ok') return failure('agreements.gone');
  const locale = await getLocale();
  return redirect({ href: `/partnerships/${result.partnershipId}`, locale });
}

/** Records an agreement of a partnership and its signatories. Editors and admins. */
export async function createAgreementAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const fields = agreementFormFields(formData);
  const parsed = agreementInputSchema.safeParse(fields);
  if (!parsed.success) return invalid(parsed.error, fields);
  const result = await db.transaction((tx) => insertAgreement(tx, auth.user, parsed.data));
  publicDataChanged();
  return done(result);
}

/** Saves an edit of an agreement made from the version opened. Editors and admins. */
export async function updateAgreementAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const fields = agreementFormFields(formData);
  const parsed = agreementUpdateSchema.safeParse(fields);
  if (!parsed.success) return invalid(parsed.error, fields);
  const result = await db.transaction((tx) => updateAgreement(tx, auth.user, parsed.data));
  publicDataChanged();
  if (result.kind === 'conflict') return conflictState(parsed.data.id, parsed.data.version);
  return done(result);
}

/** Deletes an agreement softly (it leaves every list; the audit trail keeps it). Editors and admins. */
export async function deleteAgreementAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const parsed = agreementRefSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const result = await db.transaction((tx) => deleteAgreement(tx, auth.user, parsed.data.id, parsed.data.version));
  publicDataChanged();
  if (result.kind === 'conflict') return { status: 'conflict', message: { key: 'agreements.conflictReload' } };
  return done(result);
}
