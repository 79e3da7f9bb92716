import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getPublishedTotal } from '@/db/queries/published-totals';
import { requireCapability } from '@/lib/auth/guards';
import { formatPartialDate } from '@/lib/calendar-date';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { PublishedTotalForm } from '../../_components/published-total-form';
import { publishedTotalValues } from '../../_components/published-total-values';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('publishedTotals'))('edit') };
}

/** Edits a live announcement at its current version. Editors and admins; a deleted or unknown one is not found. */
export default async function EditPublishedTotalPage({ params }: Props) {
  const { id } = await params;
  await requireCapability('registry:write', `/dashboard/announcements/${id}/edit`);
  if (!z.uuid().safeParse(id).success) notFound();
  const [row, t, locale] = await Promise.all([getPublishedTotal(id), getTranslations('publishedTotals'), getLocale()]);
  if (!row) notFound();
  const date = formatPartialDate(row.announcedOn, 'day', LANGUAGE_TAG[locale as Locale]);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">{t('editTitle', { date })}</h1>
      <PublishedTotalForm values={publishedTotalValues(row)} edit={{ id: row.id, version: row.version }} />
    </div>
  );
}
