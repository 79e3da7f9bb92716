import { openDataCsv } from '@/lib/open-data';
import { openDataResponse } from '../respond';

export const dynamic = 'force-dynamic';

/**
 * GET /api/open-data/partners.csv: the public directory as CSV (UTF-8 with BOM, a header row; columns in
 * lib/open-data.ts OPEN_DATA_COLUMNS, explained on /open-data), downloaded as partners.csv. Anyone; no session read.
 */
export async function GET(request: Request) {
  return openDataResponse(request, { name: 'partners.csv', type: 'text/csv', attachment: true }, openDataCsv);
}
