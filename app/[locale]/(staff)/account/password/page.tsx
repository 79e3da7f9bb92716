import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/guards';
import { ChangePasswordForm } from './_components/change-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('passwordTitle') };
}

export default async function PasswordPage() {
  const user = await requireUser('/account/password', { pending: true });
  const t = await getTranslations('account');
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">{t('passwordTitle')}</h1>
      {user.mustChangePassword && <p className="rounded bg-amber-50 px-3 py-2 text-amber-900">{t('mustChange')}</p>}
      <ChangePasswordForm />
    </div>
  );
}
