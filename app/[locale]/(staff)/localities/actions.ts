'use server';

import { getLocale } from 'next-intl/server';
import { db } from '@/db/index';
import { mergeLocality, renameLocality, saveFormerName, undoLocalityMerge, type LocalityChangeResult } from '@/db/mutations/locality-names';
import { failure, invalid, type ActionState } from '@/lib/action-state';
import { authorizeAction } from '@/lib/auth/guards';
import { publicDataChanged } from '@/lib/cache/public-data';
import { formFields } from '@/lib/form-data';
import { redirect } from '@/lib/i18n/navigation';
import { formerNameSchema, localityMergeSchema, localityRefSchema, localityRenameSchema } from '@/lib/validation/localities';

/** The form's answer to a refused change; null when the change went through. */
function refusal(result: LocalityChangeResult): ActionState | null {
  const onField = (field: string, key: string): ActionState => ({
    status: 'invalid',
    fieldErrors: { [field]: { key } },
    message: { key: 'validation.fixFields' },
  });
  switch (result.kind) {
    case 'ok':
      return null;
    case 'gone':
      return failure('localities.gone');
    case 'conflict':
      return { status: 'conflict', message: { key: 'localities.conflict' } };
    case 'same_name':
      return onField('nameEn', 'localities.sameName');
    case 'name_gone':
      return failure('localities.nameGone');
    case 'merged_gone':
      return onField('mergedId', 'localities.mergedGone');
    case 'self':
      return onField('mergedId', 'localities.mergeSelf');
    case 'other_country':
      return onField('mergedId', 'localities.mergeOtherCountry');
    case 'home':
      return onField('mergedId', 'localities.mergeHome');
    case 'self_tie':
      return { status: 'invalid', fieldErrors: { mergedId: { key: 'localities.mergeSelfTieField' } }, message: { key: 'localities.mergeSelfTie' } };
    case 'duplicate':
      return { status: 'invalid', fieldErrors: { mergedId: { key: 'localities.mergeDuplicateField' } }, message: { key: 'localities.mergeDuplicate' } };
    case 'not_merged':
      return failure('localities.notMerged');
  }
}

/** Back to a locality's page, saying what was done. */
async function done(id: string, what: 'renamed' | 'name' | 'merged' | 'unmerged'): Promise<ActionState> {
  const locale = await getLocale();
  return redirect({ href: { pathname: `/localities/${id}`, query: { done: what } }, locale });
}

/** Renames a locality; its old names become a former name, its ties and slug stay. Editors and admins. */
export async function renameLocalityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const parsed = localityRenameSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const result = await db.transaction((tx) => renameLocality(tx, auth.user, parsed.data));
  publicDataChanged();
  return refusal(result) ?? done(parsed.data.id, 'renamed');
}

/** Adds a former name to a locality, or corrects one (with nameId). Editors and admins. */
export async function saveFormerNameAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const parsed = formerNameSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const result = await db.transaction((tx) => saveFormerName(tx, auth.user, parsed.data));
  publicDataChanged();
  return refusal(result) ?? done(parsed.data.localityId, 'name');
}

/** Merges another locality of the same country into this one; its ties move here. Editors and admins. */
export async function mergeLocalityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const parsed = localityMergeSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const result = await db.transaction((tx) => mergeLocality(tx, auth.user, parsed.data));
  publicDataChanged();
  return refusal(result) ?? done(parsed.data.id, 'merged');
}

/** Undoes the merge of a locality: it comes back with the ties the merge moved. Admins only. */
export async function undoMergeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:restore');
  if (!auth.ok) return auth.state;
  const parsed = localityRefSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const result = await db.transaction((tx) => undoLocalityMerge(tx, auth.user, parsed.data.id, parsed.data.version));
  publicDataChanged();
  if (result.kind === 'duplicate') return failure('localities.undoDuplicate');
  if (result.kind === 'self_tie') return failure('localities.undoSelfTie');
  return refusal(result) ?? done(parsed.data.id, 'unmerged');
}
