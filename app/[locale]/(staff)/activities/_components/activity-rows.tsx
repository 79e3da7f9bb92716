'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, type ReactNode } from 'react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { Select, Text } from '@/components/forms/fields';
import { ACTIVITY_STATUSES } from '@/lib/domain';
import { ACTIVITY_LIMITS, ACTIVITY_SLOTS, type ActivityRowKind } from '@/lib/validation/activities';

// The repeated sections of the activity form: partners, quantities, organisations, milestones. The server renders
// a fixed number of slots (filled rows and some empty ones) so the form works without JavaScript; with it, a button
// adds rows.

type RowErrors = Array<Record<string, FieldError | undefined> | undefined> | undefined;
type Reg = (name: string) => UseFormRegisterReturn;

/** A section's legend, hint, section-level error, its rows and (with JavaScript) the button adding one. */
function Rows(props: { kind: ActivityRowKind; initial: number; legend: string; hint?: string; error?: FieldError; columns?: string; row: (i: number) => ReactNode }) {
  const t = useTranslations('activities');
  const tv = useTranslations();
  const [count, setCount] = useState(props.initial);
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  const hintId = props.hint ? `rows-${props.kind}-hint` : undefined;
  const errorId = props.error ? `rows-${props.kind}-error` : undefined;
  return (
    <fieldset className="space-y-3 rounded border border-slate-200 p-3 md:col-span-2" aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
      <legend className="px-1 font-medium">{props.legend}</legend>
      {props.hint && <p id={hintId} className="text-xs text-slate-600">{props.hint}</p>}
      {props.error?.message && (
        <p id={errorId} className="text-sm text-red-700">{tv.has(props.error.message as never) ? tv(props.error.message as never) : tv('validation.invalid')}</p>
      )}
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className={`grid gap-3 border-t border-slate-100 pt-3 first-of-type:border-t-0 first-of-type:pt-0 ${props.columns ?? 'sm:grid-cols-2 lg:grid-cols-4'}`}>
          {props.row(i)}
        </div>
      ))}
      {scripted && count < ACTIVITY_SLOTS[props.kind].max && (
        <button type="button" onClick={() => setCount((n) => n + 1)} className="rounded border border-brand-700 px-3 py-1 text-sm text-brand-700 hover:bg-slate-50">
          {t(`addRow_${props.kind}`)}
        </button>
      )}
    </fieldset>
  );
}

export function PartnerRows(props: { initial: number; reg: Reg; errors: RowErrors; error?: FieldError; partnerships: Array<{ id: string; label: string }> }) {
  const t = useTranslations('activities');
  const tStatus = useTranslations('activityStatus');
  return (
    <Rows
      kind="partners"
      initial={props.initial}
      legend={t('partners')}
      hint={t('partnersHint')}
      error={props.error}
      row={(i) => (
        <>
          <div className="sm:col-span-2 lg:col-span-3">
            <Select name={`partners.${i}.partnershipId`} label={t('partnerN', { n: i + 1 })} error={props.errors?.[i]?.partnershipId} reg={props.reg(`partners.${i}.partnershipId`)}>
              <option value="">{t('none')}</option>
              {props.partnerships.map((p) => (
                <option key={p.id} value={p.id}>{p.label}</option>
              ))}
            </Select>
          </div>
          <Select name={`partners.${i}.status`} label={t('partnerStatusN', { n: i + 1 })} error={props.errors?.[i]?.status} reg={props.reg(`partners.${i}.status`)}>
            {ACTIVITY_STATUSES.map((s) => (
              <option key={s} value={s}>{tStatus(s)}</option>
            ))}
          </Select>
        </>
      )}
    />
  );
}

export function QuantityRows(props: { initial: number; reg: Reg; errors: RowErrors; error?: FieldError; partnerships: Array<{ id: string; label: string }> }) {
  const t = useTranslations('activities');
  return (
    <Rows
      kind="quantities"
      initial={props.initial}
      legend={t('quantities')}
      hint={t('quantitiesHint')}
      error={props.error}
      row={(i) => {
        const e = props.errors?.[i];
        const name = (f: string) => `quantities.${i}.${f}`;
        return (
          <>
            <div className="sm:col-span-2 lg:col-span-4">
              <Select name={name('partnershipId')} label={t('quantityForN', { n: i + 1 })} error={e?.partnershipId} reg={props.reg(name('partnershipId'))}>
                <option value="">{t('wholeActivity')}</option>
                {props.partnerships.map((p) => (
                  <option key={p.id} value={p.id}>{p.label}</option>
                ))}
              </Select>
            </div>
            <Text name={name('itemEn')} label={t('quantityItemEnN', { n: i + 1 })} error={e?.itemEn} reg={props.reg(name('itemEn'))} maxLength={ACTIVITY_LIMITS.item} lang="en" />
            <Text name={name('itemZh')} label={t('quantityItemZhN', { n: i + 1 })} error={e?.itemZh} reg={props.reg(name('itemZh'))} maxLength={ACTIVITY_LIMITS.item} lang="zh-CN" />
            <Text name={name('amount')} label={t('quantityAmountN', { n: i + 1 })} error={e?.amount} reg={props.reg(name('amount'))} maxLength={40} />
            <Text name={name('unit')} label={t('quantityUnitN', { n: i + 1 })} error={e?.unit} reg={props.reg(name('unit'))} maxLength={ACTIVITY_LIMITS.unit} />
          </>
        );
      }}
    />
  );
}

export function OrganisationRows(props: { initial: number; reg: Reg; errors: RowErrors; error?: FieldError }) {
  const t = useTranslations('activities');
  return (
    <Rows
      kind="organisations"
      initial={props.initial}
      columns="sm:grid-cols-2"
      legend={t('organisations')}
      hint={t('organisationsHint')}
      error={props.error}
      row={(i) => {
        const e = props.errors?.[i];
        const name = (f: string) => `organisations.${i}.${f}`;
        return (
          <>
            <Text name={name('nameEn')} label={t('organisationNameEnN', { n: i + 1 })} error={e?.nameEn} reg={props.reg(name('nameEn'))} maxLength={ACTIVITY_LIMITS.name} lang="en" />
            <Text name={name('nameZh')} label={t('organisationNameZhN', { n: i + 1 })} error={e?.nameZh} reg={props.reg(name('nameZh'))} maxLength={ACTIVITY_LIMITS.name} lang="zh-CN" />
            <Text name={name('roleEn')} label={t('organisationRoleEnN', { n: i + 1 })} error={e?.roleEn} reg={props.reg(name('roleEn'))} maxLength={ACTIVITY_LIMITS.role} lang="en" />
            <Text name={name('roleZh')} label={t('organisationRoleZhN', { n: i + 1 })} error={e?.roleZh} reg={props.reg(name('roleZh'))} maxLength={ACTIVITY_LIMITS.role} lang="zh-CN" />
          </>
        );
      }}
    />
  );
}

export function MilestoneRows(props: { initial: number; reg: Reg; errors: RowErrors; error?: FieldError }) {
  const t = useTranslations('activities');
  return (
    <Rows
      kind="milestones"
      initial={props.initial}
      legend={t('milestones')}
      hint={t('milestonesHint')}
      error={props.error}
      row={(i) => {
        const e = props.errors?.[i];
        const name = (f: string) => `milestones.${i}.${f}`;
        return (
          <>
            <Text name={name('date')} label={t('milestoneDateN', { n: i + 1 })} error={e?.date} reg={props.reg(name('date'))} maxLength={10} />
            <Text name={name('titleEn')} label={t('milestoneTitleEnN', { n: i + 1 })} error={e?.titleEn} reg={props.reg(name('titleEn'))} maxLength={ACTIVITY_LIMITS.title} lang="en" />
            <Text name={name('titleZh')} label={t('milestoneTitleZhN', { n: i + 1 })} error={e?.titleZh} reg={props.reg(name('titleZh'))} maxLength={ACTIVITY_LIMITS.title} lang="zh-CN" />
            <Text name={name('note')} label={t('milestoneNoteN', { n: i + 1 })} error={e?.note} reg={props.reg(name('note'))} maxLength={ACTIVITY_LIMITS.milestoneNote} />
          </>
        );
      }}
    />
  );
}
