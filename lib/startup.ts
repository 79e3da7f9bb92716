import 'server-only';
import { connection } from '@/db/index';
import { databaseTarget, describeTarget } from '@/db/config';
import { migrateDatabase } from '@/db/migrate';
import { oneLine } from './errors';
import { publicUrl } from './security/public-url';

/** The reasons a production start cannot go on, from the environment alone. */
export function configProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  if (env.NODE_ENV === 'production') {
    const secret = env.AUTH_SECRET ?? '';
    if (!secret) problems.push('AUTH_SECRET is not set (generate one with: openssl rand -base64 33)');
    else if (secret.length < 32) problems.push('AUTH_SECRET is shorter than 32 characters');
  }
  try {
    publicUrl(env);
  } catch (err) {
    problems.push((err as Error).message);
  }
  return problems;
}

/** Checks the configuration, reaches the database and applies pending migrations; exits the process on failure. */
export async function startServer(): Promise<void> {
  const fail = (reason: string): never => {
    console.error(`amity: cannot start: ${reason}`);
    process.exit(1);
  };
  const problems = configProblems();
  if (problems.length > 0) fail(problems.join('; '));
  const where = describeTarget(databaseTarget());
  try {
    await migrateDatabase(connection());
  } catch (err) {
    fail(`database ${where}: ${oneLine(err)}`);
  }
  console.log(`amity: database ready (${where})`);
}
