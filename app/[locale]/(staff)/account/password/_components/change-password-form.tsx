'use client';

import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { useActionForm } from '@/components/forms/use-action-form';
import { changePasswordSchema } from '@/lib/validation/users';
import { changePasswordAction } from '../../actions';

export function ChangePasswordForm() {
  const t = useTranslations('account');
  const { form, state, pending, formProps } = useActionForm(changePasswordSchema, changePasswordAction, {
    currentPassword: '',
    newPassword: '',
    confirmPassword: '',
  });
  const e = form.formState.errors;
  return (
    <form {...formProps} className="flex max-w-sm flex-col gap-4">
      <TextField label={t('currentPassword')} type="password" autoComplete="current-password" error={e.currentPassword} {...form.register('currentPassword')} />
      <TextField
        label={t('newPassword')}
        hint={t('newPasswordHint')}
        type="password"
        autoComplete="new-password"
        error={e.newPassword}
        {...form.register('newPassword')}
      />
      <TextField label={t('confirmPassword')} type="password" autoComplete="new-password" error={e.confirmPassword} {...form.register('confirmPassword')} />
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending}>{t('changePassword')}</SubmitButton>
      </div>
    </form>
  );
}
