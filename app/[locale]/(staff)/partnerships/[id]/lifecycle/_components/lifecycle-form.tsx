'use client';

import { useTranslations } from 'next-intl';
import { useSyncExternalStore } from 'react';
import type { FieldError } from 'react-hook-form';
import { Select, Text } from '@/components/forms/fields';
import { FormMessage } from '@/components/forms/form-message';
import { SubmitButton } from '@/components/forms/submit-button';
import { useActionForm } from '@/components/forms/use-action-form';
import { APPROVAL_LEVELS, ENDING_PARTIES, PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES, type LifecycleEventKind } from '@/lib/domain';
import { Link } from '@/lib/i18n/navigation';
import { LIFECYCLE_LIMITS, lifecycleStepSchema } from '@/lib/validation/lifecycle';
import { recordLifecycleStepAction } from '../actions';

const subscribe = () => () => {};
/** False in the server's HTML and before hydration, true once React runs in the browser. */
function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}

/**
 * The form of one lifecycle step of a partnership, of the given kind. A suspension's review date and a
 * termination's side and decision appear when that status is chosen; without JavaScript they are all shown, each
 * labelled with the status it belongs to, and the server keeps only what the chosen status records.
 */
export function LifecycleForm(props: {
  partnershipId: string;
  version: number;
  kind: LifecycleEventKind;
  status: string;
  type: string;
  agreements: Array<{ id: string; label: string }>;
}) {
  const t = useTranslations('lifecycle');
  const tStatus = useTranslations('partnershipStatus');
  const tType = useTranslations('partnershipType');
  const tLevel = useTranslations('approvalLevel');
  const tParty = useTranslations('endingParty');
  const { form, state, pending, formProps } = useActionForm(lifecycleStepSchema, recordLifecycleStepAction, {
    partnershipId: props.partnershipId,
    version: props.version,
    kind: props.kind,
    status: '',
    effective: '',
    reason: '',
    reviewOn: '',
    endedBy: '',
    decision: '',
    approvalLevel: '',
    approvalBody: '',
    toType: '',
    agreementId: '',
  } as never);
  const e = form.formState.errors as Record<string, FieldError | undefined>;
  const reg = (name: string) => form.register(name as never);
  const hydrated = useHydrated();
  const status = form.watch('status' as never) as unknown as string;
  const show = (s: string) => !hydrated || status === s;

  return (
    <form {...formProps} className="grid max-w-3xl gap-5 md:grid-cols-2">
      <input type="hidden" {...reg('partnershipId')} />
      <input type="hidden" {...reg('version')} />
      <input type="hidden" {...reg('kind')} />
      {props.kind === 'status' && (
        <Select name="status" label={t('newStatus')} hint={t('currentStatus', { status: tStatus(props.status as never) })} error={e.status} reg={reg('status')}>
          <option value="">{t('choose')}</option>
          {PARTNERSHIP_STATUSES.map((v) => (
            <option key={v} value={v} disabled={v === props.status}>{tStatus(v)}</option>
          ))}
        </Select>
      )}
      {props.kind === 'approval' && (
        <>
          <Select name="approvalLevel" label={t('approvalLevel')} error={e.approvalLevel} reg={reg('approvalLevel')}>
            <option value="">{t('choose')}</option>
            {APPROVAL_LEVELS.map((v) => (
              <option key={v} value={v}>{tLevel(v)}</option>
            ))}
          </Select>
          <Text name="approvalBody" label={t('approvalBody')} hint={t('approvalBodyHint')} error={e.approvalBody} reg={reg('approvalBody')} maxLength={LIFECYCLE_LIMITS.approvalBody} />
        </>
      )}
      {props.kind === 'upgrade' && (
        <Select name="toType" label={t('toType')} hint={t('fromType', { type: tType(props.type as never) })} error={e.toType} reg={reg('toType')}>
          <option value="">{t('choose')}</option>
          {PARTNERSHIP_TYPES.map((v) => (
            <option key={v} value={v} disabled={v === props.type}>{tType(v)}</option>
          ))}
        </Select>
      )}
      <Text name="effective" label={t('effective')} hint={t('effectiveHint')} error={e.effective} reg={reg('effective')} maxLength={10} />
      {props.kind === 'status' && show('suspended') && (
        <Text name="reviewOn" label={t('reviewOn')} hint={t('reviewOnHint')} error={e.reviewOn} reg={reg('reviewOn')} maxLength={10} />
      )}
      {props.kind === 'status' && show('terminated') && (
        <>
          <Select name="endedBy" label={t('endedBy')} hint={hydrated ? undefined : t('terminationOnly')} error={e.endedBy} reg={reg('endedBy')}>
            <option value="">{t('choose')}</option>
            {ENDING_PARTIES.map((v) => (
              <option key={v} value={v}>{tParty(v)}</option>
            ))}
          </Select>
          <Text name="decision" label={t('decision')} hint={t('decisionHint')} error={e.decision} reg={reg('decision')} maxLength={LIFECYCLE_LIMITS.decision} />
        </>
      )}
      <Text name="reason" label={t('reason')} error={e.reason} reg={reg('reason')} rows={3} maxLength={LIFECYCLE_LIMITS.reason} className="md:col-span-2" />
      <Select name="agreementId" label={t('document')} hint={t('documentHint')} error={e.agreementId} reg={reg('agreementId')}>
        <option value="">{t('noDocument')}</option>
        {props.agreements.map((a) => (
          <option key={a.id} value={a.id}>{a.label}</option>
        ))}
      </Select>
      <div className="space-y-3 md:col-span-2">
        <FormMessage state={state} />
        {state.status === 'conflict' && (
          <p>
            <Link href={`/partnerships/${props.partnershipId}`} className="text-brand-700 underline">{t('reload')}</Link>
          </p>
        )}
        <div className="flex items-center gap-4">
          <SubmitButton pending={pending}>{t('save')}</SubmitButton>
          <Link href={`/partnerships/${props.partnershipId}#timeline`} className="text-brand-700 underline">{t('cancel')}</Link>
        </div>
      </div>
    </form>
  );
}
