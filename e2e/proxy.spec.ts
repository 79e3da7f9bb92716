import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { createThrowawayDatabase } from '../db/testing/throwaway';
import { createUserAsAdmin, DEMO_PASSWORD, expectSignedIn, signIn, uniqueEmail } from './fixtures';
import { NGINX, startNginx, writeNginxConfig } from './support/nginx';
import { type RunningServer, startServer } from './support/server';

// As an office deploys Amity: nginx (the shipped deploy/amity.nginx.conf) terminating HTTPS on another port and
// forwarding a Host without that port, in front of two app instances on one PostgreSQL database.
const PUBLIC = 'https://127.0.0.1:8443';
const INSTANCES = [3293, 3294];

test.skip(!process.env.DATABASE_URL, 'two app instances share one database only on PostgreSQL; CI runs this with DATABASE_URL');
test.describe.configure({ mode: 'serial', timeout: 120_000 });
test.use({ baseURL: PUBLIC, ignoreHTTPSErrors: true });

let servers: RunningServer[] = [];
let nginx: ChildProcess | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
let nginxDir = '';

test.beforeAll(async () => {
  if (!NGINX) throw new Error('This test needs nginx: apt-get install nginx (CI installs it).');
  const db = await createThrowawayDatabase(process.env.DATABASE_URL!, 'amity_proxy');
  dropDatabase = db.drop;
  const seed = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/seed.ts', '--demo-users'], {
    env: { ...process.env, DATABASE_URL: db.url },
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`seeding failed: ${seed.stderr}`);
  const env = { DATABASE_URL: db.url, AMITY_PUBLIC_URL: PUBLIC, AUTH_SECRET: 'one secret for every instance '.repeat(2) };
  servers = await Promise.all(INSTANCES.map((port) => startServer({ port, env })));
  const dir = mkdtempSync(path.join(tmpdir(), 'amity-nginx-'));
  nginxDir = dir;
  nginx = await startNginx(writeNginxConfig({ dir, httpsPort: 8443, httpPort: 8480, upstreams: INSTANCES }), 'http://127.0.0.1:8480/');
});

test.afterAll(async () => {
  nginx?.kill('SIGQUIT');
  for (const server of servers) expect(await server.stop()).toBe(0);
  await dropDatabase?.();
});

/** Which app instance answered, from the header the test configuration adds. */
function upstream(headers: Record<string, string>): string {
  return headers['x-amity-upstream'] ?? '';
}

/** Opens `path` until an instance other than `not` answers it; returns that response's page. */
async function gotoOnOtherInstance(page: Page, pathname: string, not: string) {
  for (let i = 0; i < 6; i++) {
    const res = await page.goto(pathname);
    if (res && upstream(res.headers()) && upstream(res.headers()) !== not) return upstream(res.headers());
  }
  throw new Error(`every request for ${pathname} went to ${not}`);
}

test('signs in through nginx over HTTPS, with a Secure session cookie', async ({ page, context }) => {
  await signIn(page, 'admin@amity.test', DEMO_PASSWORD);
  await expectSignedIn(page, '/account');
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(cookie?.name).toBe('__Secure-authjs.session-token');
  expect(cookie?.secure).toBe(true);
  expect(cookie?.httpOnly).toBe(true);
  // The action's redirect is fetched from the instance itself over plain HTTP, not through the HTTPS address.
  expect(servers.map((s) => s.output()).join('')).not.toContain('failed to get redirect response');
});

test('a user created on one instance is seen from the other', async ({ page }) => {
  await signIn(page, 'admin@amity.test', DEMO_PASSWORD);
  await expectSignedIn(page, '/account');
  const email = uniqueEmail('proxy');
  const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/admin/users'));
  await createUserAsAdmin(page, { name: 'Behind Proxy', email, role: 'viewer', password: 'a long initial password' });
  const creator = upstream((await created).headers());
  expect(INSTANCES.map((p) => `127.0.0.1:${p}`)).toContain(creator);
  const other = await gotoOnOtherInstance(page, '/admin/users', creator);
  expect(other).not.toBe(creator);
  await expect(page.getByRole('rowheader', { name: `Behind Proxy ${email}` })).toBeVisible();
});

test('the sign-in throttle counts failures on both instances', async ({ page }) => {
  // One page, one POST per attempt: nginx's round robin then alternates the attempts between the instances.
  await page.goto('/login');
  await page.getByLabel('Email').fill('editor@amity.test');
  const answeredBy: string[] = [];
  const attempt = async (password: string) => {
    await page.getByLabel('Password', { exact: true }).fill(password);
    const response = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    answeredBy.push(upstream((await response).headers()));
  };
  for (let i = 0; i < 5; i++) {
    await attempt('not the right password');
    await expect(page.getByText('The email, password or code is not correct.')).toBeVisible();
  }
  expect(new Set(answeredBy).size).toBe(2);
  // The sixth, with the right password, is refused on whichever instance gets it.
  await attempt(DEMO_PASSWORD);
  await expect(page.getByText(/Too many failed attempts/)).toBeVisible();
});

test('a state-changing request from a foreign origin is still refused', async ({ request }) => {
  const forged = await request.post('/login', {
    headers: { Origin: 'https://evil.example', 'Next-Action': 'ff'.repeat(21), 'Content-Type': 'text/plain;charset=UTF-8' },
    data: '[]',
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  // The same request from the public origin gets past the origin check (and finds no such action).
  const own = await request.post('/login', {
    headers: { Origin: PUBLIC, 'Next-Action': 'ff'.repeat(21), 'Content-Type': 'text/plain;charset=UTF-8' },
    data: '[]',
    maxRedirects: 0,
  });
  expect(own.status()).not.toBe(403);
  expect(own.status()).toBeLessThan(500);
});

test('an over-long address gets a 4xx and leaves both instances in service', async ({ request }) => {
  for (let i = 0; i < 8; i++) {
    const res = await request.get(`/partners?q=${'x'.repeat(3_000)}`);
    expect(res.status()).toBeGreaterThanOrEqual(400);
    expect(res.status()).toBeLessThan(500);
  }
  const seen = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const res = await request.get('/partners');
    expect(res.status()).toBe(200);
    seen.add(upstream(res.headers()));
  }
  expect(seen.size).toBe(2);
});

test('nginx and the app log the same request id; HTTP redirects to HTTPS; HSTS is sent', async ({ request }) => {
  const res = await request.get('/partners');
  expect(res.status()).toBe(200);
  // nginx's $request_id: 32 hex digits, passed on to the app and returned by it.
  const id = res.headers()['x-request-id'];
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  await expect.poll(() => servers.some((s) => s.logLines().some((l) => l.requestId === id && l.path === '/partners'))).toBe(true);
  await expect.poll(() => readFileSync(path.join(nginxDir, 'amity.access.log'), 'utf8')).toContain(`rid=${id}`);
  expect(res.headers()['strict-transport-security']).toContain('max-age=');
  const plain = await fetch('http://127.0.0.1:8480/partners', { redirect: 'manual' });
  expect(plain.status).toBe(301);
  expect(plain.headers.get('location')).toBe('https://127.0.0.1/partners');
});

test("an edit saved through one instance shows on the other instance's public page at the next request", async ({ page }) => {
  /** Lahore's row in the public directory, asked of one instance directly (each keeps its own cache). */
  const lahoreRowOn = async (port: number) => {
    const html = await (await fetch(`http://127.0.0.1:${port}/partners?q=lahore`)).text();
    const row = html.match(/<tr[^>]*>(?:(?!<\/tr>)[\s\S])*Lahore(?:(?!<\/tr>)[\s\S])*<\/tr>/)?.[0] ?? '';
    return row.replace(/<[^>]+>/g, ' ');
  };
  // Both instances have the directory in their cache.
  for (const port of INSTANCES) for (let i = 0; i < 2; i++) expect(await lahoreRowOn(port)).toMatch(/\b2021\b/);

  // The throttle test above has locked the editor out for a while; the admin edits.
  await signIn(page, 'admin@amity.test', DEMO_PASSWORD);
  await expectSignedIn(page, '/account');
  await page.goto('/partnerships?q=lahore');
  await page.getByRole('link', { name: 'Lahore', exact: true }).first().click();
  await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
  await page.goto(`${new URL(page.url()).pathname}/edit`);
  await page.getByLabel('Date established').fill('2020-11');
  const saved = page.waitForResponse((r) => r.request().method() === 'POST' && /\/partnerships\/[0-9a-f-]{36}\/edit$/.test(new URL(r.url()).pathname));
  await page.getByRole('button', { name: 'Save changes' }).click();
  const writer = upstream((await saved).headers());
  await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
  const other = INSTANCES.find((port) => !writer.endsWith(`:${port}`))!;
  expect(writer).not.toBe('');

  // The instance that did not make the write serves the change within seconds (its cache hears of it through
  // PostgreSQL, in milliseconds); the writer's own instance at once.
  await expect.poll(() => lahoreRowOn(other), { timeout: 5000 }).toMatch(/\b2020\b/);
  expect(await lahoreRowOn(INSTANCES.find((port) => port !== other)!)).toMatch(/\b2020\b/);
});
