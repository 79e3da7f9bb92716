import 'server-only';
import { and, inArray, isNull } from 'drizzle-orm';
import { requireCapability } from '@/lib/auth/guards';
import { slugify } from '@/lib/slug';
import { db } from '../index';
import { localities } from '../schema';
import { getHomeLocality } from './home';
import { queryFormerNames, queryLocality, queryMergeCandidates, type FormerName, type LocalityDetail } from './localities-core';

export type { FormerName, LocalityDetail };

/**
 * For each (country, English name) pair, the live locality of the registry with that country and name, accents
 * and case ignored, keyed `CC:folded-name`. Callers check access first (the gazetteer route does).
 */
export async function matchLocalities(pairs: Array<{ countryCode: string; nameEn: string }>): Promise<Map<string, string>> {
  const countries = [...new Set(pairs.map((p) => p.countryCode))];
  if (countries.length === 0) return new Map();
  const rows = await db
    .select({ id: localities.id, nameEn: localities.nameEn, countryCode: localities.countryCode })
    .from(localities)
    .where(and(inArray(localities.countryCode, countries), isNull(localities.deletedAt)));
  return new Map(rows.map((r) => [`${r.countryCode}:${slugify(r.nameEn)}`, r.id]));
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
