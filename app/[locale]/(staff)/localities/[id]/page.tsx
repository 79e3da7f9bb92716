import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getLocality, listMergeCandidates } from '@/db/queries/localities';
import { requireCapability } from '@/lib/auth/guards';
import { formatPartialDate, partialDateText, type Precision } from '@/lib/calendar-date';
import { Link } from '@/lib/i18n/navigation';
import { localizedName } from '@/lib/i18n/names';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { can } from '@/lib/permissions';
import { FormerNameForm } from './_components/former-name-form';
import { MergeForm } from './_components/merge-form';
import { RenameForm } from './_components/rename-form';
import { UndoMerge } from './_components/undo-merge';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE = ['renamed', 'name', 'merged', 'unmerged'] as const;

/** The locality of the URL, or a 404 for anything that is not one (a malformed id never reaches SQL). */
async function load(params: Props['params']) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const l = await getLocality(id);
  if (!l) notFound();
  return l;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return {};
  const l = await getLocality(id);
  return l ? { title: localizedName(l, await getLocale()) } : {};
}

export default async function LocalityPage({ params, searchParams }: Props) {
  const user = await requireCapability('registry:read', `/localities/${(await params).id}`);
  const l = await load(params);
  const done = z.enum(DONE).safeParse([(await searchParams).done].flat()[0]);
  const locale = (await getLocale()) as Locale;
  const tag = LANGUAGE_TAG[locale];
  const canWrite = can(user.role, 'registry:write') && !l.deletedAt;
  const [t, tp, tType, tStatus, tLevel, format, candidates] = await Promise.all([
    getTranslations('localities'),
    getTranslations('partnerships'),
    getTranslations('partnershipType'),
    getTranslations('partnershipStatus'),
    getTranslations('localityLevel'),
    getFormatter(),
    canWrite ? listMergeCandidates(l.id, l.countryCode) : Promise.resolve([]),
  ]);
  const name = localizedName(l, locale);
  const countryName = new Intl.DisplayNames([tag], { type: 'region' }).of(l.countryCode) ?? l.countryCode;
  const date = (on: string | null, precision: Precision | null) => (on && precision ? formatPartialDate(on, precision, tag) : null);
  const sep = locale === 'zh' ? '，' : ', ';
  const dt = 'text-sm font-medium text-slate-600';
  const dd = 'mb-3';
  const coordinates =
    l.latitude !== null && l.longitude !== null
      ? [
          t('coordinate', { value: format.number(Math.abs(l.latitude), { maximumFractionDigits: 4 }), dir: l.latitude >= 0 ? t('north') : t('south') }),
          t('coordinate', { value: format.number(Math.abs(l.longitude), { maximumFractionDigits: 4 }), dir: l.longitude >= 0 ? t('east') : t('west') }),
        ].join(sep)
      : null;

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/partnerships" className="text-brand-700 underline">{tp('title')}</Link>
        </p>
        <h1 className="text-3xl font-semibold tracking-tight">{name}</h1>
        <p className="text-slate-700">
          {locale === 'en' && l.nameZh && <span lang="zh-CN">{l.nameZh} · </span>}
          {locale === 'zh' && <span lang="en">{l.nameEn} · </span>}
          {tLevel(l.level)}{sep}{countryName}
        </p>
        {done.success && (
          <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t(`done_${done.data}`)}</p>
        )}
        {l.deletedAt && (
          <p role="status" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {l.mergedInto ? (
              <>
                {t('mergedNotice')}{' '}
                <Link href={`/localities/${l.mergedInto.id}`} className="underline">{localizedName(l.mergedInto, locale)}</Link>
              </>
            ) : (
              t('deletedNotice')
            )}
          </p>
        )}
        <div className="flex flex-wrap items-start gap-3 pt-2">
          {can(user.role, 'registry:restore') && l.deletedAt && l.mergedInto && <UndoMerge id={l.id} version={l.version} />}
          {can(user.role, 'audit:read') && (
            <Link href={{ pathname: '/admin/audit', query: { record: 'locality', recordId: l.id } }} className="py-2 text-brand-700 underline">
              {tp('history')}
            </Link>
          )}
        </div>
      </header>

      <section aria-labelledby="about">
        <h2 id="about" className="sr-only">{t('about')}</h2>
        <dl className="grid gap-x-6 sm:grid-cols-2">
          <div>
            <dt className={dt}>{t('nameEn')}</dt>
            <dd className={dd} lang="en">{l.nameEn}</dd>
          </div>
          <div>
            <dt className={dt}>{t('nameZh')}</dt>
            <dd className={dd} lang="zh-CN">{l.nameZh ?? '–'}</dd>
          </div>
          <div>
            <dt className={dt}>{t('level')}</dt>
            <dd className={dd}>{tLevel(l.level)}</dd>
          </div>
          <div>
            <dt className={dt}>{t('country')}</dt>
            <dd className={dd}>{countryName}</dd>
          </div>
          <div>
            <dt className={dt}>{t('coordinates')}</dt>
            <dd className={`${dd} tabular-nums`}>{coordinates ?? '–'}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="former-names" className="space-y-3">
        <h2 id="former-names" className="text-xl font-semibold">{t('formerNames')}</h2>
        {l.formerNames.length === 0 ? (
          <p className="text-slate-600">{t('noFormerNames')}</p>
        ) : (
          <ul className="space-y-3">
            {l.formerNames.map((n) => {
              const from = date(n.usedFrom, n.usedFromPrecision);
              const until = date(n.usedUntil, n.usedUntilPrecision);
              const formerName = localizedName(n, locale);
              return (
                <li key={n.id} className="rounded-lg border border-slate-200 p-4">
                  <p className="font-medium">
                    {formerName}
                    {locale === 'en' && n.nameZh && <span lang="zh-CN" className="font-normal text-slate-700"> · {n.nameZh}</span>}
                    {locale === 'zh' && <span lang="en" className="font-normal text-slate-700"> · {n.nameEn}</span>}
                  </p>
                  <p className="text-sm text-slate-700">
                    {n.kind === 'merged' ? t('kindMerged') : t('kindRenamed')}
                    {' · '}
                    {from && until ? t('usedFromUntil', { from, until }) : until ? t('usedUntilOnly', { until }) : from ? t('usedFromOnly', { from }) : t('undatedName')}
                  </p>
                  {n.note && <p className="text-sm text-slate-600">{n.note}</p>}
                  {n.kind === 'merged' && n.mergedLocalityId && can(user.role, 'registry:restore') && (
                    <Link href={`/localities/${n.mergedLocalityId}`} className="text-sm text-brand-700 underline">
                      {t('mergedRecord', { name: formerName })}
                    </Link>
                  )}
                  {canWrite && (
                    <details className="mt-2">
                      <summary className="cursor-pointer text-sm text-brand-700 underline">{t('editFormerName', { name: formerName })}</summary>
                      <div className="mt-3">
                        <FormerNameForm
                          localityId={l.id}
                          version={l.version}
                          nameId={n.id}
                          idPrefix={`name-${n.id.slice(0, 8)}`}
                          label={t('editFormerName', { name: formerName })}
                          values={{
                            nameEn: n.nameEn,
                            nameZh: n.nameZh ?? '',
                            usedFrom: partialDateText(n.usedFrom, n.usedFromPrecision),
                            usedUntil: partialDateText(n.usedUntil, n.usedUntilPrecision),
                            note: n.note ?? '',
                          }}
                        />
                      </div>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="ties" className="space-y-3">
        <h2 id="ties" className="text-xl font-semibold">{t('ties')}</h2>
        {l.ties.length === 0 ? (
          <p className="text-slate-600">{t('noTies')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {l.ties.map((tie) => {
              const other = localizedName(tie.other, locale);
              return (
                <li key={tie.id}>
                  <Link href={`/partnerships/${tie.id}`} className="text-brand-700 underline">
                    {tie.side === 'home' ? `${name} – ${other}` : `${other} – ${name}`}
                  </Link>{' '}
                  <span className="text-slate-700">
                    {locale === 'zh' ? '（' : '('}
                    {tType(tie.type)}{sep}{tStatus(tie.status)}{sep}{date(tie.establishedOn, tie.establishedPrecision) ?? tp('undated')}
                    {locale === 'zh' ? '）' : ')'}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {canWrite && (
        <>
          <section aria-labelledby="rename" className="space-y-3">
            <h2 id="rename" className="text-xl font-semibold">{t('renameTitle')}</h2>
            <p className="text-sm text-slate-600">{t('renameHint')}</p>
            <RenameForm id={l.id} version={l.version} nameEn={l.nameEn} nameZh={l.nameZh} />
          </section>

          <section aria-labelledby="add-former-name" className="space-y-3">
            <h2 id="add-former-name" className="text-xl font-semibold">{t('addFormerNameTitle')}</h2>
            <p className="text-sm text-slate-600">{t('addFormerNameHint')}</p>
            <FormerNameForm
              localityId={l.id}
              version={l.version}
              idPrefix="new-name"
              label={t('addFormerNameTitle')}
              values={{ nameEn: '', nameZh: '', usedFrom: '', usedUntil: '', note: '' }}
            />
          </section>

          <section aria-labelledby="merge" className="space-y-3">
            <h2 id="merge" className="text-xl font-semibold">{t('mergeTitle')}</h2>
            {candidates.length === 0 ? (
              <p className="text-slate-600">{t('noCandidates', { country: countryName })}</p>
            ) : (
              <>
                <p className="text-sm text-slate-600">{t('mergeHint', { name })}</p>
                <MergeForm
                  id={l.id}
                  version={l.version}
                  candidates={candidates.map((c) => ({
                    id: c.id,
                    label: `${localizedName(c, locale)}${locale === 'zh' ? ` (${c.nameEn})` : c.nameZh ? ` (${c.nameZh})` : ''}${sep}${tLevel(c.level)}`,
                  }))}
                />
              </>
            )}
          </section>
        </>
      )}

      <p className="text-xs text-slate-500">{tp('version', { version: l.version, date: format.dateTime(l.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
    </article>
  );
}
