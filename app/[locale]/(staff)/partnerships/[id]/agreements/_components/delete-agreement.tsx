'use client';

import { useTranslations } from 'next-intl';
import { DeleteDisclosure } from '@/components/forms/soft-delete';
import { deleteAgreementAction } from '../actions';

/** Delete an agreement behind a disclosure; the deletion is soft and audited. */
export function DeleteAgreement({ id, version, title }: { id: string; version: number; title: string }) {
  const t = useTranslations('agreements');
  return (
    <DeleteDisclosure action={deleteAgreementAction} fields={{ id, version }} label={t('delete')} ariaLabel={`${t('delete')}: ${title}`} hint={t('deleteHint')} confirm={t('deleteConfirm')} />
  );
}
