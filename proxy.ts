import createIntlMiddleware from 'next-intl/middleware';
import { type NextRequest, NextResponse } from 'next/server';
import { routing } from './lib/i18n/routing';
import { contentSecurityPolicy, isPublicPath, staffPath } from './lib/security/headers';
import { publicUrl } from './lib/security/public-url';
import { actionPayloadDecodes, checkRequestTarget, MAX_CHECKED_ACTION_BYTES, MAX_REQUEST_BYTES, noScriptActionDecodes, originAllowed } from './lib/security/request-guard';

const intl = createIntlMiddleware(routing);
// Read once per process: the address the public uses (see lib/security/public-url.ts). startup.ts refuses an
// invalid value before the server answers anything.
const PUBLIC_URL = (() => {
  try {
    return publicUrl();
  } catch {
    return null;
  }
})();
const HSTS = 'max-age=63072000; includeSubDomains';
const DOWNLOAD_CSP = "default-src 'none'; sandbox";
/**
 * The public directory's map (/map/partners-en.svg), a document the directory's page frames: no script at all, its
 * own style sheet and the land image, framed by this site only; its links open their pages in the whole window.
 */
const MAP_DOCUMENT_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
/** Whether the path is a map document a page frames (app/map/[file]). */
function isMapDocumentPath(pathname: string): boolean {
  return /^\/map\/partners-[^/]+\.svg$/.test(pathname);
}
/**
 * Route handlers that send files: a signed copy (staff, or public at /files/[id]), the CSV of the list, an
 * activity's photo (staff, or public at /photos/[id]), the network map's land drawing (/map/land-<centre>.svg), a
 * staff user's calendar feed (/api/calendar/[token]).
 */
function isDownloadPath(pathname: string): boolean {
  return (
    /^(\/zh)?\/(partnerships\/([^/]+\/files\/[^/]+|export)|activities\/[^/]+\/photos\/[^/]+|files\/[^/]+|photos\/[^/]+)$/.test(pathname) ||
    /^\/(map|api\/calendar)\/[^/]+$/.test(pathname)
  );
}

const REFUSALS = {
  400: ['bad_request', 'Bad request', '请求无效'],
  403: ['forbidden', 'Forbidden', '禁止访问'],
  413: ['too_large', 'Too large', '请求过大'],
} as const;

/** A refusal before any page runs: plain, in both languages, with the page headers and no detail. */
function refuse(status: keyof typeof REFUSALS, pathname: string, csp: string): NextResponse {
  const api = pathname.startsWith('/api/');
  const [code, en, zh] = REFUSALS[status];
  const body = api
    ? JSON.stringify({ error: code })
    : `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${en} · ${zh}</title></head>` +
      `<body><main><h1>${en}</h1><p lang="zh-CN">${zh}</p>` +
      `<p><a href="/partners">Amity</a></p></main></body></html>`;
  return new NextResponse(body, {
    status,
    headers: {
      'Content-Type': api ? 'application/json' : 'text/html; charset=utf-8',
      'Content-Security-Policy': csp,
      'Cache-Control': 'no-store',
    },
  });
}

/**
 * Whether a POST's body is one Next can decode: a server-action call's arguments (actionPayloadDecodes), or a
 * form posted before JavaScript loaded (noScriptActionDecodes). A multipart body sent without a length is left
 * unread here (Next takes at most proxyClientMaxBodySize of it); other bodies without one are refused.
 */
async function postBodyDecodes(request: NextRequest): Promise<boolean> {
  const type = request.headers.get('content-type') ?? '';
  const multipart = type.startsWith('multipart/form-data');
  const fetchAction = request.headers.has('next-action');
  if (!fetchAction && !multipart) return true;
  const length = Number(request.headers.get('content-length'));
  if (!Number.isFinite(length) || length > MAX_CHECKED_ACTION_BYTES) return multipart;
  try {
    if (multipart) {
      const entries = [...(await request.clone().formData()).entries()];
      return fetchAction ? actionPayloadDecodes(entries, null) : noScriptActionDecodes(entries);
    }
    return actionPayloadDecodes(null, await request.clone().text());
  } catch {
    return false; // a multipart body that does not parse
  }
}

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const { pathname, search } = request.nextUrl;

  // Bad input stops here, for every route at once: a path or query that does not decode, or that carries NUL or
  // another control character, would otherwise reach a page or PostgreSQL (which refuses NUL with an error).
  const problem = checkRequestTarget(pathname, search);
  if (problem) return refuse(400, pathname, csp);

  // Cross-site request forgery: a state-changing request from another origin is refused here with a 403, before
  // any server action runs (Next's own check would answer it with a 500).
  const origin = PUBLIC_URL?.origin ?? null;
  if (!originAllowed(request.method, request.headers, origin)) {
    console.warn({
      msg: 'refused a request from a foreign origin',
      method: request.method,
      path: pathname,
      origin: request.headers.get('origin')?.slice(0, 200),
      expected: origin ?? `the request's own host (${request.headers.get('x-forwarded-host') ?? request.headers.get('host')}); behind a proxy, set AMITY_PUBLIC_URL`,
    });
    return refuse(403, pathname, csp);
  }
  // An oversize body is refused from its declared length, before anything reads it (forms send text only, so
  // only a forged or scripted request gets here).
  if (Number(request.headers.get('content-length') ?? 0) > MAX_REQUEST_BYTES) return refuse(413, pathname, csp);
  if (request.method === 'POST' && !(await postBodyDecodes(request))) {
    return refuse(400, pathname, csp);
  }
  // Behind a reverse proxy the Host and X-Forwarded-Host headers may lack the port or the scheme the browser
  // used (nginx's $host). The configured public address is the truth: Next's server-action origin check and
  // next-auth's URLs both read these headers, and the Origin was checked against it just above.
  if (PUBLIC_URL) {
    request.headers.set('x-forwarded-host', PUBLIC_URL.host);
    request.headers.set('x-forwarded-proto', PUBLIC_URL.protocol.replace(':', ''));
  }

  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  request.headers.set('x-nonce', nonce);
  request.headers.set('content-security-policy', csp);

  const staff = staffPath(pathname);
  // An early redirect for visitors with no session cookie at all; pages, queries and actions do the real check.
  // Over HTTPS next-auth prefixes the cookie name with __Secure-.
  const hasSessionCookie = request.cookies.getAll().some((c) => /(^|[.-])authjs\.session-token(\.\d+)?$/.test(c.name));
  let response: NextResponse;
  if (staff && !hasSessionCookie) {
    const login = request.nextUrl.clone();
    login.pathname = pathname.startsWith('/zh') ? '/zh/login' : '/login';
    login.search = new URLSearchParams({ callbackUrl: `${staff}${search}` }).toString();
    response = NextResponse.redirect(login);
    response.headers.set('Cache-Control', 'no-store');
  } else {
    // Route handlers and root metadata files (/icon.svg, later /robots.txt, /sitemap.xml) have no locale: the
    // locale rewrite would send them to /en/icon.svg, which is a 404.
    const localeFree =
      pathname.startsWith('/api/') || pathname.startsWith('/map/') || /^\/[\w-]+\.(svg|png|ico|txt|xml|webmanifest)$/.test(pathname);
    response = localeFree ? NextResponse.next({ request: { headers: request.headers } }) : intl(request);
    if (!isPublicPath(pathname)) response.headers.set('Cache-Control', 'no-store');
  }
  // Downloads (signed files, CSV) keep the sandbox CSP their route sets; pages get the nonce CSP.
  response.headers.set('Content-Security-Policy', isMapDocumentPath(pathname) ? MAP_DOCUMENT_CSP : isDownloadPath(pathname) ? DOWNLOAD_CSP : csp);
  if (PUBLIC_URL?.protocol === 'https:') response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

export const config = {
  // Static build output is excluded; next.config.js gives it its headers. So are the upload routes (app/uploads,
  // app/uploads/photos, app/uploads/import): the proxy would read their bodies (up to proxyClientMaxBodySize) before passing them on;
  // the handlers stream them and make the origin check themselves.
  matcher: ['/((?!_next/static|_next/image|uploads(?:/photos|/import)?$).*)'],
};
