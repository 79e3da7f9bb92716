'use client';

import { useTranslations } from 'next-intl';
import { DeleteDisclosure, RestoreButton } from '@/components/forms/soft-delete';
import { deleteFileAction, restoreFileAction } from '../actions';

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
