'use client';

import { useTranslations } from 'next-intl';
import { DeleteDisclosure, RestoreButton } from '@/components/forms/soft-delete';
import { deleteActivityAction, restoreActivityAction } from '../actions';

/** Delete an activity behind a disclosure; the deletion is soft and audited. */
export function DeleteActivity({ id, version }: { id: string; version: number }) {
  const t = useTranslations('activities');
  return <DeleteDisclosure boxed action={deleteActivityAction} fields={{ id, version }} label={t('delete')} hint={t('deleteHint')} confirm={t('deleteConfirm')} />;
}

/** Brings a deleted activity back (admins). */
export function RestoreActivity({ id, version }: { id: string; version: number }) {
  const t = useTranslations('activities');
  return <RestoreButton action={restoreActivityAction} fields={{ id, version }} label={t('restore')} />;
}
