import { and, eq, isNull } from 'drizzle-orm';
import type { CooperationField } from '../../lib/domain';
import type { Executor } from '../client';
import { activities, activityPartnerships } from '../schema';

// The cooperation fields of a partnership's activities, for commitments against deeds, without the access check:
// db/queries/commitments.ts checks the caller's role; tests call this directly.

/** The fields of each live activity of partnership `partnershipId`, by activity id. */
export async function queryActivityFieldsOfPartnership(executor: Executor, partnershipId: string): Promise<Map<string, CooperationField[]>> {
  const rows = await executor
    .select({ id: activities.id, fields: activities.cooperationFields })
    .from(activityPartnerships)
    .innerJoin(activities, eq(activities.id, activityPartnerships.activityId))
    .where(and(eq(activityPartnerships.partnershipId, partnershipId), isNull(activities.deletedAt)));
  return new Map(rows.map((r) => [r.id, r.fields]));
}
