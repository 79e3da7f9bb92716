import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../client';
import { localities, partnerships, settings } from '../schema';
import { partnershipSnapshotColumns } from '../mutations/partnerships';
import { buildRegistry, type Registry } from './classify';

const { homeLocalityId: _h, deletedAt: _d, ...tieColumns } = partnershipSnapshotColumns;

const localityColumns = {
  id: localities.id,
  slug: localities.slug,
  nameEn: localities.nameEn,
  nameZh: localities.nameZh,
  countryCode: localities.countryCode,
  level: localities.level,
  latitude: localities.latitude,
  longitude: localities.longitude,
  wikidataId: localities.wikidataId,
};

/**
 * The registry an import is judged against, in three queries whatever the file's size: the home locality
 * (settings.homeLocalityId), every live locality, and the home locality's live partnerships. Null when no home
 * locality is set. Read with the caller's executor, so the commit reads it inside its own transaction.
 */
export async function loadRegistry(executor: Executor): Promise<Registry | null> {
  const [home] = await executor
    .select(localityColumns)
    .from(settings)
    .innerJoin(localities, eq(localities.id, settings.homeLocalityId))
    .where(and(eq(settings.id, 1), isNull(localities.deletedAt)));
  if (!home) return null;
  const [all, ties] = await Promise.all([
    executor.select(localityColumns).from(localities).where(isNull(localities.deletedAt)),
    executor
      .select(tieColumns)
      .from(partnerships)
      .where(and(eq(partnerships.homeLocalityId, home.id), isNull(partnerships.deletedAt))),
  ]);
  return buildRegistry(home, all, ties);
}
