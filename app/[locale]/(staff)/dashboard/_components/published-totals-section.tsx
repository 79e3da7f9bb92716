import { getTranslations } from 'next-intl/server';
import type { PublishedTotalBesideRegistry } from '@/db/queries/published-totals';
import { formatPartialDate } from '@/lib/calendar-date';
import { Link } from '@/lib/i18n/navigation';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { FiguresTable } from '../announcements/_components/figures-table';

/** Announcements shown on the dashboard; the rest are on /dashboard/announcements. */
const SHOWN = 2;

/**
 * The office's latest announcements of its network count, each figure beside what the registry held on that date
 * and the difference (the announcements page, /dashboard/announcements, lists them all and is where staff record
 * them).
 */
export async function PublishedTotalsSection({ rows, canWrite, locale }: { rows: PublishedTotalBesideRegistry[]; canWrite: boolean; locale: Locale }) {
  const [t, tp] = await Promise.all([getTranslations('dashboard'), getTranslations('publishedTotals')]);
  const tag = LANGUAGE_TAG[locale];
  return (
    <section aria-labelledby="dashboard-published" className="space-y-3">
      <h2 id="dashboard-published" className="text-xl font-semibold">
        {t('publishedTitle')}
      </h2>
      <p className="text-sm text-slate-700">{rows.length === 0 ? t('publishedNone') : t('publishedIntro', { shown: Math.min(SHOWN, rows.length), count: rows.length })}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        {rows.slice(0, SHOWN).map((row) => {
          const date = formatPartialDate(row.announcedOn, 'day', tag);
          return (
            <section key={row.id} aria-labelledby={`published-${row.id}`} className="min-w-0 space-y-2 rounded-lg border border-slate-200 p-4 break-inside-avoid">
              <h3 id={`published-${row.id}`} className="font-semibold">
                <time dateTime={row.announcedOn}>{date}</time>
              </h3>
              {row.sourceTitle && (
                <p className="text-sm break-words text-slate-700">
                  {row.sourceUrl ? (
                    <a href={row.sourceUrl} rel="noreferrer noopener" className="text-brand-700 underline">
                      {row.sourceTitle}
                    </a>
                  ) : (
                    row.sourceTitle
                  )}
                </p>
              )}
              <FiguresTable row={row} registry={row.registry} date={date} languageTag={tag} />
            </section>
          );
        })}
      </div>
      <p className="flex flex-wrap gap-4 text-sm print:hidden">
        <Link href="/dashboard/announcements" className="text-brand-700 underline">
          {t('publishedAll')}
        </Link>
        {canWrite && (
          <Link href="/dashboard/announcements/new" className="text-brand-700 underline">
            {tp('new')}
          </Link>
        )}
      </p>
    </section>
  );
}
