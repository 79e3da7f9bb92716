import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ActivityDirection, ActivityKind, ActivityStatus, CooperationField, DatePrecision } from '../../lib/domain';
import { slugify } from '../../lib/slug';
import { ACTIVITIES_PAGE_SIZE, type ActivityFilter } from '../../lib/validation/activities';
import type { Executor } from '../client';
import {
  activities,
  activityMilestones,
  activityOrganisations,
  activityPartnerships,
  activityQuantities,
  localities,
  partnerships,
} from '../schema';

// The queries behind the staff activity pages, without the access check: db/queries/activities.ts checks the
// caller's role and calls these; tests call them directly.

// Inside a correlated subquery the outer activity's id must be qualified: drizzle writes a one-table select's
// columns bare ("id"), which the subquery's own tables would claim.
const ACTIVITY_ID = sql.raw('"activities"."id"');

const home = alias(localities, 'home_locality');
const partner = alias(localities, 'partner_locality');

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A partnership as an activity names it: the two localities' names and the partner's country. */
export interface ActivityPartnerRef {
  partnershipId: string;
  partnerNameEn: string;
  partnerNameZh: string | null;
  countryCode: string;
  homeNameEn: string;
  homeNameZh: string | null;
}

export interface ActivityListRow {
  id: string;
  slug: string;
  kind: ActivityKind;
  status: ActivityStatus;
  direction: ActivityDirection;
  titleEn: string;
  titleZh: string | null;
  startedOn: string | null;
  startedPrecision: DatePrecision | null;
  endedOn: string | null;
  endedPrecision: DatePrecision | null;
  isPublic: boolean;
  deletedAt: Date | null;
  version: number;
  partners: ActivityPartnerRef[];
}

/** The activity's partners, in their order, as a JSON array (one subquery, no query per row). */
const partnersJson = sql<ActivityPartnerRef[]>`coalesce((
  select json_agg(json_build_object(
    'partnershipId', ap.partnership_id, 'partnerNameEn', pl.name_en, 'partnerNameZh', pl.name_zh,
    'countryCode', pl.country_code, 'homeNameEn', hl.name_en, 'homeNameZh', hl.name_zh) order by ap.position)
  from activity_partnerships ap
  join partnerships p on p.id = ap.partnership_id
  join localities pl on pl.id = p.partner_locality_id
  join localities hl on hl.id = p.home_locality_id
  where ap.activity_id = ${ACTIVITY_ID}), '[]'::json)`;

/** The WHERE clause of a filter. Search text matches either title, the places, or a partner's name. */
function filterWhere(filter: ActivityFilter): SQL | undefined {
  const term = filter.q;
  const pattern = `%${likeEscape(term)}%`;
  const folded = slugify(term);
  const partnerMatch = (cond: SQL) => sql`exists (
    select 1 from activity_partnerships ap
    join partnerships p on p.id = ap.partnership_id
    join localities pl on pl.id = p.partner_locality_id
    where ap.activity_id = ${ACTIVITY_ID} and ${cond})`;
  return and(
    filter.deleted ? isNotNull(activities.deletedAt) : isNull(activities.deletedAt),
    term
      ? sql`(${activities.titleEn} ilike ${pattern} or ${activities.titleZh} ilike ${pattern} or ${activities.placeEn} ilike ${pattern}
          or ${activities.placeZh} ilike ${pattern} or ${activities.slug} like ${`%${likeEscape(folded || term)}%`}
          or ${partnerMatch(sql`(pl.name_en ilike ${pattern} or pl.name_zh ilike ${pattern} or pl.slug like ${`%${likeEscape(folded || term)}%`})`)})`
      : undefined,
    filter.kind ? eq(activities.kind, filter.kind) : undefined,
    filter.status ? eq(activities.status, filter.status) : undefined,
    filter.direction ? eq(activities.direction, filter.direction) : undefined,
    filter.partnership
      ? sql`exists (select 1 from activity_partnerships ap where ap.activity_id = ${ACTIVITY_ID} and ap.partnership_id = ${filter.partnership})`
      : undefined,
    filter.country ? partnerMatch(sql`pl.country_code = ${filter.country}`) : undefined,
    filter.field ? sql`${filter.field}::cooperation_field = any(${activities.cooperationFields})` : undefined,
    // An activity runs in a year when it started by its end and ended in or after it; without an end, an ongoing
    // one runs on to this day (the Orange Line, since 2020), any other ends when it started.
    filter.year
      ? sql`${activities.startedOn} <= ${`${filter.year}-12-31`}::date and coalesce(${activities.endedOn}, case when ${activities.status} = 'ongoing' then 'infinity'::date else ${activities.startedOn} end) >= ${`${filter.year}-01-01`}::date`
      : undefined,
    filter.visibility ? eq(activities.isPublic, filter.visibility === 'public') : undefined,
  );
}

const listColumns = {
  id: activities.id,
  slug: activities.slug,
  kind: activities.kind,
  status: activities.status,
  direction: activities.direction,
  titleEn: activities.titleEn,
  titleZh: activities.titleZh,
  startedOn: activities.startedOn,
  startedPrecision: activities.startedPrecision,
  endedOn: activities.endedOn,
  endedPrecision: activities.endedPrecision,
  isPublic: activities.isPublic,
  deletedAt: activities.deletedAt,
  version: activities.version,
};

/** One page of activities matching `filter`, newest first, with each one's partners, and the total count. */
export async function queryActivities(executor: Executor, filter: ActivityFilter): Promise<{ rows: ActivityListRow[]; total: number }> {
  const where = filterWhere(filter);
  const [rows, [count]] = await Promise.all([
    executor
      .select({ ...listColumns, partners: partnersJson })
      .from(activities)
      .where(where)
      .orderBy(sql`${activities.startedOn} desc nulls last`, asc(activities.titleEn), asc(activities.id))
      .limit(ACTIVITIES_PAGE_SIZE)
      .offset((filter.page - 1) * ACTIVITIES_PAGE_SIZE),
    executor.select({ n: sql<number>`count(*)::int` }).from(activities).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export interface ActivityQuantityRow {
  partnershipId: string | null;
  itemEn: string;
  itemZh: string | null;
  amount: string;
  unit: string | null;
}

export interface ActivityDetail extends ActivityListRow {
  descriptionEn: string | null;
  descriptionZh: string | null;
  placeEn: string | null;
  placeZh: string | null;
  cooperationFields: CooperationField[];
  valueAmount: string | null;
  valueCurrency: string | null;
  participants: number | null;
  links: string[];
  sources: string[];
  internalNotes: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Each partner with its own status of the activity and whether the partnership itself is deleted. */
  partnerRows: Array<ActivityPartnerRef & { status: ActivityStatus; partnershipDeleted: boolean }>;
  quantities: ActivityQuantityRow[];
  /** Sums of the quantities by item and unit, all partners and the activity's own together. */
  totals: Array<{ itemEn: string; itemZh: string | null; unit: string | null; amount: string; partners: number }>;
  organisations: Array<{ nameEn: string; nameZh: string | null; roleEn: string | null; roleZh: string | null }>;
  milestones: Array<{ occurredOn: string | null; occurredPrecision: DatePrecision | null; titleEn: string; titleZh: string | null; note: string | null }>;
}

/** One activity (live or deleted) with its partners, quantities and their totals, organisations and milestones. */
export async function queryActivity(executor: Executor, id: string): Promise<ActivityDetail | null> {
  const [row] = await executor
    .select({
      ...listColumns,
      partners: partnersJson,
      descriptionEn: activities.descriptionEn,
      descriptionZh: activities.descriptionZh,
      placeEn: activities.placeEn,
      placeZh: activities.placeZh,
      cooperationFields: activities.cooperationFields,
      valueAmount: activities.valueAmount,
      valueCurrency: activities.valueCurrency,
      participants: activities.participants,
      links: activities.links,
      sources: activities.sources,
      internalNotes: activities.internalNotes,
      createdAt: activities.createdAt,
      updatedAt: activities.updatedAt,
    })
    .from(activities)
    .where(eq(activities.id, id));
  if (!row) return null;
  const [partnerRows, quantities, totals, organisations, milestones] = await Promise.all([
    executor
      .select({
        partnershipId: activityPartnerships.partnershipId,
        status: activityPartnerships.status,
        partnerNameEn: partner.nameEn,
        partnerNameZh: partner.nameZh,
        countryCode: partner.countryCode,
        homeNameEn: home.nameEn,
        homeNameZh: home.nameZh,
        partnershipDeleted: sql<boolean>`${partnerships.deletedAt} is not null`,
      })
      .from(activityPartnerships)
      .innerJoin(partnerships, eq(partnerships.id, activityPartnerships.partnershipId))
      .innerJoin(partner, eq(partner.id, partnerships.partnerLocalityId))
      .innerJoin(home, eq(home.id, partnerships.homeLocalityId))
      .where(eq(activityPartnerships.activityId, id))
      .orderBy(asc(activityPartnerships.position)),
    executor
      .select({
        partnershipId: activityQuantities.partnershipId,
        itemEn: activityQuantities.itemEn,
        itemZh: activityQuantities.itemZh,
        amount: activityQuantities.amount,
        unit: activityQuantities.unit,
      })
      .from(activityQuantities)
      .where(eq(activityQuantities.activityId, id))
      .orderBy(asc(activityQuantities.position)),
    // Items are the same item whatever the case or spacing of their English name; units likewise.
    executor
      .select({
        itemEn: sql<string>`min(${activityQuantities.itemEn})`,
        itemZh: sql<string | null>`min(${activityQuantities.itemZh})`,
        unit: sql<string | null>`min(${activityQuantities.unit})`,
        amount: sql<string>`sum(${activityQuantities.amount})::text`,
        partners: sql<number>`count(distinct ${activityQuantities.partnershipId})::int`,
      })
      .from(activityQuantities)
      .where(eq(activityQuantities.activityId, id))
      .groupBy(sql`lower(btrim(${activityQuantities.itemEn}))`, sql`lower(btrim(coalesce(${activityQuantities.unit}, '')))`)
      .orderBy(sql`min(${activityQuantities.position})`),
    executor
      .select({ nameEn: activityOrganisations.nameEn, nameZh: activityOrganisations.nameZh, roleEn: activityOrganisations.roleEn, roleZh: activityOrganisations.roleZh })
      .from(activityOrganisations)
      .where(eq(activityOrganisations.activityId, id))
      .orderBy(asc(activityOrganisations.position)),
    executor
      .select({
        occurredOn: activityMilestones.occurredOn,
        occurredPrecision: activityMilestones.occurredPrecision,
        titleEn: activityMilestones.titleEn,
        titleZh: activityMilestones.titleZh,
        note: activityMilestones.note,
      })
      .from(activityMilestones)
      .where(eq(activityMilestones.activityId, id))
      // A timeline: by date, undated last, then as entered.
      .orderBy(sql`${activityMilestones.occurredOn} asc nulls last`, asc(activityMilestones.position)),
  ]);
  return { ...row, partnerRows, quantities, totals, organisations, milestones };
}

/** A partnership an activity can name: its two localities, for the pickers and the partner filter. */
export async function queryPartnershipChoices(executor: Executor): Promise<ActivityPartnerRef[]> {
  return executor
    .select({
      partnershipId: partnerships.id,
      partnerNameEn: partner.nameEn,
      partnerNameZh: partner.nameZh,
      countryCode: partner.countryCode,
      homeNameEn: home.nameEn,
      homeNameZh: home.nameZh,
    })
    .from(partnerships)
    .innerJoin(partner, eq(partner.id, partnerships.partnerLocalityId))
    .innerJoin(home, eq(home.id, partnerships.homeLocalityId))
    .where(isNull(partnerships.deletedAt))
    .orderBy(asc(partner.nameEn), asc(home.nameEn));
}

/** The countries of partners that have live activities, for the list's country filter. */
export async function queryActivityCountries(executor: Executor): Promise<string[]> {
  const rows = await executor
    .selectDistinct({ code: partner.countryCode })
    .from(activityPartnerships)
    .innerJoin(activities, and(eq(activities.id, activityPartnerships.activityId), isNull(activities.deletedAt)))
    .innerJoin(partnerships, eq(partnerships.id, activityPartnerships.partnershipId))
    .innerJoin(partner, eq(partner.id, partnerships.partnerLocalityId))
    .orderBy(asc(partner.countryCode));
  return rows.map((r) => r.code);
}

export interface PartnershipActivityRow {
  id: string;
  slug: string;
  kind: ActivityKind;
  /** The activity's own status. */
  status: ActivityStatus;
  /** This partner's status of the activity (one city's delivery may be late). */
  partnerStatus: ActivityStatus;
  direction: ActivityDirection;
  titleEn: string;
  titleZh: string | null;
  startedOn: string | null;
  startedPrecision: DatePrecision | null;
  endedOn: string | null;
  endedPrecision: DatePrecision | null;
  isPublic: boolean;
  /** How many partners the activity served in all (a donation to 63 cities shows 63). */
  partnerCount: number;
  /** This partner's own quantities. */
  quantities: Array<{ itemEn: string; itemZh: string | null; amount: string; unit: string | null }>;
}

/** The live activities of one partnership, newest first, with that partner's status and quantities: one query. */
export async function queryActivitiesOfPartnership(executor: Executor, partnershipId: string): Promise<PartnershipActivityRow[]> {
  return executor
    .select({
      id: activities.id,
      slug: activities.slug,
      kind: activities.kind,
      status: activities.status,
      partnerStatus: activityPartnerships.status,
      direction: activities.direction,
      titleEn: activities.titleEn,
      titleZh: activities.titleZh,
      startedOn: activities.startedOn,
      startedPrecision: activities.startedPrecision,
      endedOn: activities.endedOn,
      endedPrecision: activities.endedPrecision,
      isPublic: activities.isPublic,
      partnerCount: sql<number>`(select count(*)::int from activity_partnerships x where x.activity_id = ${ACTIVITY_ID})`,
      quantities: sql<PartnershipActivityRow['quantities']>`coalesce((
        select json_agg(json_build_object('itemEn', q.item_en, 'itemZh', q.item_zh, 'amount', q.amount::text, 'unit', q.unit) order by q.position)
        from activity_quantities q where q.activity_id = ${ACTIVITY_ID} and q.partnership_id = ${partnershipId}), '[]'::json)`,
    })
    .from(activityPartnerships)
    .innerJoin(activities, eq(activities.id, activityPartnerships.activityId))
    .where(and(eq(activityPartnerships.partnershipId, partnershipId), isNull(activities.deletedAt)))
    .orderBy(sql`${activities.startedOn} desc nulls last`, desc(activities.createdAt), asc(activities.id));
}
