import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getHomeLocality } from '@/db/queries/home';
import { getPublicPartner } from '@/db/queries/public-partner';
import { formatPartialDate, partialDateText } from '@/lib/calendar-date';
import { LocaleLink as Link } from '@/components/locale-link';
import { localizedName } from '@/lib/i18n/names';
import { LANGUAGE_TAG, routing, type Locale } from '@/lib/i18n/routing';
import { pageAlternates, partnerPagePath } from '@/lib/seo';
import { PartnerActivities } from './_components/partner-activities';
import { PartnerAgreements } from './_components/partner-agreements';
import { PartnerMap } from './_components/partner-map';

type Props = { params: Promise<{ locale: Locale; slug: string }> };

/**
 * The public tie of the URL, or null for anything else: an unknown, internal or deleted tie, another home's tie,
 * a slug the registry could not have written, or no home locality yet. Never throws for odd input.
 */
async function load(params: Props['params']) {
  const { locale, slug } = await params;
  const home = await getHomeLocality();
  const partner = home ? await getPublicPartner(home.id, slug) : null;
  return { locale: routing.locales.includes(locale) ? locale : routing.defaultLocale, partner };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, partner: p } = await load(params);
  if (!p) return {};
  const [t, tType] = await Promise.all([
    getTranslations({ locale, namespace: 'partnerPage' }),
    getTranslations({ locale, namespace: 'partnershipType' }),
  ]);
  const tag = LANGUAGE_TAG[locale];
  const values = {
    partner: localizedName(p.partner, locale),
    home: localizedName(p.home, locale),
    type: tType(p.type),
    country: new Intl.DisplayNames([tag], { type: 'region' }).of(p.partner.countryCode) ?? p.partner.countryCode,
  };
  return {
    title: t('metaTitle', values),
    description:
      p.establishedOn && p.establishedPrecision
        ? t('metaDescription', { ...values, date: formatPartialDate(p.establishedOn, p.establishedPrecision, tag) })
        : t('metaDescriptionUndated', values),
    alternates: pageAlternates(partnerPagePath(p.slug), locale),
  };
}

export default async function PartnerPage({ params }: Props) {
  const { locale, partner: p } = await load(params);
  setRequestLocale(locale);
  if (!p) notFound();
  const [t, tType, tStatus, tLevel, tField] = await Promise.all([
    getTranslations('partnerPage'),
    getTranslations('partnershipType'),
    getTranslations('partnershipStatus'),
    getTranslations('localityLevel'),
    getTranslations('cooperationField'),
  ]);
  const tag = LANGUAGE_TAG[locale];
  const zh = locale === 'zh';
  const otherLocale: Locale = zh ? 'en' : 'zh';
  const partnerName = localizedName(p.partner, locale);
  const homeName = localizedName(p.home, locale);
  // Under /zh a partner without a Chinese name shows its English one, which is then marked as English.
  const nameLang = zh && !p.partner.nameZh ? LANGUAGE_TAG.en : undefined;
  const otherName = zh ? (p.partner.nameZh ? p.partner.nameEn : null) : p.partner.nameZh;
  const country = new Intl.DisplayNames([tag], { type: 'region' }).of(p.partner.countryCode) ?? p.partner.countryCode;
  const summary = zh ? p.summaryZh : p.summaryEn;
  const list = (items: string[]) => items.join(zh ? '、' : ', ');
  const dt = 'text-sm font-medium text-slate-600 sm:pt-0.5';
  const dd = 'mb-3 sm:mb-0';

  return (
    <article className="space-y-10">
      <header className="space-y-2">
        <p className="text-sm print:hidden">
          <Link href="/partners" className="text-brand-700 underline">
            {t('allPartners', { home: homeName })}
          </Link>
        </p>
        <h1 className="text-3xl font-semibold tracking-tight">
          <span lang={nameLang}>{partnerName}</span>
          {otherName && (
            <span lang={LANGUAGE_TAG[otherLocale]} className="ml-3 text-2xl font-normal text-slate-600">
              {otherName}
            </span>
          )}
        </h1>
        {p.formerNames.length > 0 && (
          <p className="text-slate-700">{t('formerly', { names: list(p.formerNames.map((n) => localizedName(n, locale))) })}</p>
        )}
        <p className="text-lg text-slate-700">{t('tieOf', { type: tType(p.type), home: homeName })}</p>
      </header>

      <div className="grid gap-8 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] print:block">
        <section aria-labelledby="facts" className="space-y-4">
          <h2 id="facts" className="text-xl font-semibold">{t('facts')}</h2>
          <dl className="sm:grid sm:grid-cols-[max-content_minmax(0,1fr)] sm:gap-x-6 sm:gap-y-3">
            <dt className={dt}>{t('country')}</dt>
            <dd className={dd}>{country}</dd>
            <dt className={dt}>{t('level')}</dt>
            <dd className={dd}>{tLevel(p.partner.level)}</dd>
            <dt className={dt}>{t('type')}</dt>
            <dd className={dd}>{tType(p.type)}</dd>
            <dt className={dt}>{t('established')}</dt>
            <dd className={dd}>
              {p.establishedOn && p.establishedPrecision ? (
                <time dateTime={partialDateText(p.establishedOn, p.establishedPrecision)}>
                  {formatPartialDate(p.establishedOn, p.establishedPrecision, tag)}
                </time>
              ) : (
                <span className="text-slate-600">{t('undated')}</span>
              )}
            </dd>
            <dt className={dt}>{t('status')}</dt>
            <dd className={dd}>{tStatus(p.status)}</dd>
            {p.cooperationFields.length > 0 && (
              <>
                <dt className={dt}>{t('fields')}</dt>
                <dd className={dd}>
                  <ul className="flex flex-wrap gap-2">
                    {p.cooperationFields.map((f) => (
                      <li key={f} className="rounded-full bg-slate-100 px-3 py-0.5 text-sm print:bg-transparent print:px-0">
                        {tField(f)}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
          {summary && (
            <div className="space-y-1">
              <h3 className="text-sm font-medium text-slate-600">{t('summary')}</h3>
              <p className="max-w-prose">{summary}</p>
            </div>
          )}
        </section>
        <PartnerMap profile={p} locale={locale} />
      </div>

      <PartnerAgreements agreements={p.agreements} locale={locale} />

      <PartnerActivities activities={p.activities} locale={locale} partnerName={partnerName} />

      <section aria-labelledby="other-ties" className="space-y-3 print:break-inside-avoid">
        <h2 id="other-ties" className="text-xl font-semibold">{t('otherTies', { partner: partnerName })}</h2>
        {p.otherTies.length === 0 ? (
          <p className="text-slate-600">{t('noOtherTies')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {p.otherTies.map((o, i) => {
              const name = t('tie', { other: localizedName(o.other, locale), partner: partnerName });
              return (
                <li key={o.slug ?? i}>
                  {o.slug ? (
                    <Link href={`/partners/${o.slug}`} className="text-brand-700 underline">{name}</Link>
                  ) : (
                    <span className="font-medium">{name}</span>
                  )}
                  {/* Chinese full-width brackets take no space before them. */}
                  {zh ? '' : ' '}
                  <span className="text-slate-700">
                    {zh ? '（' : '('}
                    {o.establishedOn
                      ? t('tieDetails', { type: tType(o.type), year: o.establishedOn.slice(0, 4) })
                      : t('tieDetailsUndated', { type: tType(o.type) })}
                    {zh ? '）' : ')'}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </article>
  );
}
