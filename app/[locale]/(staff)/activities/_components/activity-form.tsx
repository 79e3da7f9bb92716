'use client';

import { useTranslations } from 'next-intl';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { Select, Text } from '@/components/forms/fields';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionForm } from '@/components/forms/use-action-form';
import { ACTIVITY_DIRECTIONS, ACTIVITY_KINDS, ACTIVITY_STATUSES } from '@/lib/domain';
import { Link } from '@/lib/i18n/navigation';
import { ACTIVITY_LIMITS, activityInputSchema, activityUpdateSchema, MAX_LINKS } from '@/lib/validation/activities';
import { createActivityAction, updateActivityAction } from '../actions';
import { ActivityConflictNotice } from './activity-conflict';
import { CooperationFields } from '@/components/forms/cooperation-fields';
import { MilestoneRows, OrganisationRows, PartnerRows, QuantityRows } from './activity-rows';
import type { ActivityFormValues } from './activity-values';

type Errors = Record<string, FieldError | undefined> & Record<'partners' | 'quantities' | 'organisations' | 'milestones', never>;

/**
 * The activity form, for recording (`edit` absent) and editing (`edit` with the id and the version the editor
 * opened). The same zod schema checks it here and in the action; the rows of each section are replaced on save.
 */
export function ActivityForm(props: { values: ActivityFormValues; partnerships: Array<{ id: string; label: string }>; edit?: { id: string; version: number } }) {
  const t = useTranslations('activities');
  const tp = useTranslations('partnerships');
  const tKind = useTranslations('activityKind');
  const tStatus = useTranslations('activityStatus');
  const tDirection = useTranslations('activityDirection');
  const { form, state, pending, formProps } = useActionForm(
    (props.edit ? activityUpdateSchema : activityInputSchema) as typeof activityUpdateSchema,
    props.edit ? updateActivityAction : createActivityAction,
    (props.edit ? { ...props.values, ...props.edit } : props.values) as never,
  );
  const errors = form.formState.errors as unknown as Errors;
  const e = errors as Record<string, FieldError | undefined>;
  const rowErrors = (kind: 'partners' | 'quantities' | 'organisations' | 'milestones') => {
    const value = errors[kind] as unknown;
    return Array.isArray(value) ? (value as Array<Record<string, FieldError | undefined> | undefined>) : undefined;
  };
  const sectionError = (kind: 'partners' | 'quantities' | 'organisations' | 'milestones') => {
    const value = errors[kind] as unknown;
    return value && !Array.isArray(value) && typeof value === 'object' && 'message' in (value as object) ? (value as FieldError) : undefined;
  };
  // useActionForm's register writes each field's value into the server's HTML (and, after a refusal without
  // JavaScript, what was sent).
  const reg = (name: string): UseFormRegisterReturn => form.register(name as never);

  return (
    <form {...formProps} className="grid max-w-5xl gap-5 md:grid-cols-2">
      {props.edit && (
        <>
          <input type="hidden" {...reg('id')} />
          <input type="hidden" {...reg('version')} />
        </>
      )}
      <Text name="titleEn" label={t('titleEn')} error={e.titleEn} reg={reg('titleEn')} maxLength={ACTIVITY_LIMITS.title} lang="en" />
      <Text name="titleZh" label={t('titleZh')} error={e.titleZh} reg={reg('titleZh')} maxLength={ACTIVITY_LIMITS.title} lang="zh-CN" />
      <Select name="kind" label={t('kind')} error={e.kind} reg={reg('kind')}>
        {ACTIVITY_KINDS.map((k) => (
          <option key={k} value={k}>{tKind(k)}</option>
        ))}
      </Select>
      <Select name="direction" label={t('direction')} error={e.direction} reg={reg('direction')}>
        {ACTIVITY_DIRECTIONS.map((d) => (
          <option key={d} value={d}>{tDirection(d)}</option>
        ))}
      </Select>
      {/* Each of the three has a one-line hint, so their inputs line up (also when one shows an error). */}
      <div className="grid items-start gap-5 sm:grid-cols-3 md:col-span-2">
        <Select name="status" label={t('status')} hint={t('statusHint')} error={e.status} reg={reg('status')}>
          {ACTIVITY_STATUSES.map((s) => (
            <option key={s} value={s}>{tStatus(s)}</option>
          ))}
        </Select>
        <Text name="started" label={t('started')} hint={t('startedHint')} error={e.started} reg={reg('started')} maxLength={10} />
        <Text name="ended" label={t('ended')} hint={t('endedHint')} error={e.ended} reg={reg('ended')} maxLength={10} />
      </div>
      <Text name="placeEn" label={t('placeEn')} error={e.placeEn} reg={reg('placeEn')} maxLength={ACTIVITY_LIMITS.place} lang="en" />
      <Text name="placeZh" label={t('placeZh')} error={e.placeZh} reg={reg('placeZh')} maxLength={ACTIVITY_LIMITS.place} lang="zh-CN" />
      <Text name="descriptionEn" label={t('descriptionEn')} error={e.descriptionEn} reg={reg('descriptionEn')} rows={4} maxLength={ACTIVITY_LIMITS.description} lang="en" />
      <Text name="descriptionZh" label={t('descriptionZh')} error={e.descriptionZh} reg={reg('descriptionZh')} rows={4} maxLength={ACTIVITY_LIMITS.description} lang="zh-CN" />
      <CooperationFields legend={tp('fields')} error={e.cooperationFields} reg={form.register('cooperationFields' as never)} checked={props.values.cooperationFields} />

      <PartnerRows initial={props.values.partners.length} reg={reg} errors={rowErrors('partners')} error={sectionError('partners')} partnerships={props.partnerships} />
      <QuantityRows initial={props.values.quantities.length} reg={reg} errors={rowErrors('quantities')} error={sectionError('quantities')} partnerships={props.partnerships} />

      <div className="grid gap-5 sm:grid-cols-3 md:col-span-2">
        <Text name="valueAmount" label={t('valueAmount')} hint={t('valueAmountHint')} error={e.valueAmount} reg={reg('valueAmount')} maxLength={40} />
        <Text name="valueCurrency" label={t('valueCurrency')} hint={t('valueCurrencyHint')} error={e.valueCurrency} reg={reg('valueCurrency')} maxLength={3} />
        <Text name="participants" label={t('participants')} hint={t('participantsHint')} error={e.participants} reg={reg('participants')} maxLength={12} />
      </div>

      <OrganisationRows initial={props.values.organisations.length} reg={reg} errors={rowErrors('organisations')} error={sectionError('organisations')} />
      <MilestoneRows initial={props.values.milestones.length} reg={reg} errors={rowErrors('milestones')} error={sectionError('milestones')} />

      <Text name="links" label={t('links')} hint={t('linksHint', { max: MAX_LINKS })} error={e.links} reg={reg('links')} rows={3} maxLength={MAX_LINKS * (ACTIVITY_LIMITS.link + 2)} className="md:col-span-2" />
      <Text name="internalNotes" label={t('notes')} hint={t('notesHint')} error={e.internalNotes} reg={reg('internalNotes')} rows={3} maxLength={ACTIVITY_LIMITS.notes} className="md:col-span-2" />
      <label className="flex items-center gap-2 md:col-span-2">
        <input type="checkbox" className="h-4 w-4" {...reg('isPublic')} />
        {t('isPublic')}
      </label>

      <div className="space-y-3 md:col-span-2">
        {state.status === 'conflict' && props.edit && <ActivityConflictNotice state={state} id={props.edit.id} partnerships={props.partnerships} />}
        {state.status !== 'conflict' && <FormMessage state={state} />}
        <div className="flex items-center gap-4">
          <SubmitButton pending={pending}>{props.edit ? t('save') : t('create')}</SubmitButton>
          <Link href={props.edit ? `/activities/${props.edit.id}` : '/activities'} className="text-brand-700 underline">
            {t('cancel')}
          </Link>
        </div>
      </div>
    </form>
  );
}
