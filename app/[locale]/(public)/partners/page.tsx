import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Table } from '@/components/ui/table';
import { listDirectoryPartners } from '@/db/queries/directory';
import { getHomeLocality } from '@/db/queries/home';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { localizedName } from '@/lib/i18n/names';
import { MAX_SEARCH_LENGTH, parseSearchParams, partnerSearchSchema } from '@/lib/validation/search-params';
import { PartnerSearch } from './_components/partner-search';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const [t, home] = await Promise.all([getTranslations({ locale, namespace: 'partners' }), getHomeLocality()]);
  return { title: t('title', { home: home ? localizedName(home, locale) : '' }) };
}

export default async function PartnersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { value, problem } = parseSearchParams(partnerSearchSchema, await searchParams);
  const { q } = value;
  const t = await getTranslations('partners');
  const tValidation = await getTranslations('validation');
  const tType = await getTranslations('partnershipType');
  const tl = await getTranslations('localities');
  const home = await getHomeLocality();
  if (!home) return <p>{t('noHome')}</p>;

  const homeName = localizedName(home, locale);
  const partners = await listDirectoryPartners(home.id, q);
  const countries = new Intl.DisplayNames([LANGUAGE_TAG[locale]], { type: 'region' });
  const other = locale === 'zh' ? 'en' : 'zh';

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight">{t('title', { home: homeName })}</h1>
        <p className="text-slate-600">{t('intro', { home: homeName })}</p>
      </div>

      <PartnerSearch
        initial={q}
        label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        button={t('searchButton')}
        clear={t('clear')}
      />

      {problem && (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {tValidation(problem.replace('validation.', '') as never, { max: MAX_SEARCH_LENGTH } as never)}
        </p>
      )}

      <p role="status" className="text-sm font-medium text-slate-700">
        {q ? t('countMatching', { count: partners.length, q }) : t('count', { count: partners.length })}
      </p>

      {partners.length > 0 && (
        <Table caption={t('tableCaption', { home: homeName })} columns={[t('colPartner'), t('colCountry'), t('colType'), t('colSince')]}>
          {partners.map((p) => {
            const secondary = other === 'zh' ? p.nameZh : p.nameEn;
            return (
              <tr key={p.slug} className="hover:bg-slate-50">
                <th scope="row" className="px-4 py-3 font-medium">
                  <span className="block">{localizedName(p, locale)}</span>
                  {secondary && secondary !== localizedName(p, locale) && (
                    <span lang={LANGUAGE_TAG[other]} className="block text-xs font-normal text-slate-600">
                      {secondary}
                    </span>
                  )}
                  {p.formerName && (
                    <span className="block text-xs font-normal text-slate-600">{tl('formerly', { name: localizedName(p.formerName, locale) })}</span>
                  )}
                </th>
                <td className="px-4 py-3">{countries.of(p.countryCode) ?? p.countryCode}</td>
                <td className="px-4 py-3">{tType(p.type)}</td>
                <td className="px-4 py-3 tabular-nums">
                  {p.establishedYear ?? <span className="text-slate-600">{t('undated')}</span>}
                </td>
              </tr>
            );
          })}
        </Table>
      )}
    </div>
  );
}
