import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '../index';
import { localities, settings } from '../schema';

export interface HomeLocality {
  id: string;
  slug: string;
  nameEn: string;
  nameZh: string | null;
  latitude: number | null;
  longitude: number | null;
}

/**
 * The home locality named in settings (Guangzhou in the demo), or null before one is set. Public. Cached for
 * the request: the page and its metadata both ask.
 */
export const getHomeLocality = cache(async (): Promise<HomeLocality | null> => {
  const [row] = await db
    .select({
      id: localities.id,
      slug: localities.slug,
      nameEn: localities.nameEn,
      nameZh: localities.nameZh,
      latitude: localities.latitude,
      longitude: localities.longitude,
    })
    .from(settings)
    .innerJoin(localities, eq(localities.id, settings.homeLocalityId))
    .where(eq(settings.id, 1));
  return row ?? null;
});
