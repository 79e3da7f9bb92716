import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { listPartnershipFiles } from '@/db/queries/files';
import { requireCapability } from '@/lib/auth/guards';
import { partialDateText } from '@/lib/calendar-date';
import { localizedName } from '@/lib/i18n/names';
import { can } from '@/lib/permissions';
import { SignedFiles } from '../../files/_components/signed-files';
import { AgreementForm } from '../_components/agreement-form';
import { signatorySlots } from '../_components/signatory-slots';
import { loadLivePartnership } from '../_components/load';

type Props = { params: Promise<{ id: string; agreementId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('agreements'))('edit') };
}

export default async function EditAgreementPage({ params }: Props) {
  const { id, agreementId } = await params;
  const user = await requireCapability('registry:write', `/partnerships/${id}/agreements/${agreementId}`);
  const p = await loadLivePartnership(id);
  const a = p.agreements.find((x) => x.id === agreementId);
  if (!a) notFound();
  const [t, locale, files] = await Promise.all([getTranslations('agreements'), getLocale(), listPartnershipFiles(p.id)]);
  const home = localizedName(p.home, locale);
  const partner = localizedName(p.partner, locale);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">{t('editTitle', { title: locale === 'zh' && a.titleZh ? a.titleZh : a.titleEn })}</h1>
      <p className="text-slate-700">{home} – {partner}</p>
      <AgreementForm
        partnershipId={p.id}
        edit={{ id: a.id, version: a.version }}
        sides={{ home, partner }}
        values={{
          kind: a.kind,
          titleEn: a.titleEn,
          titleZh: a.titleZh ?? '',
          signed: partialDateText(a.signedOn, a.signedPrecision),
          signedPlaceEn: a.signedPlaceEn ?? '',
          signedPlaceZh: a.signedPlaceZh ?? '',
          termEndsOn: a.termEndsOn ?? '',
          cooperationFields: a.cooperationFields,
          summaryEn: a.summaryEn ?? '',
          summaryZh: a.summaryZh ?? '',
          isPublic: a.isPublic,
          signatories: signatorySlots(
            a.signatories.map((s) => ({ side: s.side, nameEn: s.nameEn, nameZh: s.nameZh ?? '', titleEn: s.titleEn ?? '', titleZh: s.titleZh ?? '' })),
          ),
        }}
      />
      <SignedFiles
        partnershipId={p.id}
        owner={{ agreementId: a.id }}
        files={files.byAgreement[a.id] ?? []}
        returnTo={`${locale === 'zh' ? '/zh' : ''}/partnerships/${p.id}/agreements/${a.id}`}
        canWrite={can(user.role, 'registry:write')}
        canRestore={can(user.role, 'registry:restore')}
      />
    </div>
  );
}
