import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { getHomeLocality } from '@/db/queries/home';
import { listLocalityOptions } from '@/db/queries/partnerships';
import { requireCapability } from '@/lib/auth/guards';
import { localizedName } from '@/lib/i18n/names';
import type { Locale } from '@/lib/i18n/routing';
import { localityOptions } from '../_components/locality-options';
import { PartnershipForm } from '../_components/partnership-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partnerships'))('newTitle') };
}

export default async function NewPartnershipPage() {
  await requireCapability('registry:write', '/partnerships/new');
  const [localities, home, t, locale] = await Promise.all([listLocalityOptions(), getHomeLocality(), getTranslations('partnerships'), getLocale()]);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">{t('newTitle')}</h1>
      <PartnershipForm
        localities={localityOptions(localities, locale as Locale, home?.id)}
        home={home ? { label: t('homeCity', { name: localizedName(home, locale) }) } : undefined}
        values={{
          homeLocalityId: '',
          partnerLocalityId: '',
          type: 'friendly_cooperation_city',
          status: 'active',
          established: '',
          establishedBasis: '',
          cooperationFields: [],
          summaryEn: '',
          summaryZh: '',
          internalNotes: '',
          isPublic: true,
          newNameEn: '',
          newNameZh: '',
          newCountry: '',
          newLevel: 'city',
          newLatitude: '',
          newLongitude: '',
          newSource: '',
        }}
      />
    </div>
  );
}
