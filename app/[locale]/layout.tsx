import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { getHomeLocality } from '@/db/queries/home';
import { localizedName } from '@/lib/i18n/names';
import { isLocale, LANGUAGE_TAG } from '@/lib/i18n/routing';
import { siteOrigin } from '@/lib/seo';
import '../globals.css';

// Every page reads the registry at request time, and the CSP nonce is per request.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const [t, home, origin] = await Promise.all([
    getTranslations({ locale, namespace: 'meta' }),
    getHomeLocality(),
    headers().then((h) => siteOrigin(h)),
  ]);
  return {
    // Absolute canonical and hreflang addresses (lib/seo.ts): AMITY_PUBLIC_URL, else the request's own host.
    metadataBase: origin ? new URL(origin) : undefined,
    title: { default: t('title'), template: `%s · ${t('title')}` },
    description: t('description', { home: home ? localizedName(home, locale) : '' }),
  };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('nav');
  return (
    <html lang={LANGUAGE_TAG[locale]}>
      <body className="flex min-h-screen flex-col bg-white font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t('skipToContent')}
        </a>
        {/* No message catalogue for the browser here: public pages format nothing there. Staff pages and the
            sign-in page give their client components the namespaces they use (lib/i18n/client-messages.ts). */}
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
