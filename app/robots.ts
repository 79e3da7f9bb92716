import type { MetadataRoute } from 'next';
import { headers } from 'next/headers';
import { routing } from '@/lib/i18n/routing';
import { localizedPath, siteOrigin } from '@/lib/seo';
import { STAFF_PREFIXES } from '@/lib/security/headers';

export const dynamic = 'force-dynamic';

/**
 * /robots.txt: crawlers may read the public pages and the open data; the staff area, the sign-in page, the
 * upload routes and the other API routes are off limits. Names the sitemap when the site's address is known.
 */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = siteOrigin(await headers());
  const privatePaths = [...STAFF_PREFIXES, '/login'].flatMap((p) => routing.locales.map((l) => localizedPath(p, l)));
  return {
    rules: { userAgent: '*', allow: ['/', '/api/open-data/'], disallow: [...privatePaths, '/api/', '/uploads'] },
    ...(origin ? { sitemap: `${origin}/sitemap.xml` } : {}),
  };
}
