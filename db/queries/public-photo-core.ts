import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { activities, activityPhotos } from '../schema';

/** The display copy of a public photo as the public route sends it. */
export interface PublicPhoto {
  fileName: string;
  mediaType: string;
  sha256: string;
  content: Uint8Array;
}

/**
 * The display copy of photo `photoId` when anyone may see it, else null: the photo is marked public and not
 * deleted, its activity is public and not deleted, and the activity serves at least one public, live partnership
 * of live localities (so it shows on a public partner page). For the public route /photos/[photoId], which reads
 * no session; a malformed id is the caller's to refuse before it reaches SQL.
 */
export async function queryPublicPhoto(executor: Executor, photoId: string): Promise<PublicPhoto | null> {
  const [row] = await executor
    .select({
      fileName: activityPhotos.fileName,
      mediaType: activityPhotos.displayMediaType,
      sha256: activityPhotos.sha256,
      content: activityPhotos.displayContent,
    })
    .from(activityPhotos)
    .innerJoin(activities, eq(activities.id, activityPhotos.activityId))
    .where(
      and(
        eq(activityPhotos.id, photoId),
        eq(activityPhotos.isPublic, true),
        isNull(activityPhotos.deletedAt),
        eq(activities.isPublic, true),
        isNull(activities.deletedAt),
        sql`exists (
          select 1 from activity_partnerships ap
          join partnerships p on p.id = ap.partnership_id
          join localities h on h.id = p.home_locality_id
          join localities pl on pl.id = p.partner_locality_id
          where ap.activity_id = ${activities.id} and p.is_public and p.deleted_at is null
            and h.deleted_at is null and pl.deleted_at is null)`,
      ),
    );
  return row ?? null;
}
