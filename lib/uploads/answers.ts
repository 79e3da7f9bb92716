import { safeCallbackPath } from '../auth/guards';
import { publicUrl } from '../security/public-url';

// The proxy does not run for the upload routes: their answers carry HSTS themselves when the app is served over HTTPS.
const HSTS: Record<string, string> =
  publicUrl()?.protocol === 'https:' ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {};

// Answers of the streamed upload routes (app/uploads/route.ts, app/uploads/photos/route.ts) outside the proxy: plain refusals for requests
// no form of ours sends, the 303 back to the form's page, the way to sign in. Server only.

/** A refusal for a request no form sends: plain, in both languages, without detail (as proxy.ts does). */
export function refusal(status: 400 | 403 | 413, [en, zh]: readonly [string, string]): Response {
  const body =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${en} · ${zh}</title></head>` +
    `<body><main><h1>${en}</h1><p lang="zh-CN">${zh}</p><p><a href="/partnerships">Amity</a></p></main></body></html>`;
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      ...HSTS,
    },
  });
}

export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store', ...HSTS } });
}

/** The sign-in page, coming back to the page the form was on when the browser said which (same origin only). */
export function toLogin(request: Request): Response {
  let from: string | null = null;
  try {
    const referer = new URL(request.headers.get('referer') ?? '');
    const origin = request.headers.get('origin');
    if (origin && referer.origin === origin) from = safeCallbackPath(referer.pathname);
  } catch {
    from = null;
  }
  const zh = from === '/zh' || Boolean(from?.startsWith('/zh/'));
  const callbackUrl = from ? from.replace(/^\/zh(?=\/|$)/, '') || '/' : null;
  return seeOther(`${zh ? '/zh' : ''}/login${callbackUrl ? `?${new URLSearchParams({ callbackUrl })}` : ''}`);
}
