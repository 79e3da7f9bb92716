import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import { db } from '@/db/index';
import { queryPhotoContent } from '@/db/queries/activity-photos-core';
import { getCurrentUser } from '@/lib/auth/guards';
import { can } from '@/lib/permissions';

export const dynamic = 'force-dynamic';

// Staff photos change (a delete, a restore) and are never public through this route: no shared cache keeps them.
const PRIVATE = { 'Cache-Control': 'private, no-store' };

/**
 * GET /activities/[id]/photos/[photoId]: the display copy of a photo of the activity (WebP, shown inline), or with
 * `?original=1` the bytes as uploaded, always as a download. Staff only. Types are the ones the upload recognised by
 * content (never SVG or HTML); nosniff and a sandboxing CSP besides. Admins also get a deleted photo (to see what
 * they restore). 401 without a session, 403 for an account that must finish its setup, 404 for anything else.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; photoId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'sign_in_required' }, { status: 401, headers: PRIVATE });
  if (user.mustChangePassword || user.mustEnrolTotp || !can(user.role, 'registry:read')) {
    return Response.json({ error: 'forbidden' }, { status: 403, headers: PRIVATE });
  }
  const { id, photoId } = await params;
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(photoId).success) return Response.json({ error: 'not_found' }, { status: 404, headers: PRIVATE });
  const original = new URL(request.url).searchParams.get('original') === '1';
  const photo = await queryPhotoContent(db, id, photoId, { original, includeDeleted: can(user.role, 'registry:restore') });
  if (!photo) return Response.json({ error: 'not_found' }, { status: 404, headers: PRIVATE });
  const etag = `"${photo.sha256}${original ? '' : '-display'}"`;
  const common = { ETag: etag, 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; sandbox", ...PRIVATE };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: common });
  const displayName = photo.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '') + '.webp';
  return new Response(photo.content as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': photo.mediaType,
      'Content-Length': String(photo.content.byteLength),
      // RFC 6266: an ASCII fallback and the exact UTF-8 name.
      'Content-Disposition': original ? contentDisposition(photo.fileName) : contentDisposition(displayName, { type: 'inline' }),
      ...common,
    },
  });
}
