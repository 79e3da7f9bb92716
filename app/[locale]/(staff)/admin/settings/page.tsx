import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getSettings } from '@/db/queries/users';
import { requireCapability } from '@/lib/auth/guards';
import { SettingsForm } from './_components/settings-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('title') };
}

export default async function SettingsPage() {
  await requireCapability('settings:manage', '/admin/settings');
  const [settings, t] = await Promise.all([getSettings(), getTranslations('settings')]);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">{t('title')}</h1>
      <SettingsForm requireTotp={settings.requireTotp} version={settings.version} />
    </div>
  );
}
