import { openDatabase } from '../db/client';
import { databaseTarget, describeTarget } from '../db/config';
import { migrateDatabase } from '../db/migrate';
import { oneLine } from '../lib/errors';

// `npm run db:migrate`: applies drizzle/ to DATABASE_URL, or to the PGlite folder (stop the server first).
const target = databaseTarget();
try {
  const conn = openDatabase(target);
  await migrateDatabase(conn);
  console.log(`migrated ${describeTarget(target)}`);
  await conn.close();
} catch (err) {
  console.error(`migration failed on ${describeTarget(target)}: ${oneLine(err)}`);
  process.exit(1);
}
