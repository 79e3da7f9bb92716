import { getTranslations } from 'next-intl/server';
import type { PartnershipActivityRow } from '@/db/queries/activities';
import { listActivitiesOfPartnership } from '@/db/queries/activities';
import { listActivityFieldsOfPartnership } from '@/db/queries/commitments';
import type { PartnershipDetail } from '@/db/queries/partnerships-core';
import { formatPartialDate } from '@/lib/calendar-date';
import { commitmentsAgainstDeeds } from '@/lib/commitments';
import { Link } from '@/lib/i18n/navigation';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { quantityWords } from '@/lib/quantities';

/**
 * The tie's activities as a timeline, newest first (when, kind, title in the reader's language, status, direction,
 * this partner's quantities), a link to log one for editors, and commitments against deeds: every cooperation
 * field the tie and its agreements name, with the activities done in it, or flagged as not yet acted on.
 */
export async function PartnershipActivities({ p, locale, canWrite }: { p: PartnershipDetail; locale: Locale; canWrite: boolean }) {
  const [rows, fieldsById, t, tc, tKind, tStatus, tDirection, tField, tAgreementKind] = await Promise.all([
    listActivitiesOfPartnership(p.id),
    listActivityFieldsOfPartnership(p.id),
    getTranslations('partnerships'),
    getTranslations('commitments'),
    getTranslations('activityKind'),
    getTranslations('activityStatus'),
    getTranslations('activityDirection'),
    getTranslations('cooperationField'),
    getTranslations('agreementKind'),
  ]);
  const tag = LANGUAGE_TAG[locale];
  const zh = locale === 'zh';
  const title = (a: { titleEn: string; titleZh: string | null }) => (zh && a.titleZh ? a.titleZh : a.titleEn);
  const when = (a: PartnershipActivityRow) => {
    const start = a.startedOn && a.startedPrecision ? formatPartialDate(a.startedOn, a.startedPrecision, tag) : null;
    const end = a.endedOn && a.endedPrecision ? formatPartialDate(a.endedOn, a.endedPrecision, tag) : null;
    if (start && end && start !== end) return t('activitySpan', { from: start, to: end });
    if (start && !end && a.status === 'ongoing') return t('activitySince', { date: start });
    return start ?? end ?? t('undated');
  };
  const byId = new Map(rows.map((r) => [r.id, r]));
  const view = commitmentsAgainstDeeds({
    tieFields: p.cooperationFields,
    agreements: p.agreements,
    activities: rows.map((r) => ({ id: r.id, cooperationFields: fieldsById.get(r.id) ?? [] })),
  });
  const agreementName = new Map(
    p.agreements.map((a) => {
      if (!a.signedOn || !a.signedPrecision) return [a.id, tAgreementKind(a.kind)];
      const signed = formatPartialDate(a.signedOn, a.signedPrecision, tag);
      // Full-width brackets in Chinese.
      return [a.id, zh ? `${tAgreementKind(a.kind)}（${signed}）` : `${tAgreementKind(a.kind)} (${signed})`];
    }),
  );
  const list = (items: string[]) => items.join(zh ? '、' : ', ');
  const activityLinks = (ids: string[]) => (
    <ul className="space-y-0.5">
      {ids.map((id) => (
        <li key={id}>
          <Link href={`/activities/${id}`} className="text-brand-700 underline">{title(byId.get(id)!)}</Link>
        </li>
      ))}
    </ul>
  );

  return (
    <section aria-labelledby="activities" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="activities" className="text-xl font-semibold">{t('activities')}</h2>
        {canWrite && (
          <Link href={{ pathname: '/activities/new', query: { partnership: p.id } }} className="rounded border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50">
            {t('logActivity')}
          </Link>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="text-slate-600">{t('noActivities')}</p>
      ) : (
        <ol aria-label={t('activityTimeline')} className="space-y-3 border-l-2 border-slate-200 pl-4">
          {rows.map((a) => (
            <li key={a.id} className="relative">
              <span aria-hidden className="absolute top-2 -left-[1.4rem] h-2.5 w-2.5 rounded-full bg-brand-700" />
              <p className="text-sm font-medium text-slate-600">{when(a)}</p>
              <p>
                <Link href={`/activities/${a.id}`} className="font-medium text-brand-700 underline">{title(a)}</Link>
              </p>
              <p className="text-sm text-slate-700">
                {list([
                  tKind(a.kind),
                  a.partnerStatus === a.status ? tStatus(a.status) : t('activityPartnerStatus', { status: tStatus(a.status), partnerStatus: tStatus(a.partnerStatus) }),
                  tDirection(a.direction),
                  ...(a.partnerCount > 1 ? [t('activityPartnerCount', { count: a.partnerCount })] : []),
                ])}
              </p>
              {a.quantities.length > 0 && (
                <ul className="text-sm text-slate-700" aria-label={t('activityQuantities')}>
                  {a.quantities.map((q, i) => (
                    <li key={i}>
                      {t('activityQuantity', quantityWords(q, locale)).trim()}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}

      <div className="space-y-3">
        <h3 id="commitments" className="text-lg font-semibold">{tc('title')}</h3>
        <p className="text-sm text-slate-700">{tc('intro')}</p>
        {view.committed.length === 0 ? (
          <p className="text-slate-600">{tc('noneNamed')}</p>
        ) : (
          <table className="w-full border-collapse text-sm" aria-labelledby="commitments">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="py-2 pr-3">{tc('colField')}</th>
                <th scope="col" className="py-2 pr-3">{tc('colNamedIn')}</th>
                <th scope="col" className="py-2">{tc('colActivities')}</th>
              </tr>
            </thead>
            <tbody>
              {view.committed.map((c) => (
                <tr key={c.field} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-3 text-left font-medium">{tField(c.field)}</th>
                  <td className="py-2 pr-3 text-slate-700">{list([...(c.byTie ? [tc('namedByTie')] : []), ...c.agreementIds.map((id) => agreementName.get(id)!)])}</td>
                  <td className="py-2">
                    {c.activityIds.length > 0 ? (
                      activityLinks(c.activityIds)
                    ) : (
                      <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-950">{tc('notActedOn')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {view.committed.length > 0 && (
          <p className="text-sm text-slate-700">
            {tc('summary', { acted: view.committed.filter((c) => c.activityIds.length > 0).length, total: view.committed.length })}
          </p>
        )}
        {view.unnamed.length > 0 && (
          <div className="space-y-1">
            <h4 className="font-medium">{tc('unnamedTitle')}</h4>
            <ul className="space-y-1 text-sm">
              {view.unnamed.map((u) => (
                <li key={u.field}>
                  <span className="font-medium">{tField(u.field)}</span>
                  {activityLinks(u.activityIds)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {view.unfielded.length > 0 && (
          <div className="space-y-1 text-sm">
            <h4 className="font-medium">{tc('unfieldedTitle')}</h4>
            {activityLinks(view.unfielded)}
          </div>
        )}
      </div>
    </section>
  );
}
