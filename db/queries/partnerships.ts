import 'server-only';
import { requireCapability } from '@/lib/auth/guards';
import type { PartnershipFilter } from '@/lib/validation/partnerships';
import { db } from '../index';
import {
  queryLocalityOptions,
  queryPartnerCountries,
  queryPartnership,
  queryPartnerships,
  type LocalityRef,
  type PartnershipDetail,
  type PartnershipListRow,
} from './partnerships-core';
import { getHomeLocality } from './home';

export type { LocalityRef, PartnershipDetail, PartnershipListRow };

/** One page of the staff list and its total. Staff with registry:read (every role); deleted ones for admins' view. */
export async function listPartnerships(filter: PartnershipFilter): Promise<{ rows: PartnershipListRow[]; total: number }> {
  await requireCapability('registry:read', '/partnerships');
  const home = await getHomeLocality();
  return queryPartnerships(db, filter, home?.id ?? null);
}

/** One partnership with its agreements, history and the partner's other ties, or null. Staff only. */
export async function getPartnership(id: string): Promise<PartnershipDetail | null> {
  await requireCapability('registry:read', `/partnerships/${id}`);
  return queryPartnership(db, id);
}

/** The localities a partner can be picked from. Staff only. */
export async function listLocalityOptions(): Promise<LocalityRef[]> {
  await requireCapability('registry:read', '/partnerships');
  return queryLocalityOptions(db);
}

/** The partner countries present, for the country filter. Staff only. */
export async function listPartnerCountries(): Promise<string[]> {
  await requireCapability('registry:read', '/partnerships');
  return queryPartnerCountries(db);
}
