import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Pagination } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { listActivities, listActivityCountries, listPartnershipChoices } from '@/db/queries/activities';
import { getHomeLocality } from '@/db/queries/home';
import { requireCapability } from '@/lib/auth/guards';
import { ACTIVITY_DIRECTIONS, ACTIVITY_KINDS, ACTIVITY_STATUSES, COOPERATION_FIELDS } from '@/lib/domain';
import { Link, redirect } from '@/lib/i18n/navigation';
import { localizedName } from '@/lib/i18n/names';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { can } from '@/lib/permissions';
import { ACTIVITIES_PAGE_SIZE, activityFilterSchema, type ActivityFilter } from '@/lib/validation/activities';
import { MAX_SEARCH_LENGTH, parseSearchParams } from '@/lib/validation/search-params';
import { activitySpan } from './_components/activity-span';
import { partnershipOptions } from './_components/activity-values';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('activities'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The filter as query-string values, without defaults, for links that keep it. */
function queryOf(filter: ActivityFilter, change: Partial<Record<keyof ActivityFilter, string | number | undefined>> = {}) {
  const merged: Record<string, unknown> = { ...filter, ...change };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === '' || (k === 'page' && v === 1)) continue;
    out[k] = String(v);
  }
  return out;
}

export default async function ActivitiesPage({ searchParams }: Props) {
  const user = await requireCapability('registry:read', '/activities');
  const params = await searchParams;
  const { value: requested, problem } = parseSearchParams(activityFilterSchema, params);
  // Only admins see deleted records.
  const filter = can(user.role, 'registry:restore') ? requested : { ...requested, deleted: undefined };
  const locale = (await getLocale()) as Locale;
  const tag = LANGUAGE_TAG[locale];
  const [{ rows, total }, countries, choices, home, t, tKind, tStatus, tDirection, tField, tv] = await Promise.all([
    listActivities(filter),
    listActivityCountries(),
    listPartnershipChoices(),
    getHomeLocality(),
    getTranslations('activities'),
    getTranslations('activityKind'),
    getTranslations('activityStatus'),
    getTranslations('activityDirection'),
    getTranslations('cooperationField'),
    getTranslations('validation'),
  ]);
  const countryName = new Intl.DisplayNames([tag], { type: 'region' });
  const collator = new Intl.Collator(tag);
  const countryOptions = countries
    .map((code): [string, string] => [code, countryName.of(code) ?? code])
    .sort((a, b) => collator.compare(a[1], b[1]));
  const partnerOptions = partnershipOptions(choices, locale, home?.nameEn ?? null).map((o): [string, string] => [o.id, o.label]);
  const pages = Math.max(1, Math.ceil(total / ACTIVITIES_PAGE_SIZE));
  // A page past the end (an old link, a list that shrank) goes to the last page, filters kept.
  if (filter.page > pages) redirect({ href: { pathname: '/activities', query: queryOf(filter, { page: pages }) }, locale });
  const field = 'rounded border border-slate-400 px-2 py-1.5';
  const select = (name: keyof ActivityFilter, label: string, options: Array<[string, string]>, value?: string) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`af-${name}`}>{label}</label>
      <select id={`af-${name}`} name={name} defaultValue={value ?? ''} className={field}>
        <option value="">{t('any')}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>{l}</option>
        ))}
      </select>
    </div>
  );
  const list = (names: string[]) => names.join(locale === 'zh' ? '、' : ', ');

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-3xl font-semibold tracking-tight">{filter.deleted ? t('showDeleted') : t('title')}</h1>
          <p className="text-slate-600">{t('intro')}</p>
        </div>
        {can(user.role, 'registry:write') && !filter.deleted && (
          <Link href="/activities/new" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">
            {t('new')}
          </Link>
        )}
      </div>

      <form method="get" role="search" aria-label={t('filtersLabel')} className="grid gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm sm:grid-cols-3 lg:grid-cols-4">
        {filter.deleted && <input type="hidden" name="deleted" value="1" />}
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label htmlFor="af-q">{t('searchLabel')}</label>
          <input id="af-q" name="q" type="search" defaultValue={filter.q} placeholder={t('searchPlaceholder')} maxLength={MAX_SEARCH_LENGTH} className={field} />
        </div>
        {select('kind', t('kind'), ACTIVITY_KINDS.map((v) => [v, tKind(v)]), filter.kind)}
        {select('status', t('status'), ACTIVITY_STATUSES.map((v) => [v, tStatus(v)]), filter.status)}
        {select('direction', t('direction'), ACTIVITY_DIRECTIONS.map((v) => [v, tDirection(v)]), filter.direction)}
        {select('partnership', t('partner'), partnerOptions, filter.partnership)}
        {select('country', t('country'), countryOptions, filter.country)}
        {select('field', t('field'), COOPERATION_FIELDS.map((v) => [v, tField(v)]), filter.field)}
        <div className="flex flex-col gap-1">
          <label htmlFor="af-year">{t('year')}</label>
          <input id="af-year" name="year" type="number" min={1900} max={2100} defaultValue={filter.year} className={field} />
        </div>
        {select('visibility', t('visibility'), [['public', t('public')], ['internal', t('internal')]], filter.visibility)}
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-medium text-white hover:bg-brand-900">{t('filter')}</button>
          <Link href={{ pathname: '/activities', query: filter.deleted ? { deleted: '1' } : {} }} className="py-1.5 text-brand-700 underline">
            {t('clear')}
          </Link>
        </div>
      </form>

      {params.done === 'deleted' && <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('deletedDone')}</p>}

      {problem && (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {tv(problem.replace('validation.', '') as never, { max: MAX_SEARCH_LENGTH } as never)}
        </p>
      )}

      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p role="status" className="font-medium text-slate-700">
          {filter.deleted ? t('deletedCount', { total }) : t('count', { total })}
        </p>
        {can(user.role, 'registry:restore') && (
          <Link href={{ pathname: '/activities', query: filter.deleted ? {} : { deleted: '1' } }} className="text-brand-700 underline">
            {filter.deleted ? t('showLive') : t('showDeleted')}
          </Link>
        )}
      </div>

      {rows.length > 0 && (
        <Table caption={t('tableCaption')} columns={[t('colTitle'), t('colKind'), t('colPartners'), t('colDates'), t('colStatus'), t('colVisibility')]}>
          {rows.map((r) => {
            const names = r.partners.map((p) => localizedName({ nameEn: p.partnerNameEn, nameZh: p.partnerNameZh }, locale));
            return (
              <tr key={r.id} className="hover:bg-slate-50">
                <th scope="row" className="px-3 py-2 font-medium">
                  <Link href={`/activities/${r.id}`} className="text-brand-700 underline">
                    {locale === 'zh' && r.titleZh ? r.titleZh : r.titleEn}
                  </Link>
                  {locale === 'en' && r.titleZh && <span lang="zh-CN" className="block text-xs font-normal text-slate-600">{r.titleZh}</span>}
                  {locale === 'zh' && r.titleZh && <span lang="en" className="block text-xs font-normal text-slate-600">{r.titleEn}</span>}
                </th>
                <td className="px-3 py-2">
                  {tKind(r.kind)}
                  <span className="block text-xs text-slate-600">{tDirection(r.direction)}</span>
                </td>
                <td className="px-3 py-2">
                  {names.length > 3 ? t('partnersMore', { names: list(names.slice(0, 3)), more: names.length - 3 }) : list(names) || '–'}
                </td>
                <td className="px-3 py-2 tabular-nums">{activitySpan(r, tag) ?? <span className="text-slate-600">{t('undated')}</span>}</td>
                <td className="px-3 py-2">{tStatus(r.status)}</td>
                <td className="px-3 py-2">{r.isPublic ? t('public') : t('internal')}</td>
              </tr>
            );
          })}
        </Table>
      )}

      <Pagination
        page={filter.page}
        pages={pages}
        hrefOf={(page) => ({ pathname: '/activities', query: queryOf(filter, { page }) })}
        labels={{ nav: t('pagination'), previous: t('previous'), next: t('next'), current: t('page', { page: Math.min(filter.page, pages), pages }) }}
      />
    </div>
  );
}
