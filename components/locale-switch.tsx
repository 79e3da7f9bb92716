'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import type { Locale } from '@/lib/i18n/routing';

/**
 * The same page in the other language, with its query (filters, search, page). A client component because the
 * header stays in place while the page under it changes; it reads the address from Next's router only, so public
 * pages need no message catalogue in the browser. A plain link: changing language loads the page anew.
 */
export function LocaleSwitch({ locale, label, ariaLabel }: { locale: Locale; label: string; ariaLabel: string }) {
  const pathname = usePathname() || '/';
  const search = useSearchParams().toString();
  const other: Locale = locale === 'en' ? 'zh' : 'en';
  // English has no prefix; Chinese lives under /zh (lib/i18n/routing.ts, localePrefix as-needed).
  const bare = pathname.replace(/^\/zh(?=\/|$)/, '') || '/';
  const target = other === 'zh' ? `/zh${bare === '/' ? '' : bare}` : bare;
  return (
    <a
      href={search ? `${target}?${search}` : target}
      hrefLang={other === 'zh' ? 'zh-CN' : 'en'}
      lang={other === 'zh' ? 'zh-CN' : 'en'}
      aria-label={ariaLabel}
      className="rounded border border-white/40 px-2 py-1 hover:bg-white/10"
    >
      {label}
    </a>
  );
}
