import 'server-only';
import { createHash } from 'node:crypto';
import { getTranslations } from 'next-intl/server';
import { drawNetworkMap, layOutMap, type MapPartner } from '@/components/map/drawing';
import { mapMarkLabel } from '@/components/map/network-map';
import { getDirectoryFacets, listDirectoryMap, type DirectoryMapPartner } from '@/db/queries/directory';
import { getHomeLocality } from '@/db/queries/home';
import { publicCache } from '@/lib/cache/public-data';
import { localizedHref } from '@/lib/i18n/paths';
import { localizedName } from '@/lib/i18n/names';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import type { DirectoryFilter } from '@/lib/validation/directory';

/**
 * The public directory's partners as the map draws them, in `locale`: names, countries and links to their public
 * pages. The page (for the legend and notes) and the map's document (for the marks) give the same list.
 */
export function directoryMapPartners(rows: readonly DirectoryMapPartner[], locale: Locale): MapPartner[] {
  const countryName = new Intl.DisplayNames([LANGUAGE_TAG[locale]], { type: 'region' });
  return rows.map((p) => ({
    key: p.slug,
    href: localizedHref(locale, `/partners/${p.slug}`),
    name: localizedName(p, locale),
    country: countryName.of(p.countryCode) ?? p.countryCode,
    year: p.establishedYear,
    type: p.type,
    latitude: p.latitude,
    longitude: p.longitude,
  }));
}

/** The public partners matching `filter` for the map, a country no public partner is in dropped as the page drops it. */
export async function directoryMapRows(homeLocalityId: string, filter: DirectoryFilter, locale: Locale): Promise<DirectoryMapPartner[]> {
  const facets = await getDirectoryFacets(homeLocalityId);
  const applied = filter.country && !facets.countries.includes(filter.country) ? { ...filter, country: undefined } : filter;
  return listDirectoryMap(homeLocalityId, applied, locale);
}

/**
 * The directory's map as an SVG document of its own (components/map/drawing.ts, document mode): the public partners
 * matching `filter` (its page is ignored: the map shows every match), in `locale`, and its ETag (a SHA-256 of the
 * body). Null before a home locality is set. From the public cache: computed once per filter and language until a
 * write changes public data.
 */
export async function directoryMapDocument(locale: Locale, filter: DirectoryFilter): Promise<{ body: string; etag: string } | null> {
  'use cache';
  publicCache();
  const home = await getHomeLocality();
  if (!home) return null;
  const partners = directoryMapPartners(await directoryMapRows(home.id, { ...filter, page: 1 }, locale), locale);
  const homeName = localizedName(home, locale);
  const t = await getTranslations({ locale, namespace: 'networkMap' });
  const layout = layOutMap({ name: homeName, latitude: home.latitude, longitude: home.longitude }, partners);
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>' +
    drawNetworkMap(layout, t('title', { home: homeName }), await mapMarkLabel(locale), homeName, { kind: 'document', lang: LANGUAGE_TAG[locale] });
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
}
