import { openDatabase } from '../db/client';
import { databaseTarget, describeTarget } from '../db/config';
import { migrateDatabase } from '../db/migrate';
import { seedGuangzhou } from '../db/seed/guangzhou';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from '../db/seed/demo-users';
import { oneLine } from '../lib/errors';

// `npm run db:seed [-- --demo-users]`: loads the Guangzhou network (idempotent) and, on request, the demo staff.
const demoUsers = process.argv.includes('--demo-users');
const target = databaseTarget();
try {
  const conn = openDatabase(target);
  await migrateDatabase(conn);
  const { report, createdUsers } = await conn.db.transaction(async (tx) => ({
    report: await seedGuangzhou(tx),
    createdUsers: demoUsers ? await seedDemoUsers(tx) : 0,
  }));
  console.log(
    `seeded ${describeTarget(target)}: ${report.localities} localities, ${report.partnerships} partnerships, ` +
      `${report.agreements} agreements, ${report.activities} activities, ${report.activityDetails} activity details, ` +
      `${report.publishedTotals} published totals added` +
      (demoUsers ? `, ${createdUsers} demo users added` : ''),
  );
  if (demoUsers) {
    console.log(`demo logins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.email} (${u.role})`).join(', ')}`);
  }
  await conn.close();
} catch (err) {
  console.error(`seeding failed on ${describeTarget(target)}: ${oneLine(err)}`);
  process.exit(1);
}
