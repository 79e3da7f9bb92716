'use client';

import { useTranslations } from 'next-intl';
import type { FieldError } from 'react-hook-form';
import { Select, Text } from '@/components/forms/fields';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionForm } from '@/components/forms/use-action-form';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES, type CooperationField } from '@/lib/domain';
import { Link } from '@/lib/i18n/navigation';
import { LIMITS, NEW_LOCALITY, partnershipInputSchema, partnershipUpdateSchema } from '@/lib/validation/partnerships';
import { createPartnershipAction, updatePartnershipAction } from '../actions';
import { ConflictNotice } from './conflict-notice';
import { CooperationFields } from '@/components/forms/cooperation-fields';
import { NewLocalityFields } from './new-locality-fields';

export interface PartnershipFormValues {
  partnerLocalityId: string;
  type: string;
  status: string;
  established: string;
  establishedBasis: string;
  cooperationFields: CooperationField[];
  summaryEn: string;
  summaryZh: string;
  internalNotes: string;
  isPublic: boolean;
  // Only for registering: the home side ('' for the home city) and a partner from the gazetteer.
  homeLocalityId?: string;
  newNameEn?: string;
  newNameZh?: string;
  newCountry?: string;
  newLevel?: string;
  newLatitude?: string;
  newLongitude?: string;
  newSource?: string;
}

/**
 * The partnership form for both registering (`edit` absent) and editing (`edit` with the id and the version the
 * editor started from). The same zod schema checks it here and in the action. When registering, `home` names the
 * home city (the default home side) and `localities` also offers the home side of a related tie; when editing, the
 * status is shown, not edited: it changes by a lifecycle step.
 */
export function PartnershipForm(props: {
  localities: Array<{ id: string; label: string }>;
  values: PartnershipFormValues;
  home?: { label: string };
  edit?: { id: string; version: number; status: string };
}) {
  const t = useTranslations('partnerships');
  const tType = useTranslations('partnershipType');
  const tStatus = useTranslations('partnershipStatus');
  // Both schemas share their fields; the edit one adds the id and the version and leaves out the status.
  const { form, state, pending, formProps } = useActionForm(
    (props.edit ? partnershipUpdateSchema : partnershipInputSchema) as typeof partnershipUpdateSchema,
    props.edit ? updatePartnershipAction : createPartnershipAction,
    (props.edit ? { ...props.values, id: props.edit.id, version: props.edit.version } : props.values) as never,
  );
  const e = form.formState.errors as Record<string, FieldError | undefined>;
  const tg = useTranslations('gazetteer');
  const partnerChoice = form.watch('partnerLocalityId' as never) as unknown as string;
  const reg = (name: string) => form.register(name as never);

  return (
    <form {...formProps} className="grid max-w-4xl gap-5 md:grid-cols-2">
      {props.edit && (
        <>
          <input type="hidden" {...reg('id')} />
          <input type="hidden" {...reg('version')} />
        </>
      )}
      {!props.edit && props.home && (
        <Select name="homeLocalityId" label={t('homeSide')} hint={t('homeSideHint')} error={e.homeLocalityId} reg={reg('homeLocalityId')}>
          <option value="">{props.home.label}</option>
          {props.localities.map((l) => (
            <option key={l.id} value={l.id}>{l.label}</option>
          ))}
        </Select>
      )}
      <Select name="partnerLocalityId" label={t('partnerLocality')} hint={t('partnerHint')} error={e.partnerLocalityId} reg={reg('partnerLocalityId')}>
        <option value="">{t('choose')}</option>
        {!props.edit && <option value={NEW_LOCALITY}>{tg('chooseNew')}</option>}
        {props.localities.map((l) => (
          <option key={l.id} value={l.id}>{l.label}</option>
        ))}
      </Select>
      {!props.edit && partnerChoice === NEW_LOCALITY && <NewLocalityFields form={form as never} errors={e} />}
      <Select name="type" label={t('type')} error={e.type} reg={reg('type')}>
        {PARTNERSHIP_TYPES.map((v) => (
          <option key={v} value={v}>{tType(v)}</option>
        ))}
      </Select>
      {props.edit ? (
        <div>
          <p className="font-medium">{t('status')}</p>
          <p className="mt-1">{tStatus(props.edit.status as never)}</p>
          <p className="text-sm text-slate-600">
            {t('statusByStep')}{' '}
            <Link href={`/partnerships/${props.edit.id}/lifecycle/new`} className="text-brand-700 underline">{t('recordStep')}</Link>
          </p>
        </div>
      ) : (
        <Select name="status" label={t('status')} error={e.status} reg={reg('status')}>
          {PARTNERSHIP_STATUSES.map((v) => (
            <option key={v} value={v}>{tStatus(v)}</option>
          ))}
        </Select>
      )}
      <Text name="established" label={t('established')} hint={t('establishedHint')} error={e.established} reg={reg('established')} maxLength={10} />
      <Text name="establishedBasis" label={t('basis')} hint={t('basisHint')} error={e.establishedBasis} reg={reg('establishedBasis')} maxLength={LIMITS.basis} className="md:col-span-2" />
      <CooperationFields legend={t('fields')} error={e.cooperationFields} reg={reg('cooperationFields')} checked={props.values.cooperationFields} />
      <Text name="summaryEn" label={t('summaryEn')} error={e.summaryEn} reg={reg('summaryEn')} rows={3} maxLength={LIMITS.summary} lang="en" />
      <Text name="summaryZh" label={t('summaryZh')} error={e.summaryZh} reg={reg('summaryZh')} rows={3} maxLength={LIMITS.summary} lang="zh-CN" />
      <Text name="internalNotes" label={t('notes')} hint={t('notesHint')} error={e.internalNotes} reg={reg('internalNotes')} rows={3} maxLength={LIMITS.notes} className="md:col-span-2" />
      <label className="flex items-center gap-2 md:col-span-2">
        <input type="checkbox" className="h-4 w-4" {...reg('isPublic')} />
        {t('isPublic')}
      </label>
      <div className="space-y-3 md:col-span-2">
        {state.status === 'conflict' && props.edit && <ConflictNotice state={state} id={props.edit.id} localities={props.localities} />}
        {state.status !== 'conflict' && <FormMessage state={state} />}
        <div className="flex items-center gap-4">
          <SubmitButton pending={pending}>{props.edit ? t('save') : t('create')}</SubmitButton>
          <Link href={props.edit ? `/partnerships/${props.edit.id}` : '/partnerships'} className="text-brand-700 underline">
            {t('cancel')}
          </Link>
        </div>
      </div>
    </form>
  );
}
