import 'server-only';
import { sql } from 'drizzle-orm';
import { oneLine } from '../lib/errors';
import type { Executor } from './client';
import { db } from './index';

/** Whether the database answers a trivial query within the timeout. Logs the reason when it does not. */
export async function checkDatabase(executor: Executor = db, timeoutMs = 3_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      executor.execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return true;
  } catch (err) {
    console.error(`health check: database unavailable: ${oneLine(err)}`);
    return false;
  } finally {
    clearTimeout(timer);
  }
}
