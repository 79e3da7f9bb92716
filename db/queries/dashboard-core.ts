import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, ne, notExists, or, sql, type SQL } from 'drizzle-orm';
import { unionAll, type SubqueryWithSelection } from 'drizzle-orm/pg-core';
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
import {
  activities,
  activityPartnerships,
  dashboardActivityCounts,
  dashboardActivityFacts,
  dashboardDonationTotals,
  dashboardQuantityFacts,
  localities,
  partnerships,
  partnershipStatusEvents,
} from '../schema';

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
//
// The activity figures (activities this year and last, by kind per year, donated quantities) read summaries kept in
// step with every write, so their cost grows with the calendar (years x kinds, items), not with the number of
// activities (the performance issue: 1M activities). The design:
// - Facts: dashboard_activity_facts holds one row per counted activity and home locality it counts for (kind, start
//   date, last year: the year of its end, of its start when it has none, null while ongoing without end);
//   dashboard_quantity_facts one row per counted donation quantity and home (item and unit keys, spelling, amount,
//   the activity's start date). Summaries: dashboard_activity_counts, per (home, kind, month of start, last year);
//   dashboard_donation_totals, per (home, item key, unit key, month of start or undated), amount and donations.
// - Kept in step by database triggers (migrations 0011-0013), not by db/mutations: they hold for every writer (the
//   activity pages, the seeds, the spreadsheet import, plain SQL), in the writer's transaction. Each statement that
//   writes activities, activity_partnerships or activity_quantities, or that soft-deletes, restores or re-homes a
//   partnership, calls dashboard_refresh_activities with the activities it touched (statement-level triggers with
//   transition tables: a multi-row insert of 100,000 activities refreshes them in one set-based pass). The refresh
//   takes the activities' old facts out (subtracting their counts), derives the new ones from the base tables by
//   the rules above, and adds them in. It locks the activities' rows first, so two transactions never refresh one
//   activity at once; summaries only ever take additions and subtractions (a row fallen to zero stays), which
//   concurrent transactions apply in turn. A TRUNCATE rebuilds them all.
// - Read "as of" asOf: the summaries' months before asOf's month, plus asOf's own month from the facts through their
//   (home, start date) index (one month of activities), so a past date is as exact as today. The latest spelling of
//   a donated item is one probe per item into a facts index ordered as the rule says.
// - Why not counters in db/mutations: the import and the seeds write with their own SQL, and a forgotten path would
//   drift silently. Why facts beside the counts: a write must know what it replaces, and the facts say it without
//   re-deriving an activity's old state. db/queries/dashboard-recount.ts keeps the scanning queries, against which
//   db/queries/dashboard-summaries.int.test.ts checks these after random writes.

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

/**
 * Checks asOf (and `today`, default the office's) and says whether asOf gives the current figures (asOf is today or
 * later). Throws RangeError for a date not written YYYY-MM-DD. For this module and dashboard-recount.ts.
 */
export function readAsOf(asOf: string, options: AsOfOptions): boolean {
  const today = options.today ?? officeToday();
  for (const [name, value] of [['asOf', asOf], ['today', today]] as const) {
    if (!isCalendarDate(value)) throw new RangeError(`${name} must be a calendar date written YYYY-MM-DD, not ${JSON.stringify(value)}`);
  }
  return asOf >= today;
}

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

/** The activity's last day as stored: its end; without one, infinity while ongoing, else its start (SQL, on activities). */
export const activityEnd = sql`coalesce(${activities.endedOn}, case when ${activities.status} = 'ongoing' then 'infinity'::date else ${activities.startedOn} end)`;

const year = (asOf: string) => Number(asOf.slice(0, 4));
const monthStart = (asOf: string) => `${asOf.slice(0, 7)}-01`;

/**
 * The counted activities started on or before asOf (undated ones are in no year), as rows (kind, first_year,
 * end_year, n): the summary's cells of the months before asOf's, and the facts of asOf's month up to asOf.
 */
function activityCells(db: Executor, homeLocalityId: string, asOf: string) {
  const c = dashboardActivityCounts;
  const f = dashboardActivityFacts;
  return unionAll(
    db
      .select({
        kind: sql<ActivityKind>`${c.kind}`.as('kind'),
        firstYear: sql<number>`extract(year from ${c.startMonth})::int`.as('first_year'),
        endYear: sql<number | null>`${c.endYear}`.as('end_year'),
        n: sql<number>`${c.activities}`.as('n'),
      })
      .from(c)
      .where(and(eq(c.homeLocalityId, homeLocalityId), lt(c.startMonth, monthStart(asOf)))),
    db
      .select({
        kind: sql<ActivityKind>`${f.kind}`.as('kind'),
        firstYear: sql<number>`extract(year from ${f.startedOn})::int`.as('first_year'),
        endYear: sql<number | null>`${f.endYear}`.as('end_year'),
        n: sql<number>`1`.as('n'),
      })
      .from(f)
      .where(and(eq(f.homeLocalityId, homeLocalityId), gte(f.startedOn, monthStart(asOf)), lte(f.startedOn, asOf))),
  ).as('cells');
}

/** Activities of one kind that ran from firstYear to lastYear (n of them), as spreadOverYears reads them. */
export type ActivitySpan = {
  firstYear: SQL.Aliased<number>;
  lastYear: SQL.Aliased<number>;
  kind: SQL.Aliased<ActivityKind>;
  n: SQL.Aliased<number>;
};

/**
 * Spreads activity spans (first year, last year, kind, count) over their years: the rows of activitiesByKindPerYear
 * (non-zero cells, by year then kind). For this module and dashboard-recount.ts, which build the spans differently.
 */
export function spreadOverYears(db: Executor, spans: SubqueryWithSelection<ActivitySpan, 'spans'>) {
  const years = db
    .select({ year: sql<number>`generate_series(${spans.firstYear}, ${spans.lastYear})`.as('year'), kind: spans.kind, n: spans.n })
    .from(spans)
    .as('years');
  return db
    .select({ year: years.year, kind: years.kind, activities: sql<number>`sum(${years.n})::int` })
    .from(years)
    .groupBy(years.year, years.kind)
    .having(sql`sum(${years.n}) > 0`)
    .orderBy(years.year, years.kind);
}

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
 * read the summaries (the design is at the top of this file), so their cost grows with the calendar, not with the
 * number of activities. Throws RangeError for a date not written YYYY-MM-DD or `dormantYears` outside 1..200.
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
  const cells = activityCells(db, homeLocalityId, asOf);

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
        thisYear: sql<number>`coalesce(sum(${cells.n}) filter (where ${cells.endYear} is null or ${cells.endYear} >= ${y}::int), 0)::int`,
        lastYear: sql<number>`coalesce(sum(${cells.n}) filter (where ${cells.firstYear} < ${y}::int
          and (${cells.endYear} is null or ${cells.endYear} >= ${y - 1}::int)), 0)::int`,
      })
      .from(cells),
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

type DonatedQuantity = NetworkBreakdowns['donatedQuantities'][number];

/**
 * The donated quantities as of asOf (see getBreakdowns): the summaries' months before asOf's (and the undated
 * ones when current), plus asOf's month from the facts; each item's spelling from its latest fact by asOf, in the
 * rule's order (start date, latest first, undated last; then the quantity's position and id).
 */
async function donatedQuantitiesAsOf(db: Executor, homeLocalityId: string, asOf: string, current: boolean): Promise<DonatedQuantity[]> {
  const t = dashboardDonationTotals;
  const f = dashboardQuantityFacts;
  const totals = db
    .select({
      itemKey: sql<string>`${t.itemKey}`.as('item_key'),
      unitKey: sql<string>`${t.unitKey}`.as('unit_key'),
      amount: sql<string>`${t.amount}`.as('amount'),
      n: sql<number>`${t.activities}::bigint`.as('n'),
    })
    .from(t)
    .where(and(eq(t.homeLocalityId, homeLocalityId), current ? or(lt(t.startMonth, monthStart(asOf)), isNull(t.startMonth)) : lt(t.startMonth, monthStart(asOf))));
  const thisMonth = db
    .select({
      itemKey: sql<string>`${f.itemKey}`.as('item_key'),
      unitKey: sql<string>`${f.unitKey}`.as('unit_key'),
      amount: sql<string>`sum(${f.amount})`.as('amount'),
      n: sql<number>`count(distinct ${f.activityId})`.as('n'),
    })
    .from(f)
    .where(and(eq(f.homeLocalityId, homeLocalityId), gte(f.startedOn, monthStart(asOf)), lte(f.startedOn, asOf)))
    .groupBy(f.itemKey, f.unitKey);
  const cells = unionAll(totals, thisMonth).as('cells');
  const groups = db
    .select({
      itemKey: cells.itemKey,
      unitKey: cells.unitKey,
      amount: sql<string>`sum(${cells.amount})`.as('total'),
      activities: sql<number>`sum(${cells.n})::int`.as('donations'),
    })
    .from(cells)
    .groupBy(cells.itemKey, cells.unitKey)
    .having(sql`sum(${cells.n}) > 0`)
    .as('groups');
  // The latest fact of the group by asOf: a dated one if any, else (current figures only) an undated one. The group's
  // keys are named with their subquery, which drizzle leaves out of an aliased field.
  const latest = (column: SQL, onlyNamed: boolean) => {
    const named = onlyNamed ? sql` and ${f.itemZh} is not null` : sql``;
    const same = sql`${f.homeLocalityId} = ${homeLocalityId} and ${f.itemKey} = "groups"."item_key" and ${f.unitKey} = "groups"."unit_key"${named}`;
    const undated = current
      ? sql` union all (select 1, ${column} from ${f} where ${same} and ${f.startedOn} is null order by ${f.position}, ${f.quantityId} limit 1)`
      : sql``;
    return sql`(select x.v from ((select 0 as r, ${column} as v from ${f} where ${same} and ${f.startedOn} <= ${asOf}::date
      order by ${f.startedOn} desc nulls last, ${f.position}, ${f.quantityId} limit 1)${undated}) x order by x.r limit 1)`;
  };
  return db
    .select({
      itemEn: sql<string>`btrim(${latest(sql`${f.itemEn}`, false)})`,
      itemZh: sql<string | null>`btrim(${latest(sql`${f.itemZh}`, true)})`,
      unit: sql<string | null>`btrim(${latest(sql`${f.unit}`, false)})`,
      amount: sql<string>`${groups.amount}::text`,
      activities: groups.activities,
    })
    .from(groups)
    .orderBy(desc(groups.activities), sql`${groups.itemKey} collate "C"`, sql`${groups.unitKey} collate "C"`);
}

/**
 * The network of `asOf` broken down by continent (rolled up from the countries with lib/countries.ts continentOf; a
 * code it does not know is left out), by country and by cooperation field (partner localities, a locality once
 * however many ties it has); the counted activities by kind and year (an activity spanning years counts in each,
 * up to asOf's year); and the quantities of counted donations (kind 'donation'), summed exactly in SQL by item and
 * unit, each quantity counting when it is the activity's own or a live home tie's. Undated activities are in no
 * year, and their quantities count only in the current figures. The rules are at the top of this file. Four
 * queries; the activity ones read the summaries (the design is at the top of this file), so their cost grows with
 * the calendar and the number of items, not with the number of activities.
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
  const cells = activityCells(db, homeLocalityId, asOf);
  const spans = db
    .select({
      firstYear: cells.firstYear,
      lastYear: sql<number>`least(coalesce(${cells.endYear}, ${year(asOf)}::int), ${year(asOf)}::int)`.as('last_year'),
      kind: cells.kind,
      n: sql<number>`sum(${cells.n})`.as('n'),
    })
    .from(cells)
    // By position: the same expression twice would carry asOf's year as two parameters, which PostgreSQL cannot match.
    .groupBy(sql`1`, sql`2`, sql`3`)
    .as('spans');

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
    spreadOverYears(db, spans),
    donatedQuantitiesAsOf(db, homeLocalityId, asOf, current),
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
