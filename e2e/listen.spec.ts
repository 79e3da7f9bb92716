import { expect, test } from '@playwright/test';
import { startServer } from './support/server';

// `npm start -- -H ADDRESS`, as an app is bound behind a proxy on the same host: every address serves the pages
// without a redirect loop (next start -H 127.0.0.1 redirected /partners to itself forever).
const ADDRESSES = [
  { host: '127.0.0.1', base: 'http://127.0.0.1:3291' },
  { host: '::1', base: 'http://[::1]:3291' },
  { host: '0.0.0.0', base: 'http://127.0.0.1:3291' },
];

test.describe('listening address', () => {
  test.describe.configure({ timeout: 90_000 });

  for (const { host, base } of ADDRESSES) {
    test(`-H ${host} serves /, /partners and /zh/partners`, async () => {
      const server = await startServer({
        port: 3291,
        base,
        args: ['-H', host, '-p', '3291'],
        env: { DATABASE_URL: '', PGLITE_DATA_DIR: 'memory://' },
      });
      try {
        const root = await fetch(`${base}/`, { redirect: 'manual' });
        expect(root.status).toBe(307);
        expect(new URL(root.headers.get('location')!, base).pathname).toBe('/partners');
        for (const path of ['/partners', '/zh/partners']) {
          const res = await fetch(`${base}${path}`, { redirect: 'manual' });
          expect(res.status, path).toBe(200);
          // An empty database (no home locality yet): the page still renders, with the app's header.
          expect(await res.text(), path).toContain('Amity');
        }
        // The log names the address it listens on.
        expect(server.output()).toContain(`amity: listening on ${host === '::1' ? '[::1]' : host}:3291`);
      } finally {
        expect(await server.stop()).toBe(0);
      }
    });
  }
});
