import { redirect } from 'next/navigation';
import { localizedHref } from '@/lib/i18n/paths';
import type { Locale } from '@/lib/i18n/routing';

export default async function Home({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  redirect(localizedHref(locale, '/partners'));
}
