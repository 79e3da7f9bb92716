'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { useActionForm } from '@/components/forms/use-action-form';
import { ROLES } from '@/lib/domain';
import { newUserInputSchema } from '@/lib/validation/users';
import { createUserAction } from '../actions';

export function CreateUserForm() {
  const t = useTranslations('users');
  const tRole = useTranslations('roles');
  const tv = useTranslations();
  const { form, state, pending, formProps } = useActionForm(newUserInputSchema, createUserAction, {
    name: '',
    email: '',
    role: 'viewer',
    password: '',
  });
  useEffect(() => {
    if (state.status === 'success') form.reset();
  }, [state, form]);
  const e = form.formState.errors;
  return (
    <form {...formProps} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      <TextField label={t('name')} autoComplete="off" error={e.name} {...form.register('name')} />
      <TextField label={t('email')} type="email" autoComplete="off" error={e.email} {...form.register('email')} />
      <div className="flex flex-col gap-1">
        <label htmlFor="field-role" className="text-sm font-medium">{t('role')}</label>
        <select
          id="field-role"
          className="rounded border border-slate-400 px-3 py-2"
          aria-invalid={e.role ? true : undefined}
          aria-describedby={e.role ? 'field-role-error' : undefined}
          {...form.register('role')}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>{tRole(r)}</option>
          ))}
        </select>
        {e.role?.message && <p id="field-role-error" className="text-sm text-red-700">{tv(e.role.message as never)}</p>}
      </div>
      <TextField
        label={t('initialPassword')}
        hint={t('initialPasswordHint')}
        type="password"
        autoComplete="new-password"
        error={e.password}
        {...form.register('password')}
      />
      <div className="sm:col-span-2 space-y-3">
        <FormMessage state={state} />
        <SubmitButton pending={pending}>{t('create')}</SubmitButton>
      </div>
    </form>
  );
}
