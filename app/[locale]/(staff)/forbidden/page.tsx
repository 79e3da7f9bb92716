import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/guards';

export default async function ForbiddenPage() {
  await requireUser('/forbidden');
  const t = await getTranslations('auth');
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">{t('forbiddenTitle')}</h1>
      <p>{t('forbiddenBody')}</p>
    </div>
  );
}
