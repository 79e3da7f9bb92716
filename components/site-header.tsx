import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { LocaleLink as Link } from './locale-link';
import { LocaleSwitch } from './locale-switch';

/** The public header: brand, main navigation and the language switch. */
export async function SiteHeader() {
  const t = await getTranslations('nav');
  const meta = await getTranslations('meta');
  const locale = (await getLocale()) as Locale;
  return (
    <header className="border-b border-slate-200 bg-brand-900 text-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/partners" className="text-lg font-semibold tracking-tight">
          {meta('title')}
        </Link>
        <nav aria-label={t('main')} className="flex items-center gap-5 text-sm">
          <Link href="/partners" className="hover:underline">
            {t('partners')}
          </Link>
          <Link href="/account" className="hover:underline">
            {t('staffArea')}
          </Link>
          <LocaleSwitch locale={locale} label={t('switchTo')} ariaLabel={t('switchToLabel')} />
        </nav>
      </div>
    </header>
  );
}
