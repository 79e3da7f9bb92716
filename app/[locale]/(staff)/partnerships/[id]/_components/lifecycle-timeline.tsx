import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { PartnershipDetail } from '@/db/queries/partnerships-core';
import { formatPartialDate } from '@/lib/calendar-date';
import { Link } from '@/lib/i18n/navigation';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';

type Step = PartnershipDetail['statusEvents'][number];

/**
 * The dates a tie can be counted from, earliest of each kind: the letter of intent and the signing (from the
 * lifecycle steps and the agreements), each approval (by level), and the date established as staff recorded it.
 * Dates keep their precision. Pure; exported for tests.
 */
export function countableDates(p: Pick<PartnershipDetail, 'statusEvents' | 'agreements' | 'establishedOn' | 'establishedPrecision'>) {
  type Dated = { on: string; precision: 'year' | 'month' | 'day' };
  const earliest = (dates: Array<Dated | null>): Dated | null =>
    dates.filter((d): d is Dated => d !== null).sort((a, b) => a.on.localeCompare(b.on))[0] ?? null;
  const stepDate = (s: Step): Dated | null => (s.effectiveOn && s.effectivePrecision ? { on: s.effectiveOn, precision: s.effectivePrecision } : null);
  const agreementDate = (a: PartnershipDetail['agreements'][number]): Dated | null =>
    a.signedOn && a.signedPrecision ? { on: a.signedOn, precision: a.signedPrecision } : null;
  const letter = earliest([
    ...p.statusEvents.filter((s) => s.kind === 'status' && s.status === 'letter_of_intent').map(stepDate),
    ...p.agreements.filter((a) => a.kind === 'letter_of_intent').map(agreementDate),
  ]);
  const signed = earliest([
    ...p.statusEvents.filter((s) => s.kind === 'status' && (s.status === 'signed' || s.status === 'active')).map(stepDate),
    ...p.agreements.filter((a) => a.kind === 'mou' || a.kind === 'formal_agreement').map(agreementDate),
  ]);
  const approvals = p.statusEvents
    .filter((s) => s.kind === 'approval')
    .map((s) => ({ level: s.approvalLevel, body: s.approvalBody, date: stepDate(s) }))
    .filter((a) => a.date !== null)
    .sort((a, b) => a.date!.on.localeCompare(b.date!.on));
  const established: Dated | null = p.establishedOn && p.establishedPrecision ? { on: p.establishedOn, precision: p.establishedPrecision } : null;
  return { letter, signed, approvals, established };
}

/**
 * The partnership's lifecycle as a timeline (status changes, approvals, upgrades, each with its date, reason and
 * document), the dates the tie can be counted from, and for editors the links to record a step. `stepFiles` renders
 * what belongs under a step (its files and their upload form).
 */
export async function LifecycleTimeline(props: {
  p: PartnershipDetail;
  locale: Locale;
  canWrite: boolean;
  stepFiles?: (step: Step) => ReactNode;
}) {
  const { p, locale } = props;
  const tag = LANGUAGE_TAG[locale];
  const [t, tp, tStatus, tType, tLevel, tParty, format] = await Promise.all([
    getTranslations('lifecycle'),
    getTranslations('partnerships'),
    getTranslations('partnershipStatus'),
    getTranslations('partnershipType'),
    getTranslations('approvalLevel'),
    getTranslations('endingParty'),
    getFormatter(),
  ]);
  const date = (on: string, precision: 'year' | 'month' | 'day') => formatPartialDate(on, precision, tag);
  const agreementTitle = (id: string | null) => {
    const a = id ? p.agreements.find((x) => x.id === id) : undefined;
    return a ? (locale === 'zh' && a.titleZh) || a.titleEn : null;
  };
  const dates = countableDates(p);

  return (
    <section aria-labelledby="timeline" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="timeline" className="text-xl font-semibold">{tp('timeline')}</h2>
        {props.canWrite && (
          <ul className="flex flex-wrap gap-3 text-sm">
            {(['status', 'approval', 'upgrade'] as const).map((k) => (
              <li key={k}>
                <Link
                  href={{ pathname: `/partnerships/${p.id}/lifecycle/new`, query: { kind: k } }}
                  className="inline-block rounded border border-brand-700 px-3 py-1.5 font-medium text-brand-700 hover:bg-slate-50"
                >
                  {t(`title_${k}`)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div>
        <h3 className="font-medium">{t('countedFrom')}</h3>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {dates.letter && (
            <>
              <dt className="text-slate-600">{t('dateLetter')}</dt>
              <dd>{date(dates.letter.on, dates.letter.precision)}</dd>
            </>
          )}
          {dates.approvals.map((a, i) => (
            <div key={i} className="contents">
              <dt className="text-slate-600">{t('dateApproval', { level: a.level ? tLevel(a.level) : '–' })}</dt>
              <dd>
                {date(a.date!.on, a.date!.precision)}
                {a.body && <span className="text-slate-600"> · {a.body}</span>}
              </dd>
            </div>
          ))}
          {dates.signed && (
            <>
              <dt className="text-slate-600">{t('dateSigned')}</dt>
              <dd>{date(dates.signed.on, dates.signed.precision)}</dd>
            </>
          )}
          <dt className="text-slate-600">{t('dateEstablished')}</dt>
          <dd>
            {dates.established ? date(dates.established.on, dates.established.precision) : tp('undated')}
            {p.establishedBasis && <span className="text-slate-600"> · {p.establishedBasis}</span>}
          </dd>
        </dl>
      </div>

      {p.statusEvents.length === 0 ? (
        <p className="text-slate-600">{t('noDates')}</p>
      ) : (
        <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
          {p.statusEvents.map((e) => {
            const document = agreementTitle(e.agreementId);
            return (
              <li key={e.id}>
                <p>
                  <span className="font-medium">
                    {e.kind === 'approval'
                      ? t('stepApproval', { body: e.approvalBody ?? (e.approvalLevel ? tLevel(e.approvalLevel) : '–') })
                      : e.kind === 'upgrade' && e.fromType && e.toType
                        ? t('stepUpgrade', { from: tType(e.fromType), to: tType(e.toType) })
                        : tStatus(e.status)}
                  </span>
                  {e.kind === 'approval' && e.approvalLevel && <span className="text-slate-700"> ({tLevel(e.approvalLevel)})</span>}{' '}
                  <span className="text-slate-700">
                    {e.effectiveOn && e.effectivePrecision ? tp('effective', { date: date(e.effectiveOn, e.effectivePrecision) }) : tp('effectiveUnknown')}
                  </span>
                  {/* An approval that moved the tie to approved says so; other steps of kind approval or upgrade leave the status. */}
                  {e.kind === 'approval' && e.status === 'approved' && <span className="text-slate-700"> · {tStatus(e.status)}</span>}
                </p>
                {e.reviewOn && <p className="text-sm text-slate-700">{t('stepReview', { date: date(e.reviewOn, 'day') })}</p>}
                {e.endedBy && <p className="text-sm text-slate-700">{t('stepEndedBy', { party: tParty(e.endedBy) })}</p>}
                {e.decision && <p className="text-sm text-slate-700">{t('stepDecision', { decision: e.decision })}</p>}
                {e.note && <p className="text-sm whitespace-pre-line text-slate-600">{e.note}</p>}
                {document && <p className="text-sm text-slate-700">{t('stepDocument', { title: document })}</p>}
                {props.stepFiles?.(e)}
                <p className="text-xs text-slate-500">{tp('recorded', { date: format.dateTime(e.recordedAt, { dateStyle: 'medium' }) })}</p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
