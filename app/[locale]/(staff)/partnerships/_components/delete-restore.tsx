'use client';

import { useTranslations } from 'next-intl';
import { DeleteDisclosure, RestoreButton } from '@/components/forms/soft-delete';
import { deletePartnershipAction, restorePartnershipAction } from '../actions';

/** Delete a partnership behind a disclosure; the deletion is soft and audited. */
export function DeletePartnership({ id, version }: { id: string; version: number }) {
  const t = useTranslations('partnerships');
  return <DeleteDisclosure boxed action={deletePartnershipAction} fields={{ id, version }} label={t('delete')} hint={t('deleteHint')} confirm={t('deleteConfirm')} />;
}

/** Brings a deleted partnership back (admins). */
export function RestorePartnership({ id, version }: { id: string; version: number }) {
  const t = useTranslations('partnerships');
  return <RestoreButton action={restorePartnershipAction} fields={{ id, version }} label={t('restore')} />;
}
