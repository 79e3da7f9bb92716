import { getTranslations } from 'next-intl/server';
import type { DormantTie } from '@/db/queries/dashboard';
import { formatPartialDate } from '@/lib/calendar-date';
import { Link } from '@/lib/i18n/navigation';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';

/** Whole years from one calendar date to a later one (both 'YYYY-MM-DD'), as a birthday counts them. */
function wholeYears(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/** The ties with no activity in the last `years` years as of `asOf`, longest silence first, each linked to its page. */
export async function DormantTies({ ties, years, asOf, locale, networkSize }: { ties: DormantTie[]; years: number; asOf: string; locale: Locale; networkSize: number }) {
  const [t, tType] = await Promise.all([getTranslations('dashboard'), getTranslations('partnershipType')]);
  const tag = LANGUAGE_TAG[locale];
  const countryName = new Intl.DisplayNames([tag], { type: 'region' });
  return (
    <section id="dormant" aria-labelledby="dashboard-dormant-title" className="space-y-3">
      <h2 id="dashboard-dormant-title" className="text-xl font-semibold">
        {t('dormantTitle', { years })}
      </h2>
      <p className="text-sm text-slate-700">{networkSize === 0 ? t('noNetwork') : t('dormantIntro', { years, count: ties.length })}</p>
      {ties.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('dormantTitle', { years })}</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">{t('partner')}</th>
                <th scope="col" className="px-3 py-2">{t('type')}</th>
                <th scope="col" className="px-3 py-2">{t('established')}</th>
                <th scope="col" className="px-3 py-2">{t('lastActivity')}</th>
                <th scope="col" className="px-3 py-2 text-right">{t('silentYears')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {ties.map((tie) => (
                <tr key={tie.id}>
                  <th scope="row" className="px-3 py-2 font-normal">
                    <Link href={`/partnerships/${tie.id}`} className="text-brand-700 underline">
                      {(locale === 'zh' && tie.partnerNameZh) || tie.partnerNameEn}
                    </Link>
                    <span className="block text-xs text-slate-600">{countryName.of(tie.countryCode) ?? tie.countryCode}</span>
                  </th>
                  <td className="px-3 py-2">{tType(tie.type)}</td>
                  <td className="px-3 py-2">
                    {tie.establishedOn && tie.establishedPrecision ? formatPartialDate(tie.establishedOn, tie.establishedPrecision, tag) : t('undated')}
                  </td>
                  <td className="px-3 py-2">
                    {tie.lastActivityOn && tie.lastActivityPrecision ? formatPartialDate(tie.lastActivityOn, tie.lastActivityPrecision, tag) : t('noActivity')}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{tie.silentSince ? wholeYears(tie.silentSince, asOf) : t('unknown')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
