import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Table } from '@/components/ui/table';
import { getActivity, type ActivityDetail } from '@/db/queries/activities';
import { requireCapability } from '@/lib/auth/guards';
import { formatPartialDate } from '@/lib/calendar-date';
import { Link } from '@/lib/i18n/navigation';
import { localizedName } from '@/lib/i18n/names';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { can } from '@/lib/permissions';
import { activitySpan } from '../_components/activity-span';
import { DeleteActivity, RestoreActivity } from '../_components/delete-restore';
import { ActivityPhotos } from './_components/activity-photos';
import { type QuantityRecord, quantityWords } from '@/lib/quantities';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The activity of the URL, or a 404 for anything that is not one (a malformed id never reaches SQL). */
async function load(params: Props['params']): Promise<ActivityDetail> {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const a = await getActivity(id);
  if (!a) notFound();
  return a;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return {};
  const a = await getActivity(id);
  const locale = await getLocale();
  // A deleted activity's title stays out of the 404 others get for it.
  return a && !a.deletedAt ? { title: locale === 'zh' && a.titleZh ? a.titleZh : a.titleEn } : {};
}

export default async function ActivityPage({ params, searchParams }: Props) {
  const user = await requireCapability('registry:read', `/activities/${(await params).id}`);
  const a = await load(params);
  // A deleted activity is seen by those who can restore it (admins); for everyone else it is gone.
  if (a.deletedAt && !can(user.role, 'registry:restore')) notFound();
  const locale = (await getLocale()) as Locale;
  const tag = LANGUAGE_TAG[locale];
  const zh = locale === 'zh';
  const [t, tKind, tStatus, tDirection, tField, format] = await Promise.all([
    getTranslations('activities'),
    getTranslations('activityKind'),
    getTranslations('activityStatus'),
    getTranslations('activityDirection'),
    getTranslations('cooperationField'),
    getFormatter(),
  ]);
  const countryName = new Intl.DisplayNames([tag], { type: 'region' });
  const pick = (en: string | null, zhText: string | null) => (zh ? zhText ?? en : en ?? zhText);
  const quantityText = (q: QuantityRecord) => t('quantityText', quantityWords(q, locale)).trim();
  const title = pick(a.titleEn, a.titleZh) ?? a.titleEn;
  const otherTitle = zh ? (a.titleZh ? a.titleEn : null) : a.titleZh;
  const canWrite = can(user.role, 'registry:write') && !a.deletedAt;
  const span = activitySpan(a, tag);
  const place = pick(a.placeEn, a.placeZh);
  const ownQuantities = a.quantities.filter((q) => q.partnershipId === null);
  const dt = 'text-sm font-medium text-slate-600';
  const dd = 'mb-3';
  const list = (items: string[]) => items.join(zh ? '、' : ', ');

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/activities" className="text-brand-700 underline">{t('title')}</Link>
        </p>
        <h1 className="text-3xl font-semibold tracking-tight">{title}</h1>
        {otherTitle && <p lang={zh ? 'en' : 'zh-CN'} className="text-lg text-slate-700">{otherTitle}</p>}
        <p className="text-slate-700">
          {tKind(a.kind)} · {tDirection(a.direction)} · {tStatus(a.status)} · {a.isPublic ? t('visibilityPublic') : t('visibilityInternal')}
        </p>
        {a.deletedAt && <p role="status" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('deletedNotice')}</p>}
        {!a.deletedAt && (await searchParams).done === 'restored' && (
          <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('restored')}</p>
        )}
        <div className="flex flex-wrap items-start gap-3 pt-2">
          {canWrite && (
            <Link href={`/activities/${a.id}/edit`} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">
              {t('edit')}
            </Link>
          )}
          {canWrite && <DeleteActivity id={a.id} version={a.version} />}
          {can(user.role, 'registry:restore') && a.deletedAt && <RestoreActivity id={a.id} version={a.version} />}
          {can(user.role, 'audit:read') && (
            <Link href={{ pathname: '/admin/audit', query: { record: 'activity', recordId: a.id } }} className="py-2 text-brand-700 underline">
              {t('history')}
            </Link>
          )}
        </div>
      </header>

      <section aria-labelledby="overview" className="grid gap-6 md:grid-cols-2">
        <h2 id="overview" className="sr-only">{t('overview')}</h2>
        <dl>
          <dt className={dt}>{t('when')}</dt>
          <dd className={dd}>{span ?? <span className="text-slate-600">{t('undated')}</span>}</dd>
          <dt className={dt}>{t('place')}</dt>
          <dd className={dd}>{place ?? '–'}</dd>
          <dt className={dt}>{t('participants')}</dt>
          <dd className={dd}>{a.participants === null ? '–' : format.number(a.participants)}</dd>
          <dt className={dt}>{t('value')}</dt>
          <dd className={dd}>
            {a.valueAmount && a.valueCurrency
              ? new Intl.NumberFormat(tag, { style: 'currency', currency: a.valueCurrency, currencyDisplay: 'code' }).format(a.valueAmount as unknown as number)
              : '–'}
          </dd>
          <dt className={dt}>{t('fields')}</dt>
          <dd className={dd}>
            {a.cooperationFields.length > 0 ? (
              <ul className="flex flex-wrap gap-2">
                {a.cooperationFields.map((f) => (
                  <li key={f} className="rounded-full bg-slate-100 px-3 py-0.5 text-sm">{tField(f)}</li>
                ))}
              </ul>
            ) : (
              <span className="text-slate-600">{t('noFields')}</span>
            )}
          </dd>
        </dl>
        <dl>
          <dt className={dt}>{t('descriptionEn')}</dt>
          <dd className={`${dd} whitespace-pre-line`} lang="en">{a.descriptionEn ?? '–'}</dd>
          <dt className={dt}>{t('descriptionZh')}</dt>
          <dd className={`${dd} whitespace-pre-line`} lang="zh-CN">{a.descriptionZh ?? '–'}</dd>
          <dt className={dt}>{t('notes')}</dt>
          <dd className={`${dd} whitespace-pre-line`}>{a.internalNotes ?? '–'}</dd>
          <dt className={dt}>{t('links')}</dt>
          <dd className={dd}>
            {a.links.length > 0 ? (
              <ul className="list-disc pl-5 text-sm break-all">
                {a.links.map((l) => (
                  <li key={l}>
                    <a href={l} rel="noopener noreferrer nofollow" className="text-brand-700 underline">{l}</a>
                  </li>
                ))}
              </ul>
            ) : (
              '–'
            )}
          </dd>
          {a.sources.length > 0 && (
            <>
              <dt className={dt}>{t('sources')}</dt>
              <dd className={dd}>
                <ul className="list-disc pl-5 text-sm break-all">
                  {a.sources.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="partners" className="space-y-3">
        <h2 id="partners" className="text-xl font-semibold">{t('partnersCount', { count: a.partnerRows.length })}</h2>
        {a.partnerRows.length === 0 ? (
          <p className="text-slate-600">{t('noPartners')}</p>
        ) : (
          <Table caption={t('partnersCaption')} columns={[t('colPartner'), t('colCountry'), t('colPartnerStatus'), t('colQuantities')]}>
            {a.partnerRows.map((p) => {
              const mine = a.quantities.filter((q) => q.partnershipId === p.partnershipId);
              return (
                <tr key={p.partnershipId}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/partnerships/${p.partnershipId}`} className="text-brand-700 underline">
                      {localizedName({ nameEn: p.homeNameEn, nameZh: p.homeNameZh }, locale)} – {localizedName({ nameEn: p.partnerNameEn, nameZh: p.partnerNameZh }, locale)}
                    </Link>
                    {p.partnershipDeleted && <span className="block text-xs font-normal text-slate-600">{t('partnershipDeleted')}</span>}
                  </th>
                  <td className="px-3 py-2">{countryName.of(p.countryCode) ?? p.countryCode}</td>
                  <td className="px-3 py-2">{tStatus(p.status)}</td>
                  <td className="px-3 py-2">
                    {mine.length === 0 ? '–' : (
                      <ul>
                        {mine.map((q, i) => (
                          <li key={i} className="tabular-nums">{quantityText(q)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </Table>
        )}
        {ownQuantities.length > 0 && (
          <div>
            <h3 className="font-medium">{t('wholeActivity')}</h3>
            <ul className="list-disc pl-5">
              {ownQuantities.map((q, i) => (
                <li key={i} className="tabular-nums">{quantityText(q)}</li>
              ))}
            </ul>
          </div>
        )}
      </section>

      {a.totals.length > 0 && (
        <section aria-labelledby="totals" className="space-y-3">
          <h2 id="totals" className="text-xl font-semibold">{t('totals')}</h2>
          <Table caption={t('totalsCaption')} columns={[t('colItem'), t('colTotal'), t('colUnit'), t('colFor')]}>
            {a.totals.map((q, i) => (
              <tr key={i}>
                <th scope="row" className="px-3 py-2 font-medium">{pick(q.itemEn, q.itemZh)}</th>
                <td className="px-3 py-2 tabular-nums">{quantityWords(q, locale).amount}</td>
                <td className="px-3 py-2">{q.unit ?? '–'}</td>
                <td className="px-3 py-2">{q.partners > 0 ? t('totalFor', { partners: q.partners }) : t('wholeActivity')}</td>
              </tr>
            ))}
          </Table>
        </section>
      )}

      <section aria-labelledby="organisations" className="space-y-3">
        <h2 id="organisations" className="text-xl font-semibold">{t('organisations')}</h2>
        {a.organisations.length === 0 ? (
          <p className="text-slate-600">{t('noOrganisations')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {a.organisations.map((o, i) => {
              const role = pick(o.roleEn, o.roleZh);
              return (
                <li key={i}>
                  <span className="font-medium">{pick(o.nameEn, o.nameZh)}</span>
                  {role && <span className="text-slate-700">{zh ? `：${role}` : `: ${role}`}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="milestones" className="space-y-3">
        <h2 id="milestones" className="text-xl font-semibold">{t('milestones')}</h2>
        {a.milestones.length === 0 ? (
          <p className="text-slate-600">{t('noMilestones')}</p>
        ) : (
          <ol className="relative space-y-4 border-l-2 border-slate-300 pl-6">
            {a.milestones.map((m, i) => (
              <li key={i} className="relative">
                <span aria-hidden="true" className="absolute top-1.5 -left-[1.95rem] h-3 w-3 rounded-full bg-brand-700" />
                <p className="text-sm font-medium text-slate-600">
                  {m.occurredOn && m.occurredPrecision ? formatPartialDate(m.occurredOn, m.occurredPrecision, tag) : t('undated')}
                </p>
                <p className="font-medium">{pick(m.titleEn, m.titleZh)}</p>
                {m.note && <p className="text-sm whitespace-pre-line text-slate-700">{m.note}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <ActivityPhotos activityId={a.id} locale={locale} canWrite={canWrite} canRestore={can(user.role, 'registry:restore') && !a.deletedAt} />

      <p className="text-xs text-slate-500">{t('version', { version: a.version, date: format.dateTime(a.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
    </article>
  );
}
