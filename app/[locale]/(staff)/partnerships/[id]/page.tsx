import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { listPartnershipFiles } from '@/db/queries/files';
import { getPartnership } from '@/db/queries/partnerships';
import { requireCapability } from '@/lib/auth/guards';
import { formatPartialDate } from '@/lib/calendar-date';
import { Link } from '@/lib/i18n/navigation';
import { localizedName } from '@/lib/i18n/names';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import type { Role } from '@/lib/domain';
import { can } from '@/lib/permissions';
import { LocalityNote } from '../../localities/_components/locality-note';
import { DeletePartnership, RestorePartnership } from '../_components/delete-restore';
import { LifecycleTimeline } from './_components/lifecycle-timeline';
import { PartnershipActivities } from './_components/partnership-activities';
import { StepFiles } from './_components/step-files';
import { DeleteAgreement } from './agreements/_components/delete-agreement';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The partnership of the URL, or a 404 for anything that is not one (a malformed id never reaches SQL). A deleted
 * one is shown only to those who may restore it (admins), as the list shows deleted ties only to them.
 */
async function load(params: Props['params'], role: Role) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const p = await getPartnership(id);
  if (!p || (p.deletedAt && !can(role, 'registry:restore'))) notFound();
  return p;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return {};
  const p = await getPartnership(id);
  const locale = await getLocale();
  return p && !p.deletedAt ? { title: `${localizedName(p.home, locale)} – ${localizedName(p.partner, locale)}` } : {};
}

export default async function PartnershipPage({ params, searchParams }: Props) {
  const user = await requireCapability('registry:read', `/partnerships/${(await params).id}`);
  const p = await load(params, user.role);
  const locale = (await getLocale()) as Locale;
  const tag = LANGUAGE_TAG[locale];
  const [files, query] = await Promise.all([listPartnershipFiles(p.id), searchParams]);
  // The owner of the file an upload just answered for (the upload route sends it back), so its form opens.
  const uploadedTo = typeof query.fileOwner === 'string' ? query.fileOwner : null;
  const [t, ta, tb, tType, tStatus, tField, tLevel, tKind, tSide, format] = await Promise.all([
    getTranslations('partnerships'),
    getTranslations('agreements'),
    getTranslations('briefing'),
    getTranslations('partnershipType'),
    getTranslations('partnershipStatus'),
    getTranslations('cooperationField'),
    getTranslations('localityLevel'),
    getTranslations('agreementKind'),
    getTranslations('signatorySide'),
    getFormatter(),
  ]);
  const countryName = new Intl.DisplayNames([tag], { type: 'region' });
  const partnerName = localizedName(p.partner, locale);
  const date = (on: string | null, precision: 'year' | 'month' | 'day' | null) => (on && precision ? formatPartialDate(on, precision, tag) : t('undated'));
  const dt = 'text-sm font-medium text-slate-600';
  const canWrite = can(user.role, 'registry:write') && !p.deletedAt;
  // A renewal moves the term: the tie's current term ends with the latest end any live agreement gives.
  const termEnd = p.agreements.map((a) => a.termEndsOn).filter((d): d is string => Boolean(d)).sort().at(-1);
  const size = (bytes: number) =>
    bytes < 1024 * 1024 ? `${format.number(Math.max(1, Math.round(bytes / 1024)))} KB` : `${format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`;
  const dd = 'mb-3';

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/partnerships" className="text-brand-700 underline">{t('title')}</Link>
        </p>
        <h1 className="text-3xl font-semibold tracking-tight">
          {localizedName(p.home, locale)} – {partnerName}
        </h1>
        <p className="text-slate-700">
          {tType(p.type)} · {tStatus(p.status)} · {p.isPublic ? t('visibilityPublic') : t('visibilityInternal')}
        </p>
        {p.deletedAt && (
          <p role="status" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('deletedNotice')}</p>
        )}
        {!p.deletedAt && query.done === 'restored' && (
          <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('restored')}</p>
        )}
        <div className="flex flex-wrap items-start gap-3 pt-2">
          {can(user.role, 'registry:write') && !p.deletedAt && (
            <Link href={`/partnerships/${p.id}/edit`} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">
              {t('edit')}
            </Link>
          )}
          {can(user.role, 'registry:write') && !p.deletedAt && <DeletePartnership id={p.id} version={p.version} />}
          {can(user.role, 'registry:restore') && p.deletedAt && <RestorePartnership id={p.id} version={p.version} />}
          <Link href={`/partnerships/${p.id}/briefing`} className="py-2 text-brand-700 underline">
            {tb('open')}
          </Link>
          {can(user.role, 'audit:read') && (
            <Link href={{ pathname: '/admin/audit', query: { record: 'partnership', recordId: p.id } }} className="py-2 text-brand-700 underline">
              {t('history')}
            </Link>
          )}
        </div>
      </header>

      <section aria-labelledby="tie" className="grid gap-6 md:grid-cols-2">
        <h2 id="tie" className="sr-only">{t('partner')}</h2>
        <dl>
          <dt className={dt}>{t('partner')}</dt>
          <dd className={dd}>
            {partnerName}
            {locale === 'en' && p.partner.nameZh && <span lang="zh-CN"> · {p.partner.nameZh}</span>}
            {locale === 'zh' && <span lang="en"> · {p.partner.nameEn}</span>}
            <span className="block text-sm text-slate-600">
              {tLevel(p.partner.level)}
              {locale === 'zh' ? '，' : ', '}
              {countryName.of(p.partner.countryCode) ?? p.partner.countryCode}
            </span>
            <LocalityNote locality={p.partner} />
          </dd>
          <dt className={dt}>{t('home')}</dt>
          <dd className={dd}>{localizedName(p.home, locale)}</dd>
          <dt className={dt}>{t('established')}</dt>
          <dd className={dd}>
            <span>{date(p.establishedOn, p.establishedPrecision)}</span>
            {p.establishedBasis && <span className="block text-sm text-slate-600">{t('basis')}: {p.establishedBasis}</span>}
          </dd>
          <dt className={dt}>{t('fields')}</dt>
          <dd className={dd}>
            {p.cooperationFields.length > 0 ? (
              <ul className="flex flex-wrap gap-2">
                {p.cooperationFields.map((f) => (
                  <li key={f} className="rounded-full bg-slate-100 px-3 py-0.5 text-sm">{tField(f)}</li>
                ))}
              </ul>
            ) : (
              <span className="text-slate-600">{t('noFields')}</span>
            )}
          </dd>
        </dl>
        <dl>
          <dt className={dt}>{t('summaryEn')}</dt>
          <dd className={dd} lang="en">{p.summaryEn ?? '–'}</dd>
          <dt className={dt}>{t('summaryZh')}</dt>
          <dd className={dd} lang="zh-CN">{p.summaryZh ?? '–'}</dd>
          <dt className={dt}>{t('notes')}</dt>
          <dd className={`${dd} whitespace-pre-line`}>{p.internalNotes ?? '–'}</dd>
          {p.sources.length > 0 && (
            <>
              <dt className={dt}>{t('sources')}</dt>
              <dd className={dd}>
                <ul className="list-disc pl-5 text-sm break-all">
                  {p.sources.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="agreements" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="agreements" className="text-xl font-semibold">{t('agreements')}</h2>
          {canWrite && (
            <Link href={`/partnerships/${p.id}/agreements/new`} className="rounded border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50">
              {ta('new')}
            </Link>
          )}
        </div>
        {termEnd && <p className="text-slate-700">{ta('currentTerm', { date: formatPartialDate(termEnd, 'day', tag) })}</p>}
        {p.agreements.length === 0 ? (
          <p className="text-slate-600">{t('noAgreements')}</p>
        ) : (
          <ul className="space-y-3">
            {p.agreements.map((a) => (
              <li key={a.id} className="rounded-lg border border-slate-200 p-4">
                <p className="font-medium">{locale === 'zh' && a.titleZh ? a.titleZh : a.titleEn}</p>
                <p className="text-sm text-slate-700">
                  {tKind(a.kind)}
                  {a.signedOn && a.signedPrecision && <> · {t('signedOn', { date: formatPartialDate(a.signedOn, a.signedPrecision, tag) })}</>}
                  {(a.signedPlaceEn || a.signedPlaceZh) && <> · {t('signedIn', { place: (locale === 'zh' ? a.signedPlaceZh : a.signedPlaceEn) ?? a.signedPlaceEn ?? a.signedPlaceZh ?? '' })}</>}
                  {a.termEndsOn && <> · {t('termEnds', { date: formatPartialDate(a.termEndsOn, 'day', tag) })}</>}
                </p>
                {a.cooperationFields.length > 0 && (
                  <p className="text-sm text-slate-600">{a.cooperationFields.map((f) => tField(f)).join(locale === 'zh' ? '、' : ', ')}</p>
                )}
                {a.signatories.length > 0 && (
                  <p className="text-sm text-slate-600">
                    {t('signatories')}:{' '}
                    {a.signatories
                      .map((s) => `${(locale === 'zh' && s.nameZh) || s.nameEn}${s.titleEn || s.titleZh ? `, ${(locale === 'zh' && s.titleZh) || s.titleEn || s.titleZh}` : ''} (${tSide(s.side)})`)
                      .join('; ')}
                  </p>
                )}
                {a.files.length > 0 && (
                  <ul className="mt-2 space-y-1 text-sm" aria-label={ta('files')}>
                    {a.files.map((f) => (
                      <li key={f.id}>
                        <a href={`/partnerships/${p.id}/files/${f.id}`} download className="text-brand-700 underline">
                          {ta('download', { name: f.fileName, size: size(f.byteSize) })}
                        </a>
                        {f.isPublic && <span className="ml-2 rounded bg-slate-100 px-2 text-xs">{ta('publicFile')}</span>}
                      </li>
                    ))}
                  </ul>
                )}
                {canWrite && (
                  <div className="mt-2 flex flex-wrap items-start gap-4 text-sm">
                    <Link href={`/partnerships/${p.id}/agreements/${a.id}`} className="text-brand-700 underline" aria-label={`${ta('edit')}: ${locale === 'zh' && a.titleZh ? a.titleZh : a.titleEn}`}>
                      {ta('edit')}
                    </Link>
                    {a.files.length === 0 && (
                      <Link href={`/partnerships/${p.id}/agreements/${a.id}#files-${a.id}`} className="text-brand-700 underline" aria-label={`${ta('uploadSigned')}: ${locale === 'zh' && a.titleZh ? a.titleZh : a.titleEn}`}>
                        {ta('uploadSigned')}
                      </Link>
                    )}
                    <DeleteAgreement id={a.id} version={a.version} title={locale === 'zh' && a.titleZh ? a.titleZh : a.titleEn} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <LifecycleTimeline
        p={p}
        locale={locale}
        canWrite={canWrite}
        stepFiles={(step) => (
          <StepFiles
            partnershipId={p.id}
            stepId={step.id}
            files={files.byStatusEvent[step.id] ?? []}
            returnTo={`${locale === 'zh' ? '/zh' : ''}/partnerships/${p.id}`}
            canWrite={canWrite}
            canRestore={can(user.role, 'registry:restore')}
            open={uploadedTo === step.id}
          />
        )}
      />

      <PartnershipActivities p={p} locale={locale} canWrite={canWrite} />

      <section aria-labelledby="other-ties" className="space-y-3">
        <h2 id="other-ties" className="text-xl font-semibold">{t('otherTies', { partner: partnerName })}</h2>
        {p.otherTies.length === 0 ? (
          <p className="text-slate-600">{t('noOtherTies')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {p.otherTies.map((o) => (
              <li key={o.id}>
                <Link href={`/partnerships/${o.id}`} className="text-brand-700 underline">
                  {localizedName(o.other, locale)} – {partnerName}
                </Link>{' '}
                <span className="text-slate-700">
                  ({tType(o.type)}, {date(o.establishedOn, o.establishedPrecision)})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <p className="text-xs text-slate-500">{t('version', { version: p.version, date: format.dateTime(p.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
    </article>
  );
}
