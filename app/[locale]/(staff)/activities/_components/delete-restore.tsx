'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { IDLE } from '@/lib/action-state';
import { deleteActivityAction, restoreActivityAction } from '../actions';

/** Delete behind a disclosure, so one stray click does not do it; the deletion is soft and audited. */
export function DeleteActivity({ id, version }: { id: string; version: number }) {
  const t = useTranslations('activities');
  const [state, action, pending] = useActionState(deleteActivityAction, IDLE);
  return (
    <details className="rounded border border-slate-300 px-3 py-2">
      <summary className="cursor-pointer text-red-800">{t('delete')}</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <p className="text-sm text-slate-700">{t('deleteHint')}</p>
        <FormMessage state={state} />
        <SubmitButton pending={pending} tone="danger">{t('deleteConfirm')}</SubmitButton>
      </form>
    </details>
  );
}

/** Brings a deleted activity back (admins). */
export function RestoreActivity({ id, version }: { id: string; version: number }) {
  const t = useTranslations('activities');
  const [state, action, pending] = useActionState(restoreActivityAction, IDLE);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pending={pending}>{t('restore')}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
