import createIntlMiddleware from 'next-intl/middleware';
import { type NextRequest, NextResponse } from 'next/server';
import { routing } from './lib/i18n/routing';
import { contentSecurityPolicy, isPublicPath, staffPath } from './lib/security/headers';

const intl = createIntlMiddleware(routing);

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  request.headers.set('x-nonce', nonce);
  request.headers.set('content-security-policy', csp);

  const { pathname } = request.nextUrl;
  const staff = staffPath(pathname);
  // An early redirect for visitors with no session cookie at all; pages, queries and actions do the real check.
  const hasSessionCookie = request.cookies.getAll().some((c) => /(^|\.)authjs\.session-token(\.\d+)?$/.test(c.name));
  if (staff && !hasSessionCookie) {
    const login = request.nextUrl.clone();
    login.pathname = pathname.startsWith('/zh') ? '/zh/login' : '/login';
    login.search = new URLSearchParams({ callbackUrl: `${staff}${request.nextUrl.search}` }).toString();
    const redirect = NextResponse.redirect(login);
    redirect.headers.set('Content-Security-Policy', csp);
    redirect.headers.set('Cache-Control', 'no-store');
    return redirect;
  }
  const response = pathname.startsWith('/api/')
    ? NextResponse.next({ request: { headers: request.headers } })
    : intl(request);

  response.headers.set('Content-Security-Policy', csp);
  if (!isPublicPath(pathname)) response.headers.set('Cache-Control', 'no-store');
  return response;
}

export const config = {
  // Static build output is excluded; next.config.js gives it its headers.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
