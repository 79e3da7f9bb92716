'use client';

import { useTranslations } from 'next-intl';
import { DeleteDisclosure, RestoreButton } from '@/components/forms/soft-delete';
import { deletePhotoAction, restorePhotoAction } from '../photos/actions';

type Props = { id: string; activityId: string; returnTo: string; name: string };

/** Delete one photo behind a disclosure; the deletion is soft and audited. */
export function DeletePhoto({ name, ...fields }: Props) {
  const t = useTranslations('activityPhotos');
  return <DeleteDisclosure action={deletePhotoAction} fields={fields} label={t('delete')} ariaLabel={t('deleteLabel', { name })} hint={t('deleteHint')} confirm={t('deleteConfirm')} />;
}

/** Restore one deleted photo (admins). */
export function RestorePhoto({ name, ...fields }: Props) {
  const t = useTranslations('activityPhotos');
  return <RestoreButton inline action={restorePhotoAction} fields={fields} label={t('restore')} ariaLabel={t('restoreLabel', { name })} />;
}
