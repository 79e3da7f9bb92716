// `npm run bench:dashboard`: times the dashboard's activity figures (read from the
// summaries kept by migration 0012's triggers) at a small and a large number of activities, beside the full recount
// they replace, and what the triggers cost a write. With DATABASE_URL, on a throwaway database of that server
// (dropped afterwards); PGlite in memory otherwise. DASHBOARD_SMALL (1,000) and DASHBOARD_LARGE (1,000,000)
// activities. A benchmark, not a test: it prints its figures and asserts nothing.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { useBenchDatabase } from './bench-database';

const SMALL = Number(process.env.DASHBOARD_SMALL ?? 1_000);
const LARGE = Number(process.env.DASHBOARD_LARGE ?? 1_000_000);
const RUNS = Number(process.env.DASHBOARD_RUNS ?? 15);
const TODAY = '2025-06-30';

const drop = await useBenchDatabase('amity_dashboard_bench');

const { connection } = await import('../db/index');
const { describeTarget } = await import('../db/config');
const { migrateDatabase } = await import('../db/migrate');
const { seedGuangzhou } = await import('../db/seed/guangzhou');
const { seedScale } = await import('../db/seed/scale');
const { getBreakdowns, getNetworkFigures } = await import('../db/queries/dashboard-core');
const { recountActivityFigures } = await import('../db/queries/dashboard-recount');
const { insertActivity, updateActivity } = await import('../db/mutations/activities');
const { activityInputSchema, activityUpdateSchema } = await import('../lib/validation/activities');

const conn = connection();
const db = conn.db;

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

/** Adds `n` activities (a quarter of them donations with one quantity of 20 items) over the bench ties, in chunks. */
async function addActivities(n: number, from: number): Promise<number> {
  const t = performance.now();
  for (let done = 0; done < n; done += 100_000) {
    const lo = from + done + 1;
    const hi = from + Math.min(n, done + 100_000);
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into activities (slug, kind, title_en, status, started_on, started_precision, ended_on, ended_precision)
        select 'bench-more-' || g, (array['donation','project','delegation_visit','cultural_event']::activity_kind[])[1 + g % 4],
               'Bench activity ' || g, (case when g % 50 = 0 then 'ongoing' else 'completed' end)::activity_status,
               make_date(2000 + g % 26, 1 + g % 12, 1 + g % 28), 'day',
               case when g % 7 = 0 then make_date(2001 + g % 26, 1 + g % 12, 1) end, case when g % 7 = 0 then 'day'::date_precision end
        from generate_series(${lo}::int, ${hi}::int) g`);
      await tx.execute(sql`
        insert into activity_partnerships (activity_id, partnership_id)
        select a.id, p.id from activities a
        join (select id, (row_number() over (order by slug))::int - 1 as n, count(*) over () as total from partnerships where slug like 'bench-%') p
          on p.n = substring(a.slug from 12)::int % p.total
        where a.slug like 'bench-more-%' and substring(a.slug from 12)::int between ${lo}::int and ${hi}::int`);
      await tx.execute(sql`
        insert into activity_quantities (activity_id, item_en, amount, unit)
        select id, 'Bench item ' || (substring(slug from 12)::int % 20), 1 + substring(slug from 12)::int % 1000, 'boxes'
        from activities where slug like 'bench-more-%' and kind = 'donation' and substring(slug from 12)::int between ${lo}::int and ${hi}::int`);
    });
  }
  return performance.now() - t;
}

async function timeFigures(homeId: string, label: string) {
  await db.execute(sql`analyze`);
  const [{ n }] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from activities`)).rows as [{ n: number }];
  for (const asOf of [TODAY, '2021-11-19']) {
    const headline = await median(RUNS, () => getNetworkFigures(db, homeId, asOf, { today: TODAY }));
    const breakdowns = await median(RUNS, () => getBreakdowns(db, homeId, asOf, { today: TODAY }));
    const recount = await median(Math.min(RUNS, 5), () => recountActivityFigures(db, homeId, asOf, { today: TODAY }));
    console.log(`| ${label} | ${n} | ${asOf} | ${headline.toFixed(1)} | ${breakdowns.toFixed(1)} | ${recount.toFixed(1)} |`);
  }
}

/** A transaction that runs `fn` and rolls back, so a measured write leaves nothing behind. */
async function rolledBack(fn: (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) => Promise<unknown>) {
  const rollback = new Error('rollback');
  await db
    .transaction(async (tx) => {
      await fn(tx);
      throw rollback;
    })
    .catch((err: unknown) => {
      if (err !== rollback) throw err;
    });
}

/**
 * The median cost of one activity write through the mutation functions (a donation with one partner and one
 * quantity; then an edit of its start date), each in a transaction rolled back, with the summary triggers on or off.
 */
async function writeCost(homeId: string, triggers: boolean): Promise<{ insert: number; update: number }> {
  const [tie] = (await db.execute<{ id: string }>(sql`select id from partnerships where home_locality_id = ${homeId} and deleted_at is null limit 1`)).rows;
  const email = `bench-${triggers}-${performance.now()}@amity.test`;
  const [user] = (await db.execute<{ id: string }>(sql`insert into users (email, name, role, password_hash) values (${email}, 'Bench', 'editor', 'x') returning id`)).rows;
  const actor = { id: user!.id, email };
  const input = (i: number) => ({
    kind: 'donation', status: 'completed', direction: 'outgoing', titleEn: `Bench write ${triggers} ${i}`, started: '2024-03-05',
    partners: [{ partnershipId: tie!.id, status: 'completed' }], quantities: [{ itemEn: 'Bench item 1', amount: '3', unit: 'boxes' }],
  });
  const ids: string[] = [];
  for (let k = 0; k < 20; k++) {
    await db.transaction(async (tx) => {
      const r = await insertActivity(tx, actor, activityInputSchema.parse(input(k)));
      if (r.kind === 'ok') ids.push(r.id);
    });
  }
  await setTriggers(triggers);
  let i = 0;
  const insert = await median(60, () => rolledBack((tx) => insertActivity(tx, actor, activityInputSchema.parse(input(100 + i++)))));
  let j = 0;
  const update = await median(60, () =>
    rolledBack(async (tx) => {
      const id = ids[j++ % ids.length]!;
      const [{ version }] = (await tx.execute<{ version: number }>(sql`select version from activities where id = ${id}`)).rows as [{ version: number }];
      await updateActivity(tx, actor, activityUpdateSchema.parse({ ...input(j), started: '2023-01-09', id, version: String(version) }));
    }),
  );
  await setTriggers(true);
  return { insert, update };
}

/** Turns the summary triggers (only those) on or off, to measure what they cost. */
async function setTriggers(on: boolean) {
  const triggers = (await db.execute<{ name: string; table: string }>(sql`
    select tgname as name, tgrelid::regclass::text as table from pg_trigger where tgname like 'dashboard_%'`)).rows;
  for (const t of triggers) await db.execute(sql.raw(`alter table ${t.table} ${on ? 'enable' : 'disable'} trigger ${t.name}`));
}

try {
  await migrateDatabase(conn);
  const homeId = await db.transaction(async (tx) => {
    await seedGuangzhou(tx);
    const { rows } = await tx.execute<{ id: string }>(sql`select home_locality_id as id from settings where id = 1`);
    return rows[0]!.id;
  });
  await db.transaction((tx) => seedScale(tx, homeId, { partners: 1_000, activities: 0, auditEvents: 0 }));
  console.log(`${describeTarget(conn.target)}\n`);
  console.log('| size | activities | asOf | getNetworkFigures ms | getBreakdowns ms | recount ms |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  await addActivities(SMALL, 0);
  await timeFigures(homeId, 'small');
  const small = { on: await writeCost(homeId, true), off: await writeCost(homeId, false) };
  const load = await addActivities(LARGE - SMALL, SMALL);
  await timeFigures(homeId, 'large');
  const large = { on: await writeCost(homeId, true), off: await writeCost(homeId, false) };
  console.log(`\nloaded ${LARGE - SMALL} activities (with their partners and quantities, triggers on) in ${(load / 1000).toFixed(1)} s`);
  for (const [label, cost] of [['small', small], ['large', large]] as const) {
    console.log(`write at ${label}: insertActivity ${cost.on.insert.toFixed(2)} ms, updateActivity ${cost.on.update.toFixed(2)} ms with the triggers` +
      `; ${cost.off.insert.toFixed(2)} ms and ${cost.off.update.toFixed(2)} ms without`);
  }
  const recount = await recountActivityFigures(db, homeId, TODAY, { today: TODAY });
  const [f, b] = await Promise.all([getNetworkFigures(db, homeId, TODAY, { today: TODAY }), getBreakdowns(db, homeId, TODAY, { today: TODAY })]);
  const summaries = { activitiesThisYear: f.activitiesThisYear, activitiesLastYear: f.activitiesLastYear, activitiesByKindPerYear: b.activitiesByKindPerYear, donatedQuantities: b.donatedQuantities };
  const same = JSON.stringify(summaries) === JSON.stringify(recount);
  console.log(`summaries equal the recount at ${LARGE} activities: ${same}`);
  if (!same) console.log(JSON.stringify(summaries), '\n', JSON.stringify(recount));
} finally {
  await conn.close?.();
  await drop?.();
}
