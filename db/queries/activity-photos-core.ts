import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import { activities, activityPhotos, users } from '../schema';

// Reads of activity photos without the access check: db/queries/activity-photos.ts and the photo route check the
// caller's role first; tests call these directly.

/** A photo as the activity page shows it, without its bytes. */
export interface PhotoListRow {
  id: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  width: number;
  height: number;
  displayWidth: number;
  displayHeight: number;
  captionEn: string | null;
  captionZh: string | null;
  isPublic: boolean;
  uploadedAt: Date;
  uploadedBy: string | null;
  deletedAt: Date | null;
  deletedBy: string | null;
}

const uploader = alias(users, 'uploader');
const deleter = alias(users, 'deleter');

/** The photos of live activity `activityId`, oldest first; deleted ones only with `includeDeleted` (admins restore them). */
export async function queryActivityPhotos(executor: Executor, activityId: string, opts: { includeDeleted?: boolean } = {}): Promise<PhotoListRow[]> {
  return executor
    .select({
      id: activityPhotos.id,
      fileName: activityPhotos.fileName,
      mediaType: activityPhotos.mediaType,
      byteSize: activityPhotos.byteSize,
      width: activityPhotos.width,
      height: activityPhotos.height,
      displayWidth: activityPhotos.displayWidth,
      displayHeight: activityPhotos.displayHeight,
      captionEn: activityPhotos.captionEn,
      captionZh: activityPhotos.captionZh,
      isPublic: activityPhotos.isPublic,
      uploadedAt: activityPhotos.uploadedAt,
      uploadedBy: uploader.name,
      deletedAt: activityPhotos.deletedAt,
      deletedBy: deleter.name,
    })
    .from(activityPhotos)
    .innerJoin(activities, eq(activities.id, activityPhotos.activityId))
    .leftJoin(uploader, eq(uploader.id, activityPhotos.uploadedBy))
    .leftJoin(deleter, eq(deleter.id, activityPhotos.deletedBy))
    .where(and(eq(activityPhotos.activityId, activityId), isNull(activities.deletedAt), opts.includeDeleted ? undefined : isNull(activityPhotos.deletedAt)))
    .orderBy(asc(activityPhotos.uploadedAt), asc(activityPhotos.id));
}

/** One copy of a photo as the photo route sends it. */
export interface PhotoContent {
  fileName: string;
  mediaType: string;
  sha256: string;
  content: Uint8Array;
}

/**
 * The display copy (or with `original`, the bytes as uploaded) of photo `photoId` of live activity `activityId`;
 * null when there is none, or when it is deleted and `includeDeleted` is not given.
 */
export async function queryPhotoContent(
  executor: Executor,
  activityId: string,
  photoId: string,
  opts: { original?: boolean; includeDeleted?: boolean } = {},
): Promise<PhotoContent | null> {
  const [row] = await executor
    .select({
      fileName: activityPhotos.fileName,
      mediaType: opts.original ? activityPhotos.mediaType : activityPhotos.displayMediaType,
      sha256: activityPhotos.sha256,
      content: opts.original ? activityPhotos.content : activityPhotos.displayContent,
    })
    .from(activityPhotos)
    .innerJoin(activities, eq(activities.id, activityPhotos.activityId))
    .where(
      and(
        eq(activityPhotos.id, photoId),
        eq(activityPhotos.activityId, activityId),
        isNull(activities.deletedAt),
        opts.includeDeleted ? undefined : isNull(activityPhotos.deletedAt),
      ),
    );
  return row ?? null;
}
