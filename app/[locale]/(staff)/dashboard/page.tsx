import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { getComingDates } from '@/db/queries/coming-dates';
import { getDashboard } from '@/db/queries/dashboard';
import { listPublishedTotalsBesideRegistry } from '@/db/queries/published-totals';
import { requireCapability } from '@/lib/auth/guards';
import { formatPartialDate, officeToday } from '@/lib/calendar-date';
import { Link } from '@/lib/i18n/navigation';
import { localizedName } from '@/lib/i18n/names';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { can } from '@/lib/permissions';
import { readDashboardQuery } from '@/lib/validation/dashboard';
import { AsOfForm } from './_components/as-of-form';
import { ComingDatesSection } from './_components/coming-dates';
import { DormantTies } from './_components/dormant-ties';
import { HeadlineFigures } from './_components/headline-figures';
import { NetworkCharts } from './_components/network-charts';
import { NetworkSection } from './_components/network-section';
import { PublishedTotalsSection } from './_components/published-totals-section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard'))('metaTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * /dashboard: the whole network at a glance, for every staff role, as it stands today or as it stood on a chosen
 * date (?asOf=2021-11-19), with ties silent for ?dormant= years (default 3) counted dormant.
 */
export default async function DashboardPage({ searchParams }: Props) {
  const user = await requireCapability('registry:read', '/dashboard');
  const locale = (await getLocale()) as Locale;
  const today = officeToday();
  const { value, errors, given } = readDashboardQuery(await searchParams, today);
  const [t, data, coming, published] = await Promise.all([
    getTranslations('dashboard'),
    getDashboard(value.asOf, value.dormantYears),
    getComingDates(today),
    listPublishedTotalsBesideRegistry(),
  ]);
  if (!data) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t('metaTitle')}</h1>
        <p>{t('noHome')}</p>
      </div>
    );
  }
  const tag = LANGUAGE_TAG[locale];
  const asOfYear = Number(value.asOf.slice(0, 4));
  const past = value.asOf !== today;
  return (
    <div className="space-y-10">
      <div className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">{t('title', { home: localizedName(data.home, locale) })}</h1>
        <p role="status" className="text-slate-700">
          {past ? t('asOfPast', { date: formatPartialDate(value.asOf, 'day', tag) }) : t('asOfToday', { date: formatPartialDate(today, 'day', tag) })}{' '}
          {past && (
            <Link href="/dashboard" className="text-brand-700 underline print:hidden">
              {t('backToToday')}
            </Link>
          )}
        </p>
        <AsOfForm today={today} given={given} errors={errors} asOf={value.asOf} dormantYears={value.dormantYears} />
      </div>
      <HeadlineFigures figures={data.figures} asOfYear={asOfYear} dormantYears={value.dormantYears} locale={locale} />
      <PublishedTotalsSection rows={published.filter((row) => row.announcedOn <= value.asOf)} canWrite={can(user.role, 'registry:write')} locale={locale} />
      <NetworkSection home={data.home} partners={data.map} locale={locale} />
      <NetworkCharts growth={data.growth} breakdowns={data.breakdowns} asOfYear={asOfYear} locale={locale} />
      <DormantTies networkSize={data.figures.partners} ties={data.dormant} years={value.dormantYears} asOf={value.asOf} locale={locale} />
      {coming && <ComingDatesSection dates={coming} locale={locale} />}
    </div>
  );
}
