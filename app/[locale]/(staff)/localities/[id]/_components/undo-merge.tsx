'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { IDLE } from '@/lib/action-state';
import { undoMergeAction } from '../../actions';

/** Undo a merge (admins): the locality comes back with the ties the merge moved. */
export function UndoMerge({ id, version }: { id: string; version: number }) {
  const t = useTranslations('localities');
  const [state, action, pending] = useActionState(undoMergeAction, IDLE);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pending={pending}>{t('undoMerge')}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
