'use client';

import { useTranslations } from 'next-intl';
import type { FieldError } from 'react-hook-form';
import { Text } from '@/components/forms/fields';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionForm } from '@/components/forms/use-action-form';
import { localityRenameSchema, NAME_LIMITS } from '@/lib/validation/localities';
import { renameLocalityAction } from '../../actions';

/** Rename: the new English and Chinese names and the date of the rename; the old names become a former name. */
export function RenameForm(props: { id: string; version: number; nameEn: string; nameZh: string | null }) {
  const t = useTranslations('localities');
  const { form, state, pending, formProps } = useActionForm(localityRenameSchema, renameLocalityAction, {
    id: props.id,
    version: props.version,
    nameEn: props.nameEn,
    nameZh: props.nameZh ?? '',
    renamedOn: '',
  });
  const e = form.formState.errors as Record<string, FieldError | undefined>;
  return (
    <form {...formProps} aria-label={t('renameTitle')} className="grid max-w-3xl gap-4 md:grid-cols-2">
      <input type="hidden" {...form.register('id')} />
      <input type="hidden" {...form.register('version')} />
      <Text name="rename-nameEn" label={t('newNameEn')} error={e.nameEn} reg={form.register('nameEn')} maxLength={NAME_LIMITS.nameEn} lang="en" />
      <Text name="rename-nameZh" label={t('newNameZh')} error={e.nameZh} reg={form.register('nameZh')} maxLength={NAME_LIMITS.nameZh} lang="zh-CN" />
      <Text name="rename-renamedOn" label={t('renamedOn')} hint={t('dateHint')} error={e.renamedOn} reg={form.register('renamedOn')} maxLength={10} />
      <div className="space-y-3 md:col-span-2">
        <FormMessage state={state} />
        <SubmitButton pending={pending}>{t('renameSubmit')}</SubmitButton>
      </div>
    </form>
  );
}
