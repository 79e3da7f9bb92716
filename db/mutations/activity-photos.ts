import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '../client';
import { activities, activityPhotos } from '../schema';
import { insertAuditEvent } from './audit';
import type { Actor } from './users';

// Writes of activity photos: one upload (its row and its audit event in the caller's transaction), and the soft
// delete and restore of one photo.

/** A received photo, already checked (size, type by content, pixels) and resized by the caller. */
export interface ReceivedPhoto {
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  width: number;
  height: number;
  content: Uint8Array;
  display: { mediaType: string; width: number; height: number; content: Uint8Array };
  captionEn: string | null;
  captionZh: string | null;
  isPublic: boolean;
}

export type PhotoResult = { kind: 'ok'; id: string } | { kind: 'gone' };

/** Whether `activityId` is a live activity; locks its row against a concurrent delete until the transaction ends. */
async function activityIsLive(tx: Executor, activityId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.id, activityId), isNull(activities.deletedAt)))
    .for('share');
  return Boolean(row);
}

/** A photo's row without its bytes: what the audit trail records and what a delete reads. */
const META = {
  id: activityPhotos.id,
  activityId: activityPhotos.activityId,
  fileName: activityPhotos.fileName,
  mediaType: activityPhotos.mediaType,
  byteSize: activityPhotos.byteSize,
  sha256: activityPhotos.sha256,
  width: activityPhotos.width,
  height: activityPhotos.height,
  displayMediaType: activityPhotos.displayMediaType,
  displayWidth: activityPhotos.displayWidth,
  displayHeight: activityPhotos.displayHeight,
  captionEn: activityPhotos.captionEn,
  captionZh: activityPhotos.captionZh,
  isPublic: activityPhotos.isPublic,
  deletedAt: activityPhotos.deletedAt,
  deletedBy: activityPhotos.deletedBy,
};

/**
 * Stores a received photo of live activity `activityId` (else 'gone'): the row with both copies and the audit
 * event (without the bytes), in the caller's transaction.
 */
export async function insertActivityPhoto(tx: Executor, actor: Actor, activityId: string, photo: ReceivedPhoto): Promise<PhotoResult> {
  if (!(await activityIsLive(tx, activityId))) return { kind: 'gone' };
  const [row] = await tx
    .insert(activityPhotos)
    .values({
      activityId,
      fileName: photo.fileName.slice(0, 255),
      mediaType: photo.mediaType,
      byteSize: photo.byteSize,
      sha256: photo.sha256,
      width: photo.width,
      height: photo.height,
      content: photo.content,
      displayMediaType: photo.display.mediaType,
      displayWidth: photo.display.width,
      displayHeight: photo.display.height,
      displayContent: photo.display.content,
      captionEn: photo.captionEn,
      captionZh: photo.captionZh,
      isPublic: photo.isPublic,
      uploadedBy: actor.id,
    })
    .returning(META);
  await insertAuditEvent(tx, {
    action: 'activity_photo.upload',
    entityType: 'activity_photo',
    entityId: row!.id,
    actorId: actor.id,
    actorEmail: actor.email,
    after: { ...row!, displayByteSize: photo.display.content.byteLength },
  });
  return { kind: 'ok', id: row!.id };
}

/**
 * Soft-deletes (`deleted` true) or restores one photo of live activity `activityId`, audited with the row before
 * and after. 'gone' when there is no such photo of that activity, it is already in that state, or the activity
 * is deleted.
 */
export async function setActivityPhotoDeleted(tx: Executor, actor: Actor, activityId: string, photoId: string, deleted: boolean): Promise<PhotoResult> {
  if (!(await activityIsLive(tx, activityId))) return { kind: 'gone' };
  const [before] = await tx
    .select(META)
    .from(activityPhotos)
    .where(
      and(
        eq(activityPhotos.id, photoId),
        eq(activityPhotos.activityId, activityId),
        deleted ? isNull(activityPhotos.deletedAt) : isNotNull(activityPhotos.deletedAt),
      ),
    )
    .for('update');
  if (!before) return { kind: 'gone' };
  const [after] = await tx
    .update(activityPhotos)
    .set(deleted ? { deletedAt: new Date(), deletedBy: actor.id } : { deletedAt: null, deletedBy: null })
    .where(eq(activityPhotos.id, photoId))
    .returning(META);
  await insertAuditEvent(tx, {
    action: deleted ? 'activity_photo.delete' : 'activity_photo.restore',
    entityType: 'activity_photo',
    entityId: photoId,
    actorId: actor.id,
    actorEmail: actor.email,
    before,
    after,
  });
  return { kind: 'ok', id: photoId };
}
