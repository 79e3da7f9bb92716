'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { useActionForm } from '@/components/forms/use-action-form';
import { signInInputSchema } from '@/lib/validation/users';
import { signInAction } from '../actions';

/** Email and password; the code field appears once the server says the account has a second factor. */
export function LoginForm({ callbackUrl }: { callbackUrl: string | null }) {
  const t = useTranslations('auth');
  const { form, state, pending, formProps } = useActionForm(signInInputSchema, signInAction, {
    email: '',
    password: '',
    code: '',
  });
  const [askCode, setAskCode] = useState(false);
  useEffect(() => {
    if (state.status === 'error' && state.data?.secondFactor === true) setAskCode(true);
  }, [state]);
  const errors = form.formState.errors;
  return (
    <form {...formProps} className="flex max-w-sm flex-col gap-4">
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <TextField label={t('email')} type="email" autoComplete="username" required error={errors.email} {...form.register('email')} />
      <TextField
        label={t('password')}
        type="password"
        autoComplete="current-password"
        required
        error={errors.password}
        {...form.register('password')}
      />
      {askCode && (
        <TextField
          label={t('code')}
          hint={t('codeHint')}
          inputMode="text"
          autoComplete="one-time-code"
          autoFocus
          error={errors.code}
          {...form.register('code')}
        />
      )}
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending}>{t('submit')}</SubmitButton>
      </div>
    </form>
  );
}
