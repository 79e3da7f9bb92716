import { and, desc, eq, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ActivityKind } from '../../lib/domain';
import type { Executor } from '../client';
import { activities, activityQuantities } from '../schema';
import { activityEnd, readAsOf, spreadOverYears, type AsOfOptions, type NetworkBreakdowns, type NetworkFigures } from './dashboard-core';

// The dashboard's activity figures recounted from the base tables, by scanning every counted activity: the queries
// dashboard-core.ts used before its summaries, kept as the reference the summaries are checked against
// (db/queries/dashboard-summaries.int.test.ts). Tests only: their cost grows with the number of activities.

const ACTIVITY_ID = sql.raw('"activities"."id"');

/** An activity the figures count (dashboard-core.ts's rules), started on or before asOf (or undated, when current). */
function countedActivity(homeLocalityId: string, asOf: string, current: boolean): SQL {
  return and(
    isNull(activities.deletedAt),
    ne(activities.status, 'cancelled'),
    current ? or(isNull(activities.startedOn), lte(activities.startedOn, asOf)) : lte(activities.startedOn, asOf),
    sql`exists (select 1 from activity_partnerships ap join partnerships p on p.id = ap.partnership_id
      where ap.activity_id = ${ACTIVITY_ID} and p.home_locality_id = ${homeLocalityId} and p.deleted_at is null)`,
  )!;
}

const yearText = (y: number) => String(y).padStart(4, '0');

export type RecountedFigures = Pick<NetworkFigures, 'activitiesThisYear' | 'activitiesLastYear'> &
  Pick<NetworkBreakdowns, 'activitiesByKindPerYear' | 'donatedQuantities'>;

/**
 * The activity figures of getNetworkFigures (activitiesThisYear, activitiesLastYear) and getBreakdowns
 * (activitiesByKindPerYear, donatedQuantities) as of `asOf`, recounted by scanning the activities, their partners
 * and quantities, by the rules of dashboard-core.ts. Throws RangeError for a date not written YYYY-MM-DD. Tests only.
 */
export async function recountActivityFigures(
  db: Executor,
  homeLocalityId: string,
  asOf: string,
  options: AsOfOptions = {},
): Promise<RecountedFigures> {
  const current = readAsOf(asOf, options);
  const y = Number(asOf.slice(0, 4));
  const firstYear = sql<number>`extract(year from ${activities.startedOn})::int`;
  const lastYear = sql<number>`extract(year from least(${activityEnd}, ${asOf}::date))::int`;
  const spans = db
    .select({
      firstYear: firstYear.as('first_year'),
      lastYear: lastYear.as('last_year'),
      kind: sql<ActivityKind>`${activities.kind}`.as('kind'),
      n: sql<number>`count(*)`.as('n'),
    })
    .from(activities)
    .where(countedActivity(homeLocalityId, asOf, false))
    // By position: the same expression twice would carry asOf as two parameters, which PostgreSQL cannot match.
    .groupBy(sql`1`, sql`2`, sql`3`)
    .as('spans');
  const latestFirst = sql`${activities.startedOn} desc nulls last, ${activityQuantities.position}, ${activityQuantities.id}`;
  const itemKey = sql`lower(btrim(${activityQuantities.itemEn}))`;
  const unitKey = sql`lower(btrim(coalesce(${activityQuantities.unit}, '')))`;
  const donations = sql<number>`count(distinct ${activityQuantities.activityId})::int`;

  const [[counts], activitiesByKindPerYear, donatedQuantities] = await Promise.all([
    db
      .select({
        thisYear: sql<number>`(count(*) filter (where ${activityEnd} >= ${`${yearText(y)}-01-01`}::date))::int`,
        lastYear: sql<number>`(count(*) filter (where ${activities.startedOn} <= ${`${yearText(y - 1)}-12-31`}::date))::int`,
      })
      .from(activities)
      .where(and(countedActivity(homeLocalityId, asOf, false), sql`${activityEnd} >= ${`${yearText(y - 1)}-01-01`}::date`)),
    spreadOverYears(db, spans),
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
  return {
    activitiesThisYear: counts?.thisYear ?? 0,
    activitiesLastYear: counts?.lastYear ?? 0,
    activitiesByKindPerYear,
    donatedQuantities,
  };
}
