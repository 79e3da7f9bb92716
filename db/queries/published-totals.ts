import 'server-only';
import { requireCapability } from '@/lib/auth/guards';
import { db } from '../index';
import { getHomeLocality } from './home';
import { queryPublishedTotal, queryPublishedTotals, queryRegistryFiguresOn, type PublishedTotalRow, type RegistryFigures } from './published-totals-core';

export type { PublishedTotalRow, RegistryFigures };

/** An announcement and what the registry held on its date (null when no home locality is set). */
export type PublishedTotalBesideRegistry = PublishedTotalRow & { registry: RegistryFigures | null };

/**
 * The live announcements of the office's network count, newest first, each beside the registry's own figures on
 * its date (see queryRegistryFiguresOn: one call per announcement's date). Staff with registry:read (every role);
 * others are sent to log in or to the forbidden page.
 */
export async function listPublishedTotalsBesideRegistry(): Promise<PublishedTotalBesideRegistry[]> {
  await requireCapability('registry:read', '/dashboard/announcements');
  const [rows, home] = await Promise.all([queryPublishedTotals(db), getHomeLocality()]);
  const registry = home ? await queryRegistryFiguresOn(db, home.id, rows.map((r) => r.announcedOn)) : new Map<string, RegistryFigures>();
  return rows.map((r) => ({ ...r, registry: registry.get(r.announcedOn) ?? null }));
}

/** The deleted announcements, newest first, for an admin to restore. Staff with registry:restore (admins). */
export async function listDeletedPublishedTotals(): Promise<PublishedTotalRow[]> {
  await requireCapability('registry:restore', '/dashboard/announcements?deleted=1');
  return queryPublishedTotals(db, { deleted: true });
}

/** One live announcement, for its edit form, or null when there is none or it is deleted. Staff only. */
export async function getPublishedTotal(id: string): Promise<PublishedTotalRow | null> {
  await requireCapability('registry:read', `/dashboard/announcements/${id}/edit`);
  return queryPublishedTotal(db, id, { live: true });
}
