import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { listPartnershipChoices } from '@/db/queries/activities';
import { getHomeLocality } from '@/db/queries/home';
import { requireCapability } from '@/lib/auth/guards';
import type { Locale } from '@/lib/i18n/routing';
import { ActivityForm } from '../_components/activity-form';
import { newActivityValues, partnershipOptions } from '../_components/activity-values';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('activities'))('newTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Records an activity; `?partnership=<id>` (from a partnership's page) names its first partner. */
export default async function NewActivityPage({ searchParams }: Props) {
  await requireCapability('registry:write', '/activities/new');
  const params = await searchParams;
  const [choices, home, t, locale] = await Promise.all([listPartnershipChoices(), getHomeLocality(), getTranslations('activities'), getLocale()]);
  const asked = z.uuid().safeParse(Array.isArray(params.partnership) ? params.partnership[0] : params.partnership);
  // Only a live partnership of the registry is preselected; anything else leaves the first row empty.
  const first = asked.success && choices.some((c) => c.partnershipId === asked.data) ? asked.data : undefined;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">{t('newTitle')}</h1>
      <ActivityForm values={newActivityValues(first)} partnerships={partnershipOptions(choices, locale as Locale, home?.nameEn ?? null)} />
    </div>
  );
}
