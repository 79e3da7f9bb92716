import 'server-only';
import { and, inArray, isNull } from 'drizzle-orm';
import { slugify } from '@/lib/slug';
import { db } from '../index';
import { localities } from '../schema';

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
