import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { NetworkMap } from '@/components/map/network-map';
import { Pagination } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { getDirectoryFacets, listDirectory, type DirectoryFacets } from '@/db/queries/directory';
import { getHomeLocality } from '@/db/queries/home';
import { CONTINENTS, continentOf } from '@/lib/countries';
import { COOPERATION_FIELDS, PARTNERSHIP_TYPES } from '@/lib/domain';
import { redirect } from 'next/navigation';
import { localizedHref } from '@/lib/i18n/paths';
import { localizedName } from '@/lib/i18n/names';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { pageAlternates } from '@/lib/seo';
import { DIRECTORY_PAGE_SIZE, directoryFilterSchema, isNarrowed, type DirectoryFilter } from '@/lib/validation/directory';
import { MAX_SEARCH_LENGTH, parseSearchParams } from '@/lib/validation/search-params';
import { publicCache } from '@/lib/cache/public-data';
import { directoryMapPartners, directoryMapRows } from '@/lib/directory-map';
import { DirectoryFilters } from './_components/directory-filters';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const [t, tSeo, home] = await Promise.all([
    getTranslations({ locale, namespace: 'partners' }),
    getTranslations({ locale, namespace: 'seo' }),
    getHomeLocality(),
  ]);
  const name = home ? localizedName(home, locale) : '';
  // One canonical address for every search, filter and page of the list: the partners themselves are in the sitemap.
  return { title: t('title', { home: name }), description: tSeo('partnersDescription', { home: name }), alternates: pageAlternates('/partners', locale) };
}

/** The filter as query-string values, defaults left out, for links that keep it (pages, the language switch). */
function queryOf(filter: DirectoryFilter, change: Partial<DirectoryFilter> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...filter, ...change })) {
    if (value === undefined || value === '' || (key === 'page' && value === 1) || (key === 'sort' && value === 'name')) continue;
    out[key] = String(value);
  }
  return out;
}

export default async function PartnersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { value: requested, problem } = parseSearchParams(directoryFilterSchema, await searchParams);
  // A page past the end (an old link, a list that shrank) goes to the last page, filters kept.
  const pages = await directoryPages(requested, locale);
  if (pages !== null && requested.page > pages) {
    redirect(localizedHref(locale, { pathname: '/partners', query: queryOf(requested, { page: pages }) }));
  }
  return <DirectoryBody locale={locale} requested={requested} problem={problem} />;
}

/** The filter as applied: a country no public partner is in cannot be chosen in the form, so it is not applied either. */
function appliedFilter(requested: DirectoryFilter, facets: DirectoryFacets): DirectoryFilter {
  return requested.country && !facets.countries.includes(requested.country) ? { ...requested, country: undefined } : requested;
}

/** How many pages the filter's matches fill (at least 1), or null before a home locality is set. Cached. */
async function directoryPages(requested: DirectoryFilter, locale: Locale): Promise<number | null> {
  'use cache';
  publicCache();
  const home = await getHomeLocality();
  if (!home) return null;
  const { matching } = await listDirectory(home.id, appliedFilter(requested, await getDirectoryFacets(home.id)), locale);
  return Math.max(1, Math.ceil(matching / DIRECTORY_PAGE_SIZE));
}

/**
 * Everything under the page's header, rendered once per filter, language and message and kept in the public cache
 * with the data it shows (lib/cache/public-data.ts): a request replays it instead of rendering the form's options,
 * the list and the map's legend anew. The map itself is a document of its own (app/map/[file]), framed here.
 */
async function DirectoryBody({ locale, requested, problem }: { locale: Locale; requested: DirectoryFilter; problem: string | null }) {
  'use cache';
  publicCache();
  const [t, tValidation, tType, tField, tContinent, tl, home] = await Promise.all([
    getTranslations({ locale, namespace: 'partners' }),
    getTranslations({ locale, namespace: 'validation' }),
    getTranslations({ locale, namespace: 'partnershipType' }),
    getTranslations({ locale, namespace: 'cooperationField' }),
    getTranslations({ locale, namespace: 'continents' }),
    getTranslations({ locale, namespace: 'localities' }),
    getHomeLocality(),
  ]);
  if (!home) return <p>{t('noHome')}</p>;

  const facets = await getDirectoryFacets(home.id);
  const filter = appliedFilter(requested, facets);
  const [{ rows, matching, total }, mapRows] = await Promise.all([listDirectory(home.id, filter, locale), directoryMapRows(home.id, filter, locale)]);
  const pages = Math.max(1, Math.ceil(matching / DIRECTORY_PAGE_SIZE));
  const mapPartners = directoryMapPartners(mapRows, locale);
  const mapQuery = new URLSearchParams(queryOf({ ...filter, page: 1 })).toString();

  const homeName = localizedName(home, locale);
  const countryName = new Intl.DisplayNames([LANGUAGE_TAG[locale]], { type: 'region' });
  const country = (code: string) => countryName.of(code) ?? code;
  const collator = new Intl.Collator(LANGUAGE_TAG[locale]);
  const byLabel = (a: [string, string], b: [string, string]) => collator.compare(a[1], b[1]);
  const present = new Set(facets.countries.map(continentOf));
  const options = {
    continent: CONTINENTS.filter((c) => present.has(c) || c === filter.continent).map((c): [string, string] => [c, tContinent(c)]),
    country: facets.countries.map((c): [string, string] => [c, country(c)]).sort(byLabel),
    type: PARTNERSHIP_TYPES.filter((v) => facets.types.includes(v) || v === filter.type).map((v): [string, string] => [v, tType(v)]),
    field: COOPERATION_FIELDS.filter((v) => facets.fields.includes(v) || v === filter.field).map((v): [string, string] => [v, tField(v)]),
  };
  const partnerHref = (slug: string) => localizedHref(locale, `/partners/${slug}`);
  const other = locale === 'zh' ? 'en' : 'zh';

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight">{t('title', { home: homeName })}</h1>
        <p className="text-slate-600">{t('intro', { home: homeName })}</p>
      </div>

      {/* Keyed by the query: a client-side navigation (clear filters, the pages) renders the form anew, so its
          fields show the new filter rather than what was last typed. */}
      <DirectoryFilters
        locale={locale}
        key={new URLSearchParams(queryOf(filter)).toString()}
        filter={filter}
        options={options}
        labels={{
          form: t('filtersLabel'),
          q: t('searchLabel'),
          qPlaceholder: t('searchPlaceholder'),
          continent: t('continent'),
          country: t('country'),
          type: t('type'),
          field: t('field'),
          from: t('from'),
          to: t('to'),
          sort: t('sort'),
          any: t('any'),
          submit: t('searchButton'),
          clear: t('clear'),
          sorts: {
            name: t('sortName'),
            '-name': t('sortNameDesc'),
            country: t('sortCountry'),
            '-country': t('sortCountryDesc'),
            year: t('sortYear'),
            '-year': t('sortYearDesc'),
          },
        }}
      />

      {problem && (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {tValidation(problem.replace('validation.', '') as never, { max: MAX_SEARCH_LENGTH } as never)}
        </p>
      )}

      <p role="status" className="text-sm font-medium text-slate-700">
        {!isNarrowed(filter)
          ? t('count', { count: total })
          : isNarrowed({ ...filter, q: '' })
            ? t('countFiltered', { count: matching, total })
            : t('countMatching', { count: matching, q: filter.q })}
      </p>

      {matching > 0 && (
        <NetworkMap
          locale={locale}
          home={{ name: homeName, latitude: home.latitude, longitude: home.longitude }}
          partners={mapPartners}
          document={`/map/partners-${locale}.svg${mapQuery ? `?${mapQuery}` : ''}`}
          notShown={matching - mapPartners.length}
          listNote={t('mapNote')}
          skipTo="partner-list"
        />
      )}

      {/* The rows' styles are set once here rather than on each of up to 50 rows: the page and React's payload
          then carry each class list once. */}
      <div
        id="partner-list"
        tabIndex={-1}
        className="space-y-4 [&_tbody_a]:block [&_tbody_a]:text-brand-700 [&_tbody_a]:underline [&_tbody_td]:px-4 [&_tbody_td]:py-3 [&_tbody_td:last-child]:tabular-nums [&_tbody_th]:px-4 [&_tbody_th]:py-3 [&_tbody_th]:font-medium [&_tbody_th_span]:block [&_tbody_th_span]:text-xs [&_tbody_th_span]:font-normal [&_tbody_th_span]:text-slate-600 [&_tbody_tr:hover]:bg-slate-50"
      >
        {rows.length > 0 && (
          <Table caption={t('tableCaption', { home: homeName })} columns={[t('colPartner'), t('colCountry'), t('colType'), t('colSince')]}>
            {rows.map((p) => {
              const name = localizedName(p, locale);
              const secondary = other === 'zh' ? p.nameZh : p.nameEn;
              return (
                <tr key={p.slug}>
                  <th scope="row">
                    <a href={partnerHref(p.slug)}>
                      {name}
                    </a>
                    {secondary && secondary !== name && (
                      <span lang={LANGUAGE_TAG[other]}>
                        {secondary}
                      </span>
                    )}
                    {p.formerName && (
                      <span>{tl('formerly', { name: localizedName(p.formerName, locale) })}</span>
                    )}
                  </th>
                  <td>{country(p.countryCode)}</td>
                  <td>{tType(p.type)}</td>
                  <td>
                    {p.establishedYear ?? <span className="text-slate-600">{t('undated')}</span>}
                  </td>
                </tr>
              );
            })}
          </Table>
        )}

        <Pagination
          locale={locale}
          page={filter.page}
          pages={pages}
          hrefOf={(page) => ({ pathname: '/partners', query: queryOf(filter, { page }) })}
          labels={{ nav: t('pagination'), previous: t('previous'), next: t('next'), current: t('page', { page: Math.min(filter.page, pages), pages }) }}
        />
      </div>
    </div>
  );
}
