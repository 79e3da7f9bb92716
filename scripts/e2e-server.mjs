// Starts the production server for the end-to-end tests on a database of its own, reset and seeded first:
// PGlite under .data/e2e when DATABASE_URL is unset, else a sibling database "<name>_e2e" on the same server.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';

// The office's own zone; e2e/timezone.spec.ts runs a second server on America/Los_Angeles.
const env = { ...process.env, NODE_ENV: 'production', TZ: process.env.TZ || 'Asia/Shanghai' };
env.AUTH_SECRET ||= randomBytes(33).toString('base64');

if (process.env.DATABASE_URL) {
  const server = new URL(process.env.DATABASE_URL);
  const name = `${server.pathname.slice(1) || 'amity'}_e2e`.replace(/[^a-zA-Z0-9_]/g, '_');
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  server.pathname = `/${name}`;
  env.DATABASE_URL = server.toString();
} else {
  env.PGLITE_DATA_DIR = '.data/e2e-pglite';
  rmSync(env.PGLITE_DATA_DIR, { recursive: true, force: true });
}

const seed = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/seed.ts', '--demo-users'], {
  env,
  stdio: 'inherit',
});
if (seed.status !== 0) process.exit(seed.status ?? 1);

const server = spawn('node', ['scripts/server.mjs', '-p', env.PORT ?? '3210'], { env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
