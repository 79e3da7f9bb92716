import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { listActivitiesOfPartnership } from '@/db/queries/activities';
import { getPartnership } from '@/db/queries/partnerships';
import { requireCapability } from '@/lib/auth/guards';
import { formatPartialDate } from '@/lib/calendar-date';
import { Link } from '@/lib/i18n/navigation';
import { localizedName } from '@/lib/i18n/names';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { PrintButton } from './print-button';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('briefing'))('title') };
}

/**
 * The one-page briefing a delegation reads before a visit: the partner, the tie, its agreements and fields, its
 * recent activities. Printed on one A4 page (the site's header, footer and staff bar do not print).
 */
export default async function BriefingPage({ params }: Props) {
  const { id } = await params;
  await requireCapability('registry:read', `/partnerships/${id}/briefing`);
  if (!z.uuid().safeParse(id).success) notFound();
  const p = await getPartnership(id);
  if (!p) notFound();
  const locale = (await getLocale()) as Locale;
  const tag = LANGUAGE_TAG[locale];
  const [t, tp, tType, tStatus, tField, tLevel, tKind, tActivity, activities, format] = await Promise.all([
    getTranslations('briefing'),
    getTranslations('partnerships'),
    getTranslations('partnershipType'),
    getTranslations('partnershipStatus'),
    getTranslations('cooperationField'),
    getTranslations('localityLevel'),
    getTranslations('agreementKind'),
    getTranslations('activityKind'),
    listActivitiesOfPartnership(p.id),
    getFormatter(),
  ]);
  // The five latest, newest first: what a delegation should know it is building on.
  const recent = activities.slice(0, 5);
  const countryName = new Intl.DisplayNames([tag], { type: 'region' });
  const partner = localizedName(p.partner, locale);
  const other = locale === 'zh' ? p.partner.nameEn : p.partner.nameZh;
  const since = p.establishedOn && p.establishedPrecision ? formatPartialDate(p.establishedOn, p.establishedPrecision, tag) : tp('undated');
  const years = p.establishedOn ? new Date().getUTCFullYear() - Number(p.establishedOn.slice(0, 4)) : null;
  const summary = locale === 'zh' ? (p.summaryZh ?? p.summaryEn) : (p.summaryEn ?? p.summaryZh);
  // Chinese text takes full-width punctuation.
  const comma = locale === 'zh' ? '，' : ', ';
  const h2 = 'mt-4 border-b border-slate-300 text-base font-semibold print:mt-3';

  return (
    <article className="mx-auto max-w-3xl space-y-2 text-sm leading-relaxed print:max-w-none print:text-[10.5pt]">
      <div className="flex justify-between gap-3 print:hidden">
        <Link href={`/partnerships/${p.id}`} className="text-brand-700 underline">{tp('title')}: {localizedName(p.home, locale)} – {partner}</Link>
        <PrintButton label={t('print')} />
      </div>
      <header className="border-b-2 border-slate-800 pb-2">
        <p className="text-xs uppercase tracking-wide text-slate-600">{t('title')} · {format.dateTime(new Date(), { dateStyle: 'long' })}</p>
        <h1 className="text-2xl font-semibold">
          {localizedName(p.home, locale)} – {partner}
          {other && <span className="ml-2 text-lg font-normal text-slate-600" lang={locale === 'zh' ? 'en' : 'zh-CN'}>{other}</span>}
        </h1>
        <p>
          {tType(p.type)} · {tStatus(p.status)} · {t('since', { date: since })}
          {years !== null && years > 0 && <> · {t('years', { years })}</>}
        </p>
      </header>

      <h2 className={h2}>{t('partner')}</h2>
      <p>
        {t('partnerLine', { partner, level: tLevel(p.partner.level), country: countryName.of(p.partner.countryCode) ?? p.partner.countryCode })}
        {summary && <> {summary}</>}
      </p>

      <h2 className={h2}>{tp('fields')}</h2>
      <p>{p.cooperationFields.length > 0 ? p.cooperationFields.map((f) => tField(f)).join(locale === 'zh' ? '、' : ', ') : tp('noFields')}</p>

      <h2 className={h2}>{tp('agreements')}</h2>
      {p.agreements.length === 0 ? (
        <p>{tp('noAgreements')}</p>
      ) : (
        <ul className="list-disc pl-5">
          {p.agreements.map((a) => (
            <li key={a.id}>
              {tKind(a.kind)}
              {a.signedOn && a.signedPrecision && <>{comma}{formatPartialDate(a.signedOn, a.signedPrecision, tag)}</>}
              {(locale === 'zh' ? a.signedPlaceZh ?? a.signedPlaceEn : a.signedPlaceEn ?? a.signedPlaceZh) && (
                <>{comma}{locale === 'zh' ? a.signedPlaceZh ?? a.signedPlaceEn : a.signedPlaceEn ?? a.signedPlaceZh}</>
              )}
              {a.signatories.length > 0 && (
                <>: {a.signatories.map((s) => `${(locale === 'zh' && s.nameZh) || s.nameEn}${(locale === 'zh' ? s.titleZh ?? s.titleEn : s.titleEn ?? s.titleZh) ? ` (${locale === 'zh' ? s.titleZh ?? s.titleEn : s.titleEn ?? s.titleZh})` : ''}`).join(locale === 'zh' ? '；' : '; ')}</>
              )}
              {a.termEndsOn && <>. {tp('termEnds', { date: formatPartialDate(a.termEndsOn, 'day', tag) })}</>}
            </li>
          ))}
        </ul>
      )}

      <h2 className={h2}>{t('recentActivities')}</h2>
      {recent.length === 0 ? (
        <p>{t('noActivities')}</p>
      ) : (
        <ul className="list-disc pl-5">
          {recent.map((a) => (
            <li key={a.id}>
              {a.startedOn && a.startedPrecision ? `${formatPartialDate(a.startedOn, a.startedPrecision, tag)}${comma}` : ''}
              {tActivity(a.kind)}
              {comma}
              {(locale === 'zh' && a.titleZh) || a.titleEn}
              {a.quantities.length > 0 && (
                <>
                  {' '}
                  ({a.quantities.map((q) => `${format.number(Number(q.amount))} ${(locale === 'zh' && q.itemZh) || q.itemEn}`).join(comma)})
                </>
              )}
            </li>
          ))}
        </ul>
      )}

      {p.otherTies.length > 0 && (
        <>
          <h2 className={h2}>{tp('otherTies', { partner })}</h2>
          <p>
            {p.otherTies
              .map((o) => {
                const detail = [tType(o.type), o.establishedOn && o.establishedPrecision ? formatPartialDate(o.establishedOn, o.establishedPrecision, tag) : null].filter(Boolean).join(comma);
                return locale === 'zh' ? `${localizedName(o.other, locale)}（${detail}）` : `${localizedName(o.other, locale)} (${detail})`;
              })
              .join(locale === 'zh' ? '；' : '; ')}
          </p>
        </>
      )}

      {p.internalNotes && (
        <>
          <h2 className={h2}>{t('staffNotes')}</h2>
          <p className="whitespace-pre-line">{p.internalNotes}</p>
        </>
      )}
      <p className="pt-3 text-xs text-slate-500">{t('footer')}</p>
    </article>
  );
}
