import { and, asc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DatePrecision, LocalityLevel, LocalityNameKind, PartnershipStatus, PartnershipType } from '../../lib/domain';
import type { Executor } from '../client';
import { localities, localityNames, partnerships } from '../schema';

// The queries behind the staff locality page, without the access check: db/queries/localities.ts checks the
// caller's role and calls these; tests call them directly.

const home = alias(localities, 'home_locality');
const partner = alias(localities, 'partner_locality');
const mergedInto = alias(localities, 'merged_into');

export interface FormerName {
  id: string;
  kind: LocalityNameKind;
  nameEn: string;
  nameZh: string | null;
  usedFrom: string | null;
  usedFromPrecision: DatePrecision | null;
  usedUntil: string | null;
  usedUntilPrecision: DatePrecision | null;
  mergedLocalityId: string | null;
  note: string | null;
}

export interface LocalityTie {
  id: string;
  type: PartnershipType;
  status: PartnershipStatus;
  establishedOn: string | null;
  establishedPrecision: DatePrecision | null;
  side: 'home' | 'partner';
  other: { id: string; nameEn: string; nameZh: string | null };
}

export interface LocalityDetail {
  id: string;
  slug: string;
  nameEn: string;
  nameZh: string | null;
  level: LocalityLevel;
  countryCode: string;
  latitude: number | null;
  longitude: number | null;
  version: number;
  deletedAt: Date | null;
  updatedAt: Date;
  mergedInto: { id: string; nameEn: string; nameZh: string | null } | null;
  formerNames: FormerName[];
  ties: LocalityTie[];
}

const formerNameColumns = {
  id: localityNames.id,
  kind: localityNames.kind,
  nameEn: localityNames.nameEn,
  nameZh: localityNames.nameZh,
  usedFrom: localityNames.usedFrom,
  usedFromPrecision: localityNames.usedFromPrecision,
  usedUntil: localityNames.usedUntil,
  usedUntilPrecision: localityNames.usedUntilPrecision,
  mergedLocalityId: localityNames.mergedLocalityId,
  note: localityNames.note,
};

/** The former names of a locality, the latest first (undated ones last). */
export async function queryFormerNames(executor: Executor, localityId: string): Promise<FormerName[]> {
  return executor
    .select(formerNameColumns)
    .from(localityNames)
    .where(eq(localityNames.localityId, localityId))
    .orderBy(sql`${localityNames.usedUntil} desc nulls last`, sql`${localityNames.usedFrom} desc nulls last`, asc(localityNames.createdAt));
}

/**
 * One locality (live, or deleted: a merged one shows where it went) with its former names and its live ties in the
 * registry, on either side; null when there is none.
 */
export async function queryLocality(executor: Executor, id: string): Promise<LocalityDetail | null> {
  const [row] = await executor
    .select({
      id: localities.id,
      slug: localities.slug,
      nameEn: localities.nameEn,
      nameZh: localities.nameZh,
      level: localities.level,
      countryCode: localities.countryCode,
      latitude: localities.latitude,
      longitude: localities.longitude,
      version: localities.version,
      deletedAt: localities.deletedAt,
      updatedAt: localities.updatedAt,
      mergedIntoId: mergedInto.id,
      mergedIntoNameEn: mergedInto.nameEn,
      mergedIntoNameZh: mergedInto.nameZh,
    })
    .from(localities)
    .leftJoin(mergedInto, eq(mergedInto.id, localities.mergedIntoId))
    .where(eq(localities.id, id));
  if (!row) return null;
  const [formerNames, ties] = await Promise.all([
    queryFormerNames(executor, id),
    executor
      .select({
        id: partnerships.id,
        type: partnerships.type,
        status: partnerships.status,
        establishedOn: partnerships.establishedOn,
        establishedPrecision: partnerships.establishedPrecision,
        homeId: home.id,
        home: { id: home.id, nameEn: home.nameEn, nameZh: home.nameZh },
        partner: { id: partner.id, nameEn: partner.nameEn, nameZh: partner.nameZh },
      })
      .from(partnerships)
      .innerJoin(home, eq(home.id, partnerships.homeLocalityId))
      .innerJoin(partner, eq(partner.id, partnerships.partnerLocalityId))
      .where(and(isNull(partnerships.deletedAt), or(eq(partnerships.homeLocalityId, id), eq(partnerships.partnerLocalityId, id))))
      .orderBy(sql`${partnerships.establishedOn} asc nulls last`, asc(partner.nameEn)),
  ]);
  const { mergedIntoId, mergedIntoNameEn, mergedIntoNameZh, ...locality } = row;
  return {
    ...locality,
    mergedInto: mergedIntoId && mergedIntoNameEn ? { id: mergedIntoId, nameEn: mergedIntoNameEn, nameZh: mergedIntoNameZh } : null,
    formerNames,
    ties: ties.map((t) => ({
      id: t.id,
      type: t.type,
      status: t.status,
      establishedOn: t.establishedOn,
      establishedPrecision: t.establishedPrecision,
      side: t.homeId === id ? 'home' : 'partner',
      other: t.homeId === id ? t.partner : t.home,
    })),
  };
}

/** The live localities of a country other than `id` (and other than `exceptId`, the home locality), by English name: what may be merged in. */
export async function queryMergeCandidates(
  executor: Executor,
  id: string,
  countryCode: string,
  exceptId: string | null,
): Promise<Array<{ id: string; nameEn: string; nameZh: string | null; level: LocalityLevel }>> {
  return executor
    .select({ id: localities.id, nameEn: localities.nameEn, nameZh: localities.nameZh, level: localities.level })
    .from(localities)
    .where(
      and(
        eq(localities.countryCode, countryCode),
        isNull(localities.deletedAt),
        ne(localities.id, id),
        exceptId ? ne(localities.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(localities.nameEn));
}
