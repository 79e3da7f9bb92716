import 'server-only';
import { requireCapability } from '@/lib/auth/guards';
import { db } from '../index';
import { queryPublishedTotal, queryPublishedTotals, type PublishedTotalRow } from './published-totals-core';

export type { PublishedTotalRow };

/**
 * The announcements of the office's network count, newest first: the live ones, or with `deleted` the deleted ones
 * (the page offers those to admins only). Staff with registry:read (every role); others are sent to log in or to
 * the forbidden page.
 */
export async function listPublishedTotals(opts: { deleted?: boolean } = {}): Promise<PublishedTotalRow[]> {
  await requireCapability('registry:read', '/dashboard/announcements');
  return queryPublishedTotals(db, opts);
}

/** One live announcement, for its edit form, or null when there is none or it is deleted. Staff only. */
export async function getPublishedTotal(id: string): Promise<PublishedTotalRow | null> {
  await requireCapability('registry:read', `/dashboard/announcements/${id}/edit`);
  return queryPublishedTotal(db, id, { live: true });
}
