import { type Locale, routing } from './routing';

/** An address without its locale prefix: a path, or a path with a query. */
export type Href = string | { pathname: string; query?: Record<string, string | number | readonly string[] | undefined> };

/**
 * The address of `href` in `locale`: English as written (`/partners`), Chinese under /zh (`/zh/partners`), the
 * query appended (`/zh/partners?type=sister_city`). The same rule as next-intl's routing (lib/i18n/routing.ts,
 * localePrefix as-needed), written out so that public pages need not import next-intl's navigation, whose client
 * half (its Link) would otherwise be bundled into their JavaScript.
 */
export function localizedHref(locale: Locale, href: Href): string {
  const { pathname, query } = typeof href === 'string' ? { pathname: href, query: undefined } : href;
  const path = locale === routing.defaultLocale ? pathname : pathname === '/' ? `/${locale}` : `/${locale}${pathname}`;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    for (const one of typeof value === 'object' ? value : [value]) search.append(key, String(one));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}
