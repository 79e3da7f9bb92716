import 'server-only';
import { and, inArray, isNull } from 'drizzle-orm';
import { requireCapability } from '@/lib/auth/guards';
import { sameLocalityName, slugify } from '@/lib/slug';
import { db } from '../index';
import { localities } from '../schema';
import { getHomeLocality } from './home';
import { queryFormerNames, queryLocality, queryMergeCandidates, type FormerName, type LocalityDetail } from './localities-core';

export type { FormerName, LocalityDetail };

/**
 * For each gazetteer entry (country, English name, level), the id of the live locality of the registry that names
 * the same place (`sameLocalityName`: accents and case ignored; a subdivision also without its "County" or
 * "Province"), or null; in the order given. Callers check access first (the gazetteer route does).
 */
export async function matchLocalities(entries: Array<{ countryCode: string; nameEn: string; level: string }>): Promise<Array<string | null>> {
  const countries = [...new Set(entries.map((p) => p.countryCode))];
  if (countries.length === 0) return [];
  const rows = await db
    .select({ id: localities.id, nameEn: localities.nameEn, countryCode: localities.countryCode, level: localities.level })
    .from(localities)
    .where(and(inArray(localities.countryCode, countries), isNull(localities.deletedAt)));
  return entries.map((e) => {
    const same = rows.filter((r) => r.countryCode === e.countryCode && sameLocalityName(r, e));
    // An exact match of the name first, then one without the subdivision word.
    return (same.find((r) => slugify(r.nameEn) === slugify(e.nameEn)) ?? same[0])?.id ?? null;
  });
}

/** One locality with its former names and live ties, or null. Staff (registry:read). */
export async function getLocality(id: string): Promise<LocalityDetail | null> {
  await requireCapability('registry:read', `/localities/${id}`);
  return queryLocality(db, id);
}

/** The former names of a locality, the latest first. Staff (registry:read). */
export async function listFormerNames(localityId: string): Promise<FormerName[]> {
  await requireCapability('registry:read', `/localities/${localityId}`);
  return queryFormerNames(db, localityId);
}

/** The live localities of the same country that may be merged into locality `id` (never the home locality). Staff. */
export async function listMergeCandidates(id: string, countryCode: string) {
  await requireCapability('registry:read', `/localities/${id}`);
  const home = await getHomeLocality();
  return queryMergeCandidates(db, id, countryCode, home?.id ?? null);
}
