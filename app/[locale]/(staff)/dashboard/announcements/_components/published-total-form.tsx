'use client';

import { useTranslations } from 'next-intl';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { Text } from '@/components/forms/fields';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionForm } from '@/components/forms/use-action-form';
import { Link } from '@/lib/i18n/navigation';
import { PUBLISHED_COUNT_FIELDS, PUBLISHED_TOTAL_LIMITS, publishedTotalInputSchema, publishedTotalUpdateSchema } from '@/lib/validation/published-totals';
import { createPublishedTotalAction, updatePublishedTotalAction } from '../actions';
import { PublishedTotalConflict } from './published-total-conflict';
import type { PublishedTotalFormValues } from './published-total-values';

/**
 * The announcement form, for recording (`edit` absent) and editing (`edit` with the id and the version the editor
 * opened). The same zod schema checks it here and in the action; it works without JavaScript.
 */
export function PublishedTotalForm(props: { values: PublishedTotalFormValues; edit?: { id: string; version: number } }) {
  const t = useTranslations('publishedTotals');
  const { form, state, pending, formProps } = useActionForm(
    (props.edit ? publishedTotalUpdateSchema : publishedTotalInputSchema) as typeof publishedTotalUpdateSchema,
    props.edit ? updatePublishedTotalAction : createPublishedTotalAction,
    (props.edit ? { ...props.values, ...props.edit } : props.values) as never,
  );
  const e = form.formState.errors as Record<string, FieldError | undefined>;
  const reg = (name: string): UseFormRegisterReturn => form.register(name as never);

  return (
    <form {...formProps} className="grid max-w-3xl gap-5">
      {props.edit && (
        <>
          <input type="hidden" {...reg('id')} />
          <input type="hidden" {...reg('version')} />
        </>
      )}
      <Text name="announcedOn" label={t('announcedOn')} hint={t('announcedOnHint')} error={e.announcedOn} reg={reg('announcedOn')} maxLength={10} />
      <fieldset aria-describedby="counts-hint" className="space-y-3">
        <legend className="text-sm font-medium">{t('counts')}</legend>
        <p id="counts-hint" className="text-xs text-slate-600">{t('countsHint')}</p>
        {/* Two columns: partners beside their countries, the whole first, then each kind of tie. */}
        <div className="grid gap-5 sm:grid-cols-2">
          {PUBLISHED_COUNT_FIELDS.map((name) => (
            <Text key={name} name={name} label={t(name)} error={e[name]} reg={reg(name)} maxLength={20} inputMode="numeric" />
          ))}
        </div>
      </fieldset>
      <Text name="sourceTitle" label={t('sourceTitle')} hint={t('sourceTitleHint')} error={e.sourceTitle} reg={reg('sourceTitle')} maxLength={PUBLISHED_TOTAL_LIMITS.sourceTitle} />
      <Text name="sourceUrl" label={t('sourceUrl')} hint={t('sourceUrlHint')} error={e.sourceUrl} reg={reg('sourceUrl')} maxLength={PUBLISHED_TOTAL_LIMITS.sourceUrl} inputMode="url" />
      <Text name="note" label={t('note')} hint={t('noteHint')} error={e.note} reg={reg('note')} rows={3} maxLength={PUBLISHED_TOTAL_LIMITS.note} />

      <div className="space-y-3">
        {state.status === 'conflict' && props.edit && <PublishedTotalConflict state={state} id={props.edit.id} />}
        {state.status !== 'conflict' && <FormMessage state={state} />}
        <div className="flex items-center gap-4">
          <SubmitButton pending={pending}>{props.edit ? t('save') : t('create')}</SubmitButton>
          <Link href="/dashboard/announcements" className="text-brand-700 underline">
            {t('cancel')}
          </Link>
        </div>
      </div>
    </form>
  );
}
