import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import { db } from '@/db/index';
import { queryPublicPhoto } from '@/db/queries/public-photo-core';

export const dynamic = 'force-dynamic';

// A public photo may stop being public (staff unmark or delete it): caches keep it a minute at most.
const CACHE = { 'Cache-Control': 'public, max-age=60' };
const NOT_FOUND = { 'Cache-Control': 'no-store' };

/**
 * GET /photos/[photoId] (and /zh/photos/[photoId]): the display copy (WebP, inline) of an activity photo staff
 * marked public, of a public activity of a public partnership, for anyone: the partner page shows it. 404 for every
 * other id, existing or not, so the answer says nothing about internal photos. The original upload is never sent
 * here (it may carry camera metadata). nosniff and a sandboxing CSP; its sha256 as the ETag. Reads no session.
 */
export async function GET(request: Request, { params }: { params: Promise<{ photoId: string }> }) {
  const { photoId } = await params;
  if (!z.uuid().safeParse(photoId).success) return Response.json({ error: 'not_found' }, { status: 404, headers: NOT_FOUND });
  const photo = await queryPublicPhoto(db, photoId);
  if (!photo) return Response.json({ error: 'not_found' }, { status: 404, headers: NOT_FOUND });
  const etag = `"${photo.sha256}-display"`;
  const common = { ETag: etag, 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; sandbox", ...CACHE };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: common });
  return new Response(photo.content as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': photo.mediaType,
      'Content-Length': String(photo.content.byteLength),
      'Content-Disposition': contentDisposition(photo.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '') + '.webp', { type: 'inline' }),
      ...common,
    },
  });
}
