import { checkDatabase } from '@/db/health';

export const dynamic = 'force-dynamic';

/** 200 when the database answers, 503 otherwise; says nothing about why (that goes to the log). */
export async function GET() {
  const ok = await checkDatabase();
  return Response.json(
    { status: ok ? 'ok' : 'unavailable' },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
