'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { IDLE } from '@/lib/action-state';
import { saveSettingsAction } from '../actions';

export function SettingsForm({ requireTotp, version }: { requireTotp: boolean; version: number }) {
  const t = useTranslations('settings');
  const [state, action, pending] = useActionState(saveSettingsAction, IDLE);
  return (
    <form action={action} className="max-w-xl space-y-4">
      <input type="hidden" name="version" value={version} />
      <div className="flex items-start gap-3">
        <input
          id="require-totp"
          name="requireTotp"
          type="checkbox"
          defaultChecked={requireTotp}
          aria-describedby="require-totp-hint"
          className="mt-1 h-4 w-4"
        />
        <div>
          <label htmlFor="require-totp" className="font-medium">{t('requireTotp')}</label>
          <p id="require-totp-hint" className="text-sm text-slate-600">{t('requireTotpHint')}</p>
        </div>
      </div>
      <FormMessage state={state} />
      <SubmitButton pending={pending}>{t('save')}</SubmitButton>
    </form>
  );
}
