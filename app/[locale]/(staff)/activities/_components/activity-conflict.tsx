'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/action-state';
import { partialDateText, type Precision } from '@/lib/calendar-date';
import { getPathname } from '@/lib/i18n/navigation';

// Field of the audit snapshot -> label key in the activities namespace. A date's day and precision are one field.
const LABELS: Record<string, string> = {
  titleEn: 'titleEn',
  titleZh: 'titleZh',
  kind: 'kind',
  status: 'status',
  direction: 'direction',
  started: 'started',
  ended: 'ended',
  placeEn: 'placeEn',
  placeZh: 'placeZh',
  descriptionEn: 'descriptionEn',
  descriptionZh: 'descriptionZh',
  cooperationFields: 'fields',
  partners: 'partners',
  quantities: 'quantities',
  valueAmount: 'valueAmount',
  valueCurrency: 'valueCurrency',
  participants: 'participants',
  organisations: 'organisations',
  milestones: 'milestones',
  links: 'links',
  internalNotes: 'notes',
  isPublic: 'visibility',
};

type Row = Record<string, unknown>;

/**
 * What another editor saved after this one opened the form: each changed field and its new value, and a way to
 * start again from their version. The editor's own input stays in the form below it.
 */
export function ActivityConflictNotice(props: { state: Extract<ActionState, { status: 'conflict' }>; id: string; partnerships: Array<{ id: string; label: string }> }) {
  const t = useTranslations('activities');
  const tKind = useTranslations('activityKind');
  const tStatus = useTranslations('activityStatus');
  const tDirection = useTranslations('activityDirection');
  const tField = useTranslations('cooperationField');
  const locale = useLocale();
  const raw = (props.state.data?.changes ?? {}) as Row;
  const by = ((props.state.data?.by ?? []) as string[]).join(', ');
  const sep = locale === 'zh' ? '；' : '; ';
  const partner = (id: unknown) => props.partnerships.find((p) => p.id === id)?.label ?? t('otherPartnership');
  // Dates: the day and the precision stored apart are shown as one value.
  const changes: Row = {};
  for (const [key, value] of Object.entries(raw)) {
    const date = /^(started|ended)(On|Precision)$/.exec(key);
    if (date) changes[date[1]!] = partialDateText((raw[`${date[1]}On`] as string | null) ?? null, (raw[`${date[1]}Precision`] as Precision | null) ?? 'day') || null;
    else changes[key] = value;
  }
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '–';
    switch (field) {
      case 'kind':
        return tKind(value as never);
      case 'status':
        return tStatus(value as never);
      case 'direction':
        return tDirection(value as never);
      case 'isPublic':
        return value ? t('public') : t('internal');
      case 'cooperationFields':
        return (value as string[]).map((f) => tField(f as never)).join(locale === 'zh' ? '、' : ', ');
      case 'links':
        return (value as string[]).join(' ');
      case 'partners':
        return (value as Row[]).map((p) => `${partner(p.partnershipId)} (${tStatus(p.status as never)})`).join(sep);
      case 'quantities':
        return (value as Row[]).map((q) => `${q.amount} ${q.unit ?? ''} ${q.itemEn}${q.partnershipId ? ` → ${partner(q.partnershipId)}` : ''}`.replace(/\s+/g, ' ')).join(sep);
      case 'organisations':
        return (value as Row[]).map((o) => `${o.nameEn}${o.roleEn ? ` (${o.roleEn})` : ''}`).join(sep);
      case 'milestones':
        return (value as Row[]).map((m) => `${partialDateText((m.occurredOn as string | null) ?? null, (m.occurredPrecision as Precision | null) ?? null)} ${m.titleEn}`.trim()).join(sep);
      default:
        return String(value);
    }
  };
  const rows = Object.entries(changes).filter(([field]) => field in LABELS);
  return (
    <div role="alert" className="space-y-2 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-medium">{t('conflict')}</p>
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
      <a href={getPathname({ href: `/activities/${props.id}/edit`, locale })} className="text-brand-700 underline">
        {t('reloadLatest')}
      </a>
    </div>
  );
}
