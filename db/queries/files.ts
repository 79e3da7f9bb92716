import 'server-only';
import { requireCapability } from '@/lib/auth/guards';
import { can } from '@/lib/permissions';
import { db } from '../index';
import { queryPartnershipFiles, type FileListRow, type PartnershipFiles } from './files-core';

export type { FileListRow, PartnershipFiles };

/**
 * The files of a partnership grouped by owner (agreement, lifecycle step). Staff only; admins also get the deleted
 * ones (marked by `deletedAt`), to restore them.
 */
export async function listPartnershipFiles(partnershipId: string): Promise<PartnershipFiles> {
  const user = await requireCapability('registry:read', `/partnerships/${partnershipId}`);
  return queryPartnershipFiles(db, partnershipId, { includeDeleted: can(user.role, 'registry:restore') });
}
