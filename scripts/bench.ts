// `npm run bench`: loads a synthetic network into a throwaway database and times the queries behind the pages.
// PGlite in memory by default; with DATABASE_URL, a new database on that server (dropped afterwards).
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { useBenchDatabase } from './bench-database';

const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 5_000);
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 20_000);
const AUDIT = Number(process.env.BENCH_AUDIT ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

const drop = await useBenchDatabase('amity_bench');

const { connection } = await import('../db/index');
const { describeTarget } = await import('../db/config');
const { migrateDatabase } = await import('../db/migrate');
const { seedGuangzhou } = await import('../db/seed/guangzhou');
const { seedScale } = await import('../db/seed/scale');
const { seedDemoUsers, DEMO_PASSWORD } = await import('../db/seed/demo-users');
const { listDirectoryPartners } = await import('../db/queries/directory');
const { queryAuditEvents } = await import('../db/queries/audit-core');
const { loadSessionUser } = await import('../db/queries/sessions');
const { attemptSignIn } = await import('../db/mutations/auth');
const { authPolicy } = await import('../lib/auth/policy');
const { auditFilterSchema } = await import('../lib/validation/audit');

const conn = connection();
const db = conn.db;

async function time(label: string, runs: number, fn: () => Promise<unknown>) {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!.toFixed(1);
  console.log(`| ${label} | ${runs} | ${q(0.5)} | ${q(0.95)} |`);
}

try {
  const t = performance.now();
  await migrateDatabase(conn);
  const homeId = await db.transaction(async (tx) => {
    await seedGuangzhou(tx);
    await seedDemoUsers(tx);
    const { rows } = await tx.execute<{ id: string }>(sql`select home_locality_id as id from settings where id = 1`);
    return rows[0]!.id;
  });
  await db.transaction((tx) => seedScale(tx, homeId, { partners: PARTNERS, activities: ACTIVITIES, auditEvents: AUDIT }));
  await db.execute(sql`analyze`);
  console.log(`${describeTarget(conn.target)}; loaded ${PARTNERS} synthetic partners (plus the 93 real ones), ` +
    `${ACTIVITIES} activities, ${AUDIT} audit events in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);

  console.log('| operation | runs | median ms | p95 ms |');
  console.log('| --- | --- | --- | --- |');
  await time(`directory: all ${PARTNERS + 93} partners`, RUNS, () => listDirectoryPartners(homeId, undefined, db));
  await time('directory: search "lahore"', RUNS, () => listDirectoryPartners(homeId, 'lahore', db));
  await time('directory: search "城市12"', RUNS, () => listDirectoryPartners(homeId, '城市12', db));
  await time('audit: first page, no filter', RUNS, () => queryAuditEvents(db, auditFilterSchema.parse({})));
  await time('audit: page 20, action filter', RUNS, () => queryAuditEvents(db, auditFilterSchema.parse({ page: 20, action: 'auth.sign_in_failed' })));
  await time('audit: user filter and date range', RUNS, () =>
    queryAuditEvents(db, auditFilterSchema.parse({ user: 'bench7', from: '2020-01-01', to: '2030-01-01' })),
  );
  const policy = authPolicy({});
  const signIn = () =>
    db.transaction((tx) =>
      attemptSignIn(tx, { email: 'viewer@amity.test', password: DEMO_PASSWORD, ip: '127.0.0.9', userAgent: 'bench' }, policy),
    );
  const outcome = await signIn();
  if (outcome.kind !== 'ok') throw new Error(`bench sign-in failed: ${outcome.kind}`);
  await time('session check per request', RUNS * 10, () => loadSessionUser(db, outcome.sessionId, policy));
  await time('sign-in (argon2id verify + session row + audit)', 10, signIn);
} finally {
  await conn.close();
  await drop?.();
}
