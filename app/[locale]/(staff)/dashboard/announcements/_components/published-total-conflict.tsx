'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/action-state';
import { getPathname } from '@/lib/i18n/navigation';
import { PUBLISHED_COUNT_FIELDS } from '@/lib/validation/published-totals';

/** The fields of the audit snapshot an editor may change, each labelled by its form label in publishedTotals. */
const FIELDS = ['announcedOn', ...PUBLISHED_COUNT_FIELDS, 'sourceTitle', 'sourceUrl', 'note'] as const;

/**
 * What another editor saved after this one opened the form: each changed field and its new value, and a way to
 * start again from their version. The editor's own input stays in the form below it.
 */
export function PublishedTotalConflict(props: { state: Extract<ActionState, { status: 'conflict' }>; id: string }) {
  const t = useTranslations('publishedTotals');
  const locale = useLocale();
  const changes = (props.state.data?.changes ?? {}) as Record<string, unknown>;
  const by = ((props.state.data?.by ?? []) as string[]).join(', ');
  const rows = FIELDS.filter((field) => field in changes);
  return (
    <div role="alert" className="space-y-2 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-medium">{t('conflict')}</p>
      {rows.length > 0 && (
        <>
          <p>{t('conflictBy', { by })}</p>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            {rows.map((field) => (
              <div key={field} className="contents">
                <dt className="font-medium">{t(field)}</dt>
                <dd className="break-words">{changes[field] === null || changes[field] === '' ? '–' : String(changes[field])}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {/* A full load, so the form starts from their version. */}
      <a href={getPathname({ href: `/dashboard/announcements/${props.id}/edit`, locale })} className="text-brand-700 underline">
        {t('reloadLatest')}
      </a>
    </div>
  );
}
