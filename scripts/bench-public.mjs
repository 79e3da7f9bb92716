// `npm run bench:public [-- --no-build] [--duration 10] [--connections 10]`: the public pages against their floor,
// in one run on this machine. Builds the app and the floor (bench/floor: bare Next.js pages, one of them the same
// 93-row table under the same CSP), seeds a database of its own (PGlite under .data/bench, or "<name>_bench" on
// the PostgreSQL server of DATABASE_URL), starts both production servers, and loads each page with autocannon.
// Prints, and writes to .data/bench/public.md, req/s, p50, p99 and errors per page, each page's ratio to the
// floor, and the compressed JavaScript each page loads.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { useFreshDatabase } from './fresh-database.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const build = !args.includes('--no-build');
const duration = Number(option('duration', '10'));
const connections = Number(option('connections', '10'));
const APP_PORT = Number(option('app-port', '3270'));
const FLOOR_PORT = Number(option('floor-port', '3271'));

const env = {
  ...process.env,
  NODE_ENV: 'production',
  TZ: 'Asia/Shanghai',
  FLOOR_DATASET: path.resolve('db/seed/data/guangzhou-partner-cities.csv'),
};
env.AUTH_SECRET ||= randomBytes(33).toString('base64');

function step(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', env, ...opts });
  if (r.status !== 0) {
    console.error(`${cmd} ${argv.join(' ')} failed`);
    process.exit(r.status ?? 1);
  }
}

if (build) {
  step('npx', ['next', 'build']);
  step('npx', ['next', 'build', 'bench/floor']);
}

const database = await useFreshDatabase(env, 'bench');
step('npx', ['tsx', '--conditions=react-server', 'scripts/seed.ts']);

const children = [];
function serve(cmd, argv) {
  const child = spawn(cmd, argv, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  return child;
}
const stopAll = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(1));

serve('node', ['scripts/server.mjs', '-p', String(APP_PORT)]);
serve('node', ['node_modules/next/dist/bin/next', 'start', 'bench/floor', '-p', String(FLOOR_PORT)]);

async function waitFor(url) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}
const app = `http://127.0.0.1:${APP_PORT}`;
const floor = `http://127.0.0.1:${FLOOR_PORT}`;
await waitFor(`${app}/api/health`);
await waitFor(`${floor}/static`);

/** Loads `url` for `seconds` with `connections` at once; {reqs, p50, p99, errors} (errors: non-2xx and failures). */
function load(url, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, headers: { 'accept-encoding': 'gzip' } }, (error, result) => {
      if (error) return reject(error);
      resolve({
        reqs: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx,
      });
    });
  });
}

/** The compressed bytes of the JavaScript a page loads (its <script src>), gzip level 9 as a server would send. */
async function scriptBytes(url) {
  const html = await (await fetch(url)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
  let total = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src.replace(/&amp;/g, '&'), url))).arrayBuffer());
    total += gzipSync(body, { level: 9 }).length;
  }
  return total;
}

// The partner page of the first public partner the directory lists.
const listHtml = await (await fetch(`${app}/partners`)).text();
const partnerPath = listHtml.match(/href="(\/partners\/[a-z0-9-]+)"/)?.[1];

const pages = [
  { name: 'floor: bare static page', url: `${floor}/static` },
  { name: 'floor: bare dynamic page', url: `${floor}/dynamic` },
  { name: 'floor: the 93-row table under the same CSP', url: `${floor}/table`, floor: true },
  { name: '/partners', url: `${app}/partners`, vs: true },
  { name: '/zh/partners', url: `${app}/zh/partners`, vs: true },
  { name: '/partners?q=lahore', url: `${app}/partners?q=lahore`, vs: true },
  ...(partnerPath ? [{ name: partnerPath, url: `${app}${partnerPath}`, vs: true }] : []),
  // The map /partners frames: a document of its own, fetched by the browser after the page (then 304 until a change).
  { name: '/map/partners-en.svg (framed by /partners)', url: `${app}/map/partners-en.svg` },
  { name: '/open-data', url: `${app}/open-data`, vs: true },
  { name: '/api/open-data/partners.csv', url: `${app}/api/open-data/partners.csv` },
];

const results = [];
for (const page of pages) {
  const res = await fetch(page.url);
  if (!res.ok) {
    console.error(`${page.url} answered ${res.status}; skipped`);
    continue;
  }
  await load(page.url, 2); // warm-up: caches, JIT
  const measured = await load(page.url, duration);
  results.push({ ...page, ...measured });
  console.error(`${page.name}: ${measured.reqs.toFixed(0)} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms, ${measured.errors} errors`);
}
const floorReqs = results.find((r) => r.floor)?.reqs ?? NaN;
const floorJs = await scriptBytes(`${floor}/table`);

const kb = (n) => (n / 1024).toFixed(1);
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, ${database}; ` +
    `autocannon, ${connections} connections, ${duration} s a page after a 2 s warm-up.`,
  '',
  '| page | req/s | p50 ms | p99 ms | errors | vs the table floor | JS (gzip) | JS above the floor |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
];
for (const r of results) {
  const js = r.vs || r.floor ? await scriptBytes(r.url) : null;
  lines.push(
    `| ${r.name} | ${r.reqs.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.vs ? `${(r.reqs / floorReqs).toFixed(2)}x` : ''} | ` +
      `${js === null ? '' : `${kb(js)} KB`} | ${js === null || !r.vs ? '' : `${kb(js - floorJs)} KB`} |`,
  );
}
const report = lines.join('\n');
console.log(`\n${report}\n`);
mkdirSync('.data/bench', { recursive: true });
writeFileSync('.data/bench/public.md', `${report}\n`);
stopAll();
process.exit(results.some((r) => r.errors > 0) ? 1 : 0);
