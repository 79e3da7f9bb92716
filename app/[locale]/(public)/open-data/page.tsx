import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { getHomeLocality } from '@/db/queries/home';
import { getOpenDataDirectory } from '@/db/queries/open-data';
import { COOPERATION_FIELDS, LOCALITY_LEVELS, PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '@/lib/domain';
import { localizedName } from '@/lib/i18n/names';
import type { Locale } from '@/lib/i18n/routing';
import { OPEN_DATA_FILES, OPEN_DATA_LICENSE, OPEN_DATA_VERSION } from '@/lib/open-data';
import { pageAlternates } from '@/lib/seo';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const [t, home] = await Promise.all([getTranslations({ locale, namespace: 'openData' }), getHomeLocality()]);
  return {
    title: t('title'),
    description: t('metaDescription', { home: home ? localizedName(home, locale) : '' }),
    alternates: pageAlternates('/open-data', locale),
  };
}

// Each field once: its CSV column, its JSON key and the catalogue key of its meaning.
const FIELDS = [
  ['partner_en', 'nameEn', 'fieldPartnerEn'],
  ['partner_zh', 'nameZh', 'fieldPartnerZh'],
  ['country_code', 'countryCode', 'fieldCountryCode'],
  ['country_en', 'countryEn', 'fieldCountryEn'],
  ['country_zh', 'countryZh', 'fieldCountryZh'],
  ['level', 'level', 'fieldLevel'],
  ['type', 'type', 'fieldType'],
  ['status', 'status', 'fieldStatus'],
  ['established', 'established.date', 'fieldEstablished'],
  ['established_precision', 'established.precision', 'fieldEstablishedPrecision'],
  ['latitude', 'latitude', 'fieldLatitude'],
  ['longitude', 'longitude', 'fieldLongitude'],
  ['wikidata_id', 'wikidataId', 'fieldWikidata'],
  ['cooperation_fields', 'cooperationFields', 'fieldCooperation'],
  ['page_en, page_zh', 'page.en, page.zh', 'fieldPage'],
] as const;

const SOURCES = ['sourceFao', 'sourceWikipedia', 'sourceGeonames', 'sourceCsc', 'sourceNews'] as const;

export default async function OpenDataPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, format, tLevel, tType, tStatus, tField] = await Promise.all([
    getTranslations('openData'),
    getFormatter(),
    getTranslations('localityLevel'),
    getTranslations('partnershipType'),
    getTranslations('partnershipStatus'),
    getTranslations('cooperationField'),
  ]);
  const directory = await getOpenDataDirectory();
  const home = directory.home ? localizedName(directory.home, locale) : null;
  const countries = new Set(directory.partners.map((p) => p.countryCode)).size;
  const asOf = format.dateTime(new Date(directory.asOf), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  const codeSets = [
    { column: 'level', codes: LOCALITY_LEVELS.map((c) => [c, tLevel(c)]) },
    { column: 'type', codes: PARTNERSHIP_TYPES.map((c) => [c, tType(c)]) },
    { column: 'status', codes: PARTNERSHIP_STATUSES.map((c) => [c, tStatus(c)]) },
    { column: 'cooperation_fields', codes: COOPERATION_FIELDS.map((c) => [c, tField(c)]) },
  ];
  const heading = 'text-xl font-semibold tracking-tight';
  const link = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900';

  return (
    <div className="max-w-3xl space-y-10">
      <div className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">{t('title')}</h1>
        {home ? (
          <p className="text-slate-700">{t('intro', { home, count: directory.partners.length, countries })}</p>
        ) : (
          <p className="text-slate-700">{t('noHome')}</p>
        )}
        <p className="text-sm text-slate-600">{t('asOf', { date: asOf })}</p>
      </div>

      <section aria-labelledby="downloads" className="space-y-3">
        <h2 id="downloads" className={heading}>
          {t('downloadsHeading')}
        </h2>
        <ul className="space-y-3">
          <li>
            <a href={OPEN_DATA_FILES.csv} download className={link}>
              {t('csvLink')}
            </a>{' '}
            <code className="text-sm text-slate-600">{OPEN_DATA_FILES.csv}</code>
            <p className="text-sm text-slate-600">{t('csvHint')}</p>
          </li>
          <li>
            <a href={OPEN_DATA_FILES.json} className={link}>
              {t('jsonLink')}
            </a>{' '}
            <code className="text-sm text-slate-600">{OPEN_DATA_FILES.json}</code>
            <p className="text-sm text-slate-600">{t('jsonHint')}</p>
          </li>
        </ul>
        <p className="text-sm text-slate-700">{t('stableUrls')}</p>
      </section>

      <section aria-labelledby="what" className="space-y-3">
        <h2 id="what" className={heading}>
          {t('whatHeading')}
        </h2>
        <p>{t('whatBody', { home: home ?? '' })}</p>
      </section>

      <section aria-labelledby="fields" className="space-y-3">
        <h2 id="fields" className={heading}>
          {t('fieldsHeading')}
        </h2>
        <p className="text-sm text-slate-600">
          {t('colCsv')} · {t('colJson')}
        </p>
        <dl className="divide-y divide-slate-200 border-y border-slate-200">
          {FIELDS.map(([csv, json, meaning]) => (
            <div key={csv} className="gap-4 py-3 sm:grid sm:grid-cols-[15rem_1fr]">
              <dt className="break-words font-mono text-sm">
                {csv}
                {json !== csv && <span className="block text-slate-600">{json}</span>}
              </dt>
              <dd className="mt-1 sm:mt-0">{t(meaning)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="json" className="space-y-3">
        <h2 id="json" className={heading}>
          {t('jsonHeading')}
        </h2>
        <p>{t('jsonBody', { version: OPEN_DATA_VERSION })}</p>
      </section>

      <section aria-labelledby="codes" className="space-y-4">
        <h2 id="codes" className={heading}>
          {t('codesHeading')}
        </h2>
        <p>{t('codesIntro')}</p>
        {codeSets.map(({ column, codes }) => (
          <div key={column} className="space-y-2">
            <h3 className="font-mono font-semibold">{column}</h3>
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
              {codes.map(([code, label]) => (
                <div key={code} className="flex flex-wrap gap-x-2">
                  <dt className="font-mono">{code}</dt>
                  <dd className="text-slate-700">{label}</dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </section>

      <section aria-labelledby="licence" className="space-y-3">
        <h2 id="licence" className={heading}>
          {t('licenceHeading')}
        </h2>
        <p>{t('licenceBody')}</p>
        <p>
          <a href={OPEN_DATA_LICENSE.url} className={link} rel="license">
            {t('licenceLink')}
          </a>
        </p>
        <figure className="rounded border border-slate-200 bg-slate-50 p-4">
          <figcaption className="text-sm font-semibold text-slate-700">{t('attributionLabel')}</figcaption>
          <blockquote className="mt-1">{t('attributionText')}</blockquote>
        </figure>
      </section>

      <section aria-labelledby="sources" className="space-y-3">
        <h2 id="sources" className={heading}>
          {t('sourcesHeading')}
        </h2>
        <p>{t('sourcesIntro')}</p>
        <ul className="list-disc space-y-2 pl-6">
          {SOURCES.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
