import { matchLocalities } from '@/db/queries/localities';
import { getCurrentUser } from '@/lib/auth/guards';
import { searchGazetteer } from '@/lib/gazetteer';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { can } from '@/lib/permissions';
import { parseSearchParams, queryText } from '@/lib/validation/search-params';
import { z } from 'zod';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };
const querySchema = z.object({
  q: queryText(100),
  country: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().regex(/^[A-Za-z]{2}$/).optional().catch(undefined)),
});

/**
 * GET /partnerships/gazetteer?q=lahore[&country=PK]: places for the partner picker, as JSON: key, English name,
 * country code and name (in the page's language), level, coordinates, population, and `existingId` when the
 * registry already holds a locality of that country and name (offered instead of a duplicate). Editors and admins.
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'sign_in_required' }, { status: 401, headers: NO_STORE });
  if (user.mustChangePassword || user.mustEnrolTotp || !can(user.role, 'registry:write')) {
    return Response.json({ error: 'forbidden' }, { status: 403, headers: NO_STORE });
  }
  const { locale } = await params;
  const { value } = parseSearchParams(querySchema, Object.fromEntries(new URL(request.url).searchParams));
  const entries = searchGazetteer(value.q, { countryCode: value.country?.toUpperCase(), limit: 12 });
  const known = await matchLocalities(entries);
  const names = new Intl.DisplayNames([LANGUAGE_TAG[(locale === 'zh' ? 'zh' : 'en') as Locale]], { type: 'region' });
  return Response.json(
    {
      results: entries.map((e, i) => ({
        ...e,
        country: names.of(e.countryCode) ?? e.countryCode,
        existingId: known[i] ?? null,
      })),
    },
    { headers: NO_STORE },
  );
}
