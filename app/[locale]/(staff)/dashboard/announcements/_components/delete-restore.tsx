'use client';

import { useTranslations } from 'next-intl';
import { DeleteDisclosure, RestoreButton } from '@/components/forms/soft-delete';
import { deletePublishedTotalAction, restorePublishedTotalAction } from '../actions';

type Props = { id: string; version: number; date: string };

/** Deletes one announcement behind a disclosure, named by its date for screen readers; soft and audited. */
export function DeletePublishedTotal({ date, ...fields }: Props) {
  const t = useTranslations('publishedTotals');
  return <DeleteDisclosure action={deletePublishedTotalAction} fields={fields} label={t('delete')} ariaLabel={t('deleteLabel', { date })} hint={t('deleteHint')} confirm={t('deleteConfirm')} />;
}

/** Restores one deleted announcement (admins). */
export function RestorePublishedTotal({ date, ...fields }: Props) {
  const t = useTranslations('publishedTotals');
  return <RestoreButton inline action={restorePublishedTotalAction} fields={fields} label={t('restore')} ariaLabel={t('restoreLabel', { date })} />;
}
