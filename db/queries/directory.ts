import 'server-only';
import { and, asc, eq, gte, ilike, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { publicCache } from '../../lib/cache/public-data';
import { countriesOfContinent, countryCodesByName, countryCodesMatching } from '../../lib/countries';
import type { CooperationField, PartnershipType } from '../../lib/domain';
import { LANGUAGE_TAG, type Locale } from '../../lib/i18n/routing';
import { slugify } from '../../lib/slug';
import { DIRECTORY_PAGE_SIZE, type DirectoryFilter } from '../../lib/validation/directory';
import type { Executor } from '../client';
import { db } from '../index';
import { localities, partnerships } from '../schema';
import { formerNameMatch, formerNameShown } from './former-names';

// The public directory (/partners): the home locality's public, live partnerships of live localities, and only
// their public fields. Each read has a core function taking an executor (tests and the benchmark call it) and a
// cached wrapper the pages call ('use cache', tagged public-data: see lib/cache/public-data.ts).

export interface DirectoryPartner {
  slug: string;
  nameEn: string;
  nameZh: string | null;
  countryCode: string;
  type: PartnershipType;
  establishedYear: number | null;
  /** A former name to show beside the name: the one `q` matched, or a recent one; null when none. */
  formerName: { nameEn: string; nameZh: string | null } | null;
}

/** One page of the directory: its rows, how many partners match, and how many public partners there are in all. */
export interface DirectoryPage {
  rows: DirectoryPartner[];
  /** Partners matching the filter, on every page. */
  matching: number;
  /** The home locality's public partners, whatever the filter. */
  total: number;
}

/** A partner on the directory's map: where it is (degrees, WGS 84; null when unknown) and what to call it. */
export interface DirectoryMapPartner {
  slug: string;
  nameEn: string;
  nameZh: string | null;
  countryCode: string;
  type: PartnershipType;
  establishedYear: number | null;
  latitude: number | null;
  longitude: number | null;
}

/** What the directory's filter choices offer: the countries, types and fields its public partners have. */
export interface DirectoryFacets {
  /** ISO 3166-1 alpha-2 codes, in code order. */
  countries: string[];
  types: PartnershipType[];
  fields: CooperationField[];
}

/** The most partners the directory's map draws; past it the note under the map says how many are left out. */
export const DIRECTORY_MAP_LIMIT = 500;

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** What every public read of the directory starts from: public, live ties of the home locality, live partners. */
function publicTies(homeLocalityId: string): SQL {
  return and(
    eq(partnerships.homeLocalityId, homeLocalityId),
    eq(partnerships.isPublic, true),
    isNull(partnerships.deletedAt),
    isNull(localities.deletedAt),
  )!;
}

/**
 * The WHERE clause of a filter, beyond publicTies: search text matches either name, current or former, accents
 * optional, or the partner's country's name in English or Chinese ("Japan", "日本").
 */
function filterWhere(filter: Partial<DirectoryFilter>): SQL | undefined {
  const term = filter.q?.trim().slice(0, 100) ?? '';
  const folded = slugify(term);
  const countryHits = countryCodesMatching(term);
  const search = term
    ? or(
        ilike(localities.nameEn, `%${likeEscape(term)}%`),
        ilike(localities.nameZh, `%${likeEscape(term)}%`),
        folded ? like(localities.slug, `%${likeEscape(folded)}%`) : undefined,
        formerNameMatch(localities.id, term),
        countryHits.length > 0 ? inArray(localities.countryCode, countryHits) : undefined,
      )
    : undefined;
  return and(
    search,
    filter.continent ? inArray(localities.countryCode, countriesOfContinent(filter.continent)) : undefined,
    filter.country ? eq(localities.countryCode, filter.country) : undefined,
    filter.type ? eq(partnerships.type, filter.type) : undefined,
    filter.field ? sql`${filter.field}::cooperation_field = any(${partnerships.cooperationFields})` : undefined,
    filter.from ? gte(partnerships.establishedOn, `${filter.from}-01-01`) : undefined,
    filter.to ? lte(partnerships.establishedOn, `${filter.to}-12-31`) : undefined,
  );
}

/**
 * The order of a sort. Names sort by the slug (the English name without accents or case: Łódź among the Ls) in
 * both languages; countries by their name in the page's language (pinyin order under zh); undated ties last.
 */
function orderBy(sort: DirectoryFilter['sort'], locale: Locale): SQL[] {
  const byName = [asc(localities.slug), asc(partnerships.slug)];
  const descending = sort.startsWith('-');
  const dir = sql.raw(descending ? 'desc' : 'asc');
  switch (sort.replace('-', '')) {
    case 'country': {
      const order = countryCodesByName(LANGUAGE_TAG[locale]);
      return [sql`array_position(${sql.param(order)}::text[], ${localities.countryCode}) ${dir}`, ...byName];
    }
    case 'year':
      return [sql`${partnerships.establishedOn} ${dir} nulls last`, ...byName];
    default:
      return descending ? [sql`${localities.slug} desc`, sql`${partnerships.slug} desc`] : byName;
  }
}

/**
 * One page of the directory (DIRECTORY_PAGE_SIZE rows at `filter.page`, LIMIT and OFFSET in SQL), in `filter`'s
 * order, with the matching and total counts (counted in SQL, one query). A page past the end has no rows; the page
 * sends the reader to the last one. `locale` decides the country order. Public fields of public records only.
 */
export async function queryDirectoryPage(
  homeLocalityId: string,
  filter: DirectoryFilter,
  locale: Locale,
  executor: Executor = db,
): Promise<DirectoryPage> {
  const narrowing = filterWhere(filter);
  const [rows, [counts]] = await Promise.all([
    executor
      .select({
        slug: partnerships.slug,
        nameEn: localities.nameEn,
        nameZh: localities.nameZh,
        countryCode: localities.countryCode,
        type: partnerships.type,
        establishedYear: sql<number | null>`extract(year from ${partnerships.establishedOn})::int`,
        formerName: formerNameShown(localities.id, filter.q),
      })
      .from(partnerships)
      .innerJoin(localities, eq(localities.id, partnerships.partnerLocalityId))
      .where(and(publicTies(homeLocalityId), narrowing))
      .orderBy(...orderBy(filter.sort, locale))
      .limit(DIRECTORY_PAGE_SIZE)
      .offset((filter.page - 1) * DIRECTORY_PAGE_SIZE),
    executor
      .select({
        total: sql<number>`count(*)::int`,
        matching: narrowing ? sql<number>`(count(*) filter (where ${narrowing}))::int` : sql<number>`count(*)::int`,
      })
      .from(partnerships)
      .innerJoin(localities, eq(localities.id, partnerships.partnerLocalityId))
      .where(publicTies(homeLocalityId)),
  ]);
  return { rows, matching: counts?.matching ?? 0, total: counts?.total ?? 0 };
}

/**
 * The partners matching `filter` for the map, in the filter's order, at most DIRECTORY_MAP_LIMIT of them (the
 * page compares with DirectoryPage.matching to say how many are left out); those without coordinates included, so
 * the map can count them. Public fields of public records only.
 */
export async function queryDirectoryMap(
  homeLocalityId: string,
  filter: DirectoryFilter,
  locale: Locale,
  executor: Executor = db,
): Promise<DirectoryMapPartner[]> {
  return executor
    .select({
      slug: partnerships.slug,
      nameEn: localities.nameEn,
      nameZh: localities.nameZh,
      countryCode: localities.countryCode,
      type: partnerships.type,
      establishedYear: sql<number | null>`extract(year from ${partnerships.establishedOn})::int`,
      latitude: localities.latitude,
      longitude: localities.longitude,
    })
    .from(partnerships)
    .innerJoin(localities, eq(localities.id, partnerships.partnerLocalityId))
    .where(and(publicTies(homeLocalityId), filterWhere(filter)))
    .orderBy(...orderBy(filter.sort, locale))
    .limit(DIRECTORY_MAP_LIMIT);
}

/** The countries, types of tie and cooperation fields among the home locality's public partners, for the filters. */
export async function queryDirectoryFacets(homeLocalityId: string, executor: Executor = db): Promise<DirectoryFacets> {
  const [[row], fields] = await Promise.all([
    executor
      .select({
        countries: sql<string[]>`coalesce(array_agg(distinct ${localities.countryCode} order by ${localities.countryCode}), '{}')`,
        types: sql<PartnershipType[]>`coalesce(array_agg(distinct ${partnerships.type}::text order by ${partnerships.type}::text), '{}')`,
      })
      .from(partnerships)
      .innerJoin(localities, eq(localities.id, partnerships.partnerLocalityId))
      .where(publicTies(homeLocalityId)),
    executor
      .selectDistinct({ field: sql<CooperationField>`unnest(${partnerships.cooperationFields})::text` })
      .from(partnerships)
      .innerJoin(localities, eq(localities.id, partnerships.partnerLocalityId))
      .where(publicTies(homeLocalityId)),
  ]);
  return {
    countries: row?.countries ?? [],
    types: row?.types ?? [],
    fields: fields.map((f) => f.field).sort(),
  };
}

/**
 * Every public partner matching the search text `q`, unpaged, by name: for tests and the benchmark (pages call
 * listDirectory, which pages).
 */
export async function listDirectoryPartners(
  homeLocalityId: string,
  q?: string,
  executor: Executor = db,
): Promise<DirectoryPartner[]> {
  const term = q?.trim().slice(0, 100) ?? '';
  return executor
    .select({
      slug: partnerships.slug,
      nameEn: localities.nameEn,
      nameZh: localities.nameZh,
      countryCode: localities.countryCode,
      type: partnerships.type,
      establishedYear: sql<number | null>`extract(year from ${partnerships.establishedOn})::int`,
      formerName: formerNameShown(localities.id, term),
    })
    .from(partnerships)
    .innerJoin(localities, eq(localities.id, partnerships.partnerLocalityId))
    .where(and(publicTies(homeLocalityId), filterWhere({ q: term })))
    .orderBy(asc(localities.nameEn));
}

/** One page of the public directory (see queryDirectoryPage), from the public cache. Anyone may call it. */
export async function listDirectory(homeLocalityId: string, filter: DirectoryFilter, locale: Locale): Promise<DirectoryPage> {
  'use cache';
  publicCache();
  return queryDirectoryPage(homeLocalityId, filter, locale);
}

/** The partners of the directory's map (see queryDirectoryMap), from the public cache. Anyone may call it. */
export async function listDirectoryMap(homeLocalityId: string, filter: DirectoryFilter, locale: Locale): Promise<DirectoryMapPartner[]> {
  'use cache';
  publicCache();
  return queryDirectoryMap(homeLocalityId, filter, locale);
}

/** The directory's filter choices (see queryDirectoryFacets), from the public cache. Anyone may call it. */
export async function getDirectoryFacets(homeLocalityId: string): Promise<DirectoryFacets> {
  'use cache';
  publicCache();
  return queryDirectoryFacets(homeLocalityId);
}
