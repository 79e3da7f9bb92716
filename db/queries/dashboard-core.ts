import { and, asc, desc, eq, inArray, isNull, lte, ne, notExists, or, sql, type SQL } from 'drizzle-orm';
import { isCalendarDate } from '../../lib/calendar-date';
import { continentOf, type Continent } from '../../lib/countries';
import {
  CONCLUDED_STATUSES,
  PARTNERSHIP_TYPES,
  type ActivityKind,
  type CooperationField,
  type DatePrecision,
  type PartnershipStatus,
  type PartnershipType,
} from '../../lib/domain';
import type { Executor } from '../client';
import type { DirectoryMapPartner } from './directory';
import { activities, activityPartnerships, activityQuantities, localities, partnerships, partnershipStatusEvents } from '../schema';

// The figures of the staff dashboard (/dashboard), as SQL aggregates, without the access check: whatever wraps them
// for the page checks the caller's role; tests call them directly. Internal ties count: this is the staff view.
//
// The rules every function here shares, "as of" a calendar date asOf (YYYY-MM-DD):
// - The network is the home locality's live (not soft-deleted) ties whose status as of asOf is one of
//   NETWORK_STATUSES: concluded (lib/domain.ts CONCLUDED_STATUSES) and not terminated. A tie still negotiated is not
//   a partner yet; a terminated one is not a partner any more; a lapsed one (no formal end) still is.
// - A tie counts from its establishedOn as stored, that is from the first day its precision allows: a tie known
//   by its year only (stored as 1 January) counts from 1 January of that year.
// - Its status as of asOf is that of its latest lifecycle step (partnership_status_events) effective on or before
//   asOf (steps of one date in the order recorded); when none is, the status it was registered with (its first
//   recorded step), else the row's status. Its type as of asOf is the current type, wound back through each upgrade
//   effective after asOf: a friendly tie upgraded to sister in 2005 was friendly in 2004.
// - When asOf is today or later (in the office's time zone, AMITY_TIME_ZONE, Asia/Shanghai by default), the
//   figures are the current ones: status and type are the row's own (the newest step, dated or not), and ties with
//   no establishment date count. Before today, a tie or step with no date is left out, since nobody can say whether
//   it had happened by then; figures.undated says how many undated ties that leaves out.
// - An activity counts when it is not soft-deleted, not cancelled, linked to a live tie of the home locality (of
//   any status: a visit to a city still negotiating is the office's work too) and started on or before asOf. It
//   runs from startedOn to endedOn; without an end, an ongoing one runs on to asOf and any other ends the day it
//   started (as the activity list's year filter reads them, db/queries/activities-core.ts). Dates compare as
//   stored, like establishment dates. An activity with no start date is in no year.
// - Text is sorted with COLLATE "C", so PGlite and PostgreSQL (whose default collations differ) give one order.

/** Statuses in which a tie counts as a partner: concluded and not terminated (lapsed ties have no formal end). */
export const NETWORK_STATUSES: readonly PartnershipStatus[] = CONCLUDED_STATUSES.filter((s) => s !== 'terminated');

/** The "sister" group (every sister_* type) and the "friendly" group (every friendly_cooperation_* type). */
export const SISTER_TYPES: readonly PartnershipType[] = PARTNERSHIP_TYPES.filter((t) => t.startsWith('sister_'));
export const FRIENDLY_TYPES: readonly PartnershipType[] = PARTNERSHIP_TYPES.filter((t) => t.startsWith('friendly_cooperation_'));

/** Options every function accepts: `today` (YYYY-MM-DD) stands for the office's today, for tests. */
export interface AsOfOptions {
  today?: string;
}

export interface NetworkFigures {
  /** Whether asOf is today or later: the current figures, which include the undated ties. */
  current: boolean;
  /** Partner localities (a locality with two ties counts once). */
  partners: number;
  countries: number;
  /** Continents of those countries (lib/countries.ts continentOf; a code it does not know is in none). */
  continents: number;
  /** Partners with no establishment date: counted in the figures when `current`, left out of them otherwise. */
  undated: number;
  /** Per type present (PARTNERSHIP_TYPES order), its partner localities and their countries. */
  byType: Array<{ type: PartnershipType; partners: number; countries: number }>;
  sister: { partners: number; countries: number };
  friendly: { partners: number; countries: number };
  /** Partner localities with a tie whose status as of asOf is 'active'. */
  active: number;
  /** Partner localities with a dormant tie (the localities of listDormantTies' rows). */
  dormant: number;
  /** Activities that ran in asOf's calendar year up to asOf, and in the year before. */
  activitiesThisYear: number;
  activitiesLastYear: number;
}

export interface GrowthYear {
  year: number;
  /** Ties established that year, by their type as of asOf; every type is a key. */
  byType: Record<PartnershipType, number>;
  total: number;
  /** Ties established that year or before. */
  cumulative: number;
}

export interface NetworkBreakdowns {
  /** Most partners first, then by continent code. */
  byContinent: Array<{ continent: Continent; partners: number }>;
  /** Most partners first, then by ISO 3166-1 alpha-2 code. */
  byCountry: Array<{ countryCode: string; partners: number }>;
  /** Partners whose tie names the field, most first, then in COOPERATION_FIELDS order. */
  byField: Array<{ field: CooperationField; partners: number }>;
  /** Activities that ran in each year (a year-spanning one in each), by kind; only non-zero cells, by year then kind. */
  activitiesByKindPerYear: Array<{ year: number; kind: ActivityKind; activities: number }>;
  /**
   * The quantities of donations, summed by item and unit (the same item whatever the case or spacing of its
   * English name, likewise the unit), most donations first. Names as the latest donation spells them.
   */
  donatedQuantities: Array<{ itemEn: string; itemZh: string | null; unit: string | null; amount: string; activities: number }>;
}

export interface DormantTie {
  id: string;
  slug: string;
  partnerNameEn: string;
  partnerNameZh: string | null;
  countryCode: string;
  /** The type as of asOf. */
  type: PartnershipType;
  establishedOn: string | null;
  establishedPrecision: DatePrecision | null;
  /** The last day the tie's latest activity ran by asOf, at that date's precision; null when it had none. */
  lastActivityOn: string | null;
  lastActivityPrecision: DatePrecision | null;
  /** Where its silence starts: the later of lastActivityOn and establishedOn; null when both are unknown. */
  silentSince: string | null;
}

/**
 * A partner on the dashboard's map: a directory map row (so the directory's map can draw it), with `type` as of
 * asOf, and the partnership's id (its staff page) and whether it is public (only then has `slug` a public page).
 */
export interface NetworkMapPartner extends DirectoryMapPartner {
  id: string;
  isPublic: boolean;
}

/** Today's date in the office's time zone (AMITY_TIME_ZONE, Asia/Shanghai by default), YYYY-MM-DD. */
function officeToday(): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: process.env.AMITY_TIME_ZONE || 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Checks asOf (and today) and says whether asOf gives the current figures. */
function readAsOf(asOf: string, options: AsOfOptions): boolean {
  const today = options.today ?? officeToday();
  for (const [name, value] of [['asOf', asOf], ['today', today]] as const) {
    if (!isCalendarDate(value)) throw new RangeError(`${name} must be a calendar date written YYYY-MM-DD, not ${JSON.stringify(value)}`);
  }
  return asOf >= today;
}

const ACTIVITY_ID = sql.raw('"activities"."id"');

/**
 * The network as of asOf (see the rules above), as a CTE named "network": one row per tie. Before today, each tie's
 * status and type come from one grouped pass over the lifecycle events: the status of the latest step effective on
 * or before asOf, else of the first step recorded, else the row's; the type before the first upgrade not in effect
 * on asOf (an undated one is not), else the row's.
 */
function networkAsOf(db: Executor, homeLocalityId: string, asOf: string, current: boolean) {
  const e = partnershipStatusEvents;
  const lifecycle = db
    .select({
      partnershipId: e.partnershipId,
      datedStatus: sql<PartnershipStatus | null>`(array_agg(${e.status} order by ${e.effectiveOn} desc, ${e.recordedAt} desc, ${e.id} desc)
        filter (where ${e.effectiveOn} <= ${asOf}::date))[1]`.as('dated_status'),
      firstStatus: sql<PartnershipStatus>`(array_agg(${e.status} order by ${e.recordedAt}, ${e.effectiveOn} nulls first, ${e.id}))[1]`.as('first_status'),
      typeBefore: sql<PartnershipType | null>`(array_agg(${e.fromType} order by ${e.effectiveOn} nulls last, ${e.recordedAt}, ${e.id})
        filter (where ${e.kind} = 'upgrade' and (${e.effectiveOn} > ${asOf}::date or ${e.effectiveOn} is null)))[1]`.as('type_before'),
    })
    .from(e)
    .groupBy(e.partnershipId)
    .as('lifecycle');
  const status = current ? sql<PartnershipStatus>`${partnerships.status}` : sql<PartnershipStatus>`coalesce(${lifecycle.datedStatus}, ${lifecycle.firstStatus}, ${partnerships.status})`;
  const type = current ? sql<PartnershipType>`${partnerships.type}` : sql<PartnershipType>`coalesce(${lifecycle.typeBefore}, ${partnerships.type})`;
  const tiesOfHome = db
    .select({
      id: partnerships.id,
      slug: partnerships.slug,
      partnerLocalityId: partnerships.partnerLocalityId,
      partnerSlug: sql<string>`${localities.slug}`.as('partner_slug'),
      nameEn: localities.nameEn,
      nameZh: localities.nameZh,
      countryCode: localities.countryCode,
      latitude: localities.latitude,
      longitude: localities.longitude,
      type: type.as('type'),
      status: status.as('status'),
      establishedOn: partnerships.establishedOn,
      establishedPrecision: partnerships.establishedPrecision,
      cooperationFields: partnerships.cooperationFields,
      isPublic: partnerships.isPublic,
    })
    .from(partnerships)
    .innerJoin(localities, eq(localities.id, partnerships.partnerLocalityId));
  const ties = (current ? tiesOfHome : tiesOfHome.leftJoin(lifecycle, eq(lifecycle.partnershipId, partnerships.id)))
    .where(
      and(
        eq(partnerships.homeLocalityId, homeLocalityId),
        isNull(partnerships.deletedAt),
        current
          ? or(isNull(partnerships.establishedOn), lte(partnerships.establishedOn, asOf))
          : lte(partnerships.establishedOn, asOf),
      ),
    )
    .as('ties');
  return db.$with('network').as(db.select().from(ties).where(inArray(ties.status, [...NETWORK_STATUSES])));
}

/** The activity's last day as stored: its end; without one, infinity while ongoing, else its start. */
const activityEnd = sql`coalesce(${activities.endedOn}, case when ${activities.status} = 'ongoing' then 'infinity'::date else ${activities.startedOn} end)`;

/** An activity the figures count (see the rules above), started on or before asOf (or undated, when current). */
function countedActivity(homeLocalityId: string, asOf: string, current: boolean): SQL {
  return and(
    isNull(activities.deletedAt),
    ne(activities.status, 'cancelled'),
    current ? or(isNull(activities.startedOn), lte(activities.startedOn, asOf)) : lte(activities.startedOn, asOf),
    sql`exists (select 1 from activity_partnerships ap join partnerships p on p.id = ap.partnership_id
      where ap.activity_id = ${ACTIVITY_ID} and p.home_locality_id = ${homeLocalityId} and p.deleted_at is null)`,
  )!;
}

const year = (asOf: string) => Number(asOf.slice(0, 4));
const yearText = (y: number) => String(y).padStart(4, '0');

function checkYears(years: number): void {
  if (!Number.isInteger(years) || years < 1 || years > 200) throw new RangeError(`years must be a whole number from 1 to 200, not ${years}`);
}

/**
 * The dormant ties of the network as of asOf: those with no counted activity (see the rules above; this partner's
 * part of it not cancelled either) in the `years` years before asOf. Silence starts at the tie's last activity, or
 * at its establishment when that is later or there was none; a tie is dormant when its silence started before
 * asOf minus `years` years (PostgreSQL's calendar: 29 February 2000 plus 3 years is 28 February 2003), or is
 * unknown (undated, never active: these only in the current figures). The window is checked with NOT EXISTS,
 * which stops at a tie's first recent activity; the last activity is looked up for the dormant ties only.
 */
function dormantTiesQuery(db: Executor, homeLocalityId: string, asOf: string, years: number, current: boolean) {
  const network = networkAsOf(db, homeLocalityId, asOf, current);
  const since = sql`(${asOf}::date - make_interval(years => ${years}::int))::date`;
  const activityOfTie = and(
    eq(activityPartnerships.partnershipId, network.id),
    ne(activityPartnerships.status, 'cancelled'),
    isNull(activities.deletedAt),
    ne(activities.status, 'cancelled'),
    lte(activities.startedOn, asOf),
  );
  const lastDay = sql`least(${activityEnd}, ${asOf}::date)`;
  const last = db
    .select({
      on: sql<string>`${lastDay}::text`.as('last_on'),
      precision: sql<DatePrecision>`case when ${lastDay} = ${activities.endedOn} then ${activities.endedPrecision}
        when ${activities.endedOn} is null and ${activities.status} <> 'ongoing' then ${activities.startedPrecision}
        else 'day' end`.as('last_precision'),
    })
    .from(activityPartnerships)
    .innerJoin(activities, eq(activities.id, activityPartnerships.activityId))
    .where(activityOfTie)
    .orderBy(desc(lastDay))
    .limit(1)
    .as('last_activity');
  return db
    .with(network)
    .select({
      id: network.id,
      slug: network.slug,
      partnerLocalityId: network.partnerLocalityId,
      partnerSlug: network.partnerSlug,
      partnerNameEn: network.nameEn,
      partnerNameZh: network.nameZh,
      countryCode: network.countryCode,
      type: network.type,
      establishedOn: network.establishedOn,
      establishedPrecision: network.establishedPrecision,
      lastActivityOn: last.on,
      lastActivityPrecision: last.precision,
      silentSince: sql<string | null>`greatest(${last.on}::date, ${network.establishedOn})::text`.as('silent_since'),
    })
    .from(network)
    .leftJoinLateral(last, sql`true`)
    .where(
      and(
        or(isNull(network.establishedOn), sql`${network.establishedOn} < ${since}`),
        notExists(
          db
            .select({ one: sql`1` })
            .from(activityPartnerships)
            .innerJoin(activities, eq(activities.id, activityPartnerships.activityId))
            .where(and(activityOfTie, sql`${activityEnd} >= ${since}`)),
        ),
      ),
    );
}

/**
 * The dashboard's headline figures as they stood on `asOf` (YYYY-MM-DD; the page passes the office's today by
 * default): partners, countries, continents, by type and by group, active and dormant (no activity in
 * `dormantYears` years, default 3; see listDormantTies), and activities this year and last. The rules (as of,
 * undated ties, which activities count) are at the top of this file. Five aggregate queries; the activity counts
 * scan the activities (no index covers endedOn, which a year-spanning activity needs), so their cost grows with
 * history until the summary tables of the performance issue. Throws RangeError for a date not written YYYY-MM-DD
 * or `dormantYears` outside 1..200.
 * Staff only: internal ties count.
 */
export async function getNetworkFigures(
  db: Executor,
  homeLocalityId: string,
  asOf: string,
  { dormantYears = 3, ...options }: AsOfOptions & { dormantYears?: number } = {},
): Promise<NetworkFigures> {
  const current = readAsOf(asOf, options);
  checkYears(dormantYears);
  const network = networkAsOf(db, homeLocalityId, asOf, current);
  const partnersWhere = (cond: SQL) => sql<number>`(count(distinct ${network.partnerLocalityId}) filter (where ${cond}))::int`;
  const countriesWhere = (cond: SQL) => sql<number>`(count(distinct ${network.countryCode}) filter (where ${cond}))::int`;
  const sister = inArray(network.type, [...SISTER_TYPES]);
  const friendly = inArray(network.type, [...FRIENDLY_TYPES]);
  const y = year(asOf);
  const dormant = dormantTiesQuery(db, homeLocalityId, asOf, dormantYears, current).as('dormant');

  const [[totals], byType, [undated], [dormantCount], [activityCounts]] = await Promise.all([
    db
      .with(network)
      .select({
        partners: sql<number>`count(distinct ${network.partnerLocalityId})::int`,
        countries: sql<number>`count(distinct ${network.countryCode})::int`,
        countryCodes: sql<string[]>`coalesce(array_agg(distinct ${network.countryCode}), '{}')`,
        sisterPartners: partnersWhere(sister),
        sisterCountries: countriesWhere(sister),
        friendlyPartners: partnersWhere(friendly),
        friendlyCountries: countriesWhere(friendly),
        active: partnersWhere(sql`${network.status} = 'active'`),
      })
      .from(network),
    db
      .with(network)
      .select({
        type: network.type,
        partners: sql<number>`count(distinct ${network.partnerLocalityId})::int`,
        countries: sql<number>`count(distinct ${network.countryCode})::int`,
      })
      .from(network)
      .groupBy(network.type)
      .orderBy(network.type),
    // Undated ties by their current status: nobody knows an undated tie's past.
    db
      .select({ n: sql<number>`count(distinct ${partnerships.partnerLocalityId})::int` })
      .from(partnerships)
      .where(
        and(
          eq(partnerships.homeLocalityId, homeLocalityId),
          isNull(partnerships.deletedAt),
          isNull(partnerships.establishedOn),
          inArray(partnerships.status, [...NETWORK_STATUSES]),
        ),
      ),
    db.select({ n: sql<number>`count(distinct ${dormant.partnerLocalityId})::int` }).from(dormant),
    db
      .select({
        thisYear: sql<number>`(count(*) filter (where ${activityEnd} >= ${`${yearText(y)}-01-01`}::date))::int`,
        lastYear: sql<number>`(count(*) filter (where ${activities.startedOn} <= ${`${yearText(y - 1)}-12-31`}::date))::int`,
      })
      .from(activities)
      .where(
        and(
          countedActivity(homeLocalityId, asOf, false),
          sql`${activityEnd} >= ${`${yearText(y - 1)}-01-01`}::date`,
        ),
      ),
  ]);

  return {
    current,
    partners: totals?.partners ?? 0,
    countries: totals?.countries ?? 0,
    continents: new Set((totals?.countryCodes ?? []).map(continentOf).filter((c) => c !== null)).size,
    undated: undated?.n ?? 0,
    byType,
    sister: { partners: totals?.sisterPartners ?? 0, countries: totals?.sisterCountries ?? 0 },
    friendly: { partners: totals?.friendlyPartners ?? 0, countries: totals?.friendlyCountries ?? 0 },
    active: totals?.active ?? 0,
    dormant: dormantCount?.n ?? 0,
    activitiesThisYear: activityCounts?.thisYear ?? 0,
    activitiesLastYear: activityCounts?.lastYear ?? 0,
  };
}

/**
 * How the network of `asOf` grew: for every year from the first establishment among its ties (1979, Fukuoka, in
 * the demo) to asOf's year, zeros included, the ties established that year by type (their type as of asOf), the
 * year's total and the running total. Counts ties, not localities, and only ties in the network on asOf: a tie
 * terminated by then is in no year, an undated one in none either (figures.undated counts those). Empty when the
 * network has no dated tie. One query (generate_series and a window sum). Throws RangeError for a date not written
 * YYYY-MM-DD. Staff only.
 */
export async function getGrowth(db: Executor, homeLocalityId: string, asOf: string, options: AsOfOptions = {}): Promise<GrowthYear[]> {
  const current = readAsOf(asOf, options);
  const network = networkAsOf(db, homeLocalityId, asOf, current);
  const byType = sql.join(
    PARTNERSHIP_TYPES.map((t) => sql`${t}::text, count(${network.id}) filter (where ${network.type} = ${t})`),
    sql`, `,
  );
  return db
    .with(network)
    .select({
      year: sql<number>`y.year`,
      byType: sql<Record<PartnershipType, number>>`json_build_object(${byType})`,
      total: sql<number>`count(${network.id})::int`,
      cumulative: sql<number>`(sum(count(${network.id})) over (order by y.year))::int`,
    })
    .from(sql`generate_series((select min(extract(year from established_on))::int from network), ${year(asOf)}::int) as y(year)`)
    .leftJoin(network, sql`extract(year from ${network.establishedOn}) = y.year`)
    .groupBy(sql`y.year`)
    .orderBy(sql`y.year`);
}

/**
 * The network of `asOf` broken down by continent (rolled up from the countries with lib/countries.ts continentOf; a
 * code it does not know is left out), by country and by cooperation field (partner localities, a locality once
 * however many ties it has); the counted activities by kind and year (an activity spanning years counts in each,
 * up to asOf's year); and the quantities of counted donations (kind 'donation'), summed exactly in SQL by item and
 * unit, each quantity counting when it is the activity's own or a live home tie's. Undated activities are in no
 * year, and their quantities count only in the current figures. The rules are at the top of this file. Four
 * queries; the activity ones read every counted activity (until the summary tables of the performance issue), the
 * per-year one grouping them by first year, last year and kind before spreading them over the years.
 * Throws RangeError for a date not written YYYY-MM-DD. Staff only.
 */
export async function getBreakdowns(db: Executor, homeLocalityId: string, asOf: string, options: AsOfOptions = {}): Promise<NetworkBreakdowns> {
  const current = readAsOf(asOf, options);
  const network = networkAsOf(db, homeLocalityId, asOf, current);
  const partners = sql<number>`count(distinct ${network.partnerLocalityId})::int`;
  const fields = db
    .select({ field: sql<CooperationField>`unnest(${network.cooperationFields})`.as('field'), partnerLocalityId: network.partnerLocalityId })
    .from(network)
    .as('fields');
  const fieldPartners = sql<number>`count(distinct ${fields.partnerLocalityId})::int`;
  // Activities are counted by first year, last year and kind before the spans are spread over their years, so
  // the rows to spread are a few hundred however many activities there are.
  const firstYear = sql<number>`extract(year from ${activities.startedOn})::int`;
  const lastYear = sql<number>`extract(year from least(${activityEnd}, ${asOf}::date))::int`;
  const spans = db
    .select({ firstYear: firstYear.as('first_year'), lastYear: lastYear.as('last_year'), kind: activities.kind, n: sql<number>`count(*)`.as('n') })
    .from(activities)
    .where(countedActivity(homeLocalityId, asOf, false))
    // By position: the same expression twice would carry asOf as two parameters, which PostgreSQL cannot match.
    .groupBy(sql`1`, sql`2`, sql`3`)
    .as('spans');
  const years = db
    .select({ year: sql<number>`generate_series(${spans.firstYear}, ${spans.lastYear})`.as('year'), kind: spans.kind, n: spans.n })
    .from(spans)
    .as('years');
  const latestFirst = sql`${activities.startedOn} desc nulls last, ${activityQuantities.position}, ${activityQuantities.id}`;
  const itemKey = sql`lower(btrim(${activityQuantities.itemEn}))`;
  const unitKey = sql`lower(btrim(coalesce(${activityQuantities.unit}, '')))`;
  const donations = sql<number>`count(distinct ${activityQuantities.activityId})::int`;

  const [byCountry, byField, activitiesByKindPerYear, donatedQuantities] = await Promise.all([
    db
      .with(network)
      .select({ countryCode: network.countryCode, partners })
      .from(network)
      .groupBy(network.countryCode)
      .orderBy(desc(partners), sql`${network.countryCode} collate "C"`),
    db
      .with(network)
      .select({ field: fields.field, partners: fieldPartners })
      .from(fields)
      .groupBy(fields.field)
      .orderBy(desc(fieldPartners), asc(fields.field)),
    db
      .select({ year: years.year, kind: years.kind, activities: sql<number>`sum(${years.n})::int` })
      .from(years)
      .groupBy(years.year, years.kind)
      .orderBy(years.year, years.kind),
    db
      .select({
        itemEn: sql<string>`btrim((array_agg(${activityQuantities.itemEn} order by ${latestFirst}))[1])`,
        itemZh: sql<string | null>`btrim((array_agg(${activityQuantities.itemZh} order by ${latestFirst}) filter (where ${activityQuantities.itemZh} is not null))[1])`,
        unit: sql<string | null>`btrim((array_agg(${activityQuantities.unit} order by ${latestFirst}))[1])`,
        amount: sql<string>`sum(${activityQuantities.amount})::text`,
        activities: donations,
      })
      .from(activityQuantities)
      .innerJoin(activities, eq(activities.id, activityQuantities.activityId))
      .where(
        and(
          eq(activities.kind, 'donation'),
          countedActivity(homeLocalityId, asOf, current),
          sql`(${activityQuantities.partnershipId} is null or exists (select 1 from partnerships p
            where p.id = ${activityQuantities.partnershipId} and p.home_locality_id = ${homeLocalityId} and p.deleted_at is null))`,
        ),
      )
      .groupBy(itemKey, unitKey)
      .orderBy(desc(donations), sql`${itemKey} collate "C"`, sql`${unitKey} collate "C"`),
  ]);

  const continents = new Map<Continent, number>();
  for (const { countryCode, partners: n } of byCountry) {
    const continent = continentOf(countryCode);
    if (continent) continents.set(continent, (continents.get(continent) ?? 0) + n);
  }
  const byContinent = [...continents]
    .map(([continent, n]) => ({ continent, partners: n }))
    .sort((a, b) => b.partners - a.partners || (a.continent < b.continent ? -1 : 1));
  return { byContinent, byCountry, byField, activitiesByKindPerYear, donatedQuantities };
}

/**
 * The network's dormant ties as of `asOf`: ties with no counted activity (this partner's part of it not cancelled
 * either) from asOf minus `years` years up to asOf. An activity counts while it runs (a year-spanning or ongoing one
 * keeps its tie awake); a tie younger than `years` is not dormant (its silence starts at its establishment); a tie
 * made on 29 February 2000 is dormant for 3 years from 1 March 2003 (PostgreSQL's calendar: 2003-02-28 minus 3
 * years is 2000-02-28). Longest silence first (silentSince: the later of the last activity and the establishment),
 * then by partner; undated ties that never had an activity last (only in the current figures, as every undated
 * tie). lastActivityOn is the last day its latest activity ran by asOf, as stored, at that date's precision. The
 * rules are at the top of this file. One query: per tie, its activities through the activity_partnerships
 * partnership index until a recent one turns up, then the last activity of the dormant ones only. Throws
 * RangeError for a date not written YYYY-MM-DD or `years` outside 1..200. Staff only.
 */
export async function listDormantTies(
  db: Executor,
  homeLocalityId: string,
  asOf: string,
  years: number,
  options: AsOfOptions = {},
): Promise<DormantTie[]> {
  const current = readAsOf(asOf, options);
  checkYears(years);
  const dormant = dormantTiesQuery(db, homeLocalityId, asOf, years, current).as('dormant');
  return db
    .select({
      id: dormant.id,
      slug: dormant.slug,
      partnerNameEn: dormant.partnerNameEn,
      partnerNameZh: dormant.partnerNameZh,
      countryCode: dormant.countryCode,
      type: dormant.type,
      establishedOn: dormant.establishedOn,
      establishedPrecision: dormant.establishedPrecision,
      lastActivityOn: dormant.lastActivityOn,
      lastActivityPrecision: dormant.lastActivityPrecision,
      silentSince: dormant.silentSince,
    })
    .from(dormant)
    .orderBy(sql`${dormant.silentSince} asc nulls last`, sql`${dormant.partnerSlug} collate "C"`, sql`${dormant.slug} collate "C"`);
}

/**
 * The partners of the network as of `asOf` for the world map: one row per tie, with its type as of asOf, its year
 * of establishment (null when undated) and the partner's coordinates (null when unknown), by partner slug. The
 * rules are at the top of this file. One query. Throws RangeError for a date not written YYYY-MM-DD. Staff only:
 * internal ties are in it, marked by `isPublic`.
 */
export async function listNetworkMapAsOf(
  db: Executor,
  homeLocalityId: string,
  asOf: string,
  options: AsOfOptions = {},
): Promise<NetworkMapPartner[]> {
  const current = readAsOf(asOf, options);
  const network = networkAsOf(db, homeLocalityId, asOf, current);
  return db
    .with(network)
    .select({
      id: network.id,
      slug: network.slug,
      nameEn: network.nameEn,
      nameZh: network.nameZh,
      countryCode: network.countryCode,
      type: network.type,
      establishedYear: sql<number | null>`extract(year from ${network.establishedOn})::int`,
      latitude: network.latitude,
      longitude: network.longitude,
      isPublic: network.isPublic,
    })
    .from(network)
    .orderBy(sql`${network.partnerSlug} collate "C"`, sql`${network.slug} collate "C"`);
}
