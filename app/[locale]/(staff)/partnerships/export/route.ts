import { create as contentDisposition } from 'content-disposition';
import { db } from '@/db/index';
import { getHomeLocality } from '@/db/queries/home';
import { queryPartnershipsForExport } from '@/db/queries/partnerships-core';
import { getCurrentUser } from '@/lib/auth/guards';
import { toCsv } from '@/lib/csv-export';
import { toXlsx } from '@/lib/xlsx-export';
import { partialDateText } from '@/lib/calendar-date';
import { can } from '@/lib/permissions';
import { partnershipFilterSchema } from '@/lib/validation/partnerships';

export const dynamic = 'force-dynamic';

// Stable column names (they do not change with the reader's language), so a file can be compared and re-imported.
const HEADER = [
  'id',
  'partner_en',
  'partner_zh',
  'partner_country',
  'partner_level',
  'home_en',
  'home_zh',
  'type',
  'status',
  'established',
  'established_precision',
  'established_basis',
  'cooperation_fields',
  'public',
  'summary_en',
  'summary_zh',
  'deleted',
];

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * GET /partnerships/export?<the list's filters>[&format=xlsx]: the filtered staff list as CSV, or as XLSX with
 * `format=xlsx` (every page, up to 20,000 rows), in the import's own columns (/partnerships/import reads either back).
 * Staff only: 401 without a session, 403 for an account that must finish its setup. Internal notes are left out.
 */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'sign_in_required' }, { status: 401, headers: { 'Cache-Control': 'no-store' } });
  if (user.mustChangePassword || user.mustEnrolTotp || !can(user.role, 'registry:read')) {
    return Response.json({ error: 'forbidden' }, { status: 403, headers: { 'Cache-Control': 'no-store' } });
  }
  const { format, ...params } = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = partnershipFilterSchema.safeParse(params);
  const filter = parsed.success ? parsed.data : partnershipFilterSchema.parse({});
  if (filter.deleted && !can(user.role, 'registry:restore')) filter.deleted = undefined;
  const home = await getHomeLocality();
  const rows = await queryPartnershipsForExport(db, filter, home?.id ?? null);
  const data = rows.map((r): Array<string | number | boolean | null> => [
    r.id,
    r.partner.nameEn,
    r.partner.nameZh,
    r.partner.countryCode,
    r.partner.level,
    r.home.nameEn,
    r.home.nameZh,
    r.type,
    r.status,
    partialDateText(r.establishedOn, r.establishedPrecision),
    r.establishedPrecision,
    r.establishedBasis,
    r.cooperationFields.join(';'),
    r.isPublic,
    r.summaryEn,
    r.summaryZh,
    r.deletedAt ? r.deletedAt.toISOString() : '',
  ]);
  const day = new Date().toISOString().slice(0, 10);
  const xlsx = format === 'xlsx';
  const body = xlsx ? await toXlsx(HEADER, data) : toCsv(HEADER, data);
  return new Response(body as BodyInit, {
    headers: {
      'Content-Type': xlsx ? XLSX_TYPE : 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(`partnerships-${day}.${xlsx ? 'xlsx' : 'csv'}`),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
