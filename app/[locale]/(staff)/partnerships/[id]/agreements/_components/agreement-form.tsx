'use client';

import { useTranslations } from 'next-intl';
import type { FieldError } from 'react-hook-form';
import { Select, Text } from '@/components/forms/fields';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionForm } from '@/components/forms/use-action-form';
import { AGREEMENT_KINDS, type CooperationField } from '@/lib/domain';
import { Link } from '@/lib/i18n/navigation';
import { agreementInputSchema, agreementUpdateSchema } from '@/lib/validation/agreements';
import { CooperationFields } from '@/components/forms/cooperation-fields';
import { createAgreementAction, updateAgreementAction } from '../actions';
import type { AgreementFormValues } from './signatory-slots';

/**
 * The agreement form, for recording (`partnershipId`) or editing (`edit`): kind, titles, signing date and place,
 * term, fields, signatories of both sides and summaries. Signed copies are uploaded on the agreement's page
 * (FileUploadForm), not here.
 */
export function AgreementForm(props: { partnershipId: string; values: AgreementFormValues; edit?: { id: string; version: number }; sides: { home: string; partner: string } }) {
  const t = useTranslations('agreements');
  const tp = useTranslations('partnerships');
  const tKind = useTranslations('agreementKind');
  const { form, state, pending, formProps } = useActionForm(
    (props.edit ? agreementUpdateSchema : agreementInputSchema) as typeof agreementUpdateSchema,
    props.edit ? updateAgreementAction : createAgreementAction,
    (props.edit ? { ...props.values, ...props.edit } : { ...props.values, partnershipId: props.partnershipId }) as never,
  );
  const e = form.formState.errors as Record<string, FieldError | undefined> & { signatories?: Array<Record<string, FieldError | undefined> | undefined> };
  const reg = (name: string) => form.register(name as never);

  return (
    <form {...formProps} className="grid max-w-4xl gap-5 md:grid-cols-2">
      {props.edit ? (
        <>
          <input type="hidden" {...reg('id')} />
          <input type="hidden" {...reg('version')} />
        </>
      ) : (
        <input type="hidden" {...reg('partnershipId')} />
      )}
      <Select name="kind" label={t('kind')} error={e.kind} reg={reg('kind')}>
        {AGREEMENT_KINDS.map((k) => (
          <option key={k} value={k}>{tKind(k)}</option>
        ))}
      </Select>
      <Text name="signed" label={t('signed')} hint={tp('establishedHint')} error={e.signed} reg={reg('signed')} maxLength={10} />
      <Text name="titleEn" label={t('titleEn')} error={e.titleEn} reg={reg('titleEn')} maxLength={300} lang="en" />
      <Text name="titleZh" label={t('titleZh')} error={e.titleZh} reg={reg('titleZh')} maxLength={300} lang="zh-CN" />
      <Text name="signedPlaceEn" label={t('placeEn')} error={e.signedPlaceEn} reg={reg('signedPlaceEn')} maxLength={200} lang="en" />
      <Text name="signedPlaceZh" label={t('placeZh')} error={e.signedPlaceZh} reg={reg('signedPlaceZh')} maxLength={200} lang="zh-CN" />
      <Text name="termEndsOn" label={t('termEndsOn')} hint={t('termHint')} error={e.termEndsOn} reg={reg('termEndsOn')} maxLength={10} />
      <CooperationFields legend={tp('fields')} error={e.cooperationFields} reg={reg('cooperationFields')} checked={props.values.cooperationFields} />

      {(['home', 'partner'] as const).map((side, s) => (
        <fieldset key={side} className="space-y-3 rounded border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">{t('signatoriesOf', { side: props.sides[side] })}</legend>
          {[0, 1].map((n) => {
            const i = s * 2 + n;
            const err = e.signatories?.[i];
            return (
              <div key={i} className="grid gap-2 sm:grid-cols-2">
                <input type="hidden" {...reg(`signatories.${i}.side`)} />
                <Text name={`signatories.${i}.nameEn`} label={t('signatoryName', { n: n + 1 })} error={err?.nameEn} reg={reg(`signatories.${i}.nameEn`)} maxLength={200} />
                <Text name={`signatories.${i}.titleEn`} label={t('signatoryTitle', { n: n + 1 })} error={err?.titleEn} reg={reg(`signatories.${i}.titleEn`)} maxLength={200} />
                <Text name={`signatories.${i}.nameZh`} label={t('signatoryNameZh', { n: n + 1 })} error={err?.nameZh} reg={reg(`signatories.${i}.nameZh`)} maxLength={200} lang="zh-CN" />
                <Text name={`signatories.${i}.titleZh`} label={t('signatoryTitleZh', { n: n + 1 })} error={err?.titleZh} reg={reg(`signatories.${i}.titleZh`)} maxLength={200} lang="zh-CN" />
              </div>
            );
          })}
        </fieldset>
      ))}

      <Text name="summaryEn" label={tp('summaryEn')} error={e.summaryEn} reg={reg('summaryEn')} rows={3} maxLength={2000} lang="en" />
      <Text name="summaryZh" label={tp('summaryZh')} error={e.summaryZh} reg={reg('summaryZh')} rows={3} maxLength={2000} lang="zh-CN" />
      <label className="flex items-center gap-2 md:col-span-2">
        <input type="checkbox" className="h-4 w-4" {...reg('isPublic')} />
        {t('isPublic')}
      </label>

      <div className="space-y-3 md:col-span-2">
        {state.status === 'conflict' ? (
          <div role="alert" className="space-y-2 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <p className="font-medium">{t('conflict')}</p>
            <p>{t('conflictFields', { fields: Object.keys((state.data?.changes ?? {}) as object).join(', ') || '–', by: ((state.data?.by ?? []) as string[]).join(', ') })}</p>
          </div>
        ) : (
          <FormMessage state={state} />
        )}
        <div className="flex items-center gap-4">
          <SubmitButton pending={pending}>{props.edit ? tp('save') : t('create')}</SubmitButton>
          <Link href={`/partnerships/${props.partnershipId}`} className="text-brand-700 underline">{tp('cancel')}</Link>
        </div>
      </div>
    </form>
  );
}
