import { localizedHref } from './i18n/paths';
import type { Metadata } from 'next';
import { LANGUAGE_TAG, type Locale, routing } from './i18n/routing';
import { publicUrl } from './security/public-url';

// Search engines want absolute addresses (canonical, hreflang, the sitemap). They come from AMITY_PUBLIC_URL
// when it is set, the address a production site must declare anyway (lib/security/public-url.ts). Without it the
// app already trusts the request's Host and X-Forwarded-Host (as Next and next-auth do), so the addresses are
// built from them too: a demo on http://127.0.0.1:3000 names itself, never Next's fallback http://localhost:3000.

type HeaderSource = { get(name: string): string | null };

// A host as a browser sends it: a name or an IPv4 address, or a bracketed IPv6 address, with an optional port.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin of the public site (`https://amity.example.org`, no trailing slash): AMITY_PUBLIC_URL when set,
 * else the request's X-Forwarded-Host (first value) or Host with X-Forwarded-Proto (http unless it says https).
 * Null when neither gives a well-formed host, or when AMITY_PUBLIC_URL is invalid (startup refuses that anyway).
 */
export function siteOrigin(headers: HeaderSource, env: Record<string, string | undefined> = process.env): string | null {
  try {
    const configured = publicUrl(env);
    if (configured) return configured.origin;
  } catch {
    return null;
  }
  const host = (headers.get('x-forwarded-host') ?? headers.get('host') ?? '').split(',')[0]!.trim();
  if (!host || host.length > 300 || !HOST.test(host)) return null;
  const proto = (headers.get('x-forwarded-proto') ?? '').split(',')[0]!.trim().toLowerCase() === 'https' ? 'https' : 'http';
  return `${proto}://${host.toLowerCase()}`;
}

/**
 * The address of a page in a language, as the router writes it: English at the root (`/partners`, `/`), Chinese
 * under /zh (`/zh/partners`, `/zh`). `path` is the page's path without a locale prefix, starting with '/'.
 */
export function localizedPath(path: string, locale: Locale): string {
  return localizedHref(locale, path);
}

/**
 * The hreflang alternates of a page: one per language, keyed by its language tag (`en`, `zh-CN`: the tags the
 * pages' <html lang> carries; Google reads a language with an optional region), and `x-default` for the
 * English page, which visitors reach without a prefix. Paths are relative; Next resolves them on metadataBase.
 */
export function languageAlternates(path: string): Record<string, string> {
  const languages: Record<string, string> = {};
  for (const locale of routing.locales) languages[LANGUAGE_TAG[locale]] = localizedPath(path, locale);
  languages['x-default'] = localizedPath(path, routing.defaultLocale);
  return languages;
}

/**
 * A page's `alternates` metadata: its canonical address in this language (the path without a query, so a
 * search or filter does not make a page of its own) and the hreflang alternates.
 */
export function pageAlternates(path: string, locale: Locale): NonNullable<Metadata['alternates']> {
  return { canonical: localizedPath(path, locale), languages: languageAlternates(path) };
}

/** The absolute address of a page in a language on an origin from siteOrigin. */
export function absoluteUrl(origin: string, path: string, locale: Locale): string {
  return `${origin}${localizedPath(path, locale)}`;
}

/** The path of a partner's public page, without a locale prefix: /partners/{slug}. */
export function partnerPagePath(slug: string): string {
  return `/partners/${encodeURIComponent(slug)}`;
}
