'use client';

import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { useActionForm } from '@/components/forms/use-action-form';
import { disableTotpSchema, totpConfirmSchema } from '@/lib/validation/users';
import { confirmTotpAction, disableTotpAction } from '../../actions';

/** Confirms enrolment with a code; on success shows the recovery codes once. */
export function ConfirmTotpForm() {
  const t = useTranslations('account');
  const { form, state, pending, formProps } = useActionForm(totpConfirmSchema, confirmTotpAction, { code: '' });
  const codes = state.status === 'success' ? (state.data?.recoveryCodes as string[] | undefined) : undefined;
  if (codes) {
    return (
      <div className="space-y-3">
        <FormMessage state={state} />
        <h2 className="text-lg font-semibold">{t('recoveryCodes')}</h2>
        <ul className="grid max-w-md grid-cols-2 gap-2 font-mono" aria-label={t('recoveryCodes')}>
          {codes.map((c) => (
            <li key={c} className="rounded bg-slate-100 px-2 py-1">{c}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <form {...formProps} className="flex max-w-sm flex-col gap-4">
      <TextField label={t('confirmCode')} inputMode="numeric" autoComplete="one-time-code" error={form.formState.errors.code} {...form.register('code')} />
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending}>{t('enable')}</SubmitButton>
      </div>
    </form>
  );
}

export function DisableTotpForm() {
  const t = useTranslations('account');
  const { form, state, pending, formProps } = useActionForm(disableTotpSchema, disableTotpAction, { currentPassword: '' });
  return (
    <form {...formProps} className="flex max-w-sm flex-col gap-4">
      <TextField
        label={t('currentPassword')}
        type="password"
        autoComplete="current-password"
        error={form.formState.errors.currentPassword}
        {...form.register('currentPassword')}
      />
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} tone="danger">{t('disable')}</SubmitButton>
      </div>
    </form>
  );
}
