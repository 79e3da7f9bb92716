import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getActivity, listPartnershipChoices } from '@/db/queries/activities';
import { getHomeLocality } from '@/db/queries/home';
import { requireCapability } from '@/lib/auth/guards';
import type { Locale } from '@/lib/i18n/routing';
import { ActivityForm } from '../../_components/activity-form';
import { activityValues, partnershipOptions } from '../../_components/activity-values';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('activities'))('edit') };
}

export default async function EditActivityPage({ params }: Props) {
  const { id } = await params;
  await requireCapability('registry:write', `/activities/${id}/edit`);
  if (!z.uuid().safeParse(id).success) notFound();
  const [a, choices, home, t, locale] = await Promise.all([getActivity(id), listPartnershipChoices(), getHomeLocality(), getTranslations('activities'), getLocale()]);
  if (!a || a.deletedAt) notFound();
  const options = partnershipOptions(choices, locale as Locale, home?.nameEn ?? null);
  // A partner whose partnership was deleted since stays pickable for this activity, so saving keeps it.
  for (const p of a.partnerRows) {
    if (!options.some((o) => o.id === p.partnershipId)) {
      options.push({ id: p.partnershipId, label: `${partnershipOptions([p], locale as Locale, home?.nameEn ?? null)[0]!.label} – ${t('partnershipDeleted')}` });
    }
  }
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">{t('editTitle', { title: locale === 'zh' && a.titleZh ? a.titleZh : a.titleEn })}</h1>
      <ActivityForm values={activityValues(a)} partnerships={options} edit={{ id: a.id, version: a.version }} />
    </div>
  );
}
