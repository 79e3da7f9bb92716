import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import { db } from '@/db/index';
import { fileContentStream, queryPublicFileMeta } from '@/db/queries/files-core';

export const dynamic = 'force-dynamic';

// A public file may stop being public (staff unmark it, delete its agreement): caches keep it a minute at most.
const CACHE = { 'Cache-Control': 'public, max-age=60' };
const NOT_FOUND = { 'Cache-Control': 'no-store' };

/**
 * GET /files/[fileId] (and /zh/files/[fileId]): a signed copy staff marked public, of a public agreement or lifecycle
 * step of a public partnership, for anyone; 404 for every other id, public or not, existing or not, so the answer
 * says nothing about internal files. Always a download (attachment, nosniff, sandbox CSP), streamed part by part
 * from the database, its sha256 as the ETag. Reads no session.
 */
export async function GET(request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  const { fileId } = await params;
  if (!z.uuid().safeParse(fileId).success) return Response.json({ error: 'not_found' }, { status: 404, headers: NOT_FOUND });
  const file = await queryPublicFileMeta(db, fileId);
  if (!file) return Response.json({ error: 'not_found' }, { status: 404, headers: NOT_FOUND });
  const etag = `"${file.sha256}"`;
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { ETag: etag, ...CACHE } });
  return new Response(fileContentStream(db, file.id), {
    headers: {
      'Content-Type': file.mediaType,
      'Content-Length': String(file.byteSize),
      'Content-Disposition': contentDisposition(file.fileName),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Content-Type-Options': 'nosniff',
      ETag: etag,
      ...CACHE,
    },
  });
}
