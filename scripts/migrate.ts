import { openDatabase } from '../db/client';
import { describeTarget } from '../db/config';
import { migrateDatabase } from '../db/migrate';
import { oneLine } from '../lib/errors';

// `npm run db:migrate`: applies drizzle/ to DATABASE_URL, or to the PGlite folder (stop the server first).
const conn = openDatabase();
try {
  await migrateDatabase(conn);
  console.log(`migrated ${describeTarget(conn.target)}`);
  await conn.close();
} catch (err) {
  console.error(`migration failed on ${describeTarget(conn.target)}: ${oneLine(err)}`);
  process.exit(1);
}
