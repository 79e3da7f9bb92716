import { openDataJson } from '@/lib/open-data';
import { attribution, openDataResponse } from '../respond';

export const dynamic = 'force-dynamic';

/**
 * GET /api/open-data/partners.json: the public directory as JSON (shape: lib/open-data.ts OpenDataJson, with its
 * version and licence), shown inline. Anyone; no session read.
 */
export async function GET(request: Request) {
  return openDataResponse(request, { name: 'partners.json', type: 'application/json', attachment: false }, async (directory, origin) =>
    `${JSON.stringify(openDataJson(directory, origin, await attribution()), null, 2)}\n`,
  );
}
