'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { IDLE } from '@/lib/action-state';
import { deletePhotoAction, restorePhotoAction } from '../photos/actions';

type Props = { id: string; activityId: string; returnTo: string; name: string };

function Hidden({ id, activityId, returnTo }: Props) {
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="activityId" value={activityId} />
      <input type="hidden" name="returnTo" value={returnTo} />
    </>
  );
}

/** Delete one photo behind a disclosure; the deletion is soft and audited. */
export function DeletePhoto(props: Props) {
  const t = useTranslations('activityPhotos');
  const [state, action, pending] = useActionState(deletePhotoAction, IDLE);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-red-800" aria-label={t('deleteLabel', { name: props.name })}>{t('delete')}</summary>
      <form action={action} className="mt-2 space-y-2">
        <Hidden {...props} />
        <p className="text-slate-700">{t('deleteHint')}</p>
        <FormMessage state={state} />
        <SubmitButton pending={pending} tone="danger">{t('deleteConfirm')}</SubmitButton>
      </form>
    </details>
  );
}

/** Restore one deleted photo (admins). */
export function RestorePhoto(props: Props) {
  const t = useTranslations('activityPhotos');
  const [state, action, pending] = useActionState(restorePhotoAction, IDLE);
  return (
    <form action={action} className="space-y-1 text-sm">
      <Hidden {...props} />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} aria-busy={pending || undefined} aria-label={t('restoreLabel', { name: props.name })} className="text-brand-700 underline disabled:opacity-60">
        {t('restore')}
      </button>
    </form>
  );
}
