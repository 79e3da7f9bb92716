import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireCapability } from '@/lib/auth/guards';
import { localizedName } from '@/lib/i18n/names';
import { AgreementForm } from '../_components/agreement-form';
import { signatorySlots } from '../_components/signatory-slots';
import { loadLivePartnership } from '../_components/load';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('agreements'))('newTitle') };
}

export default async function NewAgreementPage({ params }: Props) {
  const { id } = await params;
  await requireCapability('registry:write', `/partnerships/${id}/agreements/new`);
  const p = await loadLivePartnership(id);
  const [t, locale] = await Promise.all([getTranslations('agreements'), getLocale()]);
  const home = localizedName(p.home, locale);
  const partner = localizedName(p.partner, locale);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">{t('newTitle')}</h1>
      <p className="text-slate-700">{home} – {partner}</p>
      <AgreementForm
        partnershipId={p.id}
        sides={{ home, partner }}
        values={{
          kind: 'mou',
          titleEn: `${p.home.nameEn}–${p.partner.nameEn} memorandum of understanding`,
          titleZh: '',
          signed: '',
          signedPlaceEn: '',
          signedPlaceZh: '',
          termEndsOn: '',
          cooperationFields: p.cooperationFields,
          summaryEn: '',
          summaryZh: '',
          isPublic: true,
          signatories: signatorySlots([]),
        }}
      />
    </div>
  );
}
