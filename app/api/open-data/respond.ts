import 'server-only';
import { createHash } from 'node:crypto';
import { create as contentDisposition } from 'content-disposition';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { getOpenDataDirectory, type OpenDataDirectory } from '@/db/queries/open-data';
import { siteOrigin } from '@/lib/seo';

// Public data, the same for everyone: shared caches may keep it, but must ask again each time (the ETag makes
// that a 304 without a body), so a download shows a staff edit at the next request, as the pages do.
const CACHE_CONTROL = 'public, no-cache';

/** Whether an If-None-Match header names this ETag (a list, a weak form, or `*`). */
export function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/** The attribution line in both languages, from the catalogue. */
export async function attribution(): Promise<{ en: string; zh: string }> {
  const [en, zh] = await Promise.all([
    getTranslations({ locale: 'en', namespace: 'openData' }),
    getTranslations({ locale: 'zh', namespace: 'openData' }),
  ]);
  return { en: en('attributionText'), zh: zh('attributionText') };
}

/**
 * Answers a download of the public directory: the document `render` builds from the cached directory (lib/open-data.ts),
 * with its type and charset, its file name, a sha256 ETag (304 when the client holds it) and no cookies. A
 * database that does not answer gives 503 (logged), never the error's text.
 */
export async function openDataResponse(
  request: Request,
  file: { name: string; type: string; attachment: boolean },
  render: (directory: OpenDataDirectory, origin: string) => Promise<string> | string,
): Promise<Response> {
  let body: string;
  try {
    const origin = siteOrigin(await headers()) ?? new URL(request.url).origin;
    body = await render(await getOpenDataDirectory(), origin);
  } catch (error) {
    console.error({ msg: 'open data download failed', file: file.name, error: error instanceof Error ? error.message : String(error) });
    return Response.json({ error: 'unavailable' }, { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '30' } });
  }
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
  const common = {
    ETag: etag,
    'Cache-Control': CACHE_CONTROL,
    'X-Content-Type-Options': 'nosniff',
    'Access-Control-Allow-Origin': '*',
  };
  if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: common });
  return new Response(body, {
    headers: {
      ...common,
      'Content-Type': `${file.type}; charset=utf-8`,
      'Content-Disposition': contentDisposition(file.name, { type: file.attachment ? 'attachment' : 'inline' }),
    },
  });
}
