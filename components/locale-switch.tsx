'use client';

import { useLocale } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { Link, usePathname } from '@/lib/i18n/navigation';

/** Links to the same page in the other language, keeping the query. */
export function LocaleSwitch({ label, ariaLabel }: { label: string; ariaLabel: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams();
  const other = locale === 'en' ? 'zh' : 'en';
  const query = Object.fromEntries(search.entries());
  return (
    <Link
      href={{ pathname, query }}
      locale={other}
      lang={other === 'zh' ? 'zh-CN' : 'en'}
      aria-label={ariaLabel}
      className="rounded border border-white/40 px-2 py-1 hover:bg-white/10"
    >
      {label}
    </Link>
  );
}
