// Starts the production server for the end-to-end tests on a database of its own, reset and seeded first:
// PGlite under .data/e2e-pglite when DATABASE_URL is unset, else a sibling database "<name>_e2e" on the same server.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { useFreshDatabase } from './fresh-database.mjs';

// The office's own zone; e2e/timezone.spec.ts runs a second server on America/Los_Angeles.
const env = { ...process.env, NODE_ENV: 'production', TZ: process.env.TZ || 'Asia/Shanghai' };
env.AUTH_SECRET ||= randomBytes(33).toString('base64');

await useFreshDatabase(env, 'e2e');

const seed = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/seed.ts', '--demo-users'], {
  env,
  stdio: 'inherit',
});
if (seed.status !== 0) process.exit(seed.status ?? 1);

const server = spawn('node', ['scripts/server.mjs', '-p', env.PORT ?? '3210'], { env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
