import { z } from 'zod';
import { CONTINENTS } from '../countries';
import { COOPERATION_FIELDS, PARTNERSHIP_TYPES } from '../domain';
import { MAX_SEARCH_LENGTH, queryText } from './search-params';

/** Sort orders of the public directory; a leading '-' is descending. */
export const DIRECTORY_SORTS = ['name', '-name', 'country', '-country', 'year', '-year'] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

/** Rows per page of the public directory. */
export const DIRECTORY_PAGE_SIZE = 50;

/** The earliest and latest years the year filters take. */
export const DIRECTORY_YEARS = { min: 1900, max: 2100 } as const;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** An optional choice from a closed set; anything else (absent, empty, unknown, repeated) means no filter. */
function choice<T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(first, z.enum(values).optional().catch(undefined));
}
const year = z.preprocess(
  first,
  z.coerce.number().int().min(DIRECTORY_YEARS.min).max(DIRECTORY_YEARS.max).optional().catch(undefined),
);

/**
 * The public directory's query string: `q` (a name in English or Chinese, current or former, or a country's
 * name), `continent` (countries-list code: AS, EU ...), `country` (ISO 3166-1 alpha-2), `type` of tie, cooperation
 * `field`, `from` and `to` (years established, inclusive; given the wrong way round they are swapped), `sort` and
 * `page`. Malformed or unknown values are dropped, not refused; only an over-long search fails, which the page
 * reports (parseSearchParams).
 */
export const directoryFilterSchema = z
  .object({
    q: queryText(MAX_SEARCH_LENGTH),
    continent: choice(CONTINENTS),
    country: z.preprocess(first, z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).optional().catch(undefined)),
    type: choice(PARTNERSHIP_TYPES),
    field: choice(COOPERATION_FIELDS),
    from: year,
    to: year,
    sort: z.preprocess(first, z.enum(DIRECTORY_SORTS).catch('name').default('name')),
    page: z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1)),
  })
  .transform((f) => (f.from !== undefined && f.to !== undefined && f.from > f.to ? { ...f, from: f.to, to: f.from } : f));

export type DirectoryFilter = z.output<typeof directoryFilterSchema>;

/** Whether the filter narrows the list (search text or any filter), as opposed to only sorting or paging it. */
export function isNarrowed(filter: DirectoryFilter): boolean {
  return Boolean(filter.q || filter.continent || filter.country || filter.type || filter.field || filter.from || filter.to);
}
