import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CooperationField, LocalityLevel, PartnershipStatus, PartnershipType } from '../../lib/domain';
import type { Precision } from '../../lib/calendar-date';
import { publicCache } from '../../lib/cache/public-data';
import type { Executor } from '../client';
import { db } from '../index';
import { localities, partnerships, settings } from '../schema';

/** One partnership of the public directory, with only the fields the open data publishes. */
export interface OpenDataPartner {
  /** The partnership's slug: the public partner page is /partners/{slug} (/zh/partners/{slug} in Chinese). */
  slug: string;
  nameEn: string;
  nameZh: string | null;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  level: LocalityLevel;
  type: PartnershipType;
  status: PartnershipStatus;
  /** The first day of the known period (YYYY-MM-DD, a calendar date), read with `establishedPrecision`; null when unknown. */
  establishedOn: string | null;
  establishedPrecision: Precision | null;
  /** WGS84 decimal degrees; null when the registry has no point. */
  latitude: number | null;
  longitude: number | null;
  /** `Q` followed by digits, when known. */
  wikidataId: string | null;
  cooperationFields: CooperationField[];
}

/** The public directory as open data: whose network it is, its partnerships, and when it was read. */
export interface OpenDataDirectory {
  home: { nameEn: string; nameZh: string | null; countryCode: string; wikidataId: string | null } | null;
  partners: OpenDataPartner[];
  /** When these rows were read from the registry (ISO 8601, UTC): every public write re-reads them. */
  asOf: string;
}

/**
 * The public directory of the home locality named in settings, as the open-data downloads and /open-data publish
 * it: public, live partnerships (not deleted) with live partner localities, the same set /partners lists, ordered
 * by English name then slug. Only public fields: no notes, summaries, sources, agreements or people. With no home
 * locality set, `home` is null and `partners` empty. Anyone may call it; tests call it with their executor.
 */
export async function queryOpenDataDirectory(executor: Executor = db, now: Date = new Date()): Promise<OpenDataDirectory> {
  const [home] = await executor
    .select({
      id: localities.id,
      nameEn: localities.nameEn,
      nameZh: localities.nameZh,
      countryCode: localities.countryCode,
      wikidataId: localities.wikidataId,
    })
    .from(settings)
    .innerJoin(localities, eq(localities.id, settings.homeLocalityId))
    .where(eq(settings.id, 1));
  if (!home) return { home: null, partners: [], asOf: now.toISOString() };
  const rows = await executor
    .select({
      slug: partnerships.slug,
      nameEn: localities.nameEn,
      nameZh: localities.nameZh,
      countryCode: localities.countryCode,
      level: localities.level,
      type: partnerships.type,
      status: partnerships.status,
      establishedOn: partnerships.establishedOn,
      establishedPrecision: partnerships.establishedPrecision,
      latitude: localities.latitude,
      longitude: localities.longitude,
      wikidataId: localities.wikidataId,
      cooperationFields: partnerships.cooperationFields,
    })
    .from(partnerships)
    .innerJoin(localities, eq(localities.id, partnerships.partnerLocalityId))
    .where(
      and(
        eq(partnerships.homeLocalityId, home.id),
        eq(partnerships.isPublic, true),
        isNull(partnerships.deletedAt),
        isNull(localities.deletedAt),
      ),
    )
    .orderBy(asc(localities.nameEn), asc(partnerships.slug));
  const { id: _id, ...publicHome } = home;
  return { home: publicHome, partners: rows, asOf: now.toISOString() };
}

/**
 * The same, from the public cache (lib/cache/public-data.ts): what /open-data and the downloads under
 * /api/open-data serve. Read again after any public write, or after 15 minutes at the latest.
 */
export async function getOpenDataDirectory(): Promise<OpenDataDirectory> {
  'use cache';
  publicCache();
  return queryOpenDataDirectory();
}
