import 'server-only';
import { requireCapability } from '@/lib/auth/guards';
import type { CooperationField } from '@/lib/domain';
import { db } from '../index';
import { queryActivityFieldsOfPartnership } from './commitments-core';

/** The cooperation fields of each live activity of a partnership, by activity id. Staff only. */
export async function listActivityFieldsOfPartnership(partnershipId: string): Promise<Map<string, CooperationField[]>> {
  await requireCapability('registry:read', `/partnerships/${partnershipId}`);
  return queryActivityFieldsOfPartnership(db, partnershipId);
}
