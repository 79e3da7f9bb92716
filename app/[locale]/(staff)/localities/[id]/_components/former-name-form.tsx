'use client';

import { useTranslations } from 'next-intl';
import type { FieldError } from 'react-hook-form';
import { Text } from '@/components/forms/fields';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionForm } from '@/components/forms/use-action-form';
import { formerNameSchema, NAME_LIMITS } from '@/lib/validation/localities';
import { saveFormerNameAction } from '../../actions';

export interface FormerNameValues {
  nameEn: string;
  nameZh: string;
  usedFrom: string;
  usedUntil: string;
  note: string;
}

/**
 * A former name with its dates of use: a new one (a name known before the registry), or a correction of the one
 * `nameId` names. `idPrefix` keeps the ids of several such forms on one page apart.
 */
export function FormerNameForm(props: { localityId: string; version: number; nameId?: string; values: FormerNameValues; idPrefix: string; label: string }) {
  const t = useTranslations('localities');
  const { form, state, pending, formProps } = useActionForm(formerNameSchema, saveFormerNameAction, {
    localityId: props.localityId,
    version: props.version,
    nameId: props.nameId ?? '',
    ...props.values,
  });
  const e = form.formState.errors as Record<string, FieldError | undefined>;
  const p = props.idPrefix;
  return (
    <form {...formProps} aria-label={props.label} className="grid max-w-3xl gap-4 md:grid-cols-2">
      <input type="hidden" {...form.register('localityId')} />
      <input type="hidden" {...form.register('version')} />
      <input type="hidden" {...form.register('nameId')} />
      <Text name={`${p}-nameEn`} label={t('formerNameEn')} error={e.nameEn} reg={form.register('nameEn')} maxLength={NAME_LIMITS.nameEn} lang="en" />
      <Text name={`${p}-nameZh`} label={t('formerNameZh')} error={e.nameZh} reg={form.register('nameZh')} maxLength={NAME_LIMITS.nameZh} lang="zh-CN" />
      <Text name={`${p}-usedFrom`} label={t('usedFrom')} hint={t('dateHint')} error={e.usedFrom} reg={form.register('usedFrom')} maxLength={10} />
      <Text name={`${p}-usedUntil`} label={t('usedUntil')} hint={t('dateHint')} error={e.usedUntil} reg={form.register('usedUntil')} maxLength={10} />
      <Text name={`${p}-note`} label={t('note')} error={e.note} reg={form.register('note')} maxLength={NAME_LIMITS.note} rows={2} className="md:col-span-2" />
      <div className="space-y-3 md:col-span-2">
        <FormMessage state={state} />
        <SubmitButton pending={pending}>{props.nameId ? t('saveFormerName') : t('addFormerName')}</SubmitButton>
      </div>
    </form>
  );
}
