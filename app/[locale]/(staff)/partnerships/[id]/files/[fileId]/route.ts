import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import { db } from '@/db/index';
import { fileContentStream, queryFileMeta } from '@/db/queries/files-core';
import { getCurrentUser } from '@/lib/auth/guards';
import { can } from '@/lib/permissions';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * GET /partnerships/[id]/files/[fileId]: a signed copy of an agreement or a lifecycle step of the partnership, for
 * staff. Always a download (never shown inline), with nosniff, a sandboxing CSP and its sha256 as the ETag; the bytes
 * stream from the database one stored part at a time. A deleted file is not served. 401 without a session, 403
 * for an account that must finish its setup, 404 for anything else.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'sign_in_required' }, { status: 401, headers: NO_STORE });
  if (user.mustChangePassword || user.mustEnrolTotp || !can(user.role, 'registry:read')) {
    return Response.json({ error: 'forbidden' }, { status: 403, headers: NO_STORE });
  }
  const { id, fileId } = await params;
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(fileId).success) return Response.json({ error: 'not_found' }, { status: 404, headers: NO_STORE });
  const file = await queryFileMeta(db, id, fileId);
  if (!file) return Response.json({ error: 'not_found' }, { status: 404, headers: NO_STORE });
  const etag = `"${file.sha256}"`;
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { ETag: etag, ...NO_STORE } });
  return new Response(fileContentStream(db, file.id), {
    headers: {
      'Content-Type': file.mediaType,
      'Content-Length': String(file.byteSize),
      // RFC 6266: an ASCII fallback and the exact UTF-8 name (协议.pdf stays 协议.pdf).
      'Content-Disposition': contentDisposition(file.fileName),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Content-Type-Options': 'nosniff',
      ETag: etag,
      ...NO_STORE,
    },
  });
}
