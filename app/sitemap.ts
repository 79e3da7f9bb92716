import type { MetadataRoute } from 'next';
import { headers } from 'next/headers';
import { getOpenDataDirectory } from '@/db/queries/open-data';
import { routing } from '@/lib/i18n/routing';
import { absoluteUrl, languageAlternates, partnerPagePath, siteOrigin } from '@/lib/seo';

export const dynamic = 'force-dynamic';

/**
 * /sitemap.xml: every public page in both languages (the directory, the open data, each public partner's page,
 * from the cached public directory), each with its hreflang alternates. Empty when the request names no usable
 * host and AMITY_PUBLIC_URL is unset.
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = siteOrigin(await headers());
  if (!origin) return [];
  const directory = await getOpenDataDirectory();
  const paths = ['/partners', '/open-data', ...directory.partners.map((p) => partnerPagePath(p.slug))];
  return paths.flatMap((path) => {
    const languages = Object.fromEntries(Object.entries(languageAlternates(path)).map(([tag, p]) => [tag, `${origin}${p}`]));
    return routing.locales.map((locale) => ({ url: absoluteUrl(origin, path, locale), alternates: { languages } }));
  });
}
