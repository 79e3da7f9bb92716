import { getTranslations } from 'next-intl/server';
import type { NetworkFigures } from '@/db/queries/dashboard';
import type { Locale } from '@/lib/i18n/routing';
import { LANGUAGE_TAG } from '@/lib/i18n/routing';

/**
 * The headline figures of the network as of a date: partners, countries and continents, sister and friendly
 * cooperation ties, active and dormant ties, activities this year and last, and a table by type of tie.
 */
export async function HeadlineFigures({ figures, asOfYear, dormantYears, locale }: { figures: NetworkFigures; asOfYear: number; dormantYears: number; locale: Locale }) {
  const [t, tType] = await Promise.all([getTranslations('dashboard'), getTranslations('partnershipType')]);
  const n = new Intl.NumberFormat(LANGUAGE_TAG[locale]).format;
  const card = (label: string, value: number, detail: string | null, id?: string) => (
    <div id={id} className="rounded-lg border border-slate-200 p-4 break-inside-avoid">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-3xl font-semibold tabular-nums">{n(value)}</dd>
      {detail && <dd className="text-sm text-slate-700">{detail}</dd>}
    </div>
  );
  return (
    <section aria-labelledby="dashboard-figures" className="space-y-4">
      <h2 id="dashboard-figures" className="text-xl font-semibold">
        {t('figuresTitle')}
      </h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {card(t('partners'), figures.partners, t('partnersDetail', { countries: figures.countries, continents: figures.continents }))}
        {card(t('sister'), figures.sister.partners, t('inCountries', { countries: figures.sister.countries }))}
        {card(t('friendly'), figures.friendly.partners, t('inCountries', { countries: figures.friendly.countries }))}
        {card(t('active'), figures.active, t('activeDetail'))}
        {card(t('dormant'), figures.dormant, t('dormantDetail', { years: dormantYears }))}
        {card(t('activitiesIn', { year: String(asOfYear) }), figures.activitiesThisYear, figures.current ? t('toDate') : null)}
        {card(t('activitiesIn', { year: String(asOfYear - 1) }), figures.activitiesLastYear, null)}
      </dl>
      {!figures.current && figures.undated > 0 && <p className="text-sm text-slate-700">{t('undatedLeftOut', { count: figures.undated })}</p>}
      {figures.current && figures.undated > 0 && <p className="text-sm text-slate-700">{t('undatedCounted', { count: figures.undated })}</p>}
      {figures.byType.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="w-full text-left text-sm">
            <caption className="px-3 py-2 text-left font-semibold">{t('byTypeCaption')}</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">{t('type')}</th>
                <th scope="col" className="px-3 py-2 text-right">{t('partners')}</th>
                <th scope="col" className="px-3 py-2 text-right">{t('countries')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {figures.byType.map((row) => (
                <tr key={row.type}>
                  <th scope="row" className="px-3 py-2 font-normal">{tType(row.type)}</th>
                  <td className="px-3 py-2 text-right">{n(row.partners)}</td>
                  <td className="px-3 py-2 text-right">{n(row.countries)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
