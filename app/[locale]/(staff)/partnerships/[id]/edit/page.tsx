import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getPartnership, listLocalityOptions } from '@/db/queries/partnerships';
import { requireCapability } from '@/lib/auth/guards';
import { partialDateText } from '@/lib/calendar-date';
import { localizedName } from '@/lib/i18n/names';
import type { Locale } from '@/lib/i18n/routing';
import { localityOptions } from '../../_components/locality-options';
import { PartnershipForm } from '../../_components/partnership-form';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('partnerships'))('edit') };
}

export default async function EditPartnershipPage({ params }: Props) {
  const { id } = await params;
  await requireCapability('registry:write', `/partnerships/${id}/edit`);
  if (!z.uuid().safeParse(id).success) notFound();
  const [p, localities, t, locale] = await Promise.all([getPartnership(id), listLocalityOptions(), getTranslations('partnerships'), getLocale()]);
  if (!p || p.deletedAt) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">{t('editTitle', { partner: `${localizedName(p.home, locale)} – ${localizedName(p.partner, locale)}` })}</h1>
      <PartnershipForm
        localities={localityOptions(localities, locale as Locale, p.home.id)}
        edit={{ id: p.id, version: p.version, status: p.status }}
        values={{
          partnerLocalityId: p.partner.id,
          type: p.type,
          status: p.status,
          established: partialDateText(p.establishedOn, p.establishedPrecision),
          establishedBasis: p.establishedBasis ?? '',
          cooperationFields: p.cooperationFields,
          summaryEn: p.summaryEn ?? '',
          summaryZh: p.summaryZh ?? '',
          internalNotes: p.internalNotes ?? '',
          isPublic: p.isPublic,
        }}
      />
    </div>
  );
}
