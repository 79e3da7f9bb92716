import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireCapability } from '@/lib/auth/guards';
import { formatPartialDate } from '@/lib/calendar-date';
import { LIFECYCLE_EVENT_KINDS, type LifecycleEventKind } from '@/lib/domain';
import { Link } from '@/lib/i18n/navigation';
import { localizedName } from '@/lib/i18n/names';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { loadLivePartnership } from '../../agreements/_components/load';
import { LifecycleForm } from '../_components/lifecycle-form';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('lifecycle'))('title') };
}

/** The kind of step of the query string (`?kind=approval`); a change of status when absent or unknown. */
function kindOf(value: string | string[] | undefined): LifecycleEventKind {
  const v = Array.isArray(value) ? value[0] : value;
  return (LIFECYCLE_EVENT_KINDS as readonly string[]).includes(v ?? '') ? (v as LifecycleEventKind) : 'status';
}

export default async function NewLifecycleStepPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireCapability('registry:write', `/partnerships/${id}/lifecycle/new`);
  const p = await loadLivePartnership(id);
  const kind = kindOf((await searchParams).kind);
  const locale = (await getLocale()) as Locale;
  const [t, tKind] = await Promise.all([getTranslations('lifecycle'), getTranslations('agreementKind')]);
  const agreements = p.agreements.map((a) => ({
    id: a.id,
    label: [tKind(a.kind), (locale === 'zh' && a.titleZh) || a.titleEn, a.signedOn && a.signedPrecision ? formatPartialDate(a.signedOn, a.signedPrecision, LANGUAGE_TAG[locale]) : null]
      .filter(Boolean)
      .join(' · '),
  }));
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/partnerships/${p.id}`} className="text-brand-700 underline">
          {localizedName(p.home, locale)} – {localizedName(p.partner, locale)}
        </Link>
      </p>
      <h1 className="text-3xl font-semibold tracking-tight">{t(`title_${kind}`)}</h1>
      <nav aria-label={t('kinds')}>
        <ul className="flex flex-wrap gap-4 text-sm">
          {LIFECYCLE_EVENT_KINDS.map((k) => (
            <li key={k}>
              <Link
                href={{ pathname: `/partnerships/${p.id}/lifecycle/new`, query: { kind: k } }}
                aria-current={k === kind ? 'page' : undefined}
                className={k === kind ? 'font-semibold' : 'text-brand-700 underline'}
              >
                {t(`title_${k}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="max-w-3xl text-slate-700">{t(`intro_${kind}`)}</p>
      <LifecycleForm key={kind} partnershipId={p.id} version={p.version} kind={kind} status={p.status} type={p.type} agreements={agreements} />
    </div>
  );
}
