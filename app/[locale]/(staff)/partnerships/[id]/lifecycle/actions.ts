'use server';

import { getLocale } from 'next-intl/server';
import { db } from '@/db/index';
import { recordLifecycleStep } from '@/db/mutations/partnerships';
import { failure, invalid, type ActionState } from '@/lib/action-state';
import { authorizeAction } from '@/lib/auth/guards';
import { publicDataChanged } from '@/lib/cache/public-data';
import { formFields } from '@/lib/form-data';
import { redirect } from '@/lib/i18n/navigation';
import { lifecycleStepSchema } from '@/lib/validation/lifecycle';

const fieldError = (field: string, key: string): ActionState => ({
  status: 'invalid',
  fieldErrors: { [field]: { key } },
  message: { key: 'validation.fixFields' },
});

/**
 * Records a lifecycle step of a partnership (a change of status, an approval, an upgrade) at the version the
 * editor opened. Editors and admins. Goes back to the partnership's timeline when saved; a newer save by someone
 * else is reported and the editor's input stays in the form.
 */
export async function recordLifecycleStepAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const auth = await authorizeAction('registry:write');
  if (!auth.ok) return auth.state;
  const fields = formFields(formData);
  const parsed = lifecycleStepSchema.safeParse(fields);
  if (!parsed.success) return invalid(parsed.error, fields);
  const result = await db.transaction((tx) => recordLifecycleStep(tx, auth.user, parsed.data));
  publicDataChanged();
  switch (result.kind) {
    case 'ok':
      break;
    case 'gone':
      return failure('partnerships.gone');
    case 'conflict':
      return { status: 'conflict', message: { key: 'lifecycle.conflict' } };
    case 'same_status':
      return fieldError('status', 'lifecycle.sameStatus');
    case 'same_type':
      return fieldError('toType', 'lifecycle.sameType');
    case 'duplicate':
      return fieldError('toType', 'partnerships.duplicate');
    case 'agreement_gone':
      return fieldError('agreementId', 'lifecycle.agreementGone');
    default:
      return failure('errors.body');
  }
  const locale = await getLocale();
  return redirect({ href: `/partnerships/${parsed.data.partnershipId}#timeline`, locale });
}
