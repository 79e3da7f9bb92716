import { getTranslations } from 'next-intl/server';
import { BarChart } from '@/components/charts/bar-chart';
import { GrowthChart } from '@/components/charts/growth-chart';
import { SERIES_COLOURS, tieSeries } from '@/components/charts/series';
import type { GrowthYear, NetworkBreakdowns } from '@/db/queries/dashboard';
import { ACTIVITY_KINDS } from '@/lib/domain';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { quantityWords } from '@/lib/quantities';

/** Countries drawn in the chart of partners by country; the table under it lists them all. */
const COUNTRIES_DRAWN = 15;

/**
 * The growth of the network by year and type, and its breakdowns (continent, country, cooperation field; activities
 * by kind per year; donated quantities), as server-rendered charts with their tables (components/charts).
 */
export async function NetworkCharts({ growth, breakdowns, asOfYear, locale }: { growth: GrowthYear[]; breakdowns: NetworkBreakdowns; asOfYear: number; locale: Locale }) {
  const [t, tc, tType, tField, tContinent, tKind] = await Promise.all([
    getTranslations('dashboard'),
    getTranslations('charts'),
    getTranslations('partnershipType'),
    getTranslations('cooperationField'),
    getTranslations('continents'),
    getTranslations('activityKind'),
  ]);
  const text = { showData: tc('showData'), total: tc('total'), empty: tc('empty') };
  const ties = tieSeries((type) => tType(type));
  const partners = [{ key: 'n', label: t('partners') }];
  const countryName = new Intl.DisplayNames([LANGUAGE_TAG[locale]], { type: 'region' });
  const n = new Intl.NumberFormat(LANGUAGE_TAG[locale]).format;
  const kindsPresent = ACTIVITY_KINDS.filter((kind) => breakdowns.activitiesByKindPerYear.some((r) => r.kind === kind));
  const activityYears = new Map<number, Partial<Record<string, number>>>();
  for (const row of breakdowns.activitiesByKindPerYear) {
    activityYears.set(row.year, { ...activityYears.get(row.year), [row.kind]: row.activities });
  }
  const countries = breakdowns.byCountry.map((c) => ({ key: c.countryCode, label: countryName.of(c.countryCode) ?? c.countryCode, values: { n: c.partners } }));

  return (
    <>
      <section aria-labelledby="dashboard-growth" className="space-y-3">
        <h2 id="dashboard-growth" className="text-xl font-semibold">
          {t('growthTitle')}
        </h2>
        <GrowthChart
          locale={locale}
          title={t('growthChart')}
          description={t('growthDescription')}
          years={growth.map((g) => ({ year: g.year, values: g.byType }))}
          series={ties}
          to={asOfYear}
          text={{ ...text, year: tc('year'), perYear: tc('perYear'), cumulative: tc('cumulative') }}
        />
      </section>

      <section aria-labelledby="dashboard-breakdowns" className="space-y-6">
        <h2 id="dashboard-breakdowns" className="text-xl font-semibold">
          {t('breakdownsTitle')}
        </h2>
        <div className="grid gap-6 lg:grid-cols-2">
          <BarChart
            locale={locale}
            title={t('byContinent')}
            data={breakdowns.byContinent.map((c) => ({ key: c.continent, label: tContinent(c.continent), values: { n: c.partners } }))}
            series={partners}
            text={{ ...text, category: t('continent') }}
          />
          <BarChart
            locale={locale}
            title={t('byField')}
            data={breakdowns.byField.map((f) => ({ key: f.field, label: tField(f.field), values: { n: f.partners } }))}
            series={partners}
            text={{ ...text, category: t('field') }}
          />
        </div>
        <BarChart
          locale={locale}
          title={t('byCountry')}
          description={countries.length > COUNTRIES_DRAWN ? t('byCountryTop', { shown: COUNTRIES_DRAWN, count: countries.length }) : undefined}
          data={countries.slice(0, COUNTRIES_DRAWN)}
          series={partners}
          text={{ ...text, category: t('country') }}
        />
        {countries.length > COUNTRIES_DRAWN && (
          <details className="rounded-lg border border-slate-200 px-3 py-2 print:[&>summary]:hidden print:details-content:block print:details-content:[content-visibility:visible]">
            <summary className="cursor-pointer text-brand-700 underline">{t('allCountries', { count: countries.length })}</summary>
            <ul className="mt-2 columns-2 gap-6 text-sm sm:columns-3 lg:columns-4">
              {countries.map((c) => (
                <li key={c.key} className="flex justify-between gap-2 break-inside-avoid">
                  <span>{c.label}</span>
                  <span className="tabular-nums">{n(c.values.n)}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
        <BarChart
          locale={locale}
          title={t('activitiesByKind')}
          orientation="vertical"
          data={[...activityYears].sort((a, b) => a[0] - b[0]).map(([year, values]) => ({ key: String(year), label: String(year), values }))}
          series={kindsPresent.map((kind, i) => ({ key: kind, label: tKind(kind), colour: SERIES_COLOURS[i % SERIES_COLOURS.length] }))}
          text={{ ...text, category: tc('year') }}
        />
        <div className="space-y-2">
          <h3 className="text-lg font-semibold">{t('donatedTitle')}</h3>
          {breakdowns.donatedQuantities.length === 0 ? (
            <p className="text-sm text-slate-700">{tc('empty')}</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-slate-200">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t('donatedTitle')}</caption>
                <thead className="bg-slate-50 text-slate-700">
                  <tr>
                    <th scope="col" className="px-3 py-2">{t('item')}</th>
                    <th scope="col" className="px-3 py-2 text-right">{t('amount')}</th>
                    <th scope="col" className="px-3 py-2 text-right">{t('donations')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 tabular-nums">
                  {breakdowns.donatedQuantities.map((q) => {
                    const words = quantityWords(q, locale);
                    return (
                      <tr key={`${q.itemEn}|${q.unit ?? ''}`}>
                        <th scope="row" className="px-3 py-2 font-normal">{words.item}</th>
                        <td className="px-3 py-2 text-right">{[words.amount, words.unit].filter(Boolean).join(' ')}</td>
                        <td className="px-3 py-2 text-right">{n(q.activities)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </section>
    </>
  );
}
