import { getTranslations } from 'next-intl/server';
import type { PublicActivity } from '@/db/queries/public-partner';
import { formatPartialDate, partialDateText } from '@/lib/calendar-date';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { quantityWords } from '@/lib/quantities';

/**
 * The tie's public activities as a timeline, newest first: when (at each date's precision; an ongoing activity
 * "since" its start), title, kind and status, place, this partner's quantities and the public summary, each in
 * the page's language where the record has it, and the photos staff marked public.
 */
export async function PartnerActivities({ activities, locale, partnerName }: { activities: PublicActivity[]; locale: Locale; partnerName: string }) {
  const [t, tKind, tStatus] = await Promise.all([
    getTranslations('partnerPage'),
    getTranslations('activityKind'),
    getTranslations('activityStatus'),
  ]);
  const tag = LANGUAGE_TAG[locale];
  const zh = locale === 'zh';
  const en = zh ? LANGUAGE_TAG.en : undefined;
  const when = (a: PublicActivity) => {
    const start = a.startedOn && a.startedPrecision ? formatPartialDate(a.startedOn, a.startedPrecision, tag) : null;
    const end = a.endedOn && a.endedPrecision ? formatPartialDate(a.endedOn, a.endedPrecision, tag) : null;
    if (start && end && start !== end) return t('activitySpan', { from: start, to: end });
    if (start && !end && a.status === 'ongoing') return t('activitySince', { date: start });
    return start ?? end ?? t('undated');
  };

  return (
    <section aria-labelledby="activities" className="space-y-3">
      <h2 id="activities" className="text-xl font-semibold">{t('activities')}</h2>
      {activities.length === 0 ? (
        <p className="text-slate-600">{t('noActivities')}</p>
      ) : (
        <ol aria-label={t('activityTimeline', { partner: partnerName })} className="space-y-6 border-l-2 border-slate-200 pl-5">
          {activities.map((a) => {
            const place = zh ? (a.placeZh ?? a.placeEn) : (a.placeEn ?? a.placeZh);
            const description = zh ? a.descriptionZh : a.descriptionEn;
            const datetime = partialDateText(a.startedOn, a.startedPrecision);
            return (
              <li key={a.slug} className="relative print:break-inside-avoid">
                <span aria-hidden className="absolute top-1.5 -left-[1.65rem] h-2.5 w-2.5 rounded-full bg-brand-700 print:hidden" />
                <p className="text-sm font-medium text-slate-600">
                  {datetime ? <time dateTime={datetime}>{when(a)}</time> : when(a)}
                </p>
                <h3 className="font-medium" lang={zh && !a.titleZh ? en : undefined}>
                  {zh && a.titleZh ? a.titleZh : a.titleEn}
                </h3>
                <p className="text-sm text-slate-700">
                  {tKind(a.kind)} · {tStatus(a.status)}
                  {place && <> · {t('place', { place })}</>}
                </p>
                {a.quantities.length > 0 && (
                  <ul className="mt-1 text-sm text-slate-700" aria-label={t('quantities')}>
                    {a.quantities.map((q, i) => (
                      <li key={i}>
                        {t('quantity', quantityWords(q, locale)).trim()}
                      </li>
                    ))}
                  </ul>
                )}
                {description && <p className="mt-1 max-w-prose">{description}</p>}
                {a.photos.length > 0 && (
                  <ul className="mt-2 flex flex-wrap gap-3">
                    {a.photos.map((ph) => {
                      const caption = zh ? (ph.captionZh ?? ph.captionEn) : (ph.captionEn ?? ph.captionZh);
                      return (
                        <li key={ph.id} className="max-w-full print:break-inside-avoid">
                          <figure className="space-y-1">
                            {/* The display copy is already resized to WebP on upload: a plain img, as on the staff page.
                                A caption names the figure; the image then takes no alt text of its own, which a screen
                                reader would read twice. */}
                            <img
                              src={`/photos/${ph.id}`}
                              width={ph.width}
                              height={ph.height}
                              alt={caption ? '' : zh && a.titleZh ? a.titleZh : a.titleEn}
                              loading="lazy"
                              className="h-40 w-auto max-w-full rounded border border-slate-200 object-cover"
                            />
                            {caption && <figcaption className="max-w-xs text-sm text-slate-600">{caption}</figcaption>}
                          </figure>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
