import 'server-only';
import { requireCapability } from '@/lib/auth/guards';
import { can } from '@/lib/permissions';
import { db } from '../index';
import { queryActivityPhotos, type PhotoListRow } from './activity-photos-core';

export type { PhotoListRow };

/** The photos of an activity, oldest first. Staff only; admins also get the deleted ones (marked by `deletedAt`), to restore them. */
export async function listActivityPhotos(activityId: string): Promise<PhotoListRow[]> {
  const user = await requireCapability('registry:read', `/activities/${activityId}`);
  return queryActivityPhotos(db, activityId, { includeDeleted: can(user.role, 'registry:restore') });
}
