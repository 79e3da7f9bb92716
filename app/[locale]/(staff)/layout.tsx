import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { getCurrentUser } from '@/lib/auth/guards';
import { pickMessages, STAFF_CLIENT_NAMESPACES } from '@/lib/i18n/client-messages';
import { Link } from '@/lib/i18n/navigation';
import { can } from '@/lib/permissions';
import { signOutAction } from './actions';

// The staff bar. It only decides what to show: every page, query and action checks access itself, because a
// layout is not re-run on client-side navigation.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const t = await getTranslations('nav');
  const tRole = await getTranslations('roles');
  const tActivities = await getTranslations('activities');
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickMessages(messages, STAFF_CLIENT_NAMESPACES)}>
    <div className="space-y-6">
      {user && (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-slate-50 px-4 py-2 text-sm print:hidden">
          <nav aria-label={t('staffArea')} className="flex flex-wrap gap-4">
            {can(user.role, 'registry:read') && <Link href="/dashboard" className="hover:underline">{t('dashboard')}</Link>}
            {can(user.role, 'registry:read') && <Link href="/partnerships" className="hover:underline">{t('partnerships')}</Link>}
            {can(user.role, 'registry:read') && <Link href="/activities" className="hover:underline">{tActivities('title')}</Link>}
            <Link href="/account" className="hover:underline">{t('account')}</Link>
            {can(user.role, 'users:manage') && <Link href="/admin/users" className="hover:underline">{t('users')}</Link>}
            {can(user.role, 'audit:read') && <Link href="/admin/audit" className="hover:underline">{t('audit')}</Link>}
            {can(user.role, 'settings:manage') && <Link href="/admin/settings" className="hover:underline">{t('settings')}</Link>}
          </nav>
          <div className="flex items-center gap-3">
            <span className="text-slate-600">{t('signedInAs', { name: user.name, role: tRole(user.role) })}</span>
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-slate-400 px-3 py-1 hover:bg-white">
                {t('signOut')}
              </button>
            </form>
          </div>
        </div>
      )}
      {children}
    </div>
    </NextIntlClientProvider>
  );
}
