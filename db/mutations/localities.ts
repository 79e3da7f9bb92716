import { and, eq, isNull } from 'drizzle-orm';
import { sameLocalityName, slugify } from '../../lib/slug';
import type { NewLocalityInput } from '../../lib/validation/partnerships';
import type { Executor } from '../client';
import { localities } from '../schema';
import { insertAuditEvent } from './audit';
import type { Actor } from './users';

/**
 * The live locality of `countryCode` that names the same place as `nameEn` at `level` (`sameLocalityName`: accents
 * and case ignored, "Lodz" is Łódź; a subdivision also without its "County" or "Province", "Pest" is "Pest
 * County"), an exact name first; or null. Registering a partner never duplicates one the registry holds.
 */
export async function findLocalityByName(tx: Executor, countryCode: string, nameEn: string, level: string = 'city'): Promise<string | null> {
  const rows = await tx
    .select({ id: localities.id, nameEn: localities.nameEn, level: localities.level })
    .from(localities)
    .where(and(eq(localities.countryCode, countryCode), isNull(localities.deletedAt)));
  const same = rows.filter((r) => sameLocalityName(r, { nameEn, level }));
  return (same.find((r) => slugify(r.nameEn) === slugify(nameEn)) ?? same[0])?.id ?? null;
}

/**
 * The id of the partner locality a registration names: an existing live locality of the same country and name,
 * else a new one (slug from the English name, with the country when taken), audited in the caller's transaction.
 */
export async function ensureLocality(tx: Executor, actor: Actor, input: NewLocalityInput): Promise<{ id: string; created: boolean }> {
  const existing = await findLocalityByName(tx, input.countryCode, input.nameEn, input.level);
  if (existing) return { id: existing, created: false };
  const base = slugify(input.nameEn) || input.countryCode.toLowerCase();
  const taken = await tx.select({ slug: localities.slug }).from(localities).where(eq(localities.slug, base));
  const slug = taken.length === 0 ? base : `${base}-${input.countryCode.toLowerCase()}-${Date.now().toString(36)}`;
  const [row] = await tx
    .insert(localities)
    .values({
      slug,
      nameEn: input.nameEn,
      nameZh: input.nameZh,
      level: input.level,
      countryCode: input.countryCode,
      latitude: input.latitude,
      longitude: input.longitude,
    })
    .returning({ id: localities.id });
  await insertAuditEvent(tx, {
    action: 'locality.create',
    entityType: 'locality',
    entityId: row!.id,
    actorId: actor.id,
    actorEmail: actor.email,
    after: { ...input, slug },
  });
  return { id: row!.id, created: true };
}
