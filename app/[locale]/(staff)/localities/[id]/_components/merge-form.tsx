'use client';

import { useTranslations } from 'next-intl';
import type { FieldError } from 'react-hook-form';
import { Select, Text } from '@/components/forms/fields';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionForm } from '@/components/forms/use-action-form';
import { localityMergeSchema } from '@/lib/validation/localities';
import { mergeLocalityAction } from '../../actions';

/** Merge another live locality of the same country into this one: its ties move here, it leaves the registry. */
export function MergeForm(props: { id: string; version: number; candidates: Array<{ id: string; label: string }> }) {
  const t = useTranslations('localities');
  const { form, state, pending, formProps } = useActionForm(localityMergeSchema, mergeLocalityAction, {
    id: props.id,
    version: props.version,
    mergedId: '',
    mergedOn: '',
  });
  const e = form.formState.errors as Record<string, FieldError | undefined>;
  return (
    <form {...formProps} aria-label={t('mergeTitle')} className="grid max-w-3xl gap-4 md:grid-cols-2">
      <input type="hidden" {...form.register('id')} />
      <input type="hidden" {...form.register('version')} />
      <Select name="merge-mergedId" label={t('mergedLocality')} hint={t('mergedLocalityHint')} error={e.mergedId} reg={form.register('mergedId')}>
        <option value="">{t('chooseLocality')}</option>
        {props.candidates.map((c) => (
          <option key={c.id} value={c.id}>{c.label}</option>
        ))}
      </Select>
      <Text name="merge-mergedOn" label={t('mergedOn')} hint={t('dateHint')} error={e.mergedOn} reg={form.register('mergedOn')} maxLength={10} />
      <div className="space-y-3 md:col-span-2">
        <FormMessage state={state} />
        <SubmitButton pending={pending} tone="danger">{t('mergeSubmit')}</SubmitButton>
      </div>
    </form>
  );
}
