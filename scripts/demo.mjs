// `npm run demo`: builds the app, migrates and seeds the database (embedded PGlite under .data/ unless
// DATABASE_URL is set) with the demo staff, prints their login, then serves http://localhost:3000 (or PORT).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const env = { ...process.env };
if (!env.AUTH_SECRET) {
  // A secret for this checkout's demo, kept beside its data so sessions survive a restart.
  const file = '.data/auth-secret';
  mkdirSync('.data', { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(33).toString('base64'), { mode: 0o600 });
  env.AUTH_SECRET = readFileSync(file, 'utf8').trim();
}

function step(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

step('npx', ['next', 'build']);
step('npx', ['tsx', '--conditions=react-server', 'scripts/seed.ts', '--demo-users']);

const port = env.PORT || '3000';
console.log(`\nAmity demo: http://localhost:${port}  (staff: admin@amity.test / amity-demo-password)\n`);
const server = spawn('node', ['scripts/server.mjs', '-p', port], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
