import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { listDeletedPublishedTotals, listPublishedTotalsBesideRegistry, type PublishedTotalBesideRegistry } from '@/db/queries/published-totals';
import { requireCapability } from '@/lib/auth/guards';
import { formatPartialDate } from '@/lib/calendar-date';
import { Link } from '@/lib/i18n/navigation';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { can } from '@/lib/permissions';
import { DeletePublishedTotal, RestorePublishedTotal } from './_components/delete-restore';
import { FiguresTable } from './_components/figures-table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('publishedTotals'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE = ['created', 'saved', 'deleted', 'restored'] as const;

/**
 * The office's announcements of its network count, newest first, each figure beside what the registry held on that
 * date and the difference; admins also see the deleted ones (`?deleted=1`) to restore them.
 */
export default async function PublishedTotalsPage({ searchParams }: Props) {
  const user = await requireCapability('registry:read', '/dashboard/announcements');
  const params = await searchParams;
  // Only admins see deleted records.
  const deleted = params.deleted === '1' && can(user.role, 'registry:restore');
  const done = DONE.find((d) => d === params.done);
  const locale = (await getLocale()) as Locale;
  const tag = LANGUAGE_TAG[locale];
  const [rows, t] = await Promise.all([
    deleted ? listDeletedPublishedTotals() : listPublishedTotalsBesideRegistry(),
    getTranslations('publishedTotals'),
  ]);
  const canWrite = can(user.role, 'registry:write');

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="max-w-3xl space-y-1">
          <h1 className="text-3xl font-semibold tracking-tight">{deleted ? t('showDeleted') : t('title')}</h1>
          <p className="text-slate-600">{t('intro')}</p>
          {!deleted && <p className="text-sm text-slate-600">{t('differenceHint')}</p>}
        </div>
        {canWrite && !deleted && (
          <Link href="/dashboard/announcements/new" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 print:hidden">
            {t('new')}
          </Link>
        )}
      </div>

      {done && <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t(`done_${done}`)}</p>}

      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="font-medium text-slate-700">{deleted ? t('deletedCount', { total: rows.length }) : t('count', { total: rows.length })}</p>
        {can(user.role, 'registry:restore') && (
          <Link href={{ pathname: '/dashboard/announcements', query: deleted ? {} : { deleted: '1' } }} className="text-brand-700 underline print:hidden">
            {deleted ? t('showLive') : t('showDeleted')}
          </Link>
        )}
      </div>

      {rows.map((r) => {
        const date = formatPartialDate(r.announcedOn, 'day', tag);
        const registry = (r as Partial<PublishedTotalBesideRegistry>).registry ?? null;
        return (
          <section key={r.id} aria-labelledby={`announcement-${r.id}`} className="space-y-3 rounded-lg border border-slate-200 p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-3">
              <h2 id={`announcement-${r.id}`} className="text-xl font-semibold">
                <time dateTime={r.announcedOn}>{date}</time>
              </h2>
              {!deleted && canWrite && (
                <div className="flex flex-wrap items-start gap-4 text-sm print:hidden">
                  <Link href={`/dashboard/announcements/${r.id}/edit`} className="text-brand-700 underline" aria-label={t('editLabel', { date })}>
                    {t('edit')}
                  </Link>
                  <DeletePublishedTotal id={r.id} version={r.version} date={date} />
                </div>
              )}
              {deleted && <RestorePublishedTotal id={r.id} version={r.version} date={date} />}
            </div>
            <FiguresTable row={r} registry={registry} date={date} languageTag={tag} />
            <p className="text-sm">
              <span className="font-medium">{t('sourceLabel')} </span>
              {r.sourceUrl ? (
                <a href={r.sourceUrl} rel="noopener noreferrer" className="break-words text-brand-700 underline">
                  {r.sourceTitle ?? r.sourceUrl}
                </a>
              ) : (
                (r.sourceTitle ?? <span className="text-slate-600">{t('noSource')}</span>)
              )}
            </p>
            {r.note && <p className="whitespace-pre-line text-sm text-slate-700">{r.note}</p>}
          </section>
        );
      })}
      {rows.length === 0 && <p className="text-slate-600">{deleted ? t('emptyDeleted') : t('empty')}</p>}
    </div>
  );
}
