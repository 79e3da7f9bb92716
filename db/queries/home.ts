import 'server-only';
import { eq } from 'drizzle-orm';
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

/** The home locality named in settings (Guangzhou in the demo), or null before one is set. Public. */
export async function getHomeLocality(): Promise<HomeLocality | null> {
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
