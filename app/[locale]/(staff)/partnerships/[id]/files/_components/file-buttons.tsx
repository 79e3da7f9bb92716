'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { DeleteDisclosure, RestoreButton } from '@/components/forms/soft-delete';
import { IDLE } from '@/lib/action-state';
import { deleteFileAction, restoreFileAction, setFileVisibilityAction } from '../actions';

type Props = { id: string; partnershipId: string; returnTo: string; name: string };

/** Delete one file behind a disclosure; the deletion is soft and audited. */
export function DeleteFile({ name, ...fields }: Props) {
  const t = useTranslations('files');
  return <DeleteDisclosure action={deleteFileAction} fields={fields} label={t('delete')} ariaLabel={t('deleteLabel', { name })} hint={t('deleteHint')} confirm={t('deleteConfirm')} />;
}

/** Restore one deleted file (admins). */
export function RestoreFile({ name, ...fields }: Props) {
  const t = useTranslations('files');
  return <RestoreButton inline action={restoreFileAction} fields={fields} label={t('restore')} ariaLabel={t('restoreLabel', { name })} />;
}

/** Turns a live file public or internal (editors), saying which it becomes. */
export function FileVisibility({ name, isPublic, ...fields }: Props & { isPublic: boolean }) {
  const t = useTranslations('files');
  const [state, action, pending] = useActionState(setFileVisibilityAction, IDLE);
  return (
    <form action={action} className="space-y-1 text-sm">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <input type="hidden" name="isPublic" value={isPublic ? '0' : '1'} />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} aria-busy={pending || undefined} aria-label={t(isPublic ? 'makeInternalLabel' : 'makePublicLabel', { name })} className="text-brand-700 underline disabled:opacity-60">
        {t(isPublic ? 'makeInternal' : 'makePublic')}
      </button>
    </form>
  );
}
