// `npm test`: unit, integration and end-to-end tests, in that order; stops at the first failing layer.
// The database is PGlite unless DATABASE_URL names a PostgreSQL server (each layer makes its own databases there).
import { spawnSync } from 'node:child_process';

const layers = [
  ['unit', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['integration', 'npx', ['vitest', 'run', '--project', 'integration']],
  ['end-to-end', 'node', ['scripts/e2e.mjs']],
];
const target = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite';
for (const [name, cmd, args] of layers) {
  console.log(`\n=== ${name} tests on ${target} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`\n${name} tests failed`);
    process.exit(r.status ?? 1);
  }
}
console.log(`\nall test layers passed on ${target}`);
