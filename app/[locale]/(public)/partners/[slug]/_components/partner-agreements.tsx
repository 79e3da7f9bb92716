import { getFormatter, getTranslations } from 'next-intl/server';
import type { PublicAgreement } from '@/db/queries/public-partner';
import { formatPartialDate, partialDateText } from '@/lib/calendar-date';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';

/**
 * The tie's public agreements, oldest first: title and kind, signing date at its precision and place, fields,
 * summary in the page's language, and a download link for each signed copy staff marked public (/files/<id>).
 */
export async function PartnerAgreements({ agreements, locale }: { agreements: PublicAgreement[]; locale: Locale }) {
  const [t, tKind, tField, format] = await Promise.all([
    getTranslations('partnerPage'),
    getTranslations('agreementKind'),
    getTranslations('cooperationField'),
    getFormatter(),
  ]);
  const tag = LANGUAGE_TAG[locale];
  const zh = locale === 'zh';
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? `${format.number(Math.max(1, Math.round(bytes / 1024)))} KB`
      : `${format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`;

  return (
    <section aria-labelledby="agreements" className="space-y-3">
      <h2 id="agreements" className="text-xl font-semibold">{t('agreements')}</h2>
      {agreements.length === 0 ? (
        <p className="text-slate-600">{t('noAgreements')}</p>
      ) : (
        <ul className="space-y-3">
          {agreements.map((a, i) => {
            const place = zh ? (a.signedPlaceZh ?? a.signedPlaceEn) : (a.signedPlaceEn ?? a.signedPlaceZh);
            const summary = zh ? a.summaryZh : a.summaryEn;
            return (
              <li key={i} className="rounded-lg border border-slate-200 p-4 print:break-inside-avoid print:border-slate-400">
                <h3 className="font-medium" lang={zh && !a.titleZh ? LANGUAGE_TAG.en : undefined}>
                  {zh && a.titleZh ? a.titleZh : a.titleEn}
                </h3>
                <p className="text-sm text-slate-700">
                  {tKind(a.kind)}
                  {a.signedOn && a.signedPrecision && (
                    <>
                      {' · '}
                      <time dateTime={partialDateText(a.signedOn, a.signedPrecision)}>
                        {t('signedOn', { date: formatPartialDate(a.signedOn, a.signedPrecision, tag) })}
                      </time>
                    </>
                  )}
                  {place && <> · {t('signedIn', { place })}</>}
                </p>
                {a.cooperationFields.length > 0 && (
                  <p className="text-sm text-slate-600">{a.cooperationFields.map((f) => tField(f)).join(zh ? '、' : ', ')}</p>
                )}
                {summary && <p className="mt-2 max-w-prose text-sm">{summary}</p>}
                {a.files.length > 0 && (
                  <ul className="mt-2 space-y-1 text-sm">
                    {a.files.map((f) => (
                      <li key={f.id}>
                        <a href={`/files/${f.id}`} download className="text-brand-700 underline">
                          {t('download', { name: f.fileName, size: size(f.byteSize) })}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
