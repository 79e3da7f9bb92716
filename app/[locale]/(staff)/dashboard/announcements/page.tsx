import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { listPublishedTotals } from '@/db/queries/published-totals';
import { requireCapability } from '@/lib/auth/guards';
import { formatPartialDate } from '@/lib/calendar-date';
import { Link } from '@/lib/i18n/navigation';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { can } from '@/lib/permissions';
import { PUBLISHED_COUNT_FIELDS } from '@/lib/validation/published-totals';
import { DeletePublishedTotal, RestorePublishedTotal } from './_components/delete-restore';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('publishedTotals'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE = ['created', 'saved', 'deleted', 'restored'] as const;

/** The office's announcements of its network count, newest first; admins also see the deleted ones (`?deleted=1`). */
export default async function PublishedTotalsPage({ searchParams }: Props) {
  const user = await requireCapability('registry:read', '/dashboard/announcements');
  const params = await searchParams;
  // Only admins see deleted records.
  const deleted = params.deleted === '1' && can(user.role, 'registry:restore');
  const done = DONE.find((d) => d === params.done);
  const locale = (await getLocale()) as Locale;
  const tag = LANGUAGE_TAG[locale];
  const [rows, t] = await Promise.all([listPublishedTotals({ deleted }), getTranslations('publishedTotals')]);
  const number = new Intl.NumberFormat(tag);
  const canWrite = can(user.role, 'registry:write');

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="max-w-3xl space-y-1">
          <h1 className="text-3xl font-semibold tracking-tight">{deleted ? t('showDeleted') : t('title')}</h1>
          <p className="text-slate-600">{t('intro')}</p>
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
        const given = PUBLISHED_COUNT_FIELDS.filter((f) => r[f] !== null);
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
            <table className="text-sm">
              <caption className="sr-only">{t('figuresCaption', { date })}</caption>
              <thead className="text-slate-700">
                <tr>
                  <th scope="col" className="py-1 pr-6 text-left font-semibold">{t('colFigure')}</th>
                  <th scope="col" className="py-1 pr-6 text-right font-semibold">{t('colAnnounced')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {given.map((f) => (
                  <tr key={f}>
                    <th scope="row" className="py-1 pr-6 text-left font-normal">{t(f)}</th>
                    <td className="py-1 pr-6 text-right tabular-nums">{number.format(r[f]!)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="text-sm">
              <span className="font-medium">{t('sourceTitle')}: </span>
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
