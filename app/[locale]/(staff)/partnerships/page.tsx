import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { listPartnerCountries, listPartnerships } from '@/db/queries/partnerships';
import { getHomeLocality } from '@/db/queries/home';
import { requireCapability } from '@/lib/auth/guards';
import { formatPartialDate } from '@/lib/calendar-date';
import { COOPERATION_FIELDS, LOCALITY_LEVELS, PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '@/lib/domain';
import { Link, redirect } from '@/lib/i18n/navigation';
import { localizedName } from '@/lib/i18n/names';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { can } from '@/lib/permissions';
import { MAX_SEARCH_LENGTH, parseSearchParams } from '@/lib/validation/search-params';
import { PARTNERSHIP_SORTS, PARTNERSHIPS_PAGE_SIZE, partnershipFilterSchema, type PartnershipFilter } from '@/lib/validation/partnerships';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partnerships'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The filter as query-string values, without defaults, for links that keep it. */
function queryOf(filter: PartnershipFilter, change: Partial<Record<keyof PartnershipFilter, string | number | undefined>> = {}) {
  const merged: Record<string, unknown> = { ...filter, ...change };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === '' || (k === 'page' && v === 1) || (k === 'sort' && v === 'partner')) continue;
    out[k] = String(v);
  }
  return out;
}

export default async function PartnershipsPage({ searchParams }: Props) {
  const user = await requireCapability('registry:read', '/partnerships');
  const params = await searchParams;
  const { value: requested, problem } = parseSearchParams(partnershipFilterSchema, params);
  const deletedNow = params.done === 'deleted';
  // Only admins see deleted records.
  const filter = can(user.role, 'registry:restore') ? requested : { ...requested, deleted: undefined };
  const locale = (await getLocale()) as Locale;
  const [{ rows, total }, countries, home, t, tType, tStatus, tField, tLevel, tv, tl] = await Promise.all([
    listPartnerships(filter),
    listPartnerCountries(),
    getHomeLocality(),
    getTranslations('partnerships'),
    getTranslations('partnershipType'),
    getTranslations('partnershipStatus'),
    getTranslations('cooperationField'),
    getTranslations('localityLevel'),
    getTranslations('validation'),
    getTranslations('localities'),
  ]);
  const countryName = new Intl.DisplayNames([LANGUAGE_TAG[locale]], { type: 'region' });
  const collator = new Intl.Collator(LANGUAGE_TAG[locale]);
  const countryOptions = countries
    .map((code) => ({ code, name: countryName.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const pages = Math.max(1, Math.ceil(total / PARTNERSHIPS_PAGE_SIZE));
  // A page past the end (an old link, a list that shrank) goes to the last page, filters kept.
  if (filter.page > pages) redirect({ href: { pathname: '/partnerships', query: queryOf(filter, { page: pages }) }, locale });
  const homeName = home ? localizedName(home, locale) : '';
  const field = 'rounded border border-slate-400 px-2 py-1.5';
  const select = (name: keyof PartnershipFilter, label: string, options: Array<[string, string]>, value?: string) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`pf-${name}`}>{label}</label>
      <select id={`pf-${name}`} name={name} defaultValue={value ?? ''} className={field}>
        <option value="">{t('any')}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>{l}</option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-3xl font-semibold tracking-tight">{filter.deleted ? t('showDeleted') : t('title')}</h1>
          <p className="text-slate-600">{t('intro', { home: homeName })}</p>
        </div>
        {can(user.role, 'registry:write') && !filter.deleted && (
          <Link href="/partnerships/new" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">
            {t('new')}
          </Link>
        )}
      </div>

      <form method="get" role="search" aria-label={t('filtersLabel')} className="grid gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm sm:grid-cols-3 lg:grid-cols-4">
        {filter.deleted && <input type="hidden" name="deleted" value="1" />}
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label htmlFor="pf-q">{t('searchLabel')}</label>
          <input id="pf-q" name="q" type="search" defaultValue={filter.q} placeholder={t('searchPlaceholder')} maxLength={MAX_SEARCH_LENGTH} className={field} />
        </div>
        {select('type', t('type'), PARTNERSHIP_TYPES.map((v) => [v, tType(v)]), filter.type)}
        {select('status', t('status'), PARTNERSHIP_STATUSES.map((v) => [v, tStatus(v)]), filter.status)}
        {select('country', t('country'), countryOptions.map((c) => [c.code, c.name]), filter.country)}
        {select('field', t('field'), COOPERATION_FIELDS.map((v) => [v, tField(v)]), filter.field)}
        {select('level', t('level'), LOCALITY_LEVELS.map((v) => [v, tLevel(v)]), filter.level)}
        {select('visibility', t('visibility'), [['public', t('public')], ['internal', t('internal')]], filter.visibility)}
        {select('scope', t('scope'), [['home', t('scopeHome', { home: homeName })], ['other', t('scopeOther')]], filter.scope)}
        <div className="flex flex-col gap-1">
          <label htmlFor="pf-from">{t('from')}</label>
          <input id="pf-from" name="from" type="number" min={1900} max={2100} defaultValue={filter.from} className={field} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="pf-to">{t('to')}</label>
          <input id="pf-to" name="to" type="number" min={1900} max={2100} defaultValue={filter.to} className={field} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="pf-sort">{t('sort')}</label>
          <select id="pf-sort" name="sort" defaultValue={filter.sort} className={field}>
            {PARTNERSHIP_SORTS.map((s) => (
              <option key={s} value={s}>{t(`sort_${s}`)}</option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-medium text-white hover:bg-brand-900">{t('filter')}</button>
          <Link href={{ pathname: '/partnerships', query: filter.deleted ? { deleted: '1' } : {} }} className="py-1.5 text-brand-700 underline">
            {t('clear')}
          </Link>
        </div>
      </form>

      {deletedNow && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('deletedDone')}</p>
      )}

      {problem && (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {tv(problem.replace('validation.', '') as never, { max: MAX_SEARCH_LENGTH } as never)}
        </p>
      )}

      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p role="status" className="font-medium text-slate-700">
          {filter.deleted ? t('deletedCount', { total }) : t('count', { total })}
        </p>
        <div className="flex flex-wrap gap-4">
          <a href={`${locale === 'zh' ? '/zh' : ''}/partnerships/export?${new URLSearchParams(queryOf({ ...filter, page: 1 }))}`} className="text-brand-700 underline" download>
            {t('download')}
          </a>
          <a href={`${locale === 'zh' ? '/zh' : ''}/partnerships/export?${new URLSearchParams({ ...queryOf({ ...filter, page: 1 }), format: 'xlsx' })}`} className="text-brand-700 underline" download>
            {t('downloadXlsx')}
          </a>
          {can(user.role, 'registry:write') && !filter.deleted && (
            <Link href="/partnerships/import" className="text-brand-700 underline">
              {t('importLink')}
            </Link>
          )}
          {can(user.role, 'registry:restore') && (
            <Link href={{ pathname: '/partnerships', query: filter.deleted ? {} : { deleted: '1' } }} className="text-brand-700 underline">
              {filter.deleted ? t('showLive') : t('showDeleted')}
            </Link>
          )}
        </div>
      </div>

      {rows.length > 0 && (
        <Table
          caption={t('tableCaption')}
          columns={[t('colPartner'), t('colHome'), t('colCountry'), t('colType'), t('colStatus'), t('colEstablished'), t('colVisibility')]}
        >
          {rows.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50">
              <th scope="row" className="px-3 py-2 font-medium">
                <Link href={`/partnerships/${r.id}`} className="text-brand-700 underline">
                  {localizedName(r.partner, locale)}
                </Link>
                {locale === 'en' && r.partner.nameZh && <span lang="zh-CN" className="block text-xs font-normal text-slate-600">{r.partner.nameZh}</span>}
                {locale === 'zh' && <span lang="en" className="block text-xs font-normal text-slate-600">{r.partner.nameEn}</span>}
                {r.partnerFormerName && (
                  <span className="block text-xs font-normal text-slate-600">{tl('formerly', { name: localizedName(r.partnerFormerName, locale) })}</span>
                )}
              </th>
              <td className="px-3 py-2">{localizedName(r.home, locale)}</td>
              <td className="px-3 py-2">{countryName.of(r.partner.countryCode) ?? r.partner.countryCode}</td>
              <td className="px-3 py-2">{tType(r.type)}</td>
              <td className="px-3 py-2">{tStatus(r.status)}</td>
              <td className="px-3 py-2 tabular-nums">
                {r.establishedOn && r.establishedPrecision ? (
                  formatPartialDate(r.establishedOn, r.establishedPrecision, LANGUAGE_TAG[locale])
                ) : (
                  <span className="text-slate-600">{t('undated')}</span>
                )}
              </td>
              <td className="px-3 py-2">{r.isPublic ? t('public') : t('internal')}</td>
            </tr>
          ))}
        </Table>
      )}

      <Pagination
        page={filter.page}
        pages={pages}
        hrefOf={(page) => ({ pathname: '/partnerships', query: queryOf(filter, { page }) })}
        labels={{ nav: t('pagination'), previous: t('previous'), next: t('next'), current: t('page', { page: Math.min(filter.page, pages), pages }) }}
      />
    </div>
  );
}
