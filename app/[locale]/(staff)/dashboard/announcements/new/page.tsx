import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireCapability } from '@/lib/auth/guards';
import { PublishedTotalForm } from '../_components/published-total-form';
import { publishedTotalValues } from '../_components/published-total-values';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('publishedTotals'))('newTitle') };
}

/** Records an announcement of the network's count. Editors and admins. */
export default async function NewPublishedTotalPage() {
  await requireCapability('registry:write', '/dashboard/announcements/new');
  const t = await getTranslations('publishedTotals');
  return (
    <div className="space-y-6">
      <div className="max-w-3xl space-y-1">
        <h1 className="text-3xl font-semibold tracking-tight">{t('newTitle')}</h1>
        <p className="text-slate-600">{t('newIntro')}</p>
      </div>
      <PublishedTotalForm values={publishedTotalValues(null)} />
    </div>
  );
}
