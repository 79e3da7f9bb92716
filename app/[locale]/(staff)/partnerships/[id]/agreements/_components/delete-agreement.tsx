'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { IDLE } from '@/lib/action-state';
import { deleteAgreementAction } from '../actions';

/** Delete behind a disclosure; the deletion is soft and audited. */
export function DeleteAgreement({ id, version, title }: { id: string; version: number; title: string }) {
  const t = useTranslations('agreements');
  const [state, action, pending] = useActionState(deleteAgreementAction, IDLE);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-red-800" aria-label={`${t('delete')}: ${title}`}>{t('delete')}</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <p className="text-slate-700">{t('deleteHint')}</p>
        <FormMessage state={state} />
        <SubmitButton pending={pending} tone="danger">{t('deleteConfirm')}</SubmitButton>
      </form>
    </details>
  );
}
