/** The page Content-Security-Policy for one response, allowing only scripts that carry its nonce. */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === 'development'): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its dev tools; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Paths anyone may open without signing in; every other page is staff-only and must not be cached. */
export function isPublicPath(pathname: string): boolean {
  const p = pathname.replace(/^\/zh(?=\/|$)/, '') || '/';
  return (
    p === '/' ||
    p === '/partners' ||
    p.startsWith('/partners/') ||
    p === '/open-data' ||
    p.startsWith('/open-data/') ||
    p.startsWith('/files/') ||
    p.startsWith('/photos/') ||
    pathname.startsWith('/map/') ||
    p === '/login' ||
    p.startsWith('/api/health') ||
    p.startsWith('/api/open-data') ||
    // Root metadata files: the site icon and what search engines read.
    pathname === '/icon.svg' ||
    pathname === '/robots.txt' ||
    pathname === '/sitemap.xml'
  );
}

// Staff areas; the proxy sends a visitor without a session cookie to /login before rendering anything.
export const STAFF_PREFIXES = ['/account', '/admin', '/dashboard', '/partnerships', '/activities', '/forbidden'];

/** The path without its /zh prefix, if it is a staff page; else null. */
export function staffPath(pathname: string): string | null {
  const p = pathname.replace(/^\/zh(?=\/|$)/, '') || '/';
  return STAFF_PREFIXES.some((s) => p === s || p.startsWith(`${s}/`)) ? p : null;
}
