import 'server-only';
import { requireCapability } from '@/lib/auth/guards';
import type { ActivityFilter } from '@/lib/validation/activities';
import { db } from '../index';
import {
  queryActivities,
  queryActivitiesOfPartnership,
  queryActivity,
  queryActivityCountries,
  queryPartnershipChoices,
  type ActivityDetail,
  type ActivityListRow,
  type ActivityPartnerRef,
  type PartnershipActivityRow,
} from './activities-core';

export type { ActivityDetail, ActivityListRow, ActivityPartnerRef, PartnershipActivityRow };

/** One page of the staff list and its total. Staff with registry:read (every role). */
export async function listActivities(filter: ActivityFilter): Promise<{ rows: ActivityListRow[]; total: number }> {
  await requireCapability('registry:read', '/activities');
  return queryActivities(db, filter);
}

/** One activity with its partners, quantities, totals, organisations and milestones, or null. Staff only. */
export async function getActivity(id: string): Promise<ActivityDetail | null> {
  await requireCapability('registry:read', `/activities/${id}`);
  return queryActivity(db, id);
}

/** The live partnerships an activity can name, for the form's pickers and the list's partner filter. Staff only. */
export async function listPartnershipChoices(): Promise<ActivityPartnerRef[]> {
  await requireCapability('registry:read', '/activities');
  return queryPartnershipChoices(db);
}

/** The partner countries with activities, for the list's country filter. Staff only. */
export async function listActivityCountries(): Promise<string[]> {
  await requireCapability('registry:read', '/activities');
  return queryActivityCountries(db);
}

/** The live activities of one partnership, for its page. Staff only. */
export async function listActivitiesOfPartnership(partnershipId: string): Promise<PartnershipActivityRow[]> {
  await requireCapability('registry:read', `/partnerships/${partnershipId}`);
  return queryActivitiesOfPartnership(db, partnershipId);
}
