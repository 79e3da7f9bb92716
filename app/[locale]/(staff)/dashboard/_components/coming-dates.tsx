import { getTranslations } from 'next-intl/server';
import type { ComingDates } from '@/db/queries/coming-dates';
import { formatPartialDate } from '@/lib/calendar-date';
import { comingDateText, type Translate } from '@/lib/calendar-feed';
import { Link } from '@/lib/i18n/navigation';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';

/**
 * Round anniversaries and agreement terms ending in the coming 12 months (db/queries/coming-dates.ts), in date
 * order, each in the same words as the calendar feed (lib/calendar-feed.ts comingDateText), with a pointer to the
 * feed on the account page.
 */
export async function ComingDatesSection({ dates, locale }: { dates: ComingDates; locale: Locale }) {
  const [t, tAll] = await Promise.all([getTranslations('dashboard'), getTranslations()]);
  const tag = LANGUAGE_TAG[locale];
  const when = (on: string, precision: 'day' | 'month' | 'year') => formatPartialDate(on, precision, tag);
  return (
    <section aria-labelledby="dashboard-coming" className="space-y-3">
      <h2 id="dashboard-coming" className="text-xl font-semibold">
        {t('comingTitle')}
      </h2>
      <p className="text-sm text-slate-700">
        {t('comingIntro', { from: when(dates.from, 'day'), to: when(dates.to, 'day') })}{' '}
        <Link href="/account#cal" className="text-brand-700 underline print:hidden">
          {t('comingFeed')}
        </Link>
      </p>
      {dates.items.length === 0 ? (
        <p>{tAll('comingDates.empty')}</p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {dates.items.map((item) => {
            const text = comingDateText(item, tAll as unknown as Translate, locale);
            return (
              <li key={item.key} className="grid gap-1 px-3 py-2 sm:grid-cols-[12rem_1fr]">
                <span className="font-medium tabular-nums">{when(item.on, item.precision)}</span>
                <span>
                  <Link href={`/partnerships/${item.partnershipId}`} className="text-brand-700 underline">
                    {text.summary}
                  </Link>
                  <span className="block text-sm text-slate-700">{text.description}</span>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
