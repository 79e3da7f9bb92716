import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '../index';
import { localities, settings } from '../schema';
import { publicCache } from '../../lib/cache/public-data';

export interface HomeLocality {
  id: string;
  slug: string;
  nameEn: string;
  nameZh: string | null;
  latitude: number | null;
  longitude: number | null;
}

/**
 * The home locality named in settings (Guangzhou in the demo), or null before one is set. Public. Read from the
 * public cache (lib/cache/public-data.ts) and memoised for the request: the page and its metadata both ask.
 */
export const getHomeLocality = cache(async (): Promise<HomeLocality | null> => readHomeLocality());

async function readHomeLocality(): Promise<HomeLocality | null> {
  'use cache';
  publicCache();
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
}
