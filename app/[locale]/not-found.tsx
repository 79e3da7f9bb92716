import { getTranslations } from 'next-intl/server';
import { LocaleLink as Link } from '@/components/locale-link';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p>{t('notFoundBody')}</p>
      <Link href="/partners" className="text-brand-700 underline">
        {t('backHome')}
      </Link>
    </div>
  );
}
