import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { safeCallbackPath } from '@/lib/auth/guards';
import { LOGIN_CLIENT_NAMESPACES, pickMessages } from '@/lib/i18n/client-messages';
import type { Locale } from '@/lib/i18n/routing';
import { LoginForm } from './_components/login-form';

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ callbackUrl?: string; signedOut?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'auth' });
  // Staff sign-in is no search result: robots.txt keeps crawlers out, and this keeps a linked address unindexed.
  return { title: t('title'), robots: { index: false, follow: false } };
}

export default async function LoginPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('auth');
  const query = await searchParams;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">{t('title')}</h1>
      {query.signedOut && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t('signedOutNotice')}
        </p>
      )}
      <p className="text-slate-600">{t('intro')}</p>
      <NextIntlClientProvider messages={pickMessages(await getMessages(), LOGIN_CLIENT_NAMESPACES)}>
        <LoginForm callbackUrl={safeCallbackPath(query.callbackUrl)} />
      </NextIntlClientProvider>
    </div>
  );
}
