'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/action-state';
import { formatPartialDate, type Precision } from '@/lib/calendar-date';
import { getPathname } from '@/lib/i18n/navigation';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';

// Field of the audit snapshot -> label key in the partnerships namespace.
const LABELS: Record<string, string> = {
  partnerLocalityId: 'partnerLocality',
  type: 'type',
  status: 'status',
  establishedOn: 'established',
  establishedBasis: 'basis',
  cooperationFields: 'fields',
  summaryEn: 'summaryEn',
  summaryZh: 'summaryZh',
  internalNotes: 'notes',
  isPublic: 'visibility',
};

/**
 * What another editor saved after this one opened the form: each changed field and its new value, and a way to
 * start again from their version. The editor's own input stays in the form below it.
 */
export function ConflictNotice({ state, id, localities }: { state: Extract<ActionState, { status: 'conflict' }>; id: string; localities: Array<{ id: string; label: string }> }) {
  const t = useTranslations('partnerships');
  const tType = useTranslations('partnershipType');
  const tStatus = useTranslations('partnershipStatus');
  const tField = useTranslations('cooperationField');
  const locale = useLocale();
  const changes = (state.data?.changes ?? {}) as Record<string, unknown>;
  const by = ((state.data?.by ?? []) as string[]).join(', ');
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '–';
    if (field === 'type') return tType(value as never);
    if (field === 'status') return tStatus(value as never);
    if (field === 'cooperationFields') return (value as string[]).map((f) => tField(f as never)).join(', ') || '–';
    if (field === 'isPublic') return value ? t('public') : t('internal');
    if (field === 'partnerLocalityId') return localities.find((l) => l.id === value)?.label ?? String(value);
    // "1996-09" stays a month: the date at the precision saved with it.
    if (field === 'establishedOn' && typeof changes.establishedPrecision === 'string') {
      return formatPartialDate(String(value), changes.establishedPrecision as Precision, LANGUAGE_TAG[locale as Locale]);
    }
    return String(value);
  };
  const rows = Object.entries(changes).filter(([field]) => field in LABELS);
  return (
    <div role="alert" className="space-y-2 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-medium">{t(state.message.key.replace('partnerships.', '') as never)}</p>
      {rows.length > 0 && (
        <>
          <p>{t('conflictBy', { by })}</p>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            {rows.map(([field, value]) => (
              <div key={field} className="contents">
                <dt className="font-medium">{t(LABELS[field] as never)}</dt>
                <dd className="break-words">{show(field, value)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {/* A full load, so the form starts from their version. */}
      <a href={getPathname({ href: `/partnerships/${id}/edit`, locale })} className="text-brand-700 underline">
        {t('reloadLatest')}
      </a>
    </div>
  );
}
