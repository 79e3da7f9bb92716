import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { STORAGE } from './fixtures';
import { actionId } from './support/actions';

// Whatever arrives in a URL, a query string or an action payload, no route answers 5xx or shows internals. The
// routes come from the production build's manifest, so a new page or route handler joins this table by existing.

/** Every app route of the build as a path template, e.g. '/partners', '/admin/users', '/api/health'. */
function buildRoutes(): string[] {
  const manifest = JSON.parse(readFileSync('.next/server/app-paths-manifest.json', 'utf8')) as Record<string, string>;
  return Object.keys(manifest)
    .map((key) =>
      key
        .replace(/\/(page|route)$/, '')
        .replace(/\/\([^)]+\)/g, '')
        .replace(/^\/\[locale\]/, ''),
    )
    .filter((p) => !/^\/(_global-error|_not-found|icon\.svg)/.test(p))
    .map((p) => p || '/');
}

/** The route in both languages, with any dynamic segment filled with a value that names nothing. */
function addresses(route: string): string[] {
  const filled = route.replace(/\[\[?\.\.\.[^\]]+\]\]?/g, 'no-such-page').replace(/\[[^\]]+\]/g, 'no-such-record');
  if (filled.startsWith('/api/')) return [filled];
  return [filled, filled === '/' ? '/zh' : `/zh${filled}`];
}

const BAD_QUERIES = [
  '?q=%00',
  '?q=a%00b&page=%00',
  '?q=%E0%A4%A',
  '?q=%ff%fe',
  '?q=a&q=b&page=1&page=2',
  `?q=${'x'.repeat(10_000)}`,
  `?q=${'界'.repeat(3_000)}`,
  '?page=abc&from=2026-99-99&to=yesterday&user=%27%3B%20drop%20table%20users%3B--',
  '?page=-1&page=99999999999999999999',
  '?callbackUrl=%2F%2Fevil.example&callbackUrl=javascript:alert(1)',
  '?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '?q[]=1&q[x]=2',
];
/** `/partners` + `%00` is `/partners%00`; `/` + `%00` is `/%00`, never `//%00` (another host to a URL parser). */
function withSuffix(address: string, suffix: string): string {
  if (address !== '/') return `${address}${suffix}`;
  return suffix.startsWith('/') ? suffix : `/${suffix}`;
}

const BAD_SUFFIXES = ['/%E0%A4%A', '%00', '/%C0%AF', '/..%2F..%2Fetc%2Fpasswd', `/${'a'.repeat(5_000)}`];

// Text that would mean a stack, a query, a file path or a secret reached the reader.
const INTERNALS =
  /\bat [\w.<>$]+ \(|node_modules|\/work\/|\.tsx?:\d+|Failed query|syntax error at|violates [\w ]*constraint|relation "\w+"|PGlite|postgres:\/\/|DATABASE_URL|AUTH_SECRET/i;

async function expectHandled(request: APIRequestContext, url: string) {
  const res = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
  const label = url.length > 120 ? `${url.slice(0, 120)}…` : url;
  expect(res.status(), label).toBeLessThan(500);
  // 405: a route handler without GET (the upload route takes POST only).
  expect([200, 303, 307, 308, 400, 404, 405, 414, 431], label).toContain(res.status());
  const body = await res.text();
  expect(body, label).not.toMatch(INTERNALS);
  expect(body, label).not.toContain('<script>alert(1)');
}

const routes = buildRoutes();

test('the route table holds the public pages, the staff pages and the route handlers', () => {
  expect(routes).toEqual(expect.arrayContaining(['/', '/partners', '/login', '/account', '/admin/users', '/admin/audit', '/api/health']));
});

for (const [who, storageState] of [
  ['anyone', undefined],
  ['an admin', STORAGE.admin],
] as const) {
  test.describe(`bad input from ${who}`, () => {
    test.use({ storageState });
    for (const route of routes) {
      test(`${route} answers without a 5xx`, async ({ request }) => {
        for (const address of addresses(route)) {
          await expectHandled(request, address);
          for (const query of BAD_QUERIES) await expectHandled(request, `${address}${query}`);
          for (const suffix of BAD_SUFFIXES) await expectHandled(request, withSuffix(address, suffix));
        }
      });
    }
  });
}

test.describe('the four faults found by a new user', () => {
  test('/partners?q=%00 is refused with 400, not 500', async ({ request }) => {
    const res = await request.get('/partners?q=%00');
    expect(res.status()).toBe(400);
    expect(await res.text()).toContain('Bad request');
  });

  test('/partners/%E0%A4%A is refused with 400, not 500', async ({ request }) => {
    const res = await request.get('/partners/%E0%A4%A');
    expect(res.status()).toBe(400);
  });

  test('a malformed path under /_next/ is refused with 400, not 500', async ({ request }) => {
    expect((await request.get('/_next/static/%E0%A4%A')).status()).toBe(400);
  });

  test('an over-long search shows the directory with a message', async ({ page }) => {
    await page.goto(`/zh/partners?q=${'拉'.repeat(150)}`);
    await expect(page.getByText('搜索内容最多 100 个字符，现显示全部伙伴。')).toBeVisible();
    await expect(page.getByRole('status')).toContainText('93');
  });
});

test.describe('forged server-action payloads', () => {
  const cases: Array<[string, { body: string | FormData; type?: string }]> = [
    ['a body that is not JSON', { body: 'garbage{', type: 'text/plain;charset=UTF-8' }],
    ['JSON of the wrong shape', { body: '["not a form"]', type: 'text/plain;charset=UTF-8' }],
    ['an empty argument list', { body: '[]', type: 'text/plain;charset=UTF-8' }],
    ['a number where the arguments go', { body: '42', type: 'text/plain;charset=UTF-8' }],
  ];
  const multipart = (entries: Array<[string, string]>) => {
    const fd = new FormData();
    for (const [k, v] of entries) fd.append(k, v);
    return fd;
  };
  cases.push(
    ...(['["$1"]', '["$Q1"]', '["$W1"]', '["$h1"]', '["$F1"]', '["$B1"]', '["$S"]'].map(
      (body) => [`a reference no form sends, ${body}`, { body, type: 'text/plain;charset=UTF-8' }] as [string, { body: string; type: string }],
    )),
    ['arguments nested 6,000 deep', { body: `${'['.repeat(6000)}${']'.repeat(6000)}`, type: 'text/plain;charset=UTF-8' }],
    ['a 1.1 MB body that is not JSON', { body: 'x'.repeat(1_100_000), type: 'text/plain;charset=UTF-8' }],
    ['a multipart body whose argument list is not JSON', { body: multipart([['_1_email', 'a@b.c'], ['0', '[{"status":']]) }],
    ['a multipart body without an argument list', { body: multipart([['_1_email', 'a@b.c']]) }],
    ['a 100,000-character email', { body: multipart([['_1_email', 'a'.repeat(100_000)], ['_1_password', 'x'], ['0', '[{},"$K1"]']]) }],
    ['a NUL in the password', { body: multipart([['_1_email', 'admin@amity.test'], ['_1_password', 'a\u0000b'], ['0', '[{},"$K1"]']]) }],
  );

  for (const [what, { body, type }] of cases) {
    test(`sign-in with ${what} is answered without a 5xx`, async ({ baseURL }) => {
      const res = await fetch(`${baseURL}/login`, {
        method: 'POST',
        body,
        headers: { 'Next-Action': actionId('signInAction'), Origin: new URL(baseURL!).origin, ...(type ? { 'Content-Type': type } : {}) },
      });
      expect(res.status).toBeLessThan(500);
      expect(await res.text()).not.toMatch(INTERNALS);
    });
  }

  test('a form posted without JavaScript that does not decode is answered without a 5xx', async ({ baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const broken = await fetch(`${baseURL}/partners`, {
      method: 'POST',
      body: 'garbage',
      headers: { Origin: origin, 'Content-Type': 'multipart/form-data; boundary=zzz' },
    });
    expect(broken.status).toBeLessThan(500);
    const missingPart = new FormData();
    missingPart.append('$ACTION_REF_1', '');
    missingPart.append('$ACTION_1:0', JSON.stringify({ id: actionId('signInAction'), bound: '$@1' }));
    missingPart.append('email', 'a@b.c');
    const res = await fetch(`${baseURL}/login`, { method: 'POST', body: missingPart, headers: { Origin: origin } });
    expect(res.status).toBeLessThan(500);
  });

  test('TRACE and unknown methods get 405', async ({ baseURL }) => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${baseURL}/partners`, { method: 'TRACE' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(405);
  });

  test('a call to an action id that does not exist is answered without a 5xx', async ({ baseURL }) => {
    const res = await fetch(`${baseURL}/login`, {
      method: 'POST',
      body: '[]',
      headers: { 'Next-Action': 'ff'.repeat(21), Origin: new URL(baseURL!).origin, 'Content-Type': 'text/plain;charset=UTF-8' },
    });
    expect(res.status).toBeLessThan(500);
  });
});
